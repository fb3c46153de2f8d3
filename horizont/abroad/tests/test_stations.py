"""Coordinators create, import and edit stations; everyone else is refused."""

from __future__ import annotations

import pytest
from django.urls import reverse

from horizont.abroad.models import Station, Vote
from horizont.audit.models import AuditEntry

pytestmark = pytest.mark.django_db

GOOD_CSV = (
    "number,country,city,host,address,timezone,hours\n"
    "8101,DE,Leipzig,consulate,Turmgutstraße 1,Europe/Berlin,08:00-20:00\n"
    "8201,PL,Kraków,consulate,ul. Biskupia 7,Europe/Warsaw,2030-09-15 09:00-21:00\n"
)


def _upload(client, vote, text, name="stations.csv"):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return client.post(
        reverse("abroad:import_csv", args=[vote.slug]),
        {"file": SimpleUploadedFile(name, text.encode(), content_type="text/csv")},
    )


@pytest.mark.parametrize("persona", ["outsider", "moderator", "coordinator_without_mfa"])
def test_people_without_the_coordinator_role_and_two_factor_are_refused(
    client, vote, persona, request
):
    if persona == "coordinator_without_mfa":
        from horizont.testing.personas import make_user

        user = make_user("c-nomfa@example.org", roles=("coordinator",))
    else:
        user = request.getfixturevalue(persona)
    client.force_login(user)
    for url in (
        reverse("abroad:manage"),
        reverse("abroad:manage_vote", args=[vote.slug]),
        reverse("abroad:station_new", args=[vote.slug]),
        reverse("abroad:import_csv", args=[vote.slug]),
    ):
        assert client.get(url).status_code == 403
    assert _upload(client, vote, GOOD_CSV).status_code == 403
    assert client.post(reverse("abroad:import_results", args=[vote.slug])).status_code == 403
    assert not Station.objects.exists()


def test_anonymous_visitor_is_refused_management(client, vote):
    assert client.get(reverse("abroad:manage")).status_code == 403


def test_coordinator_creates_a_vote_and_a_station_located_through_the_gazetteer(
    client, coordinator
):
    client.force_login(coordinator)
    response = client.post(
        reverse("abroad:manage"),
        {"name": "Test vote", "slug": "test-vote", "first_day": "2030-09-13",
         "last_day": "2030-09-15"},
    )  # fmt: skip
    assert response.status_code == 302
    vote = Vote.objects.get(slug="test-vote")
    response = client.post(
        reverse("abroad:station_new", args=[vote.slug]),
        {"number": "8123", "country": "DE", "city": "Leipzig", "host": "consulate",
         "address": "Turmgutstraße 1", "timezone": "Europe/Berlin",
         "hours_text": "2030-09-15 09:00-14:00"},
    )  # fmt: skip
    station = Station.objects.get()
    assert response.status_code == 302 and response["Location"] == station.get_absolute_url()
    assert round(station.latitude, 1) == 51.3 and round(station.longitude, 1) == 12.4
    assert station.checked_at is not None
    hours = {day.isoformat(): (o.hour, c.hour) for day, o, c in station.opening_hours()}
    assert hours == {"2030-09-13": (8, 20), "2030-09-14": (8, 20), "2030-09-15": (9, 14)}
    actions = set(AuditEntry.objects.values_list("action", flat=True))
    assert {"abroad.vote_create", "abroad.station_create"} <= actions


def test_csv_import_creates_then_updates_without_duplicates(client, coordinator, vote):
    client.force_login(coordinator)
    assert _upload(client, vote, GOOD_CSV).status_code == 302
    assert vote.stations.count() == 2
    krakow = Station.objects.get(number=8201)
    assert krakow.hours == {"2030-09-15": ["09:00", "21:00"]}
    changed = GOOD_CSV.replace("Turmgutstraße 1", "Turmgutstraße 3")
    assert _upload(client, vote, changed).status_code == 302
    assert vote.stations.count() == 2
    assert Station.objects.get(number=8101).address == "Turmgutstraße 3"
    entry = AuditEntry.objects.filter(action="abroad.stations_import_csv").latest("pk")
    assert entry.details["updated"] == 1 and entry.details["created"] == 0


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("number,colour\n8101,red\n", "Unknown columns: colour"),
        ("number,city\n0,Berlin\n8101,Bonn\n", "Row 2: the number 0 is outside 1–9999."),
        ("number,city\n10000,Berlin\n", "Row 2: the number 10000 is outside 1–9999."),
        (
            "number,city\n8101,Berlin\n8101,Bonn\n",
            "Row 3: the number 8101 is already used in row 2.",
        ),
        ("number,timezone\n8101,Europe/Atlantis\n", "Row 2: unknown time zone “Europe/Atlantis”."),
        ("number,hours\n8101,20:00-08:00\n", "Row 2: cannot read the opening hours"),
        ("number,country\n8101,XX\n", "Row 2: unknown country code “XX”."),
    ],
)
def test_bad_csv_rows_are_reported_and_nothing_is_saved(client, coordinator, vote, text, message):
    client.force_login(coordinator)
    response = _upload(
        client, vote, GOOD_CSV.splitlines()[0] + "\n" + GOOD_CSV.splitlines()[1] + "\n"
    )
    assert response.status_code == 302
    before = list(Station.objects.values_list("number", "address"))
    response = _upload(client, vote, text)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert list(Station.objects.values_list("number", "address")) == before


def test_csv_errors_come_in_the_users_language(client, coordinator, vote):
    client.force_login(coordinator)
    from django.core.files.uploadedfile import SimpleUploadedFile

    response = client.post(
        f"/de/abroad/manage/{vote.slug}/import-csv/",
        {"file": SimpleUploadedFile("s.csv", b"number\n99999\n", content_type="text/csv")},
    )
    assert response.status_code == 400
    assert "Zeile 2" in response.content.decode()


def test_import_from_official_results_takes_numbers_and_regions_and_keeps_addresses(
    client, coordinator, vote, results_election
):
    vote.results = results_election
    vote.save()
    client.force_login(coordinator)
    client.post(reverse("abroad:import_results", args=[vote.slug]))
    numbers = sorted(vote.stations.values_list("number", flat=True))
    assert numbers == [8001, 8002, 8003, 8004]
    station = Station.objects.get(number=8001)
    assert station.region == "Вымышленная область" and station.address == ""
    assert station.checked_at is None
    client.post(
        reverse("abroad:station_edit", args=[vote.slug, station.slug]),
        {"number": "8001", "country": "DE", "city": "Leipzig", "host": "consulate",
         "address": "Turmgutstraße 1", "timezone": "Europe/Berlin", "hours_text": "",
         "region": station.region},
    )  # fmt: skip
    client.post(reverse("abroad:import_results", args=[vote.slug]))
    assert vote.stations.count() == 4
    station.refresh_from_db()
    assert station.address == "Turmgutstraße 1" and station.region == "Вымышленная область"
    assert AuditEntry.objects.filter(action="abroad.stations_import_results").count() == 2
    assert AuditEntry.objects.get(action="abroad.station_update").details["changes"]["address"] == [
        "",
        "Turmgutstraße 1",
    ]


def test_import_from_results_needs_linked_results(client, coordinator, vote):
    client.force_login(coordinator)
    response = client.post(reverse("abroad:import_results", args=[vote.slug]), follow=True)
    assert "Link the official results to this vote first." in response.content.decode()
    assert not Station.objects.exists()
