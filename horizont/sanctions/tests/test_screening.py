"""The screening page, entity pages with their link graph, and the cached index."""

from __future__ import annotations

import shutil

import pytest
from django.urls import reverse

from horizont.sanctions import services
from horizont.screening import ListStore
from horizont.testing.data import shared_data

from .conftest import FOREIGN_AGENTS, UNDESIRABLE

AIRCRAFT = "us-ofac-sdn:27197"


pytestmark = pytest.mark.django_db


def test_screening_page_without_a_query_shows_the_form(client, real_lists):
    response = client.get(reverse("sanctions:screen"))
    assert response.status_code == 200
    assert b'name="q"' in response.content
    assert response.context["rows"] is None


def test_empty_query_is_refused_with_a_message(client, real_lists):
    response = client.get("/en/sanctions/", {"q": "   "})
    assert response.status_code == 200
    assert response.context["rows"] is None
    assert "Enter a name or an identifier" in response.content.decode()


def test_german_spelling_finds_prigozhin_with_explanation(client, real_lists):
    response = client.get("/en/sanctions/", {"q": "Jewgeni Prigoschin"})
    rows = response.context["rows"]
    top = rows[0]["match"]
    assert top.entity.caption == "PRIGOZHIN, Yevgeniy Viktorovich"
    assert top.band == "strong"
    page = response.content.decode()
    assert "transliteration" in page
    assert "prigoschin" in page


def test_explanation_labels_are_translated(client, real_lists):
    response = client.get("/de/sanctions/", {"q": "Jewgeni Prigoschin"})
    page = response.content.decode()
    assert "PRIGOZHIN, Yevgeniy Viktorovich" in page
    assert "Transliteration" in page or "Umschrift" in page
    assert "stark" in page


@pytest.mark.parametrize(
    ("path", "query", "caption", "says"),
    [
        # a Korean name in Han characters is read as Korean
        ("/ru/sanctions/", "金正恩", "KIM, Jong Un", "прочитано как корейское: 김정은"),
        # a Chinese name in Hangul is read in pinyin
        (
            "/de/sanctions/",
            "천취안궈",
            "CHEN, Quanguo",
            "als chinesischer Name gelesen: chen quanguo",
        ),
    ],
)
def test_a_name_read_in_its_second_reading_is_found_and_says_so(
    client, real_lists, path, query, caption, says
):
    response = client.get(path, {"q": query})
    top = response.context["rows"][0]["match"]
    assert top.entity.caption == caption
    assert top.band == "strong"
    assert says in response.content.decode()


@pytest.mark.parametrize("query", ["RA02791", "ra-02791", "140ae7"])
def test_tail_number_and_mode_s_find_the_aircraft_and_its_chain(client, real_lists, query):
    response = client.get(reverse("sanctions:screen"), {"q": query})
    top = response.context["rows"][0]
    assert top["match"].entity.id == AIRCRAFT
    chain = [step["entity"].caption for step in top["chains"][0]]
    assert chain == ["BERATEX GROUP LIMITED", "PRIGOZHIN, Yevgeniy Viktorovich"]
    assert "BERATEX GROUP LIMITED" in response.content.decode()


def test_schema_filter_leaves_out_other_kinds(client, real_lists):
    response = client.get(reverse("sanctions:screen"), {"q": "Prigozhin", "schema": "aircraft"})
    assert all(r["match"].entity.schema == "aircraft" for r in response.context["rows"])
    response = client.get(reverse("sanctions:screen"), {"q": "Prigozhin", "schema": "person"})
    assert response.context["rows"][0]["match"].entity.schema == "person"


def test_list_filter_with_an_unknown_list_is_a_form_error(client, real_lists):
    response = client.get(reverse("sanctions:screen"), {"q": "Prigozhin", "list": "nope"})
    assert response.context["rows"] is None
    assert response.context["form"].errors["list"]


def test_aircraft_page_shows_identifiers_and_the_chain_to_the_person(client, real_lists):
    response = client.get(reverse("sanctions:entity", args=[AIRCRAFT]))
    assert response.status_code == 200
    page = response.content.decode()
    for text in ("RA-02791", "140AE7", "258512", "M-VITO", "BERATEX GROUP LIMITED"):
        assert text in page
    assert "PRIGOZHIN, Yevgeniy Viktorovich" in page
    assert "2021-07-07" in page


def test_person_page_shows_what_is_linked_to_them(client, real_lists):
    person = services.entities_search(services.SearchRequest("PRIGOZHIN, Yevgeniy Viktorovich"))[0]
    response = client.get(f"/en/sanctions/entities/{person.entity.id}/")
    page = response.content.decode()
    incoming = response.context["incoming"]
    beratex = next(n for n in incoming if n.entity.caption == "BERATEX GROUP LIMITED")
    assert any(child.entity.id == AIRCRAFT for child in beratex.children)
    assert "RA-02791" in page
    assert "weak alias" in page or "strong alias" in page


def test_unknown_entity_is_404(client, real_lists):
    assert client.get(reverse("sanctions:entity", args=["nope:1"])).status_code == 404


def test_index_is_cached_and_rebuilt_when_a_version_is_added(tmp_path, settings):
    store = ListStore(tmp_path / "store")
    settings.HORIZONT_LISTS_DIR = store.root
    assert len(services.screening_index()) == 0
    store.add(shared_data(*UNDESIRABLE))
    first = services.screening_index()
    assert services.screening_index() is first
    store.add(shared_data(*FOREIGN_AGENTS))
    second = services.screening_index()
    assert second is not first
    assert len(second) > len(first)
    shutil.rmtree(store.root / "ru-minjust-foreign-agents")
    assert len(services.screening_index()) == len(first)


def test_results_name_the_list_version_and_old_lists_are_flagged(client, real_lists, settings):
    response = client.get("/en/sanctions/", {"q": "Jewgeni Prigoschin"})
    page = response.content.decode()
    assert "as of 2021-07-07" in page
    assert "These lists are older than 14 days" in page
    settings.SCREENING_MAX_LIST_AGE_DAYS = 100_000
    page = client.get("/en/sanctions/", {"q": "Jewgeni Prigoschin"}).content.decode()
    assert "These lists are older than" not in page
    assert "as of 2021-07-07" in page
