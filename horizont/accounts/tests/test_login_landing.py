"""After login: where people land, and the invitation to two-factor (issue 15, item 5)."""

from __future__ import annotations

import pytest
from django.contrib.messages import get_messages

from horizont.network.models import Initiative, Membership
from horizont.testing.personas import make_user

pytestmark = pytest.mark.django_db
PASSWORD = "correct-horse-battery"


def _log_in(client, email, next_url=""):
    url = "/en/accounts/login/" + (f"?next={next_url}" if next_url else "")
    data = {"login": email, "password": PASSWORD}
    if next_url:
        data["next"] = next_url
    return client.post(url, data)


def _organizer(email):
    user = make_user(email)
    initiative = Initiative.objects.create(
        name="Free Voices", slug="free-voices", language="en", country="DE", city="Berlin",
        status=Initiative.Status.APPROVED,
    )  # fmt: skip
    Membership.objects.create(initiative=initiative, user=user, role="organizer", status="active")
    return user


def test_login_lands_on_the_start_page_not_the_profile_form(client):
    make_user("lena@example.org")
    response = _log_in(client, "lena@example.org")
    assert response.status_code == 302
    assert response["Location"] == "/en/"


def test_login_lands_where_people_were_going(client):
    make_user("lena@example.org")
    response = _log_in(client, "lena@example.org", "/en/events/")
    assert response["Location"] == "/en/events/"


def test_login_link_in_the_menu_carries_the_page(client):
    page = client.get("/en/events/?city=Berlin").content.decode()
    assert 'href="/en/accounts/login/?next=/en/events/%3Fcity%3DBerlin"' in page


def test_ordinary_member_gets_no_two_factor_invitation(client):
    make_user("lena@example.org")
    response = _log_in(client, "lena@example.org")
    assert not [m for m in get_messages(response.wsgi_request) if "two-factor" in str(m)]


def test_organizer_without_two_factor_is_invited_to_turn_it_on(client):
    _organizer("org@example.org")
    response = _log_in(client, "org@example.org")
    invitations = [str(m) for m in get_messages(response.wsgi_request) if "two-factor" in str(m)]
    assert len(invitations) == 1
    assert 'href="/en/accounts/2fa/totp/activate/"' in invitations[0]
    page = client.get(response["Location"]).content.decode()
    assert "Your role needs two-factor authentication" in page
    assert '<a href="/en/accounts/2fa/totp/activate/">' in page  # a link, not escaped text


def test_invitation_comes_in_the_readers_language(client):
    _organizer("org@example.org")
    response = client.post(
        "/de/accounts/login/", {"login": "org@example.org", "password": PASSWORD}
    )
    page = client.get(response["Location"]).content.decode()
    assert "Ihre Rolle braucht die Zwei-Faktor-Authentifizierung" in page


def test_moderator_with_two_factor_is_not_invited(client):
    make_user("mod@example.org", roles=("moderators",), mfa=True)
    response = _log_in(client, "mod@example.org")
    # The second step (the code) comes first; no invitation is queued for an enrolled user.
    assert not [m for m in get_messages(response.wsgi_request) if "two-factor" in str(m)]
