from collections import Counter
from pathlib import Path

import pytest

from horizont.screening import (
    Entity,
    IdType,
    LinkKind,
    ListFormatError,
    NameQuality,
    Schema,
    SourceRef,
    parse_path,
)
from horizont.screening.sources import detect_format
from horizont.screening.sources.ofac import parse_remarks
from horizont.testing.data import shared_data

from .conftest import FIXTURES


def _blank() -> Entity:
    return Entity("t:1", Schema.AIRCRAFT, [], SourceRef("t", "1", "1"))


def test_ofac_remarks_become_typed_facts_and_links() -> None:
    entity = _blank()
    parse_remarks(
        entity,
        "Aircraft Mode S Transponder Code 140AE7; Aircraft Model Hawker 800XP; "
        "Aircraft Operator Beratex Group Limited; Aircraft Serial Identification 258512; "
        "DOB 01 Jun 1961; alt. DOB 1960 to 1962; nationality Russia; "
        "Passport 717637093 (Russia) expires 18 Mar 2023; "
        "Vessel Registration Identification IMO 9176188; a.k.a. 'BNC'; "
        "Linked To: BERATEX GROUP LIMITED.",
    )
    ids = {(i.type, i.value, i.country, i.valid) for i in entity.identifiers}
    assert (IdType.MODE_S, "140AE7", None, True) in ids
    assert (IdType.SERIAL, "258512", None, True) in ids
    assert (IdType.PASSPORT, "717637093", "Russia", True) in ids
    assert (IdType.IMO, "9176188", None, False) in ids  # wrong check digit: kept, not valid
    assert entity.facts["aircraft model"] == ["Hawker 800XP"]
    assert [(link.kind, link.target_name) for link in entity.links] == [
        (LinkKind.OPERATOR, "Beratex Group Limited"),
        (LinkKind.LINKED_TO, "BERATEX GROUP LIMITED"),
    ]
    assert entity.nationalities == ["Russia"]
    assert entity.birth_years == {1960, 1961, 1962}
    assert [(n.value, n.quality) for n in entity.names] == [("BNC", NameQuality.WEAK)]


@pytest.mark.slow
def test_ofac_sdn_2021_parses_completely(sdn_entities: list[Entity]) -> None:
    assert len(sdn_entities) == 8976
    counts = Counter(e.schema for e in sdn_entities)
    assert counts[Schema.PERSON] == 4620
    assert counts[Schema.VESSEL] == 406
    assert counts[Schema.AIRCRAFT] == 277
    by_id = {e.id: e for e in sdn_entities}
    aircraft = by_id["us-ofac-sdn:27197"]
    assert aircraft.caption == "RA-02791"
    assert aircraft.source.version == "2021-07-07"
    assert {link.target_id for link in aircraft.links} == {"us-ofac-sdn:27194"}
    assert by_id["us-ofac-sdn:27194"].links[0].target_id == "us-ofac-sdn:21171"
    weak = sum(1 for e in sdn_entities for n in e.names if n.quality is NameQuality.WEAK)
    assert weak > 2000  # the quoted a.k.a.s of the remarks


@pytest.mark.slow
def test_ofac_consolidated_un_and_registries_parse() -> None:
    cons = parse_path(shared_data("sanctions", "us-ofac-non-sdn-2025"))
    assert cons.list_id == "us-ofac-cons" and len(cons.entities) == 442
    un = parse_path(shared_data("sanctions", "un-consolidated-2026-02-27", "consolidated.xml"))
    assert un.version == "2026-02-27"
    assert Counter(e.schema for e in un.entities) == {Schema.PERSON: 730, Schema.ORGANIZATION: 273}
    agents = parse_path(shared_data("registries", "ru-minjust-foreign-agents-2025-08-15.xlsx"))
    assert agents.version == "2025-08-15" and len(agents.entities) == 1050
    krotov = next(e for e in agents.entities if e.caption == "Кротов Марк Яковлевич")
    assert [n.value for n in krotov.names] == ["Кротов Марк Яковлевич", "Крутов"]
    undesirable = parse_path(
        shared_data("registries", "ru-undesirable-organizations-2024-09-05.json")
    )
    assert len(undesirable.entities) == 188
    assert [n.value for n in undesirable.entities[0].names] == [
        "Национальный фонд в поддержку демократии",
        "The National Endowment for Democracy",
    ]


def test_eu_fsf_fixture() -> None:
    parsed = parse_path(FIXTURES / "eu-fsf-2024-05-02.xml")
    assert (parsed.list_id, parsed.version, len(parsed.entities)) == ("eu-fsf", "2024-05-02", 3)
    person = parsed.entities[0]
    assert person.schema is Schema.PERSON and person.birth_years == {1961}
    assert person.names[-1].quality is NameQuality.WEAK
    shipping = parsed.entities[2]
    assert [(i.value, i.valid) for i in shipping.identifiers] == [
        ("9176187", True),
        ("9176188", False),
    ]


def test_uk_fixture_groups_rows_by_group_id() -> None:
    parsed = parse_path(FIXTURES / "uk-consolidated-2024-01-15.csv")
    assert parsed.version == "2024-01-15"
    person, company, ship = parsed.entities
    assert person.caption == "PRIGOZHIN, Yevgeniy Viktorovich"
    assert {n.quality for n in person.names} == {NameQuality.STRONG, NameQuality.WEAK}
    assert ship.schema is Schema.VESSEL
    assert ship.links[0].target_id == company.id


def test_followthemoney_fixture_turns_relations_into_links() -> None:
    parsed = parse_path(FIXTURES / "opensanctions-2024-06-01.ftm.json")
    by_caption = {e.caption: e for e in parsed.entities}
    plane = by_caption["RA-02791"]
    assert plane.schema is Schema.AIRCRAFT
    assert {i.type for i in plane.identifiers} >= {IdType.MODE_S, IdType.AIRCRAFT_REGISTRATION}
    assert plane.links[0].target_id == by_caption["Beratex Group Limited"].id
    person = by_caption["Yevgeniy Viktorovich Prigozhin"]
    assert person.identifiers[0].type is IdType.PASSPORT


def test_unknown_files_are_refused(tmp_path: Path) -> None:
    junk = tmp_path / "notes.txt"
    junk.write_text("hello")
    with pytest.raises(ListFormatError, match="not a known list format"):
        detect_format(junk)
