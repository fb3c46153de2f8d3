"""EU Financial Sanctions Files (FSF), XML export version 1.1.

Root ``export`` (namespace ``http://eu.europa.ec/fpi/fsd/export``) with one
``sanctionEntity`` per subject: ``subjectType@code`` (``person`` or ``enterprise``),
``nameAlias`` (``wholeName``, ``firstName``/``lastName``, ``strong``), ``citizenship``,
``birthdate`` (``birthdate`` or ``year``, ``circa``), ``identification``
(``identificationTypeCode``, ``number``, country) and ``address``; ``regulation``
carries the programme. Built from the publisher's schema documentation; tested on a
hand-written fixture.
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
from horizont.screening.normalize import imo_is_valid
from horizont.screening.sources.base import ListFormatError, ParsedList, parse_date_text, today

FORMAT: Final = "eu-fsf-xml"
LIST_ID: Final = "eu-fsf"
_NS: Final = "{http://eu.europa.ec/fpi/fsd/export}"
_SCHEMAS: Final = {
    "person": Schema.PERSON,
    "enterprise": Schema.ORGANIZATION,
    "vessel": Schema.VESSEL,
    "aircraft": Schema.AIRCRAFT,
}
_ID_TYPES: Final = {
    "passport": IdType.PASSPORT,
    "id": IdType.NATIONAL_ID,
    "nationalid": IdType.NATIONAL_ID,
    "ssn": IdType.NATIONAL_ID,
    "tax": IdType.TAX_ID,
    "fiscalcode": IdType.TAX_ID,
    "regnumber": IdType.REGISTRATION,
    "companyregistration": IdType.REGISTRATION,
    "imo": IdType.IMO,
    "swiftbic": IdType.SWIFT_BIC,
}


def detect(path: Path) -> bool:
    """True for an XML file in the FSF export namespace."""
    if not path.is_file() or path.suffix.lower() != ".xml":
        return False
    with path.open("rb") as handle:
        head = handle.read(4096)
    return b"eu.europa.ec/fpi/fsd/export" in head


def _tag(name: str) -> str:
    return _NS + name


def _attr(element: ET.Element, name: str) -> str | None:
    value = element.get(name)
    return value.strip() if value and value.strip() else None


def _entity(element: ET.Element, list_id: str, version: str) -> Entity | None:
    uid = _attr(element, "logicalId") or _attr(element, "euReferenceNumber")
    if uid is None:
        return None
    subject = element.find(_tag("subjectType"))
    code = (subject.get("code", "") if subject is not None else "").lower()
    names: list[Name] = []
    for alias in element.findall(_tag("nameAlias")):
        whole = _attr(alias, "wholeName") or " ".join(
            p for p in (_attr(alias, k) for k in ("firstName", "middleName", "lastName")) if p
        )
        if not whole:
            continue
        strong = (alias.get("strong") or "true").lower() != "false"
        kind = NameKind.PRIMARY if not names else NameKind.AKA
        names.append(Name(whole, kind, NameQuality.STRONG if strong else NameQuality.WEAK))
    if not names:
        return None
    entity = Entity(
        id=entity_id(list_id, uid),
        schema=_SCHEMAS.get(code, Schema.ORGANIZATION),
        names=names,
        source=SourceRef(list_id, version, uid),
    )
    if reference := _attr(element, "euReferenceNumber"):
        entity.add_fact("EU reference number", reference)
    if un_id := _attr(element, "unitedNationId"):
        entity.add_fact("UN id", un_id)
    if designated := _attr(element, "designationDate"):
        entity.add_fact("designated", designated)
    remark = element.find(_tag("remark"))
    if remark is not None and remark.text:
        entity.remarks = remark.text.strip()
    for regulation in element.findall(_tag("regulation")):
        programme = _attr(regulation, "programme")
        if programme and programme not in entity.programs:
            entity.programs.append(programme)
    for citizenship in element.findall(_tag("citizenship")):
        country = _attr(citizenship, "countryDescription") or _attr(citizenship, "countryIso2Code")
        if country:
            entity.nationalities.append(country)
    for birth in element.findall(_tag("birthdate")):
        circa = (birth.get("circa") or "").lower() == "true"
        if full := _attr(birth, "birthdate"):
            entity.birth_dates.extend(
                PartialDate(d.year, d.month, d.day, circa) for d in parse_date_text(full)
            )
        elif year := _attr(birth, "year"):
            month = _attr(birth, "monthOfYear")
            day = _attr(birth, "dayOfMonth")
            entity.birth_dates.append(
                PartialDate(
                    int(year), int(month) if month else None, int(day) if day else None, circa
                )
            )
        place = ", ".join(
            p for p in (_attr(birth, "city"), _attr(birth, "countryDescription")) if p
        )
        if place:
            entity.birth_places.append(place)
    for ident in element.findall(_tag("identification")):
        number = _attr(ident, "number") or _attr(ident, "latinNumber")
        if not number:
            continue
        type_code = (ident.get("identificationTypeCode") or "other").lower()
        id_type = _ID_TYPES.get(type_code, IdType.OTHER)
        valid = imo_is_valid(number) if id_type is IdType.IMO else True
        entity.identifiers.append(
            Identifier(
                id_type,
                number,
                _attr(ident, "countryDescription"),
                _attr(ident, "identificationTypeDescription") or type_code,
                valid,
            )
        )
    for node in element.findall(_tag("address")):
        address = Address(
            street=_attr(node, "street"),
            city=_attr(node, "city"),
            region=_attr(node, "region"),
            postal_code=_attr(node, "zipCode"),
            country=_attr(node, "countryDescription"),
        )
        if str(address):
            entity.addresses.append(address)
    return entity


def parse(path: Path, *, version: str | None = None, list_id: str | None = None) -> ParsedList:
    """Parse an EU FSF XML export."""
    try:
        root = ET.parse(path).getroot()  # noqa: S314
    except ET.ParseError as error:
        raise ListFormatError(f"{path}: {error}") from error
    if root.tag != _tag("export"):
        raise ListFormatError(f"{path}: root is {root.tag}, not the FSF export")
    list_id = list_id or LIST_ID
    generated = root.get("generationDate", "")
    version = version or (generated[:10] if generated else today())
    entities = [
        e
        for e in (_entity(node, list_id, version) for node in root.iter(_tag("sanctionEntity")))
        if e is not None
    ]
    return ParsedList(list_id, version, FORMAT, entities, [path], "EU Financial Sanctions Files")
