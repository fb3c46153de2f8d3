import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from horizont.network.models import InitiativeLanguage, Topic
from horizont.network.tests.factories import make_initiative, make_link

pytestmark = pytest.mark.django_db


@pytest.fixture
def places():
    culture, _ = Topic.objects.get_or_create(slug="culture", defaults={"name": "culture"})
    berlin = make_initiative("Berlin Readers", description="A reading circle")
    berlin.topics.add(culture)
    InitiativeLanguage.objects.create(initiative=berlin, code="ru")
    potsdam = make_initiative("Potsdam Choir", city="Potsdam", latitude=52.39, longitude=13.06)
    warsaw = make_initiative(
        "Warsaw House", country="PL", city="Warsaw", latitude=52.23, longitude=21.01
    )
    make_initiative("Pending Secret", status="pending")
    return berlin, potsdam, warsaw


def test_near_city_keeps_only_what_lies_within_the_radius(client, places):
    # Inside the bounding box around Berlin but about 65 km away.
    make_initiative("Corner Club", city="Eberswalde", latitude=52.92, longitude=14.10)
    names = _names(client.get("/en/initiatives/?near=Berlin&radius=50"))
    assert names == {"Berlin Readers", "Potsdam Choir"}
    assert "Corner Club" in _names(client.get("/en/initiatives/?near=Berlin&radius=100"))


def _names(response) -> set[str]:
    page = response.context["page"]
    return {initiative.name for initiative in page.object_list}


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("", {"Berlin Readers", "Potsdam Choir", "Warsaw House"}),
        ("q=reading", {"Berlin Readers"}),
        ("q=warsaw", {"Warsaw House"}),
        ("country=PL", {"Warsaw House"}),
        ("city=potsdam", {"Potsdam Choir"}),
        ("topic=culture", {"Berlin Readers"}),
        ("language=ru", {"Berlin Readers"}),
        ("near=Berlin&radius=50", {"Berlin Readers", "Potsdam Choir"}),
        ("near=Берлин&radius=10", {"Berlin Readers"}),
        ("near=Atlantis", set()),
        ("radius=nonsense&country=%27%3B--", set()),
    ],
)
def test_directory_search_and_filters(client, places, query, expected):
    response = client.get(f"/en/initiatives/?{query}")
    assert response.status_code == 200
    assert _names(response) == expected
    assert "Pending Secret" not in response.content.decode()


def test_directory_is_paginated_with_a_bounded_number_of_queries(client, places):
    for number in range(45):
        make_initiative(f"Group {number:02d}")
    with CaptureQueriesContext(connection) as few:
        client.get("/en/initiatives/?page=2")
    for number in range(45, 90):
        make_initiative(f"Group {number:02d}")
    with CaptureQueriesContext(connection) as many:
        response = client.get("/en/initiatives/?page=2")
    assert len(response.context["page"].object_list) == 20
    assert len(many) == len(few)


def test_map_data_is_public_and_bounded(client, places, settings):
    data = client.get("/en/initiatives/map/data.json?near=Berlin").json()
    assert {m["name"] for m in data["markers"]} == {"Berlin Readers", "Potsdam Choir"}
    assert set(data["markers"][0]) == {"slug", "name", "city", "country", "lat", "lon"}
    assert data["truncated"] is False


def test_map_page_works_without_tiles_and_lists_initiatives(client, places, settings):
    settings.MAP_TILE_URL = ""
    page = client.get("/en/initiatives/map/").content.decode()
    assert 'data-tiles=""' in page
    assert "Warsaw House" in page  # the list is always there
    assert "<script>" not in page


def test_graph_data_filters_by_country(client, places):
    berlin, potsdam, warsaw = places
    make_link(berlin, warsaw)
    make_link(potsdam, berlin, kind="chapter_of", confirmed=False)
    data = client.get("/en/initiatives/graph/data.json?country=PL").json()
    assert {n["name"] for n in data["nodes"]} == {"Berlin Readers", "Warsaw House"}
    assert data["links"] == [{"source": berlin.pk, "target": warsaw.pk, "kind": "partner"}]
    page = client.get("/en/initiatives/graph/?topic=culture").content.decode()
    assert "Warsaw House" in page and "Potsdam Choir" not in page


def test_api_lists_public_initiatives_without_private_data(client, places):
    berlin, _potsdam, _warsaw = places
    berlin.contact = "private@example.org"
    berlin.contact_visibility = "everyone"
    berlin.save()
    items = client.get("/api/network/initiatives?near=Berlin").json()["items"]
    assert {item["name"] for item in items} == {"Berlin Readers", "Potsdam Choir"}
    body = client.get("/api/network/initiatives").content.decode()
    assert "private@example.org" not in body and "Pending Secret" not in body
    assert client.get("/api/network/initiatives/pending-secret").status_code == 404
    schema = client.get("/api/openapi.json").json()
    assert "/api/network/initiatives" in schema["paths"]
    assert "/api/network/links" in schema["paths"]
