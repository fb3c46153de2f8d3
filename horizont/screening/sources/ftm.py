"""FollowTheMoney entities as JSON lines, as OpenSanctions publishes them.

One JSON object per line: ``id``, ``schema`` and ``properties`` (each a list of
strings). Things (Person, Organization, Company, LegalEntity, PublicBody, Vessel,
Airplane) become entities; relations (Ownership, Directorship, Membership,
Employment, UnknownLink, Associate, Family, Representation) become links on their
subject; Passport/Identification and Address entities are folded into their holder.
Built from the FollowTheMoney schema documentation; tested on a hand-written fixture.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Final

from horizont.screening.model import (
    Address,
    Entity,
    Identifier,
    IdType,
    Link,
    LinkKind,
    Name,
    NameKind,
    NameQuality,
    Schema,
    SourceRef,
    entity_id,
)
from horizont.screening.normalize import imo_is_valid
from horizont.screening.sources.base import (
    ListFormatError,
    ParsedList,
    parse_date_text,
    resolve_links,
    today,
    version_from_path,
)

FORMAT: Final = "ftm-jsonl"
LIST_ID: Final = "opensanctions"
_THINGS: Final = {
    "Person": Schema.PERSON,
    "Organization": Schema.ORGANIZATION,
    "Company": Schema.ORGANIZATION,
    "LegalEntity": Schema.ORGANIZATION,
    "PublicBody": Schema.ORGANIZATION,
    "Vessel": Schema.VESSEL,
    "Airplane": Schema.AIRCRAFT,
}
# relation schema -> (subject property, object property, link kind)
_RELATIONS: Final = {
    "Ownership": ("asset", "owner", LinkKind.OWNER),
    "Directorship": ("organization", "director", LinkKind.ASSOCIATE),
    "Membership": ("member", "organization", LinkKind.MEMBER),
    "Employment": ("employee", "employer", LinkKind.ASSOCIATE),
    "UnknownLink": ("subject", "object", LinkKind.LINKED_TO),
    "Associate": ("person", "associate", LinkKind.ASSOCIATE),
    "Family": ("person", "relative", LinkKind.ASSOCIATE),
    "Representation": ("client", "agent", LinkKind.ASSOCIATE),
}
_ID_PROPS: Final = {
    "passportNumber": IdType.PASSPORT,
    "idNumber": IdType.NATIONAL_ID,
    "taxNumber": IdType.TAX_ID,
    "innCode": IdType.TAX_ID,
    "vatCode": IdType.TAX_ID,
    "ogrnCode": IdType.REGISTRATION,
    "registrationNumber": IdType.REGISTRATION,
    "leiCode": IdType.REGISTRATION,
    "imoNumber": IdType.IMO,
    "mmsi": IdType.MMSI,
    "serialNumber": IdType.SERIAL,
    "icaoCode": IdType.MODE_S,
    "swiftBic": IdType.SWIFT_BIC,
    "email": IdType.EMAIL,
    "website": IdType.WEBSITE,
}


def detect(path: Path) -> bool:
    """True for a JSON-lines file whose first object has ``schema`` and ``properties``."""
    if not path.is_file() or path.suffix.lower() not in (".json", ".jsonl", ".ndjson", ".ftm"):
        return False
    with path.open("rb") as handle:
        first = handle.readline(1 << 20).strip()
    if not first.startswith(b"{"):
        return False
    try:
        data = json.loads(first)
    except json.JSONDecodeError:
        return False
    return isinstance(data, dict) and "schema" in data and "properties" in data


def _values(props: dict[str, Any], name: str) -> list[str]:
    out: list[str] = []
    for value in props.get(name) or []:
        if isinstance(value, dict):
            value = value.get("id") or value.get("caption")
        if isinstance(value, str) and value.strip():
            out.append(value.strip())
    return out


def _first(props: dict[str, Any], name: str) -> str | None:
    values = _values(props, name)
    return values[0] if values else None


def parse(path: Path, *, version: str | None = None, list_id: str | None = None) -> ParsedList:
    """Parse FollowTheMoney JSON lines."""
    list_id = list_id or LIST_ID
    version = version or version_from_path(path) or today()
    entities: dict[str, Entity] = {}
    relations: list[dict[str, Any]] = []
    extras: list[dict[str, Any]] = []
    address_refs: dict[str, list[str]] = {}
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            line = line.strip()
            if not line:
                continue
            try:
                data = json.loads(line)
            except json.JSONDecodeError as error:
                raise ListFormatError(f"{path}:{number}: {error}") from error
            schema = data.get("schema")
            if schema in _THINGS:
                entity = _thing(data, _THINGS[schema], list_id, version)
                if entity is not None:
                    entities[data["id"]] = entity
                    refs = _values(data.get("properties") or {}, "addressEntity")
                    if refs:
                        address_refs[data["id"]] = refs
            elif schema in _RELATIONS:
                relations.append(data)
            elif schema in ("Passport", "Identification", "Address", "Sanction"):
                extras.append(data)
    for data in relations:
        props = data.get("properties") or {}
        subject_prop, object_prop, kind = _RELATIONS[data["schema"]]
        for subject in _values(props, subject_prop):
            for target in _values(props, object_prop):
                if subject in entities and target in entities:
                    entities[subject].links.append(
                        Link(kind, entities[target].caption, entities[target].id)
                    )
    addresses: dict[str, Address] = {}
    for data in extras:
        if data["schema"] == "Address":
            props = data.get("properties") or {}
            first = {k: _first(props, k) for k in ("full", "city", "country")}
            addresses[str(data.get("id"))] = Address(
                street=first["full"], city=first["city"], country=first["country"]
            )
        else:
            _fold_extra(data, entities)
    for thing_id, refs in address_refs.items():
        for ref in refs:
            if ref in addresses and thing_id in entities:
                entities[thing_id].addresses.append(addresses[ref])
    resolve_links(entities.values())
    return ParsedList(list_id, version, FORMAT, list(entities.values()), [path], "FollowTheMoney")


def _thing(data: dict[str, Any], schema: Schema, list_id: str, version: str) -> Entity | None:
    props = data.get("properties") or {}
    uid = str(data.get("id") or "")
    primary = _values(props, "name") or [str(data.get("caption") or "")]
    if not uid or not primary[0]:
        return None
    names = [Name(primary[0])] + [Name(n, NameKind.AKA) for n in primary[1:]]
    names += [Name(n, NameKind.AKA) for n in _values(props, "alias")]
    names += [Name(n, NameKind.AKA, NameQuality.WEAK) for n in _values(props, "weakAlias")]
    names += [Name(n, NameKind.FKA) for n in _values(props, "previousName")]
    entity = Entity(
        id=entity_id(list_id, uid),
        schema=schema,
        names=names,
        source=SourceRef(list_id, version, uid),
    )
    for text in _values(props, "birthDate"):
        entity.birth_dates.extend(parse_date_text(text))
    entity.birth_places.extend(_values(props, "birthPlace"))
    entity.nationalities.extend(_values(props, "nationality") + _values(props, "citizenship"))
    if not entity.nationalities and schema is not Schema.PERSON:
        entity.nationalities.extend(_values(props, "jurisdiction"))
    for prop, id_type in _ID_PROPS.items():
        for value in _values(props, prop):
            valid = imo_is_valid(value) if id_type is IdType.IMO else True
            entity.identifiers.append(Identifier(id_type, value, label=prop, valid=valid))
    if schema is Schema.AIRCRAFT:
        for value in _values(props, "registrationNumber"):
            entity.identifiers.append(
                Identifier(IdType.AIRCRAFT_REGISTRATION, value, label="registrationNumber")
            )
    for text in _values(props, "address"):
        entity.addresses.append(Address(street=text))
    for country in _values(props, "country"):
        entity.addresses.append(Address(country=country))
    entity.programs.extend(_values(props, "program") + _values(props, "programId"))
    for topic in _values(props, "topics"):
        entity.add_fact("topic", topic)
    for prop in ("model", "type", "flag", "buildDate", "gender", "position"):
        for value in _values(props, prop):
            entity.add_fact(prop, value)
    for operator in _values(props, "operator"):
        entity.links.append(Link(LinkKind.OPERATOR, operator, None))
    notes = _values(props, "notes")
    if notes:
        entity.remarks = " ".join(notes)
    datasets = data.get("datasets")
    if isinstance(datasets, list):
        for dataset in datasets:
            entity.add_fact("dataset", str(dataset))
    return entity


def _fold_extra(data: dict[str, Any], entities: dict[str, Entity]) -> None:
    props = data.get("properties") or {}
    schema = data["schema"]
    if schema in ("Passport", "Identification"):
        id_type = IdType.PASSPORT if schema == "Passport" else IdType.NATIONAL_ID
        for holder in _values(props, "holder"):
            if holder in entities:
                for number in _values(props, "number"):
                    country = _first(props, "country")
                    entities[holder].identifiers.append(
                        Identifier(id_type, number, country, schema)
                    )
    elif schema == "Sanction":
        for subject in _values(props, "entity"):
            if subject in entities:
                for program in _values(props, "program") + _values(props, "programId"):
                    if program not in entities[subject].programs:
                        entities[subject].programs.append(program)
