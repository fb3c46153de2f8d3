"""UN Security Council consolidated list, XML (``consolidated.xml``).

Individuals carry FIRST_NAME..FOURTH_NAME, aliases with a quality (``Good`` is
strong, ``Low`` weak), dates of birth (exact, approximate or between two years),
documents, nationalities and addresses; entities carry aliases and addresses.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET  # noqa: S405  (the publisher's file, parsed once)
from pathlib import Path
from typing import Final

from horizont.screening.model import (
    Address,
    Entity,
    Identifier,
    IdType,
    Name,
    NameKind,
    NameQuality,
    PartialDate,
    Schema,
    SourceRef,
    entity_id,
)
from horizont.screening.sources.base import (
    ListFormatError,
    ParsedList,
    parse_date_text,
    today,
)

FORMAT: Final = "un-xml"
LIST_ID: Final = "un-sc-consolidated"

_DOC_TYPES: Final = {
    "passport": IdType.PASSPORT,
    "national identification number": IdType.NATIONAL_ID,
    "identification number": IdType.NATIONAL_ID,
    "tax identification number": IdType.TAX_ID,
}


def _text(element: ET.Element | None, tag: str) -> str | None:
    if element is None:
        return None
    found = element.find(tag)
    if found is None or found.text is None:
        return None
    return found.text.strip() or None


def _values(element: ET.Element, tag: str) -> list[str]:
    return [
        v.text.strip()
        for group in element.findall(tag)
        for v in group.findall("VALUE")
        if v.text and v.text.strip()
    ]


def detect(path: Path) -> bool:
    """True for an XML file whose root is ``CONSOLIDATED_LIST``."""
    if not path.is_file() or path.suffix.lower() != ".xml":
        return False
    with path.open("rb") as handle:
        head = handle.read(2048)
    return b"<CONSOLIDATED_LIST" in head


def _birth_dates(element: ET.Element) -> list[PartialDate]:
    dates: list[PartialDate] = []
    for dob in element.findall("INDIVIDUAL_DATE_OF_BIRTH"):
        kind = (_text(dob, "TYPE_OF_DATE") or "").upper()
        circa = kind == "APPROXIMATELY"
        if full := _text(dob, "DATE"):
            dates.extend(parse_date_text(full))
        elif year := _text(dob, "YEAR"):
            dates.append(PartialDate(int(year), None, None, circa))
        elif (low := _text(dob, "FROM_YEAR")) and (high := _text(dob, "TO_YEAR")):
            dates.extend(parse_date_text(f"{low} to {high}"))
    return dates


def _address(element: ET.Element) -> Address | None:
    address = Address(
        street=_text(element, "STREET"),
        city=_text(element, "CITY"),
        region=_text(element, "STATE_PROVINCE"),
        postal_code=_text(element, "ZIP_CODE"),
        country=_text(element, "COUNTRY"),
        note=_text(element, "NOTE"),
    )
    return address if str(address) else None


def _entity(element: ET.Element, individual: bool, version: str) -> Entity:
    uid = _text(element, "DATAID") or ""
    parts = [_text(element, t) for t in ("FIRST_NAME", "SECOND_NAME", "THIRD_NAME", "FOURTH_NAME")]
    primary = " ".join(p for p in parts if p)
    entity = Entity(
        id=entity_id(LIST_ID, uid),
        schema=Schema.PERSON if individual else Schema.ORGANIZATION,
        names=[Name(primary)],
        source=SourceRef(LIST_ID, version, uid),
    )
    if original := _text(element, "NAME_ORIGINAL_SCRIPT"):
        entity.names.append(Name(original, NameKind.ORIGINAL_SCRIPT))
    alias_tag = "INDIVIDUAL_ALIAS" if individual else "ENTITY_ALIAS"
    for alias in element.findall(alias_tag):
        value = _text(alias, "ALIAS_NAME")
        if not value:
            continue
        quality_text = (_text(alias, "QUALITY") or "").lower()
        quality = NameQuality.WEAK if quality_text == "low" else NameQuality.STRONG
        kind = NameKind.FKA if quality_text.startswith("f.k.a") else NameKind.AKA
        entity.names.append(Name(value, kind, quality))
    if reference := _text(element, "REFERENCE_NUMBER"):
        entity.add_fact("reference number", reference)
    if listed := _text(element, "LISTED_ON"):
        entity.add_fact("listed on", listed)
    if gender := _text(element, "GENDER"):
        entity.add_fact("gender", gender)
    if program := _text(element, "UN_LIST_TYPE"):
        entity.programs.append(program)
    for title in _values(element, "TITLE"):
        entity.add_fact("title", title)
    for designation in _values(element, "DESIGNATION"):
        entity.add_fact("designation", designation)
    entity.nationalities.extend(_values(element, "NATIONALITY"))
    if comments := _text(element, "COMMENTS1"):
        entity.remarks = comments
    entity.birth_dates.extend(_birth_dates(element))
    for place in element.findall("INDIVIDUAL_PLACE_OF_BIRTH"):
        if address := _address(place):
            entity.birth_places.append(str(address))
    for tag in ("INDIVIDUAL_ADDRESS", "ENTITY_ADDRESS"):
        for node in element.findall(tag):
            if address := _address(node):
                entity.addresses.append(address)
    for doc in element.findall("INDIVIDUAL_DOCUMENT"):
        number = _text(doc, "NUMBER")
        if not number:
            continue
        doc_type = _text(doc, "TYPE_OF_DOCUMENT") or "document"
        country = _text(doc, "ISSUING_COUNTRY") or _text(doc, "COUNTRY_OF_ISSUE")
        id_type = _DOC_TYPES.get(doc_type.lower(), IdType.OTHER)
        entity.identifiers.append(Identifier(id_type, number, country, doc_type))
    return entity


def parse(path: Path, *, version: str | None = None, list_id: str | None = None) -> ParsedList:
    """Parse the UN consolidated list XML."""
    try:
        root = ET.parse(path).getroot()  # noqa: S314
    except ET.ParseError as error:
        raise ListFormatError(f"{path}: {error}") from error
    if root.tag != "CONSOLIDATED_LIST":
        raise ListFormatError(f"{path}: root is {root.tag}, not CONSOLIDATED_LIST")
    generated = root.get("dateGenerated", "")
    version = version or (generated[:10] if generated else today())
    entities = [_entity(e, True, version) for e in root.iter("INDIVIDUAL")]
    entities += [_entity(e, False, version) for e in root.iter("ENTITY")]
    if list_id and list_id != LIST_ID:
        for entity in entities:
            entity.source = SourceRef(list_id, version, entity.source.source_id)
            entity.id = entity_id(list_id, entity.source.source_id)
    return ParsedList(list_id or LIST_ID, version, FORMAT, entities, [path], "UN Security Council")
