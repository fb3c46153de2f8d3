"""Russian designations: the Ministry of Justice "foreign agents" register (XLSX) and
the list of "undesirable organizations" (JSON).

The register export has two title rows (title, export date), a header row, then one
row per entry; the type column says whether an entry is a person (Физические лица), a
legal entity or another association. A person's cell may hold a pseudonym in quotes
and former names in brackets, which become aliases. An undesirable organization's
``fullName`` often carries its English name in brackets, which becomes an alias too.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from typing import Any, Final

from horizont.screening.model import (
    Entity,
    Identifier,
    IdType,
    Link,
    LinkKind,
    Name,
    NameKind,
    Schema,
    SourceRef,
    entity_id,
)
from horizont.screening.sources.base import (
    ListFormatError,
    ParsedList,
    parse_date_text,
    today,
    version_from_path,
)

FOREIGN_AGENTS_FORMAT: Final = "ru-foreign-agents-xlsx"
UNDESIRABLE_FORMAT: Final = "ru-undesirable-json"
FOREIGN_AGENTS_ID: Final = "ru-minjust-foreign-agents"
UNDESIRABLE_ID: Final = "ru-undesirable-organizations"

_QUOTED: Final = re.compile(r"[\"«“„]([^\"»”“]+)[\"»”“]")
_BRACKETED: Final = re.compile(r"\(([^()]+)\)")


def _split_name(cell: str) -> tuple[str, list[str]]:
    """Primary name and aliases (pseudonyms in quotes, former names in brackets)."""
    aliases: list[str] = []
    text = cell.strip()
    for m in _BRACKETED.finditer(text):
        inner = m.group(1).strip()
        inner = re.sub(r"^(ранее|прежнее наименование|прежние ФИО)[:\s]*", "", inner, flags=re.I)
        aliases.extend(a.strip() for a in re.split(r"[;,]\s*(?=[A-ZА-ЯЁ«\"])", inner) if a.strip())
    text = _BRACKETED.sub(" ", text)
    return text, aliases


def _person_names(cell: str) -> tuple[str, list[str]]:
    primary, aliases = _split_name(cell)
    for m in _QUOTED.finditer(primary):
        aliases.append(m.group(1).strip())
    primary = _QUOTED.sub(" ", primary)
    return " ".join(primary.split()), aliases


def detect_foreign_agents(path: Path) -> bool:
    """True for an XLSX file (the register export)."""
    return path.is_file() and path.suffix.lower() == ".xlsx"


def parse_foreign_agents(
    path: Path, *, version: str | None = None, list_id: str | None = None
) -> ParsedList:
    """Parse the Ministry of Justice register of "foreign agents" (XLSX export)."""
    import openpyxl

    list_id = list_id or FOREIGN_AGENTS_ID
    workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    try:
        rows: list[tuple[Any, ...]] = list(workbook.worksheets[0].iter_rows(values_only=True))
    finally:
        workbook.close()
    header_index = next(
        (i for i, row in enumerate(rows[:10]) if row and str(row[0] or "").startswith("№")),
        None,
    )
    if header_index is None:
        raise ListFormatError(f"{path}: no header row starting with '№' in the first rows")
    if version is None:
        exported = rows[1][0] if header_index >= 2 and rows[1] else None
        if isinstance(exported, dt.datetime):
            version = exported.date().isoformat()
        else:
            version = version_from_path(path) or today()
    header = [str(c or "").strip().lower() for c in rows[header_index]]

    def column(prefix: str) -> int | None:
        return next((i for i, h in enumerate(header) if h.startswith(prefix)), None)

    col_name = column("полное наименование") or 1
    col_type = column("тип иностранного агента")
    col_in = column("дата принятия минюстом россии решения о включении")
    col_out = column("дата принятия минюстом россии решения об исключении")
    col_inn = column("инн")
    col_ogrn = column("огрн")
    col_reg = column("регистрационный номер")
    col_site = column("доменное имя")
    col_members = column("полное наименование или фио участников")
    col_basis = column("основания")

    def cell(row: tuple[Any, ...], index: int | None) -> str | None:
        if index is None or index >= len(row) or row[index] is None:
            return None
        value = str(row[index]).strip()
        return value or None

    entities: list[Entity] = []
    for row in rows[header_index + 1 :]:
        uid = cell(row, 0)
        name_cell = cell(row, col_name)
        if not uid or not name_cell:
            continue
        kind = (cell(row, col_type) or "").lower()
        is_person = "физическ" in kind
        if is_person:
            primary, aliases = _person_names(name_cell)
        else:
            primary, aliases = _split_name(name_cell)
            primary = " ".join(primary.split())
        entity = Entity(
            id=entity_id(list_id, uid),
            schema=Schema.PERSON if is_person else Schema.ORGANIZATION,
            names=[Name(primary or name_cell)]
            + [Name(a, NameKind.AKA) for a in aliases if a != primary],
            source=SourceRef(list_id, version, uid),
            nationalities=["Russia"] if is_person else [],
            programs=["RU-FOREIGN-AGENT"],
        )
        if kind:
            entity.add_fact("register type", cell(row, col_type) or "")
        if included := cell(row, col_in):
            entity.add_fact("included", included)
        if excluded := cell(row, col_out):
            entity.add_fact("excluded", excluded)
        if basis := cell(row, col_basis):
            entity.add_fact("basis", basis)
        for label, index, id_type in (
            ("ИНН", col_inn, IdType.TAX_ID),
            ("ОГРН", col_ogrn, IdType.REGISTRATION),
            ("Регистрационный номер", col_reg, IdType.REGISTRATION),
        ):
            if value := cell(row, index):
                entity.identifiers.append(Identifier(id_type, value, "Russia", label))
        if sites := cell(row, col_site):
            for site in re.split(r"[;\s]+", sites):
                if site.startswith("http"):
                    entity.identifiers.append(
                        Identifier(IdType.WEBSITE, site.rstrip(",."), label="website")
                    )
        if members := cell(row, col_members):
            for member in members.strip("[]").split(","):
                if member.strip():
                    entity.links.append(Link(LinkKind.MEMBER, member.strip()))
        entities.append(entity)
    if not entities:
        raise ListFormatError(f"{path}: no entries below the header row")
    title = "Минюст России: реестр иностранных агентов"
    return ParsedList(list_id, version, FOREIGN_AGENTS_FORMAT, entities, [path], title)


def detect_undesirable(path: Path) -> bool:
    """True for a JSON array whose items have ``fullName`` and ``dateIn``."""
    if not path.is_file() or path.suffix.lower() != ".json":
        return False
    with path.open("rb") as handle:
        head = handle.read(4096)
    return head.lstrip().startswith(b"[") and b'"fullName"' in head


def parse_undesirable(
    path: Path, *, version: str | None = None, list_id: str | None = None
) -> ParsedList:
    """Parse the list of "undesirable organizations" (JSON array)."""
    list_id = list_id or UNDESIRABLE_ID
    try:
        items = json.loads(path.read_text(encoding="utf-8"))
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        raise ListFormatError(f"{path}: {error}") from error
    if not isinstance(items, list):
        raise ListFormatError(f"{path}: expected a JSON array")
    entities: list[Entity] = []
    latest = ""
    for item in items:
        if not isinstance(item, dict) or not item.get("fullName"):
            continue
        uid = str(item.get("id") or len(entities) + 1)
        primary, aliases = _split_name(str(item["fullName"]))
        primary = " ".join(primary.strip(' «»"').split())
        entity = Entity(
            id=entity_id(list_id, uid),
            schema=Schema.ORGANIZATION,
            names=[Name(primary or str(item["fullName"]))]
            + [Name(a.strip(' «»"'), NameKind.AKA) for a in aliases],
            source=SourceRef(list_id, "", uid),
            programs=["RU-UNDESIRABLE"],
        )
        for key in ("decisionInMinjust", "decisionInGenproc", "decisionOutMinjust", "dateOut"):
            if value := str(item.get(key) or "").strip():
                entity.add_fact(key, value)
        if date_in := str(item.get("dateIn") or "").strip():
            entity.add_fact("included", date_in)
            for parsed in parse_date_text(date_in):
                latest = max(latest, str(parsed))
        entities.append(entity)
    if not entities:
        raise ListFormatError(f"{path}: no entries")
    version = version or version_from_path(path) or latest or today()
    for entity in entities:
        entity.source = SourceRef(list_id, version, entity.source.source_id)
    title = "Россия: перечень нежелательных организаций"
    return ParsedList(list_id, version, UNDESIRABLE_FORMAT, entities, [path], title)
