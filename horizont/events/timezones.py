"""Time-zone arithmetic for events: local wall-clock times at the place and the viewer's zone."""

from __future__ import annotations

import datetime as dt
from functools import cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from django.http import HttpRequest
from django.utils import translation
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from horizont.core import places

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


def zone_options(selected: str = "") -> SafeString:
    """The <option>s of the zone chooser: a group per country with its zones named in the
    reader's language ("Polen", "USA — Chicago"); nothing chosen means only the time at
    the place is shown (never UTC instead of the reader's own zone)."""
    return _zone_options(selected, translation.get_language() or "en")


@cache
def _zone_options(selected: str, language: str) -> SafeString:
    # Rendered once per chosen zone and language (about 420 options: looping over them
    # in the template was most of the list page's time).
    first = format_html(
        '<option value=""{}>{}</option>',
        "" if selected else " selected",
        _("— only the time at the place —"),
    )
    groups = format_html_join(
        "",
        '<optgroup label="{}">{}</optgroup>',
        (
            (
                label,
                format_html_join(
                    "",
                    '<option value="{}"{}>{}</option>',
                    (
                        (zone, " selected" if zone == selected else "", name)
                        for zone, name in options
                    ),
                ),
            )
            for label, options in places.grouped_zone_choices(language)
        ),
    )
    return first + groups


def place_zone(city: str, country: str) -> str:
    """The zone of a place: its city's (GeoNames) when the gazetteer knows the city,
    else the country's main zone; "" when neither is known."""
    from horizont.network.gazetteer import find_city

    found = find_city(city, country) if city else None
    if found is not None and found.timezone in zone_names():
        return found.timezone
    zone = places.country_zone(country)
    return zone if zone in zone_names() else ""
