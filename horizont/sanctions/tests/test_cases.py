"""Case files: who sees them, the status workflow, evidence, team."""

from __future__ import annotations

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from horizont.audit.models import AuditEntry
from horizont.sanctions import services
from horizont.sanctions.models import Case, CaseMember, Evidence
from horizont.testing.personas import make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def case(coordinator):
    return services.case_create(user=coordinator, title="Jet under repair", summary="Seen.")


@pytest.fixture
def team_member(case):
    user = make_user("teammate@example.org", mfa=True)
    CaseMember.objects.create(case=case, user=user, role=CaseMember.Role.MEMBER)
    return user


def _photo_with_exif() -> bytes:
    image = Image.new("RGB", (40, 30), "navy")
    exif = Image.Exif()
    exif[0x010F] = "SecretCam"  # camera maker
    exif[0x9003] = "2021:07:01 10:00:00"
    out = io.BytesIO()
    image.save(out, format="JPEG", exif=exif)
    return out.getvalue()


def test_member_without_two_factor_cannot_open_a_case(client, member):
    client.force_login(member)
    response = client.post(reverse("sanctions:case_new"), {"title": "x"})
    assert response.status_code == 403
    assert not Case.objects.exists()


def test_user_with_two_factor_opens_a_case_and_coordinates_it(client, coordinator):
    client.force_login(coordinator)
    response = client.post(reverse("sanctions:case_new"), {"title": "Jet", "summary": "Seen."})
    case = Case.objects.get()
    assert response.status_code == 302
    assert case.status == Case.Status.DRAFT and not case.published
    assert case.members.get().role == CaseMember.Role.COORDINATOR
    assert AuditEntry.objects.filter(action="sanctions.case_create").exists()


def test_open_a_case_about_a_listed_entity(client, coordinator, real_lists):
    client.force_login(coordinator)
    client.post(reverse("sanctions:case_new"), {"title": "Jet", "entity_id": "us-ofac-sdn:27197"})
    subject = Case.objects.get().subjects.get()
    assert subject.caption == "RA-02791"
    assert subject.schema == "aircraft"
    assert {"type": "mode-s", "value": "140AE7"} in subject.identifiers


@pytest.mark.parametrize("who", ["anonymous", "outsider", "moderator", "site_admin"])
def test_unpublished_case_is_404_for_everyone_off_the_team(client, case, who, request):
    if who != "anonymous":
        client.force_login(request.getfixturevalue(who))
    assert client.get(reverse("sanctions:case", args=[case.pk])).status_code == 404
    assert client.get(reverse("sanctions:cases")).status_code == 200
    assert case.title not in client.get(reverse("sanctions:cases")).content.decode()
    response = client.post(
        reverse("sanctions:evidence_add", args=[case.pk]),
        {"kind": "note", "title": "x", "text": "y"},
    )
    assert response.status_code in (302, 404)  # anonymous: to the login page
    assert not Evidence.objects.exists()


def test_team_member_sees_the_case(client, case, team_member):
    client.force_login(team_member)
    response = client.get(reverse("sanctions:case", args=[case.pk]))
    assert response.status_code == 200
    assert response.context["can_change"] and not response.context["can_manage"]


def test_team_member_without_two_factor_is_refused(client, case):
    user = make_user("nomfa@example.org")
    CaseMember.objects.create(case=case, user=user, role=CaseMember.Role.COORDINATOR)
    client.force_login(user)
    assert client.get(reverse("sanctions:case", args=[case.pk])).status_code == 403
    response = client.post(reverse("sanctions:case_status", args=[case.pk]), {"status": "review"})
    assert response.status_code == 403
    case.refresh_from_db()
    assert case.status == Case.Status.DRAFT


def test_published_case_is_readable_by_everyone_but_not_editable(client, case, outsider):
    services.case_publish_set(case=case, user=case.created_by, published=True)
    client.force_login(outsider)
    response = client.get(reverse("sanctions:case", args=[case.pk]))
    assert response.status_code == 200
    assert "teammate" not in response.content.decode()
    response = client.post(
        reverse("sanctions:evidence_add", args=[case.pk]),
        {"kind": "note", "title": "x", "text": "y"},
    )
    assert response.status_code == 403
    assert AuditEntry.objects.filter(action="sanctions.case_publish").exists()


def test_coordinator_moves_the_case_along_the_workflow(client, case, coordinator):
    client.force_login(coordinator)
    for status in ("review", "submitted", "answered", "closed"):
        client.post(reverse("sanctions:case_status", args=[case.pk]), {"status": status})
        case.refresh_from_db()
        assert case.status == status
    assert AuditEntry.objects.filter(action="sanctions.case_status").count() == 4


def test_status_cannot_skip_the_workflow(client, case, coordinator):
    client.force_login(coordinator)
    client.post(reverse("sanctions:case_status", args=[case.pk]), {"status": "answered"})
    case.refresh_from_db()
    assert case.status == Case.Status.DRAFT
    assert not AuditEntry.objects.filter(action="sanctions.case_status").exists()


def test_plain_team_member_cannot_change_status_or_team(client, case, team_member, outsider):
    client.force_login(team_member)
    response = client.post(reverse("sanctions:case_status", args=[case.pk]), {"status": "review"})
    assert response.status_code == 403
    response = client.post(
        reverse("sanctions:case_member_add", args=[case.pk]),
        {"email": outsider.email, "role": "member"},
    )
    assert response.status_code == 403
    assert not case.members.filter(user=outsider).exists()


def test_coordinator_adds_a_team_member_by_email(client, case, coordinator, outsider):
    client.force_login(coordinator)
    client.post(
        reverse("sanctions:case_member_add", args=[case.pk]),
        {"email": outsider.email, "role": "member"},
    )
    assert case.members.filter(user=outsider, role="member").exists()


def test_last_coordinator_cannot_be_removed(client, case, coordinator):
    client.force_login(coordinator)
    member = case.members.get(user=coordinator)
    client.post(reverse("sanctions:case_member_remove", args=[case.pk, member.pk]))
    assert case.members.filter(user=coordinator).exists()


def test_note_evidence_with_date_and_place(client, case, team_member):
    client.force_login(team_member)
    response = client.post(
        reverse("sanctions:evidence_add", args=[case.pk]),
        {
            "kind": "note",
            "title": "Seen at hangar 3",
            "text": "Engines covered.",
            "observed_on": "2021-07-01",
            "place": "Schönefeld",
        },
    )
    assert response.status_code == 302
    item = Evidence.objects.get()
    assert item.place == "Schönefeld" and str(item.observed_on) == "2021-07-01"
    assert item.added_by == team_member


def test_photo_evidence_is_stored_without_metadata(client, case, team_member):
    client.force_login(team_member)
    upload = SimpleUploadedFile("jet.jpg", _photo_with_exif(), content_type="image/jpeg")
    client.post(
        reverse("sanctions:evidence_add", args=[case.pk]),
        {"kind": "photo", "title": "The jet", "photo_upload": upload},
    )
    item = Evidence.objects.get()
    with Image.open(item.photo.path) as stored:
        assert not stored.getexif()
    response = client.get(reverse("sanctions:evidence_photo", args=[case.pk, item.pk]))
    assert response.status_code == 200
    client.logout()
    response = client.get(reverse("sanctions:evidence_photo", args=[case.pk, item.pk]))
    assert response.status_code == 404


def test_non_image_photo_is_refused(client, case, team_member):
    client.force_login(team_member)
    upload = SimpleUploadedFile("jet.jpg", b"%PDF-1.4 not an image", content_type="image/jpeg")
    response = client.post(
        f"/en/sanctions/cases/{case.pk}/evidence/",
        {"kind": "photo", "title": "The jet", "photo_upload": upload},
    )
    assert response.status_code == 400
    assert "not an image" in response.content.decode()
    assert not Evidence.objects.exists()


def test_link_evidence_needs_an_address(client, case, team_member):
    client.force_login(team_member)
    response = client.post(
        reverse("sanctions:evidence_add", args=[case.pk]), {"kind": "link", "title": "Article"}
    )
    assert response.status_code == 400
    assert not Evidence.objects.exists()


def test_every_case_page_renders_for_its_coordinator(client, case, coordinator, real_lists):
    services.case_subject_add(case=case, user=coordinator, entity_id="us-ofac-sdn:27197")
    letter = services.letter_create(case=case, user=coordinator, template="bmwk", language="en")
    client.force_login(coordinator)
    for url in (
        reverse("sanctions:cases"),
        reverse("sanctions:case_new"),
        reverse("sanctions:case_new") + "?entity=us-ofac-sdn:27197",
        reverse("sanctions:case", args=[case.pk]),
        reverse("sanctions:case_edit", args=[case.pk]),
        reverse("sanctions:evidence_add", args=[case.pk]),
        reverse("sanctions:letter", args=[case.pk, letter.pk]),
        reverse("sanctions:entity", args=["us-ofac-sdn:27197"]),
    ):
        assert client.get(url).status_code == 200, url
