"""Convert world-atlas' TopoJSON countries (Natural Earth, public domain) to GeoJSON.

Run once when updating the base map:
    npm pack world-atlas && tar xzf world-atlas-*.tgz
    python scripts/basemap.py package/countries-110m.json \
        horizont/network/static/network/basemap/countries-110m.geojson
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

Point = list[float]


def decode_arcs(topology: dict[str, Any]) -> list[list[Point]]:
    """Undo the quantisation and delta encoding of every arc."""
    scale = topology["transform"]["scale"]
    translate = topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x += dx
            y += dy
            points.append(
                [
                    round(x * scale[0] + translate[0], 3),
                    round(y * scale[1] + translate[1], 3),
                ]
            )
        arcs.append(points)
    return arcs


def ring(indices: list[int], arcs: list[list[Point]]) -> list[Point]:
    points: list[Point] = []
    for index in indices:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points.extend(arc if not points else arc[1:])
    # Leaflet draws flat polygons: a ring crossing the antimeridian (Russia's far east,
    # Fiji) continues past ±180° instead of jumping across the whole map.
    for before, point in zip(points, points[1:], strict=False):
        while point[0] - before[0] > 180:
            point[0] = round(point[0] - 360, 3)
        while before[0] - point[0] > 180:
            point[0] = round(point[0] + 360, 3)
    return points


def geometry(item: dict[str, Any], arcs: list[list[Point]]) -> dict[str, Any] | None:
    if item["type"] == "Polygon":
        return {"type": "Polygon", "coordinates": [ring(r, arcs) for r in item["arcs"]]}
    if item["type"] == "MultiPolygon":
        return {
            "type": "MultiPolygon",
            "coordinates": [[ring(r, arcs) for r in polygon] for polygon in item["arcs"]],
        }
    return None


def convert(topology: dict[str, Any], name: str = "countries") -> dict[str, Any]:
    arcs = decode_arcs(topology)
    features = []
    for item in topology["objects"][name]["geometries"]:
        if item.get("properties", {}).get("name") == "Antarctica":
            continue  # rings around the pole do not fit a flat map; nobody lives there
        shape = geometry(item, arcs)
        if shape is not None:
            properties = {"name": item.get("properties", {}).get("name", "")}
            features.append({"type": "Feature", "properties": properties, "geometry": shape})
    return {"type": "FeatureCollection", "features": features}


if __name__ == "__main__":
    source, target = Path(sys.argv[1]), Path(sys.argv[2])
    collection = convert(json.loads(source.read_text(encoding="utf-8")))
    target.write_text(json.dumps(collection, separators=(",", ":")), encoding="utf-8")
    print(f"{len(collection['features'])} countries → {target}")
