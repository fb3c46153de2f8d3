"""iCalendar (RFC 5545) files: one event or a feed of many.

Times are written in the place's zone with its VTIMEZONE, so calendar programs show the
right local time across daylight-saving changes. Online links are never written: they
are for confirmed participants only, and a calendar file is public.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any
from urllib.parse import urlsplit

from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Calendar
from icalendar import Event as VEvent

from horizont.core.links import site_base_url
from horizont.events.models import Event

# Feeds carry the events of the last year and everything ahead, at most this many.
FEED_LIMIT = 1000
FEED_HISTORY = dt.timedelta(days=365)


def feed_events(queryset: Any) -> list[Event]:
    since = timezone.now() - FEED_HISTORY
    return list(
        queryset.select_related("initiative")
        .filter(start__gte=since)
        .order_by("start", "pk")[:FEED_LIMIT]
    )


def _vevent(event: Event, *, base_url: str, host: str) -> VEvent:
    item = VEvent()
    item.add("uid", f"event-{event.pk}@{host}")
    item.add("dtstamp", timezone.now())
    item.add("sequence", event.sequence)
    item.add("last-modified", event.updated_at)
    item.add("dtstart", event.local_start)
    item.add("dtend", event.local_end)
    summary = event.title
    if event.is_cancelled:
        summary = _("Cancelled: %(title)s") % {"title": event.title}
    item.add("summary", summary)
    description = _("Organized by %(initiative)s") % {"initiative": event.initiative.name}
    if event.description:
        description += "\n\n" + event.description
    if event.is_cancelled:
        description = _("This event is cancelled.") + "\n\n" + description
    if event.report_url:
        description += "\n\n" + _("Report: %(url)s") % {"url": event.report_url}
    item.add("description", description)
    if event.place:
        item.add("location", event.place)
    elif event.is_online:
        item.add("location", _("Online (the link is sent to registered participants)"))
    if event.latitude is not None and event.longitude is not None:
        item.add("geo", (event.latitude, event.longitude))
    item.add("status", "CANCELLED" if event.is_cancelled else "CONFIRMED")
    item.add("categories", [event.get_kind_display()])
    item.add("url", base_url + event.get_absolute_url())
    return item


def build(events: Iterable[Event], *, title: str, base_url: str) -> bytes:
    """The calendar file; ``base_url`` (``scheme://host``) makes the links and the UIDs."""
    cal = Calendar()
    cal.add("prodid", "-//Horizont//events//EN")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", title)
    host = urlsplit(base_url).hostname or "localhost"
    for event in events:
        cal.add_component(_vevent(event, base_url=base_url, host=host))
    cal.add_missing_timezones()
    return cal.to_ical()


def response(
    request: HttpRequest, events: Iterable[Event], *, name: str, title: str
) -> HttpResponse:
    result = HttpResponse(
        build(events, title=str(title), base_url=site_base_url(request)),
        content_type="text/calendar; charset=utf-8",
    )
    result["Content-Disposition"] = f'attachment; filename="{name}.ics"'
    return result
