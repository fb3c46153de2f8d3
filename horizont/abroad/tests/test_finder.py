"""The finder, the station page, its calendar file and its QR code."""

from __future__ import annotations

import pytest
from django.urls import reverse
from icalendar import Calendar

from horizont.abroad import services
from horizont.abroad.models import Pledge, Ride

pytestmark = pytest.mark.django_db


def test_finder_lists_stations_by_country_and_city(client, vote, stations):
    response = client.get(reverse("abroad:vote", args=[vote.slug]), {"country": "PL"})
    text = response.content.decode()
    assert response.status_code == 200
    assert "Polling station 8201" in text and "Polling station 8101" not in text
    response = client.get(reverse("abroad:vote", args=[vote.slug]), {"city": "munich"})
    assert "Polling station 8102" in response.content.decode()
    assert "Polling station 8101" not in response.content.decode()


def test_finder_defaults_to_the_next_vote(client, vote, stations):
    response = client.get(reverse("abroad:finder"))
    assert response.status_code == 200 and "Fictional Duma 2030" in response.content.decode()


def test_near_a_city_sorts_by_distance_and_shows_it(client, vote, stations):
    response = client.get(reverse("abroad:vote", args=[vote.slug]), {"near": "Leipzig"})
    text = response.content.decode()
    assert "Stations nearest to Leipzig" in text
    order = [text.index(f"Polling station {n}") for n in (8101, 8102, 8201)]
    assert order == sorted(order)  # Berlin (150 km) before Munich (360 km) before Warsaw
    assert "km away" in text


def test_unknown_city_is_explained(client, vote, stations):
    response = client.get(reverse("abroad:vote", args=[vote.slug]), {"near": "Xyzzyville"})
    assert response.status_code == 200
    assert "We do not know a city called “Xyzzyville”" in response.content.decode()


def test_rounded_location_finds_the_nearest(client, vote, stations):
    response = client.get(
        reverse("abroad:vote", args=[vote.slug]), {"lat": "52.23", "lon": "21.01"}
    )
    text = response.content.decode()
    assert text.index("Polling station 8201") < text.index("Polling station 8101")


def test_map_data_has_one_marker_per_located_station(client, vote, stations):
    data = client.get(reverse("abroad:map_data", args=[vote.slug]), {"country": "DE"}).json()
    assert sorted(m["slug"] for m in data["markers"]) == ["duma-2030-8101", "duma-2030-8102"]


def test_finder_shows_public_counts_and_rides_but_no_identities(client, vote, stations, member):
    Pledge.objects.create(vote=vote, station=stations["berlin"], user=member, status="confirmed")
    Pledge.objects.create(
        vote=vote, station=stations["berlin"], guest_email="hidden@example.org",
        guest_email_digest="x", status="pending",
    )  # fmt: skip
    Ride.objects.create(
        station=stations["berlin"], day=vote.first_day, kind="offer", departure_city="Leipzig",
        departure_time="08:00", seats=3, author=member,
    )  # fmt: skip
    services.pledge_counts_refresh(vote=vote)
    text = client.get(reverse("abroad:vote", args=[vote.slug]), {"country": "DE"}).content.decode()
    assert "1 pledge" in text and "rides offered or asked for" in text
    page = client.get(stations["berlin"].get_absolute_url()).content.decode()
    assert "Lena" not in page and "hidden@example.org" not in page and "member@" not in page


def test_station_page_shows_hours_guidance_distance_and_checked_date(client, vote, stations):
    station = stations["berlin"]
    response = client.get(station.get_absolute_url(), {"near": "Leipzig"})
    text = response.content.decode()
    assert "08:00" in text and "20:00" in text and "Europe/Berlin" in text
    assert "Bring your Russian passport." in text
    assert "about 150 km from Leipzig" in text
    assert "not yet: imported from a file" in text
    german = client.get(station.get_absolute_url().replace("/en/", "/de/", 1)).content.decode()
    assert "Bringen Sie Ihren russischen Reisepass mit." in german


def test_calendar_file_has_the_local_hours_of_each_voting_day(client, stations):
    station = stations["warsaw"]
    station.vote.last_day = station.vote.first_day.replace(day=16)
    station.vote.save()
    station.hours = {"2030-09-16": ["09:00", "14:00"]}
    station.save()
    response = client.get(reverse("abroad:station_ics", args=[station.slug]))
    assert response["Content-Type"].startswith("text/calendar")
    events = [c for c in Calendar.from_ical(response.content).walk("VEVENT")]
    spans = sorted((e["dtstart"].dt.isoformat(), e["dtend"].dt.isoformat()) for e in events)
    assert spans == [
        ("2030-09-15T08:00:00+02:00", "2030-09-15T20:00:00+02:00"),
        ("2030-09-16T09:00:00+02:00", "2030-09-16T14:00:00+02:00"),
    ]
    assert str(events[0]["dtstart"].params["TZID"]) == "Europe/Warsaw"


def test_qr_code_encodes_the_page_address(client, stations):
    response = client.get(reverse("abroad:station_qr", args=[stations["berlin"].slug]))
    assert response.status_code == 200 and response["Content-Type"] == "image/svg+xml"
    assert response.content.startswith(b"<svg")


def test_unknown_station_is_404(client, vote):
    assert client.get(reverse("abroad:station", args=["nope"])).status_code == 404
