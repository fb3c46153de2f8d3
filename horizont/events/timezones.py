"""Time-zone arithmetic for events: local wall-clock times at the place and the viewer's zone."""

from __future__ import annotations

import datetime as dt
from functools import cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from django.http import HttpRequest
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString

TZ_COOKIE = "tz"
UTC = dt.UTC


class NonexistentTime(ValueError):
    """The wall-clock time is skipped when the clocks jump forward."""


@cache
def zone_names() -> tuple[str, ...]:
    """IANA zone names people choose from ("Europe/Berlin"), without legacy aliases."""
    names = {
        name
        for name in available_timezones()
        if "/" in name and not name.startswith(("Etc/", "SystemV/", "US/", "posix/", "right/"))
    }
    return tuple(sorted(names | {"UTC"}))


def zone_or_none(name: str | None) -> ZoneInfo | None:
    if not name or name not in zone_names():
        return None
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return None


def local_to_utc(naive: dt.datetime, zone: ZoneInfo) -> dt.datetime:
    """The UTC instant of a wall-clock time at a place.

    A time that does not exist (the hour skipped in spring) raises ``NonexistentTime``;
    a time that occurs twice (the hour repeated in autumn) means its first occurrence,
    still in summer time.
    """
    local = naive.replace(tzinfo=zone, fold=0)
    instant = local.astimezone(UTC)
    if instant.astimezone(zone).replace(tzinfo=None) != naive.replace(tzinfo=None, fold=0):
        raise NonexistentTime(naive)
    return instant


def is_ambiguous(naive: dt.datetime, zone: ZoneInfo) -> bool:
    """True when the wall-clock time happens twice (clocks go back)."""
    first = naive.replace(tzinfo=zone, fold=0).utcoffset()
    second = naive.replace(tzinfo=zone, fold=1).utcoffset()
    return first != second


def viewer_zone(request: HttpRequest) -> ZoneInfo | None:
    """The zone the viewer chose (``?tz=``) or their browser reported (``tz`` cookie)."""
    return zone_or_none(request.GET.get("tz")) or zone_or_none(request.COOKIES.get(TZ_COOKIE))


@cache
def zone_options(selected: str = "") -> SafeString:
    """The <option>s of the zone chooser, rendered once per chosen zone (about 430 of them:
    looping over them in the template was most of the list page's time)."""
    first = format_html('<option value=""{}>UTC</option>', "" if selected else " selected")
    rest = format_html_join(
        "",
        '<option value="{}"{}>{}</option>',
        ((name, " selected" if name == selected else "", name) for name in zone_names()),
    )
    return first + rest
