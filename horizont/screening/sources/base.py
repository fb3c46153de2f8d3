"""What every list parser returns, and helpers they share."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Final

from horizont.screening.model import Entity, Link, NameKind, PartialDate
from horizont.screening.normalize import tokenize


class ListFormatError(ValueError):
    """A file is not in the format its parser expects."""


@dataclass(slots=True)
class ParsedList:
    """Entities of one version of one list, and the files they were read from."""

    list_id: str
    version: str
    format: str
    entities: list[Entity]
    files: list[Path] = field(default_factory=list)
    title: str = ""


_MONTHS: Final = {
    m: i for i, m in enumerate("jan feb mar apr may jun jul aug sep oct nov dec".split(), start=1)
}
_DATE_IN_NAME: Final = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


def parse_date_text(text: str) -> list[PartialDate]:
    """Read the date forms lists use: ``01 Jun 1961``, ``Jun 1961``, ``1961``,
    ``1960 to 1962``, ``circa 1958``, ``1961-06-01``, ``01.06.1961``."""
    text = text.strip().rstrip(".")
    circa = bool(re.search(r"\b(circa|approximately|approx\.?)\b", text, re.I))
    text = re.sub(r"\b(circa|approximately|approx\.?)\b", "", text, flags=re.I).strip()
    m = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:T.*)?", text)
    if m:
        return [PartialDate(int(m[1]), int(m[2]) or None, int(m[3]) or None, circa)]
    m = re.fullmatch(r"(\d{1,2})[./](\d{1,2})[./](\d{4})", text)
    if m:
        return [PartialDate(int(m[3]), int(m[2]), int(m[1]), circa)]
    m = re.fullmatch(r"(\d{4})\s*(?:to|-|–)\s*(\d{4})", text)
    if m:
        low, high = int(m[1]), int(m[2])
        if 0 <= high - low <= 10:
            return [PartialDate(y, None, None, True) for y in range(low, high + 1)]
    m = re.fullmatch(r"(?:(\d{1,2})\s+)?([A-Za-z]{3})[a-z]*\.?\s+(\d{4})", text)
    if m and m[2].lower() in _MONTHS:
        day = int(m[1]) if m[1] else None
        return [PartialDate(int(m[3]), _MONTHS[m[2].lower()], day, circa)]
    m = re.fullmatch(r"(\d{4})", text)
    if m:
        return [PartialDate(int(m[1]), None, None, circa)]
    return []


def version_from_path(path: Path) -> str | None:
    """A ``YYYY-MM-DD`` found in a file or folder name, else None."""
    for part in (path.name, path.parent.name):
        m = _DATE_IN_NAME.search(part)
        if m:
            return m.group(0)
    m = re.search(r"(?<!\d)(\d{4})(?!\d)", path.name)
    if m and 1990 <= int(m[1]) <= 2100:
        return m.group(1)
    return None


def today() -> str:
    """Today's date as a version string."""
    return date.today().isoformat()


def name_key(name: str) -> str:
    """Exact-name key used to resolve links given by name within one list."""
    return " ".join(tokenize(name))


def resolve_links(entities: Iterable[Entity]) -> None:
    """Fill ``target_id`` of links given by name, matching primary names, then aliases."""
    entities = list(entities)
    primary: dict[str, str] = {}
    other: dict[str, str] = {}
    for entity in entities:
        for name in entity.names:
            table = primary if name.kind is NameKind.PRIMARY else other
            table.setdefault(name_key(name.value), entity.id)
    for entity in entities:
        resolved: list[Link] = []
        for link in entity.links:
            if link.target_id is None:
                key = name_key(link.target_name)
                target = primary.get(key) or other.get(key)
                if target and target != entity.id:
                    link = Link(link.kind, link.target_name, target)
            resolved.append(link)
        entity.links = resolved


def clean(value: str | None) -> str | None:
    """Strip a cell; OFAC's ``-0-`` and empty strings become None."""
    if value is None:
        return None
    value = value.strip()
    if not value or value == "-0-":
        return None
    return value
