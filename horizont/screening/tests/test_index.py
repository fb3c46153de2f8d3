import pytest

from horizont.screening import Band, Index, LinkKind, Schema

pytestmark = pytest.mark.slow  # the full real lists


@pytest.mark.parametrize("query", ["RA02791", "ra-02791", "ra 02791", "140ae7", "140AE7"])
def test_identifiers_find_the_aircraft_and_its_chain(full_index: Index, query: str) -> None:
    top = full_index.search(query)[0]
    assert top.entity.caption == "RA-02791"
    assert top.band is Band.STRONG and top.identifier is not None
    captions = [[step.entity.caption for step in chain.steps] for chain in top.chains]
    assert ["BERATEX GROUP LIMITED", "PRIGOZHIN, Yevgeniy Viktorovich"] in captions
    chain = next(c for c in top.chains if len(c.steps) == 2)
    assert LinkKind.OPERATOR in chain.steps[0].kinds
    assert "RA-02791 —" in str(chain) and "PRIGOZHIN" in str(chain)


@pytest.mark.parametrize(
    "query",
    ["Jewgeni Prigoschin", "Пригожин Евгений Викторович", "Prigojine", "Prigożyn", "Prigozhin"],
)
def test_spellings_of_prigozhin_find_him_first(full_index: Index, query: str) -> None:
    top = full_index.search(query)[0]
    assert top.entity.id == "us-ofac-sdn:21171"
    assert top.explain()


def test_full_names_are_strong_surnames_alone_weak(full_index: Index) -> None:
    assert full_index.search("Jewgeni Prigoschin")[0].band is Band.STRONG
    assert full_index.search("Prigojine")[0].band is Band.WEAK


def test_filters_by_schema_list_country_and_birth_year(full_index: Index) -> None:
    assert full_index.search("Prigozhin", schema=Schema.VESSEL) == []
    assert full_index.search("Prigozhin", lists=["un-sc-consolidated"]) == []
    assert full_index.search("Jewgeni Prigoschin", birth_year=1961)[0].entity.id.endswith("21171")
    assert full_index.search("Jewgeni Prigoschin", birth_year=1990) == []
    found = full_index.search("Mark Solonin", country="russia")
    assert found[0].entity.list_id == "ru-minjust-foreign-agents"


def test_cyrillic_register_entries_are_found_in_latin(full_index: Index) -> None:
    for query in ("Mark Solonin", "Marek Sołonin", "Marc Solonine"):
        assert full_index.search(query)[0].entity.caption == "Солонин Марк Семенович", query


def test_direct_comparison_gives_the_search_score(full_index: Index) -> None:
    for query in ("Jewgeni Prigoschin", "Prigojine", "RA02791"):
        top = full_index.search(query)[0]
        direct = full_index.compare(query, top.entity.id)
        assert direct is not None
        assert (direct.score, direct.band) == (top.score, top.band)


def test_imo_with_a_wrong_check_digit_never_matches(full_index: Index) -> None:
    entity = next(
        e for e in full_index.entities for i in e.identifiers if i.type == "imo" and i.valid
    )
    imo = next(i.value for i in entity.identifiers if i.type == "imo" and i.valid)
    assert full_index.search(f"IMO {imo}")[0].entity.id == entity.id
    wrong = imo[:-1] + str((int(imo[-1]) + 1) % 10)
    assert all(m.identifier is None for m in full_index.search(f"IMO {wrong}"))


def test_graph_knows_who_is_linked_to_a_person(full_index: Index) -> None:
    incoming = {e.source for e in full_index.graph.incoming("us-ofac-sdn:21171")}
    assert "us-ofac-sdn:27194" in incoming
    assert len(incoming) >= 20
