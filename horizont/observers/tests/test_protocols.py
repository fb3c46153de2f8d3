"""Protocol copies: double entry, a third person for mismatches, consistency checks naming
the line, comparison with the official results and a complaint draft."""

import uuid
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse

from horizont.audit.models import AuditEntry
from horizont.observers import services
from horizont.observers.models import ProtocolCopy, ProtocolEntry
from horizont.observers.pdf import observer_lines
from horizont.observers.tests.conftest import DAY, lines_of, make_election

pytestmark = pytest.mark.django_db


@pytest.fixture
def both(coordinator, assigned, second_observer, station):
    services.assignment_create(
        actor=coordinator, volunteer=second_observer, station=station, day=DAY, shift="count"
    )
    return assigned, second_observer


def _post(station, lines):
    data = {"key": str(uuid.uuid4()), "station": station.pk}
    data.update({k: v for k, v in lines.items() if k != "votes"})
    data.update({f"party{i}": v for i, v in enumerate(lines["votes"])})
    return data


def _enter(volunteer, station, lines):
    return services.protocol_enter(
        volunteer=volunteer, user=volunteer.user, station=station, lines=lines, key=uuid.uuid4()
    )


def test_inconsistent_protocol_names_the_line_and_saves_nothing(
    client, programme, assigned, station
):
    client.force_login(assigned.user)
    bad = lines_of(station, ballots_cast=station.ballots_cast + 3)
    response = client.post(
        reverse("observers:protocol_new", args=[programme.pk]), _post(station, bad)
    )
    assert response.status_code == 400
    assert "ballots in the boxes" in response.content.decode()
    votes_off = lines_of(station, votes=[1, 2])
    response = client.post(
        reverse("observers:protocol_new", args=[programme.pk]), _post(station, votes_off)
    )
    assert "sum of the party votes" in response.content.decode()
    assert not ProtocolEntry.objects.exists() and not ProtocolCopy.objects.exists()


def test_two_equal_entries_agree(client, programme, both, station):
    first, second = both
    client.force_login(first.user)
    url = reverse("observers:protocol_new", args=[programme.pk])
    assert client.post(url, _post(station, lines_of(station))).status_code == 302
    copy = ProtocolCopy.objects.get()
    assert copy.status == "waiting"
    again = client.post(url, _post(station, lines_of(station)))
    assert "already entered" in again.content.decode()
    client.force_login(second.user)
    assert client.post(url, _post(station, lines_of(station))).status_code == 302
    copy.refresh_from_db()
    assert copy.status == "agreed" and copy.lines == lines_of(station)


def test_mismatch_goes_to_a_third_person(client, coordinator, programme, both, station):
    first, second = both
    _enter(first, station, lines_of(station))
    copy = _enter(
        second,
        station,
        lines_of(
            station,
            valid=station.valid - 1,
            ballots_cast=station.ballots_cast - 1,
            votes=[station.votes[0] - 1, station.votes[1]],
        ),
    )
    assert copy.status == "mismatch"
    assert "valid ballots" in services.protocol_mismatch(copy)["differing"]
    with pytest.raises(services.Refused, match="third person"):
        services.protocol_resolve(actor=first.user, copy=copy, lines=lines_of(station))
    client.force_login(coordinator)
    page = client.get(reverse("observers:resolve", args=[programme.pk, copy.pk]))
    assert page.status_code == 200
    data = _post(station, lines_of(station))
    data.pop("key"), data.pop("station")
    assert (
        client.post(reverse("observers:resolve", args=[programme.pk, copy.pk]), data).status_code
        == 302
    )
    copy.refresh_from_db()
    assert copy.status == "agreed" and copy.resolved_by == coordinator
    assert AuditEntry.objects.filter(action="observers.protocol_resolve").exists()


def test_volunteer_cannot_resolve(client, programme, both, station):
    first, second = both
    _enter(first, station, lines_of(station))
    copy = _enter(second, station, lines_of(station, registered=999))
    client.force_login(first.user)
    assert client.get(reverse("observers:resolve", args=[programme.pk, copy.pk])).status_code == 403


def test_differences_from_official_results_and_a_complaint(
    client, coordinator, programme, both, station, election
):
    first, second = both
    moved = lines_of(station, votes=[station.votes[0] - 20, station.votes[1] + 20])
    _enter(first, station, moved)
    _enter(second, station, moved)
    client.force_login(coordinator)
    url = reverse("observers:protocols", args=[programme.pk])
    page = client.get(url)
    comparison = page.context["comparison"]
    assert (comparison["collected"], comparison["compared"], comparison["differing"]) == (1, 1, 1)
    assert [m["votes"] for m in comparison["moved"]] == [20, -20]
    row = comparison["rows"][0]
    assert row["size"] == 40
    assert [line["difference"] for line in row["lines"]] == [20, -20]
    assert client.get(url + "?sort=station").status_code == 200
    pdf = client.get(reverse("observers:complaint", args=[programme.pk, row["copy"].pk]))
    assert pdf["Content-Type"] == "application/pdf" and pdf.content[:4] == b"%PDF"


def test_a_complaint_with_characters_the_font_lacks_names_them_instead(
    client, coordinator, programme, both, station
):
    first, second = both
    moved = lines_of(station, votes=[station.votes[0] - 5, station.votes[1] + 5])
    _enter(first, station, moved)
    _enter(second, station, moved)
    station.__class__.objects.filter(pk=station.pk).update(tik="ТИК 中区")
    client.force_login(coordinator)
    row = services.protocol_comparison(programme)["rows"][0]
    answer = client.get(
        reverse("observers:complaint", args=[programme.pk, row["copy"].pk]), follow=True
    )
    assert answer.redirect_chain[-1][0] == reverse("observers:protocols", args=[programme.pk])
    assert "no glyph for 中 区" in answer.content.decode()


def test_official_results_imported_later_are_used_once_chosen(
    client, coordinator, programme, both, station
):
    first, second = both
    _enter(first, station, lines_of(station))
    _enter(second, station, lines_of(station))
    assert services.protocol_comparison(programme)["differing"] == 0
    official = make_election("Official results", shift=7)
    client.force_login(coordinator)
    client.post(
        reverse("observers:protocols", args=[programme.pk]), {"results_election": official.pk}
    )
    comparison = services.protocol_comparison(programme.__class__.objects.get(pk=programme.pk))
    assert comparison["differing"] == 1
    assert [m["votes"] for m in comparison["moved"]] == [7, -7]


def test_complaints_name_observers_only_with_their_consent(programme, observer):
    assert "не указываются" in observer_lines([observer])[0]
    consenting = services.volunteer_apply(
        user=__import__("horizont.testing.personas", fromlist=["make_user"]).make_user(
            "c@example.org"
        ),
        programme=programme,
        pseudonym="Heron",
        contact="x",
        role="observer",
        consent=True,
    )
    lines = observer_lines([observer, consenting])
    assert len(lines) == 1 and "Heron" in lines[0] and "согласие" in lines[0]
    assert "Anna" not in lines[0]


def test_outsider_sees_no_protocols(client, outsider, programme):
    client.force_login(outsider)
    assert client.get(reverse("observers:protocols", args=[programme.pk])).status_code == 403
    assert client.get(reverse("observers:protocol_new", args=[programme.pk])).status_code == 403


def test_protocol_photo_is_kept_for_the_third_person_only(
    client, coordinator, programme, both, station
):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from horizont.observers.tests.conftest import jpeg_with_exif

    first, second = both
    client.force_login(first.user)
    data = _post(station, lines_of(station))
    data["photo"] = SimpleUploadedFile("p.jpg", jpeg_with_exif(), content_type="image/jpeg")
    assert (
        client.post(reverse("observers:protocol_new", args=[programme.pk]), data).status_code == 302
    )
    entry = ProtocolEntry.objects.get()
    # a private file without metadata, not in the database, without a public address
    path = Path(entry.photo.path)
    assert Path(settings.PRIVATE_ROOT).resolve() in path.resolve().parents
    assert b"SecretCameraMaker" not in path.read_bytes()
    with pytest.raises(ValueError):
        entry.photo.url  # noqa: B018
    url = reverse("observers:entry_photo", args=[programme.pk, entry.pk])
    assert client.get(url).status_code == 403
    client.force_login(coordinator)
    answer = client.get(url)
    assert answer["Content-Type"] == "image/jpeg"
    assert b"".join(answer.streaming_content) == path.read_bytes()


def test_a_retried_protocol_submission_is_stored_once(client, programme, assigned, station):
    client.force_login(assigned.user)
    data = _post(station, lines_of(station))
    url = reverse("observers:protocol_new", args=[programme.pk])
    assert client.post(url, data).status_code == 302
    assert client.post(url, data).status_code == 302
    assert ProtocolEntry.objects.count() == 1
    assert ProtocolCopy.objects.get().status == "waiting"
