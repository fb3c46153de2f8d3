"""The city gazetteer answers from an index on disk, built once (issue 15, item 8)."""

from __future__ import annotations

import pytest

from horizont.network import gazetteer


@pytest.fixture
def small_index(tmp_path, monkeypatch):
    rows = [
        ("krakow", "Kraków", "PL", 50.06, 19.94, 800_000, "Europe/Warsaw"),
        ("cracow", "Kraków", "PL", 50.06, 19.94, 800_000, "Europe/Warsaw"),
        ("krakow", "Krakow", "US", 44.0, -88.0, 20_000, "America/Chicago"),
        ("berlin", "Berlin", "DE", 52.52, 13.41, 3_400_000, "Europe/Berlin"),
    ]
    monkeypatch.setattr(gazetteer, "_index_rows", lambda: iter(rows))
    path = tmp_path / "index.sqlite3"
    monkeypatch.setattr(gazetteer, "_index_path", lambda: path)
    monkeypatch.setattr(gazetteer, "_local", type(gazetteer._local)())
    gazetteer.large_cities.cache_clear()
    yield path
    gazetteer.large_cities.cache_clear()


def test_index_is_built_on_first_need_and_answers_by_any_spelling(small_index):
    assert not small_index.exists()
    assert gazetteer.find_city("Cracow").country == "PL"  # builds the index
    assert small_index.exists()
    assert gazetteer.find_city("KRAKÓW").population == 800_000  # the largest first
    assert gazetteer.find_city("Krakow", "US").latitude == 44.0
    assert gazetteer.find_city("Krakow", "US").timezone == "America/Chicago"
    assert gazetteer.find_city("Krakow", "DE") is None
    assert gazetteer.find_city("Atlantis") is None


def test_large_cities_are_listed_once_each(small_index):
    assert [c.name for c in gazetteer.large_cities(500_000)] == ["Berlin", "Kraków"]


def test_folding_removes_accents_without_a_table_of_all_code_points():
    assert gazetteer._fold(" Łódź ") == "łodz"
    assert gazetteer._fold("Gdańsk") == "gdansk"


def test_real_index_finds_cities_in_other_scripts(db):
    assert gazetteer.find_city("Берлин").name == "Berlin"
    assert gazetteer.find_city("krakow", "PL").name == "Kraków"


def test_warm_up_loads_the_views_and_the_gazetteer():
    from horizont.core.warmup import warm_up

    assert warm_up() >= 0
    assert gazetteer._local.connection is not None
