"""Query sets and measures for the quality figures (used by tests and benchmarks).

- :func:`alias_queries`: every name of every entity, expected to find its entity;
- :func:`russian_variants`: Russian names of the lists written in Cyrillic and in the
  English, ICAO, German, French and Polish conventions, in both name orders;
- :func:`non_listed_names`: names of people who are not listed (Faker, four locales);
- :func:`perturbed_names` and :func:`harder_perturbed_names`: list names changed as
  people write them, once or twice;
- :func:`recall_at_1` and :func:`false_alert_rate`.
"""

from __future__ import annotations

import random
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from horizont.screening.index import Index
from horizont.screening.model import Entity, NameKind, Schema
from horizont.screening.normalize import tokenize
from horizont.screening.score import DEFAULT_THRESHOLD
from horizont.screening.translit import to_cyrillic, transliterate


@dataclass(frozen=True, slots=True)
class LabelledQuery:
    """A query and the entity it must find first."""

    query: str
    expected_id: str
    kind: str = ""
    source: str = ""
    """The listed name the query was made from, where it was made from one."""


@dataclass(frozen=True, slots=True)
class RecallReport:
    """Recall@1 over a query set, with the misses for inspection.

    ``hits`` counts queries whose entity is ranked first. ``tied_hits`` also counts
    queries whose entity shares the top score with others: several entities bearing
    the very same name (OFAC lists many) cannot be told apart by a name, so whichever
    comes first, the others' queries would otherwise count as misses.
    """

    total: int
    hits: int
    tied_hits: int
    misses: tuple[tuple[LabelledQuery, str | None], ...]

    @property
    def recall(self) -> float:
        """Share of queries whose expected entity came first."""
        return self.hits / self.total if self.total else 0.0

    @property
    def tie_aware_recall(self) -> float:
        """Share of queries whose expected entity is among the equal-best."""
        return self.tied_hits / self.total if self.total else 0.0


def alias_queries(
    entities: Iterable[Entity], *, include_primary: bool = False
) -> list[LabelledQuery]:
    """One query per alias (and optionally per primary name) of every entity."""
    queries: list[LabelledQuery] = []
    for entity in entities:
        for name in entity.names:
            if name.kind is NameKind.PRIMARY and not include_primary:
                continue
            queries.append(LabelledQuery(name.value, entity.id, str(name.kind)))
    return queries


def recall_at_1(index: Index, queries: Sequence[LabelledQuery]) -> RecallReport:
    """Recall@1 (strict and tie-aware, see :class:`RecallReport`)."""
    hits = 0
    tied = 0
    misses: list[tuple[LabelledQuery, str | None]] = []
    for q in queries:
        found = index.search(q.query, limit=20, with_chains=False)
        top = found[0].entity.id if found else None
        if top == q.expected_id:
            hits += 1
            tied += 1
            continue
        best = found[0].score if found else 0.0
        if any(m.entity.id == q.expected_id and best - m.score < 1e-3 for m in found):
            tied += 1
        misses.append((q, top))
    return RecallReport(len(queries), hits, tied, tuple(misses))


def _is_cyrillic(text: str) -> bool:
    return any("\u0400" <= c <= "\u04ff" for c in text)


def _russian_people(entities: Iterable[Entity]) -> list[tuple[Entity, str]]:
    """Listed people with a Russian name, and that name in Cyrillic.

    Register entries are Cyrillic already; OFAC/UN people with Russian nationality
    and a "SURNAME, Given Patronymic" name are read back into Cyrillic with the
    English convention.
    """
    people: list[tuple[Entity, str]] = []
    for entity in entities:
        if entity.schema is not Schema.PERSON:
            continue
        caption = entity.caption
        if _is_cyrillic(caption):
            if len(caption.split()) >= 2:
                people.append((entity, caption))
            continue
        russian = any("russia" in n.lower() for n in entity.nationalities) or any(
            "russia" in p.lower() for p in entity.birth_places
        )
        if russian and "," in caption:
            surname, _, given = caption.partition(",")
            words = [*tokenize(surname), *tokenize(given)]
            if len(words) >= 2:
                cyrillic = " ".join(to_cyrillic(w, "english").capitalize() for w in words)
                people.append((entity, cyrillic))
    return people


def russian_variants(
    entities: Iterable[Entity], *, limit: int = 400, seed: int = 5
) -> list[LabelledQuery]:
    """Russian names of listed people in Cyrillic and five Latin conventions.

    Each chosen person yields the Cyrillic name, "Given Surname" orders and the
    German, French, Polish, English and ICAO spellings (patronymic dropped in half
    of them, as the press usually writes). The set is shuffled with ``seed`` and cut
    to ``limit``.
    """
    rng = random.Random(seed)
    queries: list[LabelledQuery] = []
    for entity, cyrillic in _russian_people(entities):
        words = cyrillic.split()
        surname, given = words[0], words[1:]
        short = " ".join([given[0], surname]) if given else surname
        queries.append(LabelledQuery(cyrillic, entity.id, "cyrillic"))
        queries.append(LabelledQuery(short, entity.id, "cyrillic given-surname"))
        for scheme in ("german", "french", "polish", "english", "icao"):
            full = transliterate(" ".join([*given, surname]), scheme)
            brief = transliterate(short, scheme)
            queries.append(LabelledQuery(rng.choice([full, brief]), entity.id, scheme))
    rng.shuffle(queries)
    return queries[:limit]


def non_listed_names(
    count: int = 5000,
    *,
    seed: int = 2021,
    locales: Sequence[str] = ("ru_RU", "de_DE", "pl_PL", "en_US"),
) -> list[str]:
    """Names of people from Faker in ``locales`` (by default ru_RU, de_DE, pl_PL and
    en_US), equal shares.

    Faker is a development dependency; this function imports it when called.
    """
    from faker import Faker

    names: list[str] = []
    for number, locale in enumerate(locales):
        fake = Faker(locale)
        fake.seed_instance(seed + number)
        share = count // len(locales) + (1 if number < count % len(locales) else 0)
        names.extend(fake.name() for _ in range(share))
    return names


@dataclass(frozen=True, slots=True)
class AlertReport:
    """How many non-listed names raised an alert at a threshold."""

    total: int
    alerts: tuple[tuple[str, str, float], ...]
    threshold: float

    @property
    def rate(self) -> float:
        """Share of names with an alert."""
        return len(self.alerts) / self.total if self.total else 0.0


def false_alert_rate(
    index: Index, names: Sequence[str], threshold: float = DEFAULT_THRESHOLD
) -> AlertReport:
    """Share of (non-listed) names whose best match scores at least ``threshold``."""
    alerts: list[tuple[str, str, float]] = []
    for name in names:
        match = index.best_match(name, min_score=threshold)
        if match is not None:
            alerts.append((name, match.entity.caption, match.score))
    return AlertReport(len(names), tuple(alerts), threshold)


_RESPELLINGS: tuple[tuple[str, str], ...] = (
    ("y", "i"), ("i", "y"), ("ks", "x"), ("x", "ks"), ("ph", "f"), ("f", "ph"),
    ("kh", "h"), ("sh", "sch"), ("zh", "j"), ("ou", "u"), ("u", "ou"), ("ck", "k"),
    ("c", "k"), ("k", "c"), ("w", "v"), ("v", "w"), ("ee", "i"), ("oo", "u"),
)  # fmt: skip


def _typo(word: str, rng: random.Random) -> str:
    if len(word) < 4:
        return word
    i = rng.randrange(1, len(word) - 1)
    kind = rng.choice(("substitute", "delete", "insert", "transpose"))
    letter = rng.choice("aeiourstnlmk")
    if kind == "substitute":
        return word[:i] + letter + word[i + 1 :]
    if kind == "delete":
        return word[:i] + word[i + 1 :]
    if kind == "insert":
        return word[:i] + letter + word[i:]
    return word[: i - 1] + word[i] + word[i - 1] + word[i + 1 :]


def _respell(word: str, rng: random.Random) -> str:
    options = [(a, b) for a, b in _RESPELLINGS if a in word.lower()]
    if not options:
        return _typo(word, rng)
    a, b = rng.choice(options)
    return word.lower().replace(a, b, 1).capitalize()


def perturbed_names(
    entities: Iterable[Entity], *, count: int = 1000, seed: int = 11
) -> list[LabelledQuery]:
    """List names changed as people write them: a typo, a re-spelling, another word
    order or a dropped middle name (one change each, chosen by a seeded generator).

    Only names of two to five words of Latin letters are used; the query must find
    the entity whose name it was made from.
    """
    rng = random.Random(seed)
    pool = [
        (entity, name.value)
        for entity in entities
        for name in entity.names
        if name.value.isascii() and 2 <= len(tokenize(name.value)) <= 5
    ]
    rng.shuffle(pool)
    queries: list[LabelledQuery] = []
    for entity, value in pool[:count]:
        words = value.replace(",", " ").split()
        kind = rng.choice(("typo", "respelling", "reorder", "drop-middle"))
        if kind == "drop-middle" and len(words) < 3:
            kind = "typo"
        if kind == "typo":
            i = rng.randrange(len(words))
            words[i] = _typo(words[i], rng)
        elif kind == "respelling":
            i = rng.randrange(len(words))
            words[i] = _respell(words[i], rng)
        elif kind == "reorder":
            words = words[1:] + words[:1]
        else:
            del words[rng.randrange(1, len(words) - 1)]
        queries.append(LabelledQuery(" ".join(words), entity.id, kind, value))
    return queries


_HARDER_CHANGES: tuple[str, ...] = ("typo", "two typos", "shuffle", "drop", "lower case", "join")


def _any_typo(word: str, rng: random.Random) -> str:
    """One typed letter off anywhere, the first and last letters included."""
    if len(word) < 3:
        return word
    i = rng.randrange(len(word))
    kind = rng.choice(("substitute", "delete", "insert", "transpose"))
    letter = rng.choice("abcdefghijklmnopqrstuvwxyz")
    letter = letter.upper() if word[i].isupper() else letter
    if kind == "substitute":
        return word[:i] + letter + word[i + 1 :]
    if kind == "delete":
        return word[:i] + word[i + 1 :]
    if kind == "insert":
        return word[:i] + letter + word[i:]
    i = min(i, len(word) - 2)
    return word[:i] + word[i + 1] + word[i] + word[i + 2 :]


def harder_perturbed_names(
    entities: Iterable[Entity], *, count: int = 1000, seed: int = 101
) -> list[LabelledQuery]:
    """List names changed twice, by a generator unlike the one tuned on: two of a typo
    anywhere in a word (the first letter too, any letter of the alphabet), two typos in
    one word, the words shuffled, a middle word dropped, everything in lower case, two
    neighbouring words written as one.

    Harder than :func:`perturbed_names` on purpose: it shows how the engine degrades
    where people type worse than the tuned generator assumes.
    """
    rng = random.Random(seed)
    pool = [
        (entity, name.value)
        for entity in entities
        for name in entity.names
        if name.value.isascii() and 2 <= len(tokenize(name.value)) <= 5
    ]
    rng.shuffle(pool)
    queries: list[LabelledQuery] = []
    for entity, value in pool[:count]:
        words = value.replace(",", " ").split()
        changes = rng.sample(_HARDER_CHANGES, 2)
        for change in changes:
            if change == "typo":
                i = rng.randrange(len(words))
                words[i] = _any_typo(words[i], rng)
            elif change == "two typos":
                i = rng.randrange(len(words))
                words[i] = _any_typo(_any_typo(words[i], rng), rng)
            elif change == "shuffle":
                rng.shuffle(words)
            elif change == "drop" and len(words) >= 3:
                del words[rng.randrange(1, len(words) - 1)]
            elif change == "lower case":
                words = [w.lower() for w in words]
            elif change == "join" and len(words) >= 2:
                i = rng.randrange(len(words) - 1)
                words[i : i + 2] = [words[i] + words[i + 1]]
        queries.append(LabelledQuery(" ".join(words), entity.id, " + ".join(changes), value))
    return queries
