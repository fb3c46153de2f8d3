"""Scoring of one name against another, with an explanation a reviewer can follow.

Tokens are compared pairwise: equal folded spelling is *exact* (1.0), equal phonetic
key under some transliteration reading is *transliteration* (0.98), otherwise the
Levenshtein similarity of the keys, if at least 0.75, gives a *fuzzy* match (scaled by
0.95). Tokens are paired greedily, best pair first, so name order does not matter. The
name score is the matched weight over all weight, where a name token the query lacks
costs half its weight, and a patronymic the query leaves out only a tenth.

The same functions serve :meth:`horizont.screening.index.Index.search` and
:func:`compare_names`, so a direct comparison gives exactly the score a search gives.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Final

import numpy as np
import numpy.typing as npt
from rapidfuzz.distance import Levenshtein
from rapidfuzz.process import cdist

from horizont.screening.normalize import NormalizedName, Token, normalize_name

STRONG_AT: Final = 0.90
POSSIBLE_AT: Final = 0.75
WEAK_AT: Final = 0.55
DEFAULT_THRESHOLD: Final = POSSIBLE_AT
"""Scores at or above this raise an alert (band strong or possible)."""

EXACT_SIMILARITY: Final = 1.0
TRANSLIT_SIMILARITY: Final = 0.98
FUZZY_SCALE: Final = 0.95
FUZZY_CUTOFF: Final = 0.75
MISSING_NAME_TOKEN_COST: Final = 0.5
MISSING_PATRONYMIC_COST: Final = 0.1


class Band(StrEnum):
    """How seriously a reviewer should take a match."""

    STRONG = "strong"
    POSSIBLE = "possible"
    WEAK = "weak"


def band_for(score: float) -> Band | None:
    """The band of a score, or None below the weak band."""
    if score >= STRONG_AT:
        return Band.STRONG
    if score >= POSSIBLE_AT:
        return Band.POSSIBLE
    if score >= WEAK_AT:
        return Band.WEAK
    return None


class Method(StrEnum):
    """How two tokens were found to match."""

    EXACT = "exact"
    TRANSLITERATION = "transliteration"
    FUZZY = "fuzzy"
    INITIAL = "initial"


@dataclass(frozen=True, slots=True)
class TokenMatch:
    """One query token paired with one name token."""

    query_token: str
    name_token: str
    method: Method
    similarity: float

    def __str__(self) -> str:
        if self.method is Method.EXACT:
            return f"{self.query_token} = {self.name_token} (exact)"
        return f"{self.query_token} ≈ {self.name_token} ({self.method}, {self.similarity:.2f})"


@dataclass(frozen=True, slots=True)
class NameScore:
    """Score of a query name against one listed name, and why."""

    query: str
    name: str
    score: float
    tokens: tuple[TokenMatch, ...]
    missing_in_name: tuple[str, ...]
    missing_in_query: tuple[str, ...]
    removed: tuple[str, ...] = ()

    def explain(self) -> list[str]:
        """Lines a reviewer reads: which token matched which, and how."""
        lines = [str(t) for t in self.tokens]
        if self.missing_in_name:
            lines.append("not in the listed name: " + ", ".join(self.missing_in_name))
        if self.missing_in_query:
            lines.append("not in the query: " + ", ".join(self.missing_in_query))
        if self.removed:
            lines.append("ignored (titles, legal forms): " + ", ".join(self.removed))
        return lines


SimilarityMatrix = dict[tuple[int, str], float]


def key_similarities(query: Sequence[Token], keys: Sequence[str]) -> npt.NDArray[np.float32]:
    """Fuzzy similarity of every query token (best reading) to each phonetic key.

    One :func:`rapidfuzz.process.cdist` call for all pairs; values under the cutoff
    are 0.
    """
    variants: list[str] = []
    owner: list[int] = []
    for i, token in enumerate(query):
        for key in token.keys:
            variants.append(key)
            owner.append(i)
    if not variants or not keys:
        return np.zeros((len(query), len(keys)), dtype=np.float32)
    raw = cdist(
        variants,
        keys,
        scorer=Levenshtein.normalized_similarity,
        score_cutoff=FUZZY_CUTOFF,
        dtype=np.float32,
    )
    out = np.zeros((len(query), len(keys)), dtype=np.float32)
    np.maximum.at(out, np.asarray(owner), raw)
    return out


def token_similarity(q: Token, n: Token, fuzzy: float) -> tuple[float, Method | None]:
    """Similarity of two tokens given their precomputed fuzzy key similarity."""
    if q.text == n.text:
        return EXACT_SIMILARITY, Method.EXACT
    if n.key in q.keys or q.key in n.keys:
        return TRANSLIT_SIMILARITY, Method.TRANSLITERATION
    if len(q.text) == 1 or len(n.text) == 1:
        if q.text[0] == n.text[0]:
            return 0.7, Method.INITIAL
        return 0.0, None
    if min(len(q.key), len(n.key)) <= 3:
        return 0.0, None
    if fuzzy >= FUZZY_CUTOFF:
        return fuzzy * FUZZY_SCALE, Method.FUZZY
    return 0.0, None


def align(
    query: NormalizedName,
    name: NormalizedName,
    fuzzy: npt.NDArray[np.float32],
    key_column: dict[str, int],
) -> NameScore:
    """Pair tokens greedily and score; ``fuzzy[i, key_column[key]]`` holds key similarity."""
    pairs: list[tuple[float, int, int, Method]] = []
    for i, q in enumerate(query.tokens):
        row = fuzzy[i]
        for j, n in enumerate(name.tokens):
            sim, method = token_similarity(q, n, float(row[key_column[n.key]]))
            if method is not None:
                pairs.append((sim, i, j, method))
    pairs.sort(key=lambda p: (-p[0], p[1], p[2]))
    used_q: set[int] = set()
    used_n: set[int] = set()
    matched: list[tuple[int, int, float, Method]] = []
    for sim, i, j, method in pairs:
        if i in used_q or j in used_n:
            continue
        used_q.add(i)
        used_n.add(j)
        matched.append((i, j, sim, method))
    gained = sum(sim * query.tokens[i].weight for i, _, sim, _ in matched)
    total = sum(query.tokens[i].weight for i, _, _, _ in matched)
    missing_q = [t for i, t in enumerate(query.tokens) if i not in used_q]
    missing_n = [t for j, t in enumerate(name.tokens) if j not in used_n]
    query_has_patronymic = any(t.patronymic for t in missing_q)
    name_has_patronymic = any(t.patronymic for t in missing_n)
    for t in missing_q:
        cheap = t.patronymic and not name_has_patronymic
        total += MISSING_PATRONYMIC_COST if cheap else t.weight
    for t in missing_n:
        if t.patronymic:
            total += t.weight if query_has_patronymic else MISSING_PATRONYMIC_COST
        else:
            total += t.weight * MISSING_NAME_TOKEN_COST
    score = gained / total if total else 0.0
    matched.sort()
    return NameScore(
        query=query.original,
        name=name.original,
        score=round(score, 4),
        tokens=tuple(
            TokenMatch(query.tokens[i].text, name.tokens[j].text, method, round(sim, 3))
            for i, j, sim, method in matched
        ),
        missing_in_name=tuple(t.text for t in missing_q),
        missing_in_query=tuple(t.text for t in missing_n),
        removed=query.removed + name.removed,
    )


def score_normalized(query: NormalizedName, name: NormalizedName) -> NameScore:
    """Score two normalized names (builds the key similarity table for this pair)."""
    keys = sorted({t.key for t in name.tokens})
    column = {k: c for c, k in enumerate(keys)}
    return align(query, name, key_similarities(query.tokens, keys), column)


def compare_names(query: str, name: str) -> NameScore:
    """Score a name against another, exactly as a search would, with the explanation."""
    return score_normalized(normalize_name(query), normalize_name(name))
