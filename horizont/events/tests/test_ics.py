"""iCalendar files parsed back with the icalendar library."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from icalendar import Calendar

from horizont.events.tests.conftest import make_event, make_initiative
from horizont.events.timezones import local_to_utc

pytestmark = pytest.mark.django_db
BERLIN = ZoneInfo("Europe/Berlin")


def _calendar(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    assert "attachment" in response["Content-Disposition"]
    return response.content, Calendar.from_ical(response.content)


def test_event_ics_has_local_time_zone_place_and_no_online_link(client, initiative):
    start = local_to_utc(dt.datetime(2026, 10, 25, 19, 0), BERLIN)
    event = make_event(
        initiative,
        title="Film night",
        start=start,
        end=start + dt.timedelta(hours=2),
        latitude=52.5,
        longitude=13.4,
        online_url="https://meet.example.org/secret-room",
    )
    raw, cal = _calendar(client, reverse("events:ics", args=[event.pk]))
    (vevent,) = cal.walk("VEVENT")
    assert str(vevent["SUMMARY"]) == "Film night"
    assert str(vevent["STATUS"]) == "CONFIRMED"
    start_value = vevent.decoded("DTSTART")
    assert start_value.tzinfo is not None
    assert str(vevent["DTSTART"].params["TZID"]) == "Europe/Berlin"
    assert (start_value.hour, start_value.minute) == (19, 0)
    assert start_value.astimezone(dt.UTC) == dt.datetime(2026, 10, 25, 18, 0, tzinfo=dt.UTC)
    assert vevent.decoded("DTEND") - start_value == dt.timedelta(hours=2)
    assert "Example street 1, Berlin, DE" in str(vevent["LOCATION"])
    assert vevent["GEO"].latitude == 52.5
    assert str(vevent["URL"]).endswith(event.get_absolute_url())
    assert str(vevent["UID"]).startswith(f"event-{event.pk}@")
    assert [tz["TZID"] for tz in cal.walk("VTIMEZONE")] == ["Europe/Berlin"]
    assert b"secret-room" not in raw


def test_cancelled_event_ics_says_it_is_cancelled(client, event):
    event.status = "cancelled"
    event.sequence = 3
    event.save()
    _raw, cal = _calendar(client, reverse("events:ics", args=[event.pk]))
    (vevent,) = cal.walk("VEVENT")
    assert str(vevent["STATUS"]) == "CANCELLED"
    assert str(vevent["SUMMARY"]).startswith("Cancelled:")
    assert "This event is cancelled." in str(vevent["DESCRIPTION"])
    assert vevent["SEQUENCE"] == 3


def test_feeds_all_per_initiative_and_per_city(client, initiative, other_initiative):
    berlin = make_event(initiative, title="Berlin meeting")
    warsaw = make_event(other_initiative, title="Warsaw meeting", city="Warsaw", country="PL")
    hidden = make_event(make_initiative("pending-one", approved=False), title="Hidden")
    online = make_event(
        initiative,
        title="Online briefing",
        kind="online",
        city="",
        address="",
        country="",
        online_url="https://meet.example.org/secret-room",
    )

    def titles(url):
        raw, cal = _calendar(client, url)
        assert b"secret-room" not in raw
        return sorted(str(v["SUMMARY"]) for v in cal.walk("VEVENT"))

    assert titles(reverse("events:feed")) == sorted([berlin.title, warsaw.title, online.title])
    assert titles(reverse("events:feed_initiative", args=[initiative.slug])) == sorted(
        [berlin.title, online.title]
    )
    assert titles(reverse("events:feed_city", args=["warsaw"])) == [warsaw.title]
    assert hidden.title not in titles(reverse("events:feed"))
    assert client.get(reverse("events:feed_initiative", args=["pending-one"])).status_code == 404


def test_past_event_ics_links_its_report(client, initiative):
    start = dt.datetime(2025, 1, 10, 18, 0, tzinfo=dt.UTC)
    event = make_event(
        initiative,
        start=start,
        end=start + dt.timedelta(hours=2),
        report_url="https://example.org/reports/1",
    )
    _raw, cal = _calendar(client, reverse("events:ics", args=[event.pk]))
    assert "https://example.org/reports/1" in str(cal.walk("VEVENT")[0]["DESCRIPTION"])
