"""Local times at the place across daylight-saving changes (Europe/Berlin, 2026)."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.urls import reverse

from horizont.events.models import Event
from horizont.events.tests.conftest import make_event
from horizont.events.timezones import NonexistentTime, is_ambiguous, local_to_utc

BERLIN = ZoneInfo("Europe/Berlin")
UTC = dt.UTC

# In 2026 Europe changes clocks on the last Sundays of March (29th) and October (25th);
# the United States on 8 March and 1 November, so New York is 5 h behind Berlin most of
# the year but only 4 h in the weeks between the changes.


def test_spring_forward_gap_does_not_exist():
    with pytest.raises(NonexistentTime):
        local_to_utc(dt.datetime(2026, 3, 29, 2, 30), BERLIN)
    assert local_to_utc(dt.datetime(2026, 3, 29, 1, 30), BERLIN) == dt.datetime(
        2026, 3, 29, 0, 30, tzinfo=UTC
    )
    assert local_to_utc(dt.datetime(2026, 3, 29, 3, 0), BERLIN) == dt.datetime(
        2026, 3, 29, 1, 0, tzinfo=UTC
    )


def test_autumn_repeated_hour_means_its_first_occurrence():
    naive = dt.datetime(2026, 10, 25, 2, 30)
    assert is_ambiguous(naive, BERLIN)
    assert local_to_utc(naive, BERLIN) == dt.datetime(2026, 10, 25, 0, 30, tzinfo=UTC)
    assert not is_ambiguous(dt.datetime(2026, 10, 25, 4, 0), BERLIN)


def test_same_local_hour_is_a_different_utc_hour_after_the_change():
    saturday = local_to_utc(dt.datetime(2026, 10, 24, 19, 0), BERLIN)
    sunday = local_to_utc(dt.datetime(2026, 10, 25, 19, 0), BERLIN)
    assert saturday.hour == 17  # CEST, UTC+2
    assert sunday.hour == 18  # CET, UTC+1
    assert sunday - saturday == dt.timedelta(hours=25)


def test_night_event_across_the_change_lasts_one_hour_longer(db, initiative):
    start = local_to_utc(dt.datetime(2026, 10, 24, 23, 0), BERLIN)
    end = local_to_utc(dt.datetime(2026, 10, 25, 5, 0), BERLIN)
    event = make_event(initiative, start=start, end=end)
    assert event.end - event.start == dt.timedelta(hours=7)
    assert (event.local_start.hour, event.local_end.hour) == (23, 5)


@time_machine.travel(dt.datetime(2026, 10, 1, 12, 0, tzinfo=UTC), tick=False)
def test_form_takes_local_time_and_stores_utc(client, organizer, initiative):
    client.force_login(organizer)
    data = {
        "initiative": initiative.pk,
        "title": "Sunday after the change",
        "kind": "meeting",
        "timezone": "Europe/Berlin",
        "start_local": "2026-10-25T19:00",
        "end_local": "2026-10-25T21:00",
        "city": "Berlin",
        "country": "DE",
    }
    response = client.post(reverse("events:create"), data)
    assert response.status_code == 302
    event = Event.objects.get()
    assert event.start == dt.datetime(2026, 10, 25, 18, 0, tzinfo=UTC)
    assert event.timezone == "Europe/Berlin"

    # Edit form shows the same wall-clock time again.
    page = client.get(reverse("events:edit", args=[event.pk])).content.decode()
    assert 'value="2026-10-25T19:00"' in page


@time_machine.travel(dt.datetime(2026, 3, 1, 12, 0, tzinfo=UTC), tick=False)
def test_form_refuses_the_skipped_hour(client, organizer, initiative):
    client.force_login(organizer)
    data = {
        "initiative": initiative.pk,
        "title": "Night walk",
        "kind": "meeting",
        "timezone": "Europe/Berlin",
        "start_local": "2026-03-29T02:30",
        "end_local": "2026-03-29T04:00",
        "city": "Berlin",
        "country": "DE",
    }
    response = client.post(reverse("events:create"), data)
    assert response.status_code == 200
    assert "start_local" in response.context["form"].errors
    assert "clocks jump forward" in response.content.decode()


@time_machine.travel(dt.datetime(2026, 10, 20, 12, 0, tzinfo=UTC), tick=False)
def test_page_shows_place_time_and_viewer_time(client, initiative):
    start = local_to_utc(dt.datetime(2026, 10, 25, 19, 0), BERLIN)
    event = make_event(initiative, start=start, end=start + dt.timedelta(hours=2))

    page = client.get(event.get_absolute_url()).content.decode()
    assert "19:00–21:00" in page and "CET" in page
    assert "local time (Germany)" in page
    # No zone known: the time at the place only, never UTC as if it were the reader's.
    assert "18:00–20:00" not in page and "your time" not in page

    # New York has not changed its clocks yet: 14:00 there, not 13:00.
    page = client.get(event.get_absolute_url() + "?tz=America/New_York")
    assert "14:00–16:00 your time (United States — New York)" in page.content.decode()
    assert page.cookies["tz"].value == "America/New_York"

    client.cookies["tz"] = "Europe/Berlin"
    page = client.get(event.get_absolute_url()).content.decode()
    assert "your time" not in page and "18:00–20:00 UTC" not in page


def test_unknown_viewer_zone_shows_only_the_place_time(client, event):
    client.cookies["tz"] = "Nowhere/Atlantis"
    page = client.get(event.get_absolute_url()).content.decode()
    assert "UTC</span>" not in page and "your time" not in page


def test_zone_names_are_in_the_readers_language(client, event):
    page = client.get(
        event.get_absolute_url().replace("/en/", "/de/") + "?tz=Europe/Warsaw"
    ).content.decode()
    assert "Ihre Zeit (Polen)" in page or "(Polen)" in page
    assert '<optgroup label="Polen"><option value="Europe/Warsaw" selected>Polen</option>' in page
    assert ">UTC<" not in page


@time_machine.travel(dt.datetime(2026, 10, 1, 12, 0, tzinfo=UTC), tick=False)
@pytest.mark.parametrize(
    ("city", "country", "zone", "utc_hour"),
    [("Warsaw", "PL", "Europe/Warsaw", 17), ("Chicago", "US", "America/Chicago", 0),
     ("Nowhere-on-earth", "PL", "Europe/Warsaw", 17)],
)  # fmt: skip
def test_zone_left_empty_is_the_places_zone(
    client, organizer, initiative, city, country, zone, utc_hour
):
    client.force_login(organizer)
    data = {
        "initiative": initiative.pk,
        "title": "Meeting",
        "kind": "meeting",
        "timezone": "",
        "start_local": "2026-10-20T19:00",
        "end_local": "2026-10-20T21:00",
        "city": city,
        "country": country,
    }
    response = client.post(reverse("events:create"), data)
    assert response.status_code == 302
    event = Event.objects.get()
    assert event.timezone == zone
    assert event.start.astimezone(UTC).hour == utc_hour


def test_event_form_offers_countries_and_zones_in_the_readers_language(client, organizer):
    client.force_login(organizer)
    page = client.get(reverse("events:create").replace("/en/", "/pl/")).content.decode()
    assert '<option value="DE">Niemcy</option>' in page
    assert '<optgroup label="Polska">' in page
    assert "strefa czasowa miejsca" in page
    assert ">UTC<" not in page


def test_online_event_without_a_place_asks_for_the_zone(client, organizer, initiative):
    initiative.country = ""
    initiative.save()
    client.force_login(organizer)
    data = {
        "initiative": initiative.pk,
        "title": "Call",
        "kind": "online",
        "timezone": "",
        "start_local": "2030-10-20T19:00",
        "end_local": "2030-10-20T21:00",
        "online_url": "https://meet.example.org/x",
    }
    response = client.post(reverse("events:create"), data)
    assert response.status_code == 200
    assert "timezone" in response.context["form"].errors
    assert not Event.objects.exists()
