"""Comparison of two versions of one list: added, removed and changed entries."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from horizont.screening.model import Entity

COMPARED_FIELDS = (
    "schema",
    "names",
    "birth_dates",
    "birth_places",
    "nationalities",
    "identifiers",
    "addresses",
    "programs",
    "links",
    "remarks",
)


@dataclass(frozen=True, slots=True)
class ChangedEntity:
    """An entry present in both versions whose listed facts differ."""

    old: Entity
    new: Entity
    fields: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class ListDiff:
    """What changed between two versions of one list."""

    old_version: str
    new_version: str
    added: tuple[Entity, ...]
    removed: tuple[Entity, ...]
    changed: tuple[ChangedEntity, ...]

    @property
    def unchanged(self) -> bool:
        """True when nothing was added, removed or changed."""
        return not (self.added or self.removed or self.changed)


def _comparable(entity: Entity, field: str) -> object:
    value = getattr(entity, field)
    if field == "links":
        return sorted((link.kind, link.target_name) for link in value)
    if isinstance(value, list):
        return sorted(map(repr, value))
    return value


def diff(old: Iterable[Entity], new: Iterable[Entity]) -> ListDiff:
    """Compare entries by their publisher's id (stable across versions of a list)."""
    old_by_id = {e.source.source_id: e for e in old}
    new_by_id = {e.source.source_id: e for e in new}
    added = tuple(new_by_id[k] for k in new_by_id.keys() - old_by_id.keys())
    removed = tuple(old_by_id[k] for k in old_by_id.keys() - new_by_id.keys())
    changed: list[ChangedEntity] = []
    for key in old_by_id.keys() & new_by_id.keys():
        a, b = old_by_id[key], new_by_id[key]
        fields = tuple(f for f in COMPARED_FIELDS if _comparable(a, f) != _comparable(b, f))
        if fields:
            changed.append(ChangedEntity(a, b, fields))

    def version(entities: dict[str, Entity]) -> str:
        return next(iter(entities.values())).source.version if entities else ""

    return ListDiff(
        version(old_by_id),
        version(new_by_id),
        tuple(sorted(added, key=lambda e: e.id)),
        tuple(sorted(removed, key=lambda e: e.id)),
        tuple(sorted(changed, key=lambda c: c.new.id)),
    )
