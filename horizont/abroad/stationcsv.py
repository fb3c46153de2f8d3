"""The station CSV that coordinators upload: documented columns, one error per bad row.

Columns (UTF-8, comma-separated, first row the header; only ``number`` is required):

``number``        official station number, 1–9999 (e.g. 8123)
``country``       ISO 3166 two-letter code of the host country (DE, PL …)
``city``          city, as the gazetteer knows it (coordinates come from it when missing)
``host``          ``embassy``, ``consulate`` or ``other``
``address``       street address
``latitude``, ``longitude``  decimal degrees (optional pin)
``timezone``      IANA zone of the place (Europe/Berlin); UTC when empty
``hours``         ``08:00-20:00`` for every voting day, or per day
                  ``2021-09-17 08:00-20:00; 2021-09-18 09:00-14:00``
``accessibility`` notes on step-free access and help on site
``region``        the Russian region the station reports to
``district``      the commission it reports to (TIK/OIK)
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext as _

from horizont.events.timezones import zone_or_none
from horizont.network import gazetteer

COLUMNS = (
    "number", "country", "city", "host", "address", "latitude", "longitude", "timezone",
    "hours", "accessibility", "region", "district",
)  # fmt: skip
HOSTS = ("embassy", "consulate", "other")
MAX_ROWS = 5000
_SPAN = re.compile(r"^(\d{1,2}:\d{2})\s*[-–]\s*(\d{1,2}:\d{2})$")


class HoursError(ValueError):
    pass


@dataclass
class ParsedCsv:
    rows: list[dict[str, Any]] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


def _time(text: str) -> str:
    value = dt.time.fromisoformat(text.zfill(5))
    return value.strftime("%H:%M")


def parse_hours(text: str, days: list[dt.date]) -> dict[str, list[str]]:
    """``08:00-20:00`` (every day) or ``YYYY-MM-DD HH:MM-HH:MM; …`` → {day: [opens, closes]}."""
    text = text.strip()
    if not text:
        return {}
    result: dict[str, list[str]] = {}
    for part in (p.strip() for p in re.split(r"[;\n]", text) if p.strip()):
        day_text, _sep, span = part.rpartition(" ") if " " in part else ("", "", part)
        match = _SPAN.match(span.strip())
        if not match:
            raise HoursError(part)
        try:
            opens, closes = _time(match.group(1)), _time(match.group(2))
        except ValueError as exc:
            raise HoursError(part) from exc
        if opens >= closes:
            raise HoursError(part)
        if day_text.strip():
            try:
                day = dt.date.fromisoformat(day_text.strip())
            except ValueError as exc:
                raise HoursError(part) from exc
            if day not in days:
                raise HoursError(part)
            result[day.isoformat()] = [opens, closes]
        else:
            for day in days:
                result[day.isoformat()] = [opens, closes]
    return result


def format_hours(hours: dict[str, list[str]]) -> str:
    return "; ".join(f"{day} {span[0]}-{span[1]}" for day, span in sorted(hours.items()))


def _float(text: str, low: float, high: float) -> float | None:
    if not text.strip():
        return None
    value = float(text.replace(",", "."))
    if not low <= value <= high:
        raise ValueError(text)
    return value


def parse(data: bytes, *, days: list[dt.date]) -> ParsedCsv:
    """Check every row; the caller saves nothing unless ``errors`` is empty."""
    result = ParsedCsv()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        result.errors.append(_("The file is not UTF-8 text."))
        return result
    reader = csv.DictReader(io.StringIO(text))
    header = [h.strip() for h in (reader.fieldnames or [])]
    reader.fieldnames = header
    unknown = [h for h in header if h not in COLUMNS]
    if unknown:
        result.errors.append(
            _("Unknown columns: %(columns)s. Known columns: %(known)s.")
            % {"columns": ", ".join(unknown), "known": ", ".join(COLUMNS)}
        )
        return result
    if "number" not in header:
        result.errors.append(_("The column “number” is missing."))
        return result
    seen: dict[int, int] = {}
    for line, raw in enumerate(reader, start=2):
        if line - 1 > MAX_ROWS:
            result.errors.append(_("The file has more than %(n)s rows.") % {"n": MAX_ROWS})
            break
        row = {k: (v or "").strip() for k, v in raw.items() if k is not None}
        errors: list[str] = []

        def bad(message: str, line: int = line, errors: list[str] = errors) -> None:
            errors.append(_("Row %(row)s: %(message)s") % {"row": line, "message": message})

        number: int | None = None
        try:
            number = int(row.get("number", ""))
        except ValueError:
            bad(_("the number “%(value)s” is not a whole number.") % {"value": row.get("number")})
        if number is not None:
            if not 1 <= number <= 9999:
                bad(_("the number %(value)s is outside 1–9999.") % {"value": number})
            elif number in seen:
                bad(
                    _("the number %(value)s is already used in row %(other)s.")
                    % {"value": number, "other": seen[number]}
                )
            else:
                seen[number] = line
        country = row.get("country", "").upper()
        if country and not gazetteer.is_country(country):
            bad(_("unknown country code “%(value)s”.") % {"value": country})
        host = row.get("host", "").lower() or "other"
        if host not in HOSTS:
            bad(
                _("the host must be embassy, consulate or other, not “%(value)s”.")
                % {"value": host}
            )
        zone = row.get("timezone", "") or "UTC"
        if zone_or_none(zone) is None:
            bad(_("unknown time zone “%(value)s”.") % {"value": zone})
        try:
            latitude = _float(row.get("latitude", ""), -90, 90)
            longitude = _float(row.get("longitude", ""), -180, 180)
        except ValueError:
            bad(_("latitude and longitude must be decimal degrees."))
            latitude = longitude = None
        if (latitude is None) != (longitude is None):
            bad(_("give both latitude and longitude, or neither."))
        try:
            hours = parse_hours(row.get("hours", ""), days)
        except HoursError as exc:
            bad(_("cannot read the opening hours “%(value)s”.") % {"value": exc.args[0]})
            hours = {}
        for name, limit in (("city", 120), ("address", 300), ("region", 200), ("district", 300)):
            if len(row.get(name, "")) > limit:
                bad(
                    _("the %(column)s is longer than %(n)s characters.")
                    % {"column": name, "n": limit}
                )
        if errors:
            result.errors.extend(errors)
            continue
        values: dict[str, Any] = {"number": number}
        if "host" in row:
            values["host"] = host
        if "timezone" in row:
            values["timezone"] = zone
        if "country" in row:
            values["country"] = country
        for name in ("city", "address", "accessibility", "region", "district"):
            if name in row:
                values[name] = row[name]
        if latitude is not None:
            values["latitude"], values["longitude"] = latitude, longitude
        if "hours" in row:
            values["hours"] = hours
        result.rows.append(values)
    return result
