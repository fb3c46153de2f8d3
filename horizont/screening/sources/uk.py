"""UK consolidated list of financial sanctions targets (OFSI), CSV ("2022 format").

The first line holds ``Last Updated,<dd/mm/yyyy>``, the second the header. Each row is
one name of a target; rows share a ``Group ID``. ``Name 6`` is the surname, ``Name 1``
to ``Name 5`` the other names; ``Alias Type`` tells the primary name from aliases and
``Alias Quality`` (``Good``/``Low``) their strength; ``Group Type`` is Individual,
Entity or Ship. Dates of birth use ``00`` for unknown parts. Built from the
publisher's documentation; tested on a hand-written fixture.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable
from pathlib import Path
from typing import Final

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
    PartialDate,
    Schema,
    SourceRef,
    entity_id,
)
from horizont.screening.normalize import imo_is_valid
from horizont.screening.sources.base import ListFormatError, ParsedList, resolve_links, today

FORMAT: Final = "uk-ofsi-csv"
LIST_ID: Final = "uk-hmt-consolidated"
_SCHEMAS: Final = {
    "individual": Schema.PERSON,
    "entity": Schema.ORGANIZATION,
    "ship": Schema.VESSEL,
}


def _read(path: Path) -> list[list[str]]:
    data = path.read_bytes()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")
    return list(csv.reader(io.StringIO(text)))


def detect(path: Path) -> bool:
    """True for a CSV whose header has ``Name 6`` and ``Group ID``."""
    if not path.is_file() or path.suffix.lower() != ".csv":
        return False
    with path.open("rb") as handle:
        head = handle.read(8192).decode("utf-8", errors="replace")
    return "Name 6" in head and "Group ID" in head


def _dob(text: str) -> PartialDate | None:
    m = re.fullmatch(r"(\d{2})/(\d{2})/(\d{4})", text.strip())
    if not m or m[3] == "0000":
        return None
    day, month = int(m[1]), int(m[2])
    return PartialDate(int(m[3]), month or None, day or None)


def parse(path: Path, *, version: str | None = None, list_id: str | None = None) -> ParsedList:
    """Parse the UK consolidated list CSV."""
    rows = _read(path)
    header_at = next((i for i, r in enumerate(rows[:5]) if "Name 6" in r), None)
    if header_at is None:
        raise ListFormatError(f"{path}: no header row with 'Name 6'")
    if version is None and header_at > 0 and rows[0] and rows[0][0].startswith("Last Updated"):
        m = re.search(r"(\d{2})/(\d{2})/(\d{4})", ",".join(rows[0]))
        version = f"{m[3]}-{m[2]}-{m[1]}" if m else None
    version = version or today()
    list_id = list_id or LIST_ID
    header = [re.sub(r"\s*\(s\)", "", h).strip().lower() for h in rows[header_at]]

    def get(row: list[str], name: str) -> str:
        try:
            value = row[header.index(name)]
        except (ValueError, IndexError):
            return ""
        return value.strip()

    entities: dict[str, Entity] = {}
    for row in rows[header_at + 1 :]:
        group = get(row, "group id")
        if not group:
            continue
        parts = [get(row, f"name {i}") for i in range(1, 6)]
        surname = get(row, "name 6")
        whole = " ".join(p for p in [*parts, surname] if p)
        if not whole:
            continue
        schema = _SCHEMAS.get(get(row, "group type").lower(), Schema.ORGANIZATION)
        entity = entities.get(group)
        alias_type = get(row, "alias type").lower()
        quality = (
            NameQuality.WEAK if get(row, "alias quality").lower() == "low" else NameQuality.STRONG
        )
        kind = NameKind.PRIMARY if alias_type.startswith("primary name") else NameKind.AKA
        if surname and parts[0] and schema is Schema.PERSON:
            whole = f"{surname}, {' '.join(p for p in parts if p)}"
        if entity is None:
            entity = Entity(
                id=entity_id(list_id, group),
                schema=schema,
                names=[],
                source=SourceRef(list_id, version, group),
            )
            entities[group] = entity
        if kind is NameKind.PRIMARY and alias_type == "primary name":
            entity.names.insert(0, Name(whole, NameKind.PRIMARY, quality))
        elif all(n.value != whole for n in entity.names):
            entity.names.append(Name(whole, NameKind.AKA, quality))
        if script := get(row, "name non-latin script"):
            if all(n.value != script for n in entity.names):
                entity.names.append(Name(script, NameKind.ORIGINAL_SCRIPT))
        _facts(entity, row, get)
    result = list(entities.values())
    for entity in result:
        if entity.names and entity.names[0].kind is not NameKind.PRIMARY:
            first = entity.names[0]
            entity.names[0] = Name(first.value, NameKind.PRIMARY, first.quality)
        _dedupe(entity)
    resolve_links(result)
    return ParsedList(list_id, version, FORMAT, result, [path], "UK consolidated list (OFSI)")


def _facts(entity: Entity, row: list[str], get: Callable[[list[str], str], str]) -> None:
    if dob := _dob(get(row, "dob")):
        entity.birth_dates.append(dob)
    place = ", ".join(p for p in (get(row, "town of birth"), get(row, "country of birth")) if p)
    if place:
        entity.birth_places.append(place)
    for nationality in re.split(r"\(\d+\)\s*", get(row, "nationality")):
        if nationality.strip():
            entity.nationalities.append(nationality.strip())
    for column, id_type in (
        ("passport number", IdType.PASSPORT),
        ("national identification number", IdType.NATIONAL_ID),
        ("business registration number", IdType.REGISTRATION),
    ):
        for number in re.split(r"\(\d+\)\s*", get(row, column)):
            if number.strip():
                entity.identifiers.append(Identifier(id_type, number.strip(), label=column))
    imo = get(row, "imo number")
    if imo:
        entity.identifiers.append(
            Identifier(IdType.IMO, imo, label="IMO number", valid=imo_is_valid(imo))
        )
    for owner in re.split(r"\(\d+\)\s*", get(row, "current owner/operator")):
        if owner.strip():
            entity.links.append(Link(LinkKind.OWNER, owner.strip()))
    address = Address(
        street=", ".join(p for p in (get(row, f"address {i}") for i in range(1, 4)) if p) or None,
        city=", ".join(p for p in (get(row, f"address {i}") for i in range(4, 7)) if p) or None,
        postal_code=get(row, "post/zip code") or None,
        country=get(row, "country") or None,
    )
    if str(address):
        entity.addresses.append(address)
    if regime := get(row, "regime"):
        entity.programs.append(regime)
    if info := get(row, "other information"):
        entity.remarks = info
    if listed := get(row, "listed on"):
        entity.add_fact("listed on", listed)


def _dedupe(entity: Entity) -> None:
    entity.programs = list(dict.fromkeys(entity.programs))
    entity.nationalities = list(dict.fromkeys(entity.nationalities))
    entity.birth_dates = list(dict.fromkeys(entity.birth_dates))
    entity.birth_places = list(dict.fromkeys(entity.birth_places))
    entity.identifiers = list(dict.fromkeys(entity.identifiers))
    entity.addresses = list(dict.fromkeys(entity.addresses))
    entity.links = list(dict.fromkeys(entity.links))
    for key, values in entity.facts.items():
        entity.facts[key] = list(dict.fromkeys(values))
