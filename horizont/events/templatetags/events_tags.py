"""Show an event's time at the place and in the viewer's zone."""

from __future__ import annotations

import datetime as dt
from typing import Any
from zoneinfo import ZoneInfo

from django import template
from django.utils.formats import date_format

from horizont.core import places

register = template.Library()


def span(start: dt.datetime, end: dt.datetime) -> str:
    """'25 October 2026, 19:00–21:00' or '25 October 2026, 22:00 – 26 October 2026, 02:00'."""
    first = f"{date_format(start, 'DATE_FORMAT')}, {start:%H:%M}"
    if start.date() == end.date():
        return f"{first}–{end:%H:%M}"
    return f"{first} – {date_format(end, 'DATE_FORMAT')}, {end:%H:%M}"


def _times(start: dt.datetime, end: dt.datetime, zone: Any) -> dict[str, Any]:
    local_start, local_end = start.astimezone(zone), end.astimezone(zone)
    return {
        "text": span(local_start, local_end),
        "abbreviation": local_start.tzname(),
        "zone": places.zone_name(getattr(zone, "key", "UTC")),
        "iso": local_start.isoformat(),
    }


@register.inclusion_tag("events/_times.html")
def event_times(event: Any, viewer_zone: ZoneInfo | None = None, compact: bool = False) -> dict:
    """The time at the place, and the viewer's own time when their zone is known and
    differs (never UTC in its stead: a reader in Warsaw is not in UTC)."""
    place = _times(event.start, event.end, event.zone)
    other = None
    if viewer_zone is not None and viewer_zone.key != event.timezone:
        other = _times(event.start, event.end, viewer_zone)
    return {"place": place, "other": other, "compact": compact}


@register.filter
def event_span(event: Any) -> str:
    """Local time at the place as plain text, for e-mails: '… 19:00–21:00 CEST (Europe/Berlin)'."""
    local_start = event.local_start
    return f"{span(local_start, event.local_end)} {local_start.tzname()} ({event.timezone})"
