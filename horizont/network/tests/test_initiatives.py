import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from horizont.audit.models import AuditEntry
from horizont.network.models import Initiative, Membership, Topic
from horizont.network.tests.factories import make_initiative
from horizont.testing.personas import make_user

pytestmark = pytest.mark.django_db

CREATE = "/en/initiatives/new/"


def _png(size=(40, 40)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, (200, 30, 30)).save(out, format="PNG")
    return out.getvalue()


def _form(**overrides):
    data = {
        "name": "Neue Nachbarn",
        "description": "Wir helfen Neuankömmlingen.",
        "language": "de",
        "country": "DE",
        "city": "Berlin",
        "latitude": "",
        "longitude": "",
        "website": "https://example.org/",
        "social_links": "https://example.org/social",
        "contact": "hello@example.org",
        "contact_visibility": "members",
        "working_languages": ["de", "ru"],
    }
    data.update(overrides)
    return data


def test_anonymous_user_is_sent_to_login(client):
    response = client.get(CREATE)
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_member_creates_pending_initiative_and_becomes_organizer(client, member):
    topic, _ = Topic.objects.get_or_create(slug="culture", defaults={"name": "culture"})
    client.force_login(member)
    data = _form(topics=[topic.pk], logo_upload=SimpleUploadedFile("logo.png", _png()))
    response = client.post(CREATE, data)
    initiative = Initiative.objects.get()
    assert response.status_code == 302
    assert response["Location"] == initiative.get_absolute_url()
    assert initiative.status == "pending"
    assert initiative.slug == "neue-nachbarn"
    assert (initiative.latitude, initiative.longitude) == pytest.approx((52.52, 13.41), abs=0.05)
    assert list(initiative.topics.all()) == [topic]
    assert sorted(initiative.working_languages.values_list("code", flat=True)) == ["de", "ru"]
    assert initiative.logo.name.endswith(".png")
    membership = Membership.objects.get(initiative=initiative)
    assert (membership.user, membership.role, membership.status) == (
        member,
        "organizer",
        "active",
    )
    assert AuditEntry.objects.filter(action="network.initiative_create").exists()
    # The contact is stored encrypted.
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT contact FROM network_initiative")
        assert "hello@example.org" not in cursor.fetchone()[0]


def test_user_placed_pin_wins_over_the_gazetteer(client, member):
    client.force_login(member)
    client.post(CREATE, _form(latitude="52.5", longitude="13.3"))
    initiative = Initiative.objects.get()
    assert (initiative.latitude, initiative.longitude) == (52.5, 13.3)


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"name": ""}, "This field is required."),
        ({"country": "XX"}, "Select a valid choice."),
        ({"latitude": "95", "longitude": "10"}, "Latitude must be between -90 and 90."),
        ({"latitude": "50"}, "Give both latitude and longitude, or neither."),
        ({"social_links": "javascript:alert(1)"}, "is not a web address"),
        ({"website": "not a url"}, "Enter a valid URL."),
    ],
)
def test_bad_input_is_refused_with_a_message_and_nothing_saved(client, member, overrides, message):
    client.force_login(member)
    response = client.post(CREATE, _form(**overrides))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Initiative.objects.exists()


def test_non_image_logo_is_refused_with_a_clear_message(client, member):
    client.force_login(member)
    upload = SimpleUploadedFile("logo.png", b"%PDF-1.4 this is not an image")
    response = client.post(CREATE, _form(logo_upload=upload))
    assert "This file is not an image" in response.content.decode()
    assert not Initiative.objects.exists()


def test_oversized_logo_is_refused_with_a_clear_message(client, member):
    client.force_login(member)
    upload = SimpleUploadedFile("logo.png", _png() + b"\0" * (2 * 1024 * 1024 + 1))
    response = client.post(CREATE, _form(logo_upload=upload))
    assert "The logo is too large" in response.content.decode()
    assert not Initiative.objects.exists()


def test_logo_of_too_many_pixels_is_refused_for_its_pixels_not_its_size(client, member):
    from horizont.lib.tests.test_lib import png_of_size

    client.force_login(member)
    upload = SimpleUploadedFile("logo.png", png_of_size(8000, 5125))  # 41 MP, ~40 KB
    response = client.post(CREATE, _form(logo_upload=upload))
    text = response.content.decode()
    assert "too many pixels" in text
    assert "too large" not in text and "not an image" not in text
    assert not Initiative.objects.exists()


def test_errors_are_shown_in_the_users_language(client, member):
    client.force_login(member)
    response = client.post("/de/initiatives/new/", _form(latitude="95", longitude="1"))
    assert "Der Breitengrad" in response.content.decode()


def test_organizer_edits_own_initiative(client, member):
    initiative = make_initiative("Alpha", organizer=member)
    client.force_login(member)
    response = client.post(f"/en/initiatives/{initiative.slug}/edit/", _form(name="Alpha 2"))
    assert response.status_code == 302
    initiative.refresh_from_db()
    assert initiative.name == "Alpha 2"
    assert initiative.status == "approved"


def test_organizer_of_other_initiative_cannot_edit(client, member):
    mine = make_initiative("Mine", organizer=member)
    other_organizer = make_user("other@example.org")
    theirs = make_initiative("Theirs", organizer=other_organizer)
    client.force_login(member)
    assert client.get(f"/en/initiatives/{mine.slug}/edit/").status_code == 200
    assert client.get(f"/en/initiatives/{theirs.slug}/edit/").status_code == 403
    response = client.post(f"/en/initiatives/{theirs.slug}/edit/", _form(name="Hijacked"))
    assert response.status_code == 403
    assert client.get(f"/en/initiatives/{theirs.slug}/edit/ru/").status_code == 403
    theirs.refresh_from_db()
    assert theirs.name == "Theirs"


def test_plain_member_cannot_edit(client, member, outsider):
    initiative = make_initiative("Alpha", organizer=outsider)
    Membership.objects.create(initiative=initiative, user=member, role="member", status="active")
    client.force_login(member)
    assert client.get(f"/en/initiatives/{initiative.slug}/edit/").status_code == 403


def test_translation_is_shown_in_the_viewers_language(client, member):
    initiative = make_initiative("Open House", organizer=member, description="In English")
    client.force_login(member)
    response = client.post(
        f"/en/initiatives/{initiative.slug}/edit/de/",
        {"name": "Offenes Haus", "description": "Auf Deutsch"},
    )
    assert response.status_code == 302
    page = client.get(f"/de/initiatives/{initiative.slug}/").content.decode()
    assert "Offenes Haus" in page and "Auf Deutsch" in page
    assert "Open House" in client.get(f"/en/initiatives/{initiative.slug}/").content.decode()
    # The original language cannot be "translated".
    assert client.get(f"/en/initiatives/{initiative.slug}/edit/en/").status_code == 404


def test_pending_initiative_is_visible_only_to_organizers_and_moderators(
    client, member, outsider, moderator, moderator_without_mfa
):
    initiative = make_initiative("Pending", organizer=member, status="pending")
    url = initiative.get_absolute_url()
    assert client.get(url).status_code == 404
    for user, status in [(outsider, 404), (moderator_without_mfa, 404), (member, 200)]:
        client.force_login(user)
        assert client.get(url).status_code == status, user
    client.force_login(moderator)
    assert client.get(url).status_code == 200
    assert "Pending" not in client.get("/en/initiatives/").content.decode()


@pytest.mark.parametrize(
    ("visibility", "anonymous", "signed_in", "member"),
    [
        ("nobody", False, False, False),
        ("members", False, False, True),
        ("signed_in", False, True, True),
        ("everyone", True, True, True),
    ],
)
def test_contact_is_shown_as_the_organizers_chose(
    client, outsider, visibility, anonymous, signed_in, member
):
    organizer = make_user("org@example.org")
    initiative = make_initiative(
        "Contacts", organizer=organizer, contact="secret@example.org", contact_visibility=visibility
    )
    joined = make_user("joined@example.org")
    Membership.objects.create(initiative=initiative, user=joined, status="active")
    url = initiative.get_absolute_url()
    assert ("secret@example.org" in client.get(url).content.decode()) is anonymous
    client.force_login(outsider)
    assert ("secret@example.org" in client.get(url).content.decode()) is signed_in
    client.force_login(joined)
    assert ("secret@example.org" in client.get(url).content.decode()) is member
