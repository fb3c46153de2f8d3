import re

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.core import mail

pytestmark = pytest.mark.django_db

User = get_user_model()


def _signup(client, email="new@example.org", lang="en", password="a-long-secret-phrase"):
    return client.post(
        f"/{lang}/accounts/signup/",
        {"email": email, "password1": password, "password2": password},
    )


def _confirmation_url(message) -> str:
    match = re.search(r"https?://[^/\s]+(/\S+/accounts/confirm-email/\S+/)", message.body)
    assert match, message.body
    return match.group(1)


def test_signup_sends_confirmation_and_confirming_allows_login(client):
    response = _signup(client)
    assert response.status_code == 302
    user = User.objects.get(email="new@example.org")
    assert user.display_name == ""
    assert len(mail.outbox) == 1
    url = _confirmation_url(mail.outbox[0])

    client.logout()
    assert client.get(url).status_code == 200
    assert client.post(url).status_code == 302
    assert EmailAddress.objects.get(email="new@example.org").verified

    response = client.post(
        "/en/accounts/login/", {"login": "new@example.org", "password": "a-long-secret-phrase"}
    )
    assert response.status_code == 302
    assert client.get("/en/me/profile/").status_code == 200


def test_login_before_confirmation_is_held_at_verification(client):
    _signup(client)
    client.logout()
    response = client.post(
        "/en/accounts/login/", {"login": "new@example.org", "password": "a-long-secret-phrase"}
    )
    assert response.status_code == 302
    assert "confirm-email" in response["Location"] or "verification" in response["Location"]
    assert client.get("/en/me/profile/").status_code == 302


def test_tampered_confirmation_link_says_so(client):
    _signup(client)
    url = _confirmation_url(mail.outbox[0])
    response = client.get(url[:-5] + "xxxx/")
    assert response.status_code == 200
    assert "expired or is invalid" in response.content.decode()
    assert not EmailAddress.objects.get(email="new@example.org").verified


def test_signup_errors_are_in_the_users_language(client):
    response = client.post(
        "/de/accounts/signup/",
        {"email": "x@example.org", "password1": "a-long-secret-1", "password2": "different-2"},
    )
    assert response.status_code == 200
    assert "Du musst zweimal das selbe Passwort eingeben" in response.content.decode()
    assert not User.objects.filter(email="x@example.org").exists()


def test_signup_rejects_duplicate_email_without_second_account(client, member):
    response = _signup(client, email="member@example.org")
    assert User.objects.filter(email="member@example.org").count() == 1
    assert response.status_code in (200, 302)


def test_signup_is_rate_limited(client, settings):
    settings.ACCOUNT_RATE_LIMITS = {**settings.ACCOUNT_RATE_LIMITS, "signup": "2/h/ip"}
    for i in range(2):
        client.logout()
        _signup(client, email=f"user{i}@example.org")
    client.logout()
    response = _signup(client, email="third@example.org")
    assert response.status_code == 429
    assert not User.objects.filter(email="third@example.org").exists()
