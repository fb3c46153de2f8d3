"""iCalendar file of a station: one event per voting day with the station's local hours."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Calendar
from icalendar import Event as VEvent

from horizont.abroad.models import Station


def build(request: HttpRequest, station: Station) -> bytes:
    cal = Calendar()
    cal.add("prodid", "-//Horizont//abroad//EN")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", str(station))
    host = request.get_host().split(":")[0]
    url = request.build_absolute_uri(station.get_absolute_url())
    for day, opens, closes in station.opening_hours():
        item = VEvent()
        item.add("uid", f"abroad-{station.pk}-{day.isoformat()}@{host}")
        item.add("dtstamp", timezone.now())
        item.add("dtstart", opens)
        item.add("dtend", closes)
        item.add(
            "summary",
            _("Vote: %(vote)s at polling station %(number)s")
            % {"vote": station.vote.name, "number": station.number},
        )
        location = ", ".join(p for p in (station.address, station.city) if p)
        if location:
            item.add("location", location)
        if station.has_location:
            item.add("geo", (station.latitude, station.longitude))
        description = station.vote.guidance()
        item.add("description", (description + "\n\n" if description else "") + url)
        item.add("url", url)
        cal.add_component(item)
    cal.add_missing_timezones()
    return cal.to_ical()


def response(request: HttpRequest, station: Station) -> HttpResponse:
    result = HttpResponse(build(request, station), content_type="text/calendar; charset=utf-8")
    result["Content-Disposition"] = f'attachment; filename="{station.slug}.ics"'
    return result
