"""The entrepreneurs' directory: search, and contacts shared only on approval."""

import pytest
from django.core import mail
from django.db import connection

from horizont.forum.models import BusinessProfile, ContactRequest
from horizont.testing.personas import make_user

pytestmark = pytest.mark.django_db


def test_contact_is_encrypted_at_rest(business):
    with connection.cursor() as cursor:
        cursor.execute("SELECT contact FROM forum_businessprofile WHERE id = %s", [business.pk])
        stored = cursor.fetchone()[0]
    assert "bakery-contact" not in stored


def test_contact_hidden_until_owner_approves(client, business, member, outsider):
    page = client.get(business.get_absolute_url()).content.decode()
    assert "bakery-contact@example.org" not in page
    client.force_login(outsider)
    assert (
        "bakery-contact@example.org" not in client.get(business.get_absolute_url()).content.decode()
    )
    client.post(f"/en/forum/directory/{business.pk}/contact/", {"message": "Let's talk"})
    request = ContactRequest.objects.get()
    assert request.status == "requested"
    assert [m.to for m in mail.outbox] == [["member@example.org"]]
    page = client.get(business.get_absolute_url()).content.decode()
    assert "bakery-contact@example.org" not in page
    assert "The owner has not decided yet." in page
    # the requester cannot approve their own request
    response = client.post(
        f"/en/forum/directory/requests/{request.pk}/decide/", {"decision": "approve"}
    )
    assert response.status_code == 403
    request.refresh_from_db()
    assert request.status == "requested"
    client.force_login(member)
    assert "Let&#x27;s talk" in client.get("/en/forum/directory/requests/").content.decode()
    client.post(f"/en/forum/directory/requests/{request.pk}/decide/", {"decision": "approve"})
    assert len(mail.outbox) == 2 and mail.outbox[1].to == ["outsider@example.org"]
    client.force_login(outsider)
    assert "bakery-contact@example.org" in client.get(business.get_absolute_url()).content.decode()


def test_declined_request_keeps_contact_hidden(client, business, member, outsider):
    request = ContactRequest.objects.create(profile=business, requester=outsider)
    client.force_login(member)
    client.post(f"/en/forum/directory/requests/{request.pk}/decide/", {"decision": "decline"})
    client.force_login(outsider)
    page = client.get(business.get_absolute_url()).content.decode()
    assert "bakery-contact@example.org" not in page and "declined" in page
    # and asking again does not reopen it
    client.post(f"/en/forum/directory/{business.pk}/contact/", {"message": "again"})
    assert ContactRequest.objects.get().status == "declined"


def test_owner_cannot_request_own_contact_and_anonymous_cannot_request(client, business, member):
    response = client.post(f"/en/forum/directory/{business.pk}/contact/", {"message": "x"})
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    client.force_login(member)
    assert client.post(f"/en/forum/directory/{business.pk}/contact/", {}).status_code == 403
    assert not ContactRequest.objects.exists()


def test_only_owner_edits_or_deletes(client, business, outsider):
    client.force_login(outsider)
    assert client.get(f"/en/forum/directory/{business.pk}/edit/").status_code == 403
    assert client.post(f"/en/forum/directory/{business.pk}/delete/").status_code == 403
    assert BusinessProfile.objects.exists()


def test_member_adds_a_business(client, outsider):
    client.force_login(outsider)
    response = client.post(
        "/en/forum/directory/new/",
        {
            "name": "Oak Translations",
            "sector": "media",
            "country": "PL",
            "city": "Warsaw",
            "offers": "Sworn translations",
            "seeks": "",
            "contact": "@oak_translations",
        },
    )
    profile = BusinessProfile.objects.get()
    assert response.status_code == 302 and profile.owner == outsider
    response = client.post("/en/forum/directory/new/", {"name": "", "country": "XX"})
    assert response.status_code == 200
    assert set(response.context["form"].errors) >= {"name", "country", "sector", "offers"}


def test_search_filters(client, business):
    other = make_user("second@example.org")
    BusinessProfile.objects.create(
        owner=other, name="Vistula IT", sector="it", country="PL", city="Kraków",
        offers="Web shops", contact="x",
    )  # fmt: skip

    def names(query):
        page = client.get(f"/en/forum/directory/?{query}").content.decode()
        return [n for n in ("Birch Bakery", "Vistula IT") if n in page]

    assert names("") == ["Birch Bakery", "Vistula IT"]
    assert names("sector=it") == ["Vistula IT"]
    assert names("country=DE") == ["Birch Bakery"]
    assert names("city=krak") == ["Vistula IT"]
    assert names("q=catering") == ["Birch Bakery"]
    assert names("q=deliveries+rye") == ["Birch Bakery"]
    assert names("q=bakery&country=PL") == []
    assert client.get("/en/forum/directory/?country=ZZZ").status_code == 200


def test_export_and_erasure(business, thread, member):
    from horizont.forum.models import Post
    from horizont.forum.services import user_forum_erase, user_forum_export

    data = user_forum_export(member)
    assert data["business_profiles"][0]["contact"] == "bakery-contact@example.org"
    assert data["forum_posts"][0]["thread"] == thread.title
    user_forum_erase(member)
    assert not BusinessProfile.objects.exists()
    assert Post.objects.get().author is None
