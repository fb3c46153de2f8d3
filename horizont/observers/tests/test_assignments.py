"""Coordinators assign accepted volunteers to stations and shifts; one observer of a role
per station and shift unless the programme allows more; volunteers see only their own."""

import pytest
from django.core import mail
from django.urls import reverse
from icalendar import Calendar

from horizont.audit.models import AuditEntry
from horizont.observers import services
from horizont.observers.models import Assignment
from horizont.observers.tests.conftest import DAY, make_volunteer

pytestmark = pytest.mark.django_db


def _assign(client, programme, volunteer, number=8001, **extra):
    data = {
        "volunteer": volunteer.pk,
        "station_number": number,
        "day": DAY.isoformat(),
        "shift": "all_day",
    }
    data.update(extra)
    return client.post(reverse("observers:assignments", args=[programme.pk]), data)


def test_assignment_notifies_with_a_calendar_file(client, coordinator, programme, observer):
    client.force_login(coordinator)
    response = _assign(client, programme, observer)
    assert response.status_code == 302
    assignment = Assignment.objects.get()
    assert assignment.station.uik == 8001
    assert AuditEntry.objects.filter(action="observers.assign").exists()
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["anna@example.org"]
    name, body, kind = mail.outbox[0].attachments[0]
    assert kind == "text/calendar" and "BEGIN:VEVENT" in str(body)
    client.post(reverse("observers:assignment_delete", args=[programme.pk, assignment.pk]))
    assert not Assignment.objects.exists()
    assert len(mail.outbox) == 2


def test_second_observer_at_the_same_station_and_shift_is_refused(
    client, coordinator, programme, observer, second_observer
):
    client.force_login(coordinator)
    _assign(client, programme, observer)
    response = _assign(client, programme, second_observer)
    assert response.status_code == 200
    assert "already has" in str(response.context["form"].non_field_errors())
    assert Assignment.objects.count() == 1
    assert _assign(client, programme, second_observer, shift="count").status_code == 302
    programme.allow_shared_stations = True
    programme.save()
    assert _assign(client, programme, second_observer, shift="all_day").status_code == 302


def test_a_lawyer_may_share_the_observers_station(client, coordinator, programme, observer):
    lawyer = make_volunteer(programme, "lex@example.org", role="lawyer")
    client.force_login(coordinator)
    _assign(client, programme, observer)
    assert _assign(client, programme, lawyer).status_code == 302


def test_unknown_and_ambiguous_station_numbers_are_explained(
    client, coordinator, programme, observer
):
    client.force_login(coordinator)
    unknown = _assign(client, programme, observer, number=9999)
    assert "No polling station number 9999" in unknown.content.decode()
    ambiguous = _assign(client, programme, observer, number=1)
    assert "choose the region" in ambiguous.content.decode()
    assert _assign(client, programme, observer, number=1, region="Тестовый край").status_code == 302


def test_volunteer_not_accepted_cannot_be_assigned(coordinator, programme, member, station):
    volunteer = services.volunteer_apply(
        user=member, programme=programme, pseudonym="P", contact="c", role="observer", consent=False
    )
    with pytest.raises(services.Refused):
        services.assignment_create(
            actor=coordinator, volunteer=volunteer, station=station, day=DAY, shift="all_day"
        )


def test_volunteer_sees_only_their_own_assignment(
    client, coordinator, programme, assigned, second_observer, other_station
):
    services.assignment_create(
        actor=coordinator,
        volunteer=second_observer,
        station=other_station,
        day=DAY,
        shift="all_day",
    )
    client.force_login(assigned.user)
    page = client.get(reverse("observers:mine", args=[programme.pk])).content.decode()
    assert "№8001" in page and "№8002" not in page
    ics = client.get(reverse("observers:calendar", args=[programme.pk]))
    assert ics["Content-Type"].startswith("text/calendar")
    # the stations in the entries' text (not in their uids, which hold database ids)
    summaries = " ".join(
        str(event["summary"]) for event in Calendar.from_ical(ics.content).walk("VEVENT")
    )
    assert "8001" in summaries and "8002" not in summaries
    assert client.get(reverse("observers:assignments", args=[programme.pk])).status_code == 403


def test_outsider_has_no_assignment_page(client, outsider, programme):
    client.force_login(outsider)
    assert client.get(reverse("observers:mine", args=[programme.pk])).status_code == 403


def test_coverage_counts_covered_stations_and_gaps(programme, assigned, coordinator):
    lawyer = make_volunteer(programme, "lex@example.org", role="lawyer")
    other = programme.election.station_set.get(uik=8002)
    services.assignment_create(
        actor=coordinator, volunteer=lawyer, station=other, day=DAY, shift="all_day"
    )
    coverage = services.programme_coverage(programme)
    assert coverage["stations"] == 2  # the two stations abroad
    assert coverage["covered"] == 1  # a lawyer alone does not cover a station
    assert coverage["gaps"] == 1
    assert dict(coverage["by_role"])["observer"] == 1


def test_coverage_map_places_stations_abroad_and_says_which_are_in_the_table_only(
    client, coordinator, programme, assigned, station, other_station, election
):
    from horizont.abroad.models import Station as AbroadStation
    from horizont.abroad.models import Vote

    vote = Vote.objects.create(
        name="Vote", slug="vote", first_day=DAY, last_day=DAY, results=election
    )
    AbroadStation.objects.create(
        vote=vote, number=station.uik, slug="s1", country="DE", city="Berlin",
        latitude=52.5, longitude=13.4,
    )  # fmt: skip
    client.force_login(coordinator)
    markers = client.get(reverse("observers:coverage_data", args=[programme.pk])).json()["markers"]
    assert [(m["slug"], m["covered"], m["city"]) for m in markers] == [
        (str(station.pk), True, "Berlin")
    ]
    page = client.get(reverse("observers:assignments", args=[programme.pk])).content.decode()
    assert "js-initiative-map" in page and f'id="station-{station.pk}"' in page
    # the other station abroad has no place yet, the stations in Russia none at all
    assert "shown in the table only" in page
    dashboard = client.get(reverse("observers:dashboard", args=[programme.pk]))
    countries = dashboard.context["data"]["countries"]
    assert {"country": "Germany", "stations": 1, "covered": 1} in countries
    # public: one country with fewer than five stations is withheld
    public = services.coverage_by_country(programme, public=True)
    assert all(row["stations"] is None for row in public)
    client.force_login(assigned.user)
    assert client.get(reverse("observers:coverage_data", args=[programme.pk])).status_code == 403
