"""The base map shipped in static/: TopoJSON decoded right, and the file itself sane."""

import importlib.util
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
GEOJSON = ROOT / "horizont/network/static/network/basemap/countries-110m.geojson"


def _script():
    spec = importlib.util.spec_from_file_location("basemap", ROOT / "scripts/basemap.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_topojson_arcs_are_decoded_and_unwrapped_across_the_antimeridian():
    topology = {
        "transform": {"scale": [1, 1], "translate": [0, 0]},
        # A quantised, delta-encoded arc from 170° to -170° (crossing ±180°) and back.
        "arcs": [[[170, 60], [-340, 0], [0, 5]], [[-170, 65], [340, -5]]],
        "objects": {
            "countries": {
                "geometries": [
                    {"type": "Polygon", "arcs": [[0, 1]], "properties": {"name": "Far East"}},
                    {"type": "Polygon", "arcs": [[0]], "properties": {"name": "Antarctica"}},
                ]
            }
        },
    }
    collection = _script().convert(topology)
    assert [f["properties"]["name"] for f in collection["features"]] == ["Far East"]
    ring = collection["features"][0]["geometry"]["coordinates"][0]
    assert ring == [[170, 60], [190, 60], [190, 65], [170, 60]]


def test_shipped_borders_cover_the_countries_people_live_in():
    names = {f["properties"]["name"] for f in json.loads(GEOJSON.read_text())["features"]}
    assert {"Germany", "Poland", "Russia", "Georgia", "Kazakhstan"} <= names
    assert "Antarctica" not in names


def test_city_labels_come_from_the_gazetteer(client, db):
    response = client.get("/en/initiatives/map/cities.json")
    assert response.status_code == 200 and "public" in response["Cache-Control"]
    cities = {city["name"]: city for city in response.json()["cities"]}
    assert abs(cities["Berlin"]["lat"] - 52.52) < 0.1 and "Potsdam" not in cities  # < 1 M
    page = client.get("/en/initiatives/map/").content.decode()
    assert 'data-cities="/en/initiatives/map/cities.json"' in page
