"""The coordinators' dashboard, and the public one that withholds any figure resting on
fewer than five stations."""

import uuid

import pytest
from django.urls import reverse

from horizont.audit.models import AuditEntry
from horizont.observers import services
from horizont.observers.tests.conftest import DAY, make_election, make_volunteer

pytestmark = pytest.mark.django_db


def _incident(volunteer, station):
    services.incident_submit(
        volunteer=volunteer,
        station=station,
        key=uuid.uuid4(),
        photos=[],
        category="stuffing",
        occurred_at="10:00",
        description="x",
        severity="low",
    )


def test_public_dashboard_withholds_small_numbers(
    client, coordinator, programme, assigned, station
):
    _incident(assigned, station)
    client.force_login(coordinator)
    data = client.get(reverse("observers:dashboard", args=[programme.pk])).context["data"]
    stuffing = next(row for row in data["incidents"] if row["label"] == "ballot stuffing")
    assert stuffing["total"] == 1
    assert client.get(reverse("observers:public", args=[programme.pk])).status_code == 404
    client.post(reverse("observers:dashboard", args=[programme.pk]), {"public": "1"})
    assert AuditEntry.objects.filter(action="observers.publish").exists()
    client.logout()
    public = client.get(reverse("observers:public", args=[programme.pk]))
    assert public.status_code == 200
    stuffing = next(
        r for r in public.context["data"]["incidents"] if r["label"] == "ballot stuffing"
    )
    assert stuffing["total"] is None
    assert "Anna" not in public.content.decode()


def test_public_dashboard_shows_figures_from_five_stations(coordinator):
    election = make_election("Bigger", abroad=6)
    programme = services.programme_open(actor=coordinator, election=election, name="Big")
    for number, station in enumerate(election.station_set.filter(abroad=True)):
        volunteer = make_volunteer(programme, f"v{number}@example.org")
        services.assignment_create(
            actor=coordinator, volunteer=volunteer, station=station, day=DAY, shift="all_day"
        )
        _incident(volunteer, station)
    data = services.programme_dashboard(programme, public=True)
    stuffing = next(r for r in data["incidents"] if r["label"] == "ballot stuffing")
    assert stuffing["total"] == 6
    assert data["covered"] == 6


def test_volunteer_cannot_publish(client, programme, assigned):
    client.force_login(assigned.user)
    response = client.post(reverse("observers:dashboard", args=[programme.pk]), {"public": "1"})
    assert response.status_code == 403
    programme.refresh_from_db()
    assert not programme.public_dashboard


def test_turnout_reported_by_hour_against_the_official_final(
    programme, assigned, station, coordinator
):
    form = services.checklist_save(
        actor=coordinator,
        programme=programme,
        kind="turnout",
        title="Turnout",
        fields=services.checklist_parse("time: Hour\nnumber: Voters so far"),
    )
    for hour, voters in (("10:00", 100), ("12:00", 250), ("12:30", 300)):
        services.report_submit(
            volunteer=assigned, station=station, form=form, answers=[hour, voters], key=uuid.uuid4()
        )
    turnout = services.programme_turnout(programme, public=False)
    assert [(r["hour"], r["turnout"]) for r in turnout["rows"]] == [("10:00", 0.1), ("12:00", 0.3)]
    assert turnout["official"] == station.ballots_issued / station.registered
    public = services.programme_turnout(programme, public=True)
    assert public["rows"][0]["turnout"] is None and public["official"] is None


def test_api_gives_the_public_figures_once_published_and_all_to_coordinators(
    client, coordinator, programme, assigned, station
):
    _incident(assigned, station)
    url = f"/api/observers/programmes/{programme.pk}/dashboard"
    assert client.get(url).status_code == 404  # not published
    assert client.get("/api/observers/programmes").json() == []
    client.force_login(assigned.user)  # a volunteer is not a coordinator
    assert client.get(url).status_code == 404
    client.force_login(coordinator)
    full = client.get(url).json()
    stuffing = next(r for r in full["incidents"] if r["category"] == "stuffing")
    assert not full["public"] and stuffing["total"] == 1
    programme.public_dashboard = True
    programme.save()
    client.logout()
    assert [p["id"] for p in client.get("/api/observers/programmes").json()] == [programme.pk]
    public = client.get(url).json()
    stuffing = next(r for r in public["incidents"] if r["category"] == "stuffing")
    assert public["public"] and stuffing["total"] is None  # one station: withheld
    assert "hourly turnout" in public["note"]
    text = str(public)
    assert assigned.pseudonym not in text and "anna@" not in text
