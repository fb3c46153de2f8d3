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
from rapidfuzz.distance import OSA, Levenshtein
from rapidfuzz.process import cdist

from horizont.screening.normalize import (
    LEGAL_WORDS,
    NormalizedName,
    Token,
    legal_forms_conflict,
    legal_forms_relation,
    normalize_name,
)
from horizont.screening.scripts import CYRILLIC_EXTRA, skeleton
from horizont.screening.translit import transliterate

STRONG_AT: Final = 0.90
POSSIBLE_AT: Final = 0.75
WEAK_AT: Final = 0.55
DEFAULT_THRESHOLD: Final = POSSIBLE_AT
"""Scores at or above this raise an alert (band strong or possible)."""

EXACT_SIMILARITY: Final = 1.0
TRANSLIT_SIMILARITY: Final = 0.98
FUZZY_SCALE: Final = 0.95
FUZZY_CUTOFF: Final = 0.75
MISSING_NAME_TOKEN_COST: Final = 0.3
EXTRA_QUERY_TOKEN_COST: Final = 0.5
ONE_WORD_QUERY_COST: Final = 0.5
MISSING_PATRONYMIC_COST: Final = 0.1
INITIAL_SIMILARITY: Final = 0.8
WORD_TO_INITIAL_SIMILARITY: Final = 0.4
SHORT_FUZZY_SIMILARITY: Final = 0.7
SKELETON_CUTOFF: Final = 0.75
SKELETON_SCALE: Final = 0.9
JOINED_CUTOFF: Final = 0.85
JOINED_SCALE: Final = 0.97
ACRONYM_ORDER_FACTOR: Final = 0.5
SWAPPED_ORDER_FACTOR: Final = 0.95
LEGAL_FORM_CONFLICT_FACTOR: Final = 0.7
LEGAL_FORM_WEIGHT: Final = 0.5
"""Weight of the legal form of a company name, next to 1.0 for a name word."""
LEGAL_FORM_SIMILARITY: Final = {"same": 1.0, "family": 0.8, "other": 0.5}
LEGAL_FORM_ONE_SIDED_COST: Final = 0.3
LEGAL_FORM_MOVED_SIMILARITY: Final = 0.9
"""A legal form inside one name (Kattan LLC Wassim) or misspelt by one letter (Ltа)
against the same form at the end of the other."""
LOOSE_SCRIPTS: Final = frozenset({"han", "kana", "hangul"})
"""Scripts that do not tell l from r: their skeletons compare with l = r."""


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
    JOINED = "joined"


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
    notes: tuple[str, ...] = ()

    def explain(self) -> list[str]:
        """Lines a reviewer reads: which token matched which, and how."""
        lines = [str(t) for t in self.tokens]
        if self.missing_in_name:
            lines.append("not in the listed name: " + ", ".join(self.missing_in_name))
        if self.missing_in_query:
            lines.append("not in the query: " + ", ".join(self.missing_in_query))
        if self.removed:
            lines.append("ignored (titles, legal forms): " + ", ".join(self.removed))
        lines.extend(self.notes)
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
    """Similarity of two tokens given their precomputed fuzzy key similarity.

    Exact spelling, then equal phonetic keys under some reading (transliteration),
    then an initial against a word, then, for words romanized from another script, the
    consonant skeletons, then the fuzzy similarity: the better of the keys' Levenshtein
    similarity and the spellings' (a transposition counts as one edit: Schloz, Scholz).
    Short words (three letters or fewer) match fuzzily only with one edit: a changed
    letter (Un, On) or, keeping the first letter, one more or less (Amr, Amer).
    """
    if q.text == n.text:
        return EXACT_SIMILARITY, Method.EXACT
    if len(q.text) == 1 or len(n.text) == 1:
        if q.initial != n.initial:
            return 0.0, None
        if len(q.text) > 1:  # a full word asked, only its initial listed: weak evidence
            return WORD_TO_INITIAL_SIMILARITY, Method.INITIAL
        return INITIAL_SIMILARITY, Method.INITIAL
    if n.key in q.keys or q.key in n.keys:
        return TRANSLIT_SIMILARITY, Method.TRANSLITERATION
    if q.script != n.script and (q.foreign or n.foreign):
        bone = _skeleton_similarity(q, n)
        if bone >= SKELETON_CUTOFF:
            return bone * SKELETON_SCALE, Method.TRANSLITERATION
    shortest = min(len(q.text), len(n.text))
    if shortest <= 3:
        if (
            shortest >= 2
            and OSA.distance(q.text, n.text) == 1
            and (len(q.text) == len(n.text) or q.text[0] == n.text[0])
        ):
            return SHORT_FUZZY_SIMILARITY, Method.FUZZY
        return 0.0, None
    spelled = OSA.normalized_similarity(q.text, n.text)
    best = max(fuzzy, spelled)
    if best >= FUZZY_CUTOFF and min(len(q.key), len(n.key)) > 3:
        return best * FUZZY_SCALE, Method.FUZZY
    if spelled >= FUZZY_CUTOFF:
        return spelled * FUZZY_SCALE, Method.FUZZY
    return 0.0, None


_LOOSE: Final = str.maketrans({"l": "r"})


def _skeleton_similarity(q: Token, n: Token) -> float:
    a, b = q.skeleton, n.skeleton
    if len(a) < 2 or len(b) < 2:
        return 1.0 if a == b and a and q.text[0] == n.text[0] else 0.0
    best = _bone_similarity(a, b, q, n, abjad=True)
    if q.abjad or n.abjad:  # و may be the consonant v as well as the vowel u
        best = max(best, _bone_similarity(a, b, q, n, abjad=False))
    return best


def _bone_similarity(a: str, b: str, q: Token, n: Token, *, abjad: bool) -> float:
    """Mean similarity of the collapsed skeletons and of the uncollapsed ones."""
    if not abjad:
        a = skeleton(q.text) if q.abjad else a
        b = skeleton(n.text) if n.abjad else b
    loose = q.script in LOOSE_SCRIPTS or n.script in LOOSE_SCRIPTS
    raw_a = skeleton(_latin(q), abjad=abjad and q.abjad, collapse=False)
    raw_b = skeleton(_latin(n), abjad=abjad and n.abjad, collapse=False)
    if loose:
        a, b = a.translate(_LOOSE), b.translate(_LOOSE)
        raw_a, raw_b = raw_a.translate(_LOOSE), raw_b.translate(_LOOSE)
    collapsed = float(Levenshtein.normalized_similarity(a, b))
    raw = float(Levenshtein.normalized_similarity(raw_a, raw_b))
    return (collapsed + raw) / 2


def _latin(token: Token) -> str:
    if token.script.startswith("cyrillic"):
        return transliterate(token.text.translate(CYRILLIC_EXTRA), "english").lower()
    return token.text


def _joined(
    query: NormalizedName, name: NormalizedName, free_q: set[int], free_n: set[int]
) -> list[tuple[int, tuple[int, ...], float]]:
    """Words written together on one side and apart on the other (VladimirPutin,
    AL QAEDA / ALQAEDA): pairs of free query index and the name indexes it covers."""
    found: list[tuple[int, tuple[int, ...], float]] = []
    for side_a, side_b, free_a, free_b, flip in (
        (query.tokens, name.tokens, free_q, free_n, False),
        (name.tokens, query.tokens, free_n, free_q, True),
    ):
        for i in sorted(free_a):
            word = side_a[i].text
            if len(word) < 4:
                continue
            for j in sorted(free_b):
                if j + 1 not in free_b:
                    continue
                joined = side_b[j].text + side_b[j + 1].text
                similarity = float(OSA.normalized_similarity(word, joined))
                if similarity >= JOINED_CUTOFF:
                    free_a.discard(i)
                    free_b.discard(j)
                    free_b.discard(j + 1)
                    if flip:
                        found.append((j, (i,), similarity))
                        found.append((j + 1, (i,), similarity))
                    else:
                        found.append((i, (j, j + 1), similarity))
                    break
    return found


def _legal_words(missing: list[Token], other: NormalizedName) -> tuple[list[Token], list[str]]:
    """Unmatched words that are the other name's legal form, written inside the name
    or with one letter wrong (SINSMS PTE. LTa.): taken out of the missing words."""
    kept: list[Token] = []
    found: list[str] = []
    written = {w for removed in other.removed for w in removed.split()}
    for token in missing:
        form = LEGAL_WORDS.get(token.text)
        if form is not None and form in other.legal_forms:
            found.append(token.text)
        elif len(token.text) >= 3 and any(
            len(w) >= 3 and OSA.distance(token.text, w) <= 1 for w in written
        ):
            found.append(token.text)
        else:
            kept.append(token)
    # A dotted form with a letter wrong comes apart in short pieces (Sn.A. → sn, a).
    short = [t for t in kept if len(t.text) <= 2]
    if 2 <= len(short) <= 4 and not found:
        joined = "".join(t.text for t in short)
        if any(len(w) >= 2 and OSA.distance(joined, w) <= 1 for w in written):
            found.extend(t.text for t in short)
            kept = [t for t in kept if len(t.text) > 2]
    return kept, found


def _swapped(matched: list[tuple[int, int, float, Method]]) -> bool:
    ordered = sorted(matched)
    names = [j for _, j, _, _ in ordered]
    return len(names) >= 2 and names == sorted(names, reverse=True)


def _acronym_disorder(
    query: NormalizedName, name: NormalizedName, matched: list[tuple[int, int, float, Method]]
) -> bool:
    letters = sorted(
        (i, j)
        for i, j, _, _ in matched
        if len(query.tokens[i].text) == 1 and len(name.tokens[j].text) == 1
    )
    names = [j for _, j in letters]
    return len(names) >= 2 and names != sorted(names)


def align(
    query: NormalizedName,
    name: NormalizedName,
    fuzzy: Sequence[Sequence[float]],
    key_column: dict[str, int],
    floor: float = 0.0,
) -> NameScore:
    """Pair tokens greedily and score; ``fuzzy[i][key_column[key]]`` holds key similarity
    (:func:`key_similarities` as nested lists: reading a list is faster than an array).
    Below ``floor`` the score is returned without an explanation.

    Then words joined on one side are paired with two on the other; missing tokens
    cost their weight (half of it for a name token the query lacks, a tenth for a
    patronymic); initials in a different order (C.B.A. against A.B.C.), names in
    reversed order without a comma, and conflicting legal forms (AG against GmbH)
    lower the score.
    """
    pairs: list[tuple[float, int, int, Method]] = []
    columns = [key_column[n.key] for n in name.tokens]
    for i, q in enumerate(query.tokens):
        row = fuzzy[i]
        for j, n in enumerate(name.tokens):
            sim, method = token_similarity(q, n, row[columns[j]])
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
    free_q = set(range(len(query.tokens))) - used_q
    free_n = set(range(len(name.tokens))) - used_n
    gained = 0.0
    total = 0.0
    if free_q and free_n:
        for i, covered, similarity in _joined(query, name, free_q, free_n):
            sim = similarity * JOINED_SCALE
            if len(covered) == 2:
                weight = query.tokens[i].weight
                gained += sim * weight
                total += weight
                matched.append((i, covered[0], sim, Method.JOINED))
            else:
                weight = query.tokens[i].weight
                gained += sim * weight
                total += weight
                matched.append((i, covered[0], sim, Method.JOINED))
        used_q = set(range(len(query.tokens))) - free_q
        used_n = set(range(len(name.tokens))) - free_n
    gained += sum(
        sim * query.tokens[i].weight for i, _, sim, method in matched if method is not Method.JOINED
    )
    total += sum(
        query.tokens[i].weight for i, _, _, method in matched if method is not Method.JOINED
    )
    missing_q = [t for i, t in enumerate(query.tokens) if i not in used_q]
    missing_n = [t for j, t in enumerate(name.tokens) if j not in used_n]
    moved: list[str] = []
    if name.legal_forms:
        missing_q, found = _legal_words(missing_q, name)
        moved.extend(found)
    if query.legal_forms:
        missing_n, found = _legal_words(missing_n, query)
        moved.extend(found)
    query_has_patronymic = any(t.patronymic for t in missing_q)
    name_has_patronymic = any(t.patronymic for t in missing_n)
    plain_q = [t for t in missing_q if not t.patronymic]
    plain_n = [t for t in missing_n if not t.patronymic]
    # Extra words on one side only are middle names or qualifiers; unmatched words on
    # both sides are name parts that differ, which costs their full weight.
    conflict = bool(plain_q) and bool(plain_n)
    extra_query_cost = 1.0 if conflict else EXTRA_QUERY_TOKEN_COST
    extra_name_cost = 1.0 if conflict else MISSING_NAME_TOKEN_COST
    if len(query.tokens) == 1 and not query.legal_forms:
        extra_name_cost = max(extra_name_cost, ONE_WORD_QUERY_COST)  # a surname alone
    for t in missing_q:
        if t.patronymic:
            total += t.weight if name_has_patronymic else MISSING_PATRONYMIC_COST
        else:
            total += t.weight * extra_query_cost
    for t in missing_n:
        if t.patronymic:
            total += t.weight if query_has_patronymic else MISSING_PATRONYMIC_COST
        else:
            total += t.weight * extra_name_cost
    # Legal forms are compared as a part of the name: the same form (Ltd = Limited)
    # or one of the same family (OAO, JSC) is evidence, a form on one side only
    # costs a little, forms of conflicting families lower the score below.
    relation = legal_forms_relation(query, name)
    notes: list[str] = []
    if relation in LEGAL_FORM_SIMILARITY and gained:
        gained += LEGAL_FORM_SIMILARITY[relation] * LEGAL_FORM_WEIGHT
        total += LEGAL_FORM_WEIGHT
        notes.append(
            f"legal forms {', '.join(query.legal_forms)} ~ {', '.join(name.legal_forms)} "
            f"({relation}, {LEGAL_FORM_SIMILARITY[relation]:.1f})"
        )
    elif relation == "one-sided" and gained and not moved:
        total += LEGAL_FORM_ONE_SIDED_COST * LEGAL_FORM_WEIGHT
    if moved and gained:
        gained += LEGAL_FORM_MOVED_SIMILARITY * LEGAL_FORM_WEIGHT
        total += LEGAL_FORM_WEIGHT
        notes.append(f"legal form elsewhere in the name: {', '.join(moved)}")
    score = gained / total if total else 0.0
    if score < floor:  # what follows only lowers the score: no explanation needed
        return NameScore(query.original, name.original, round(score, 4), (), (), ())
    if _acronym_disorder(query, name, matched):
        score *= ACRONYM_ORDER_FACTOR
        notes.append(f"initials in another order: score × {ACRONYM_ORDER_FACTOR}")
    elif (
        _swapped(matched)
        and "," not in query.original + name.original
        and not (query.family_first or name.family_first)
        and not any(t.script.startswith("cyrillic") for t in query.tokens + name.tokens)
    ):
        score *= SWAPPED_ORDER_FACTOR
        notes.append(f"names in reversed order: score × {SWAPPED_ORDER_FACTOR}")
    if legal_forms_conflict(query, name):
        score *= LEGAL_FORM_CONFLICT_FACTOR
        notes.append(
            f"legal forms differ ({', '.join(query.legal_forms)} vs "
            f"{', '.join(name.legal_forms)}): score × {LEGAL_FORM_CONFLICT_FACTOR}"
        )
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
        notes=tuple(notes),
    )


def score_normalized(query: NormalizedName, name: NormalizedName) -> NameScore:
    """Score two normalized names (builds the key similarity table for this pair)."""
    keys = sorted({t.key for t in name.tokens})
    column = {k: c for c, k in enumerate(keys)}
    return align(query, name, key_similarities(query.tokens, keys).tolist(), column)


def compare_names(query: str, name: str) -> NameScore:
    """Score a name against another, exactly as a search would, with the explanation."""
    return score_normalized(normalize_name(query), normalize_name(name))
