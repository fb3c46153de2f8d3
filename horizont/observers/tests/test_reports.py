"""Election-day checklists (versioned), reports sent once, incidents with photos and their
workflow; reports are seen by coordinators and lawyers with two-factor only."""

import uuid
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from horizont.observers import services
from horizont.observers.models import Incident, IncidentPhoto, Report
from horizont.observers.tests.conftest import jpeg_with_exif, make_volunteer
from horizont.testing.personas import make_user

pytestmark = pytest.mark.django_db

DEFINITION = (
    "yesno: Ballot boxes sealed\nnumber: Voters so far\nchoice: Mood | calm | tense\n"
    "time: Opened at\ntext: Notes"
)


@pytest.fixture
def opening(programme, coordinator):
    return services.checklist_save(
        actor=coordinator,
        programme=programme,
        kind="opening",
        title="Opening",
        fields=services.checklist_parse(DEFINITION),
    )


def _answers(key, station):
    return {
        "key": str(key),
        "station": station.pk,
        "f0": "yes",
        "f1": "12",
        "f2": "calm",
        "f3": "08:00",
        "f4": "",
    }


def test_coordinator_builds_a_form_and_a_new_version(client, coordinator, programme):
    client.force_login(coordinator)
    url = reverse("observers:checklists", args=[programme.pk])
    client.post(url, {"kind": "opening", "title": "Opening", "definition": DEFINITION})
    client.post(url, {"kind": "opening", "title": "Opening", "definition": "yesno: Sealed"})
    first, second = programme.forms.order_by("version")
    assert (first.version, first.current, second.version, second.current) == (1, False, 2, True)
    assert [f["type"] for f in first.fields] == ["yesno", "number", "choice", "time", "text"]


def test_bad_form_definition_names_the_line(client, coordinator, programme):
    client.force_login(coordinator)
    response = client.post(
        reverse("observers:checklists", args=[programme.pk]),
        {"kind": "opening", "title": "X", "definition": "yesno: Fine\nslider: Bad"},
    )
    assert "Line 2" in response.content.decode()
    assert not programme.forms.exists()


def test_report_is_stored_once_when_sent_twice(client, programme, assigned, station, opening):
    client.force_login(assigned.user)
    url = reverse("observers:report", args=[programme.pk, opening.pk])
    page = client.get(url)
    assert len(page.content) < 100_000
    assert b"<script>" not in page.content  # only the site-wide deferred file
    key = uuid.uuid4()
    assert client.post(url, _answers(key, station)).status_code == 302
    assert client.post(url, _answers(key, station)).status_code == 302
    report = Report.objects.get()
    assert report.answers == ["yes", 12, "calm", "08:00", ""]
    assert report.form == opening


def test_report_for_a_station_one_is_not_assigned_to_is_refused(
    client, programme, assigned, other_station, opening
):
    client.force_login(assigned.user)
    url = reverse("observers:report", args=[programme.pk, opening.pk])
    response = client.post(url, _answers(uuid.uuid4(), other_station))
    assert response.status_code == 400
    assert "station" in response.context["form"].errors
    assert not Report.objects.exists()
    with pytest.raises(services.Refused, match="not assigned"):
        services.report_submit(
            volunteer=assigned, station=other_station, form=opening, answers=[], key=uuid.uuid4()
        )


def test_unaccepted_user_cannot_report(client, outsider, programme, opening):
    client.force_login(outsider)
    assert (
        client.get(reverse("observers:report", args=[programme.pk, opening.pk])).status_code == 403
    )


def _incident(station, key=None, photos=()):
    return {
        "key": str(key or uuid.uuid4()),
        "station": station.pk,
        "category": "stuffing",
        "occurred_at": "14:05",
        "description": "A bundle of ballots in the box.",
        "severity": "high",
        "photos": list(photos),
    }


def test_incident_with_a_photo_loses_its_metadata(
    client, programme, assigned, station, django_capture_on_commit_callbacks
):
    client.force_login(assigned.user)
    photo = SimpleUploadedFile("box.jpg", jpeg_with_exif(), content_type="image/jpeg")
    key = uuid.uuid4()
    url = reverse("observers:incident_new", args=[programme.pk])
    assert client.post(url, _incident(station, key, [photo])).status_code == 302
    assert client.post(url, _incident(station, key)).status_code == 302  # a retry
    incident = Incident.objects.get()
    assert incident.status == "new"
    stored = IncidentPhoto.objects.get()
    # a private file under PRIVATE_ROOT, not in the database, without a public address
    path = Path(stored.file.path)
    assert Path(settings.PRIVATE_ROOT).resolve() in path.resolve().parents
    assert path.is_file() and not Image.open(path).getexif()
    with pytest.raises(ValueError):
        stored.file.url  # noqa: B018
    # the programme's volunteers may not see it; a coordinator with two-factor may
    photo_url = reverse("observers:photo", args=[programme.pk, stored.pk])
    assert client.get(photo_url).status_code == 403
    coordinator = make_user("coord-photo@example.org", roles=("coordinator",), mfa=True)
    client.force_login(coordinator)
    answer = client.get(photo_url)
    assert answer.status_code == 200 and answer["Cache-Control"] == "private, no-store"
    assert b"".join(answer.streaming_content) == path.read_bytes()
    # the file goes with the incident, once the deletion is committed
    with django_capture_on_commit_callbacks(execute=True):
        incident.delete()
    assert not path.exists()


def test_incident_photo_that_is_not_an_image_is_refused(client, programme, assigned, station):
    client.force_login(assigned.user)
    fake = SimpleUploadedFile("box.jpg", b"not an image", content_type="image/jpeg")
    response = client.post(
        reverse("observers:incident_new", args=[programme.pk]), _incident(station, photos=[fake])
    )
    assert response.status_code == 400
    assert "is not a photo" in response.content.decode()
    assert not Incident.objects.exists()


def test_incident_photo_that_is_too_large_is_refused(client, programme, assigned, station):
    client.force_login(assigned.user)
    big = SimpleUploadedFile(
        "big.jpg", jpeg_with_exif() + b"\0" * (5 * 1024 * 1024), content_type="image/jpeg"
    )
    response = client.post(
        reverse("observers:incident_new", args=[programme.pk]), _incident(station, photos=[big])
    )
    assert response.status_code == 400
    assert "“big.jpg” is too large (at most 5 MB)" in response.content.decode()
    assert not Incident.objects.exists() and not IncidentPhoto.objects.exists()


def test_more_than_five_photos_are_refused(client, programme, assigned, station):
    client.force_login(assigned.user)
    photos = [
        SimpleUploadedFile(f"{i}.jpg", jpeg_with_exif(), content_type="image/jpeg")
        for i in range(6)
    ]
    response = client.post(
        reverse("observers:incident_new", args=[programme.pk]), _incident(station, photos=photos)
    )
    assert response.status_code == 400
    assert not Incident.objects.exists()


@pytest.fixture
def incident(assigned, station):
    return services.incident_submit(
        volunteer=assigned,
        station=station,
        key=uuid.uuid4(),
        photos=[],
        category="stuffing",
        occurred_at="14:05",
        description="x",
        severity="high",
    )[0]


def test_incident_workflow_with_a_lawyer(client, coordinator, programme, incident):
    lawyer = make_volunteer(programme, "lex@example.org", role="lawyer", mfa=True)
    client.force_login(coordinator)
    url = reverse("observers:incident", args=[programme.pk, incident.pk])
    skipped = client.post(url, {"status": "complaint", "text": ""})
    assert skipped.status_code == 200
    incident.refresh_from_db()
    assert incident.status == "new"
    client.post(url, {"status": "verified", "lawyer": lawyer.pk, "text": "Two reports agree."})
    client.post(url, {"status": "complaint", "lawyer": lawyer.pk, "text": "Filed with the TIK."})
    no_reason = client.post(url, {"status": "rejected", "lawyer": lawyer.pk, "text": ""})
    assert "Say why" in no_reason.content.decode()
    incident.refresh_from_db()
    assert (incident.status, incident.lawyer) == ("complaint", lawyer)
    assert list(incident.notes.values_list("status", flat=True)) == ["new", "verified", "complaint"]
    client.force_login(lawyer.user)
    assert client.get(reverse("observers:reports", args=[programme.pk])).status_code == 200


def test_reports_are_hidden_from_observers_and_lawyers_without_two_factor(
    client, programme, incident
):
    lawyer = make_volunteer(programme, "lex@example.org", role="lawyer")
    client.force_login(lawyer.user)
    response = client.get(reverse("observers:reports", args=[programme.pk]))
    assert response.status_code == 403
    assert reverse("mfa_activate_totp") in response.content.decode()
    client.force_login(incident.volunteer.user)
    assert client.get(reverse("observers:reports", args=[programme.pk])).status_code == 403
    assert (
        client.get(reverse("observers:incident", args=[programme.pk, incident.pk])).status_code
        == 403
    )
