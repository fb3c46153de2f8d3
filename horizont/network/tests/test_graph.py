"""The network graph: positions laid out on the server, and filters by link type and country."""

import math

import pytest

from horizont.network import queries
from horizont.network.tests.factories import make_initiative, make_link

pytestmark = pytest.mark.django_db


@pytest.fixture
def ring():
    """Six initiatives in Germany linked as partners around a ring, one Polish coalition."""
    berlin = [
        make_initiative(f"Circle {i}", latitude=52.5, longitude=13.4 + i / 10) for i in range(6)
    ]
    for a, b in zip(berlin, berlin[1:] + berlin[:1], strict=True):
        make_link(a, b)
    warsaw = make_initiative("Warsaw Coalition", country="PL", city="Warsaw")
    make_link(warsaw, berlin[0], kind="coalition")
    return berlin, warsaw


def test_layout_spreads_nodes_inside_the_canvas(client, ring):
    data = client.get("/en/initiatives/graph/data.json").json()
    assert len(data["nodes"]) == 7
    points = [(node["x"], node["y"]) for node in data["nodes"]]
    for x, y in points:
        assert queries.GRAPH_MARGIN <= x <= data["width"] - queries.GRAPH_MARGIN
        assert queries.GRAPH_MARGIN <= y <= data["height"] - queries.GRAPH_MARGIN
    closest = min(math.dist(p, q) for i, p in enumerate(points) for q in points[i + 1 :])
    assert closest > 40  # no two dots (and their labels) on top of each other
    # The same network gives the same picture on every visit.
    assert client.get("/en/initiatives/graph/data.json").json() == data


def test_layout_of_a_single_link_and_of_nothing(client):
    assert client.get("/en/initiatives/graph/data.json").json()["nodes"] == []
    make_link(make_initiative("Alone A"), make_initiative("Alone B"))
    nodes = client.get("/en/initiatives/graph/data.json").json()["nodes"]
    assert len({(node["x"], node["y"]) for node in nodes}) == 2


def test_filter_by_link_type(client, ring):
    _berlin, warsaw = ring
    data = client.get("/en/initiatives/graph/data.json?kind=coalition").json()
    assert [link["kind"] for link in data["links"]] == ["coalition"]
    assert "Warsaw Coalition" in {node["name"] for node in data["nodes"]}
    page = client.get("/en/initiatives/graph/?kind=coalition").content.decode()
    assert "Warsaw Coalition" in page and "Circle 3" not in page
    assert '<option value="coalition" selected>' in page


def test_unknown_link_type_shows_every_link(client, ring):
    data = client.get("/en/initiatives/graph/data.json?kind=<script>").json()
    assert len(data["links"]) == 7
    page = client.get("/en/initiatives/graph/?kind=<script>")
    assert page.status_code == 200 and "Circle 3" in page.content.decode()


def test_filter_by_country_and_type_together(client, ring):
    data = client.get("/en/initiatives/graph/data.json?country=PL&kind=partner").json()
    assert data["links"] == [] and data["nodes"] == []
