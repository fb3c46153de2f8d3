"""Direct comparison of two entities, for reviewers and for evaluation."""

from __future__ import annotations

from dataclasses import dataclass

from horizont.screening.model import Entity, Identifier, IdType, NameQuality, Schema
from horizont.screening.normalize import normalize_identifier, normalize_name
from horizont.screening.score import (
    Band,
    NameScore,
    band_for,
    score_normalized,
)

BIRTH_YEAR_CONFLICT_FACTOR = 0.85


@dataclass(frozen=True, slots=True)
class EntityComparison:
    """How alike two entities are: best name pair, shared identifiers, notes."""

    score: float
    band: Band | None
    name: NameScore | None
    shared_identifiers: tuple[tuple[Identifier, Identifier], ...]
    notes: tuple[str, ...]

    def explain(self) -> list[str]:
        """Lines a reviewer reads."""
        lines = [f"identifier: {a.type} {a.value} = {b.value}" for a, b in self.shared_identifiers]
        if self.name is not None:
            lines.append(f"name: {self.name.query!r} ~ {self.name.name!r} → {self.name.score:.2f}")
            lines.extend("  " + line for line in self.name.explain())
        lines.extend(self.notes)
        return lines


def compare_entities(a: Entity, b: Entity) -> EntityComparison:
    """Compare two entities with the scorer the search uses.

    The score is the best name-pair score (a weak alias caps the band at
    possible), 1.0 when they share an identifier of the same type, and
    lowered when both give birth years and none is within one year of another.
    """
    best: NameScore | None = None
    best_score = 0.0
    weak = False
    for name_a in a.names:
        for name_b in b.names:
            scored = score_normalized(
                normalize_name(name_a.value, person=a.schema is Schema.PERSON),
                normalize_name(name_b.value, person=b.schema is Schema.PERSON),
            )
            if scored.score > best_score:
                best, best_score = scored, scored.score
                weak = NameQuality.WEAK in (name_a.quality, name_b.quality)
    shared: list[tuple[Identifier, Identifier]] = []
    for id_a in a.identifiers:
        if not id_a.valid or id_a.type in (IdType.WEBSITE, IdType.EMAIL):
            continue
        for id_b in b.identifiers:
            if (
                id_b.valid
                and id_a.type == id_b.type
                and normalize_identifier(id_a.value) == normalize_identifier(id_b.value)
            ):
                shared.append((id_a, id_b))
    notes: list[str] = []
    score = 1.0 if shared else best_score
    if a.birth_years and b.birth_years:
        if any(abs(x - y) <= 1 for x in a.birth_years for y in b.birth_years):
            notes.append("birth years agree: " + ", ".join(map(str, sorted(a.birth_years))))
        else:
            score *= BIRTH_YEAR_CONFLICT_FACTOR
            notes.append(
                f"birth years differ ({sorted(a.birth_years)} vs {sorted(b.birth_years)}): "
                f"score × {BIRTH_YEAR_CONFLICT_FACTOR}"
            )
    if a.schema is not b.schema:
        notes.append(f"different kinds: {a.schema} vs {b.schema}")
    score = round(score, 4)
    band = band_for(score)
    if weak and not shared and band is Band.STRONG:
        band = Band.POSSIBLE
        notes.append("weak alias: band capped at possible")
    return EntityComparison(score, band, best, tuple(shared), tuple(notes))
