"""Which column of a Russian CEC table holds which line of the protocol, by meaning.

Federal per-station files from 2000 to 2024 (State Duma, President, the 2020 vote)
name the protocol lines in many wordings: "Число избирательных бюллетеней, выданных
в помещении для голосования в день голосования" (2016) is "Число избирательных
бюллетеней выданных в день голосования" in 2004, with line breaks, double spaces,
"ё" for "е", singular or plural and "участников голосования" for "избирателей" in
2020. A column name is therefore normalised (case, ё/е, punctuation, every kind of
white space) and split into words, and each protocol line is a rule over word stems:
stems that must all occur, groups of which one must occur, and stems that must not.
A stem matches every word that begins with it, so endings (singular, plural, case)
do not matter. Nothing depends on exact strings or on the order of the columns.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Line:
    """One protocol line and the rule that recognises its column."""

    key: str
    label: str
    all_of: tuple[str, ...]
    any_of: tuple[tuple[str, ...], ...] = ()
    none_of: tuple[str, ...] = ()

    def matches(self, words: Sequence[str]) -> bool:
        def has(stem: str) -> bool:
            return any(w.startswith(stem) for w in words)

        return (
            all(has(s) for s in self.all_of)
            and all(any(has(s) for s in group) for group in self.any_of)
            and not any(has(s) for s in self.none_of)
        )


_ABSENTEE = ("открепит", "удостоверен", "заявлен")
_BALLOT = "бюллетен"

#: Protocol lines the reader uses (and a few it only recognises, to tell them apart).
LINES: tuple[Line, ...] = (
    Line(
        "registered",
        "registered voters",
        (),
        (("избирател", "участник"), ("внесен", "включен")),
        (_BALLOT, "проголосовав", *_ABSENTEE),
    ),
    Line("received", "ballots received", (_BALLOT, "получен"), (), ("учтен", *_ABSENTEE)),
    Line("issued_early", "ballots issued early", (_BALLOT, "выдан", "досрочн"), (), _ABSENTEE),
    Line(
        "issued_on_premises",
        "ballots issued on the premises",
        (_BALLOT, "выдан"),
        (("помещени", "день"),),
        ("вне", "досрочн", *_ABSENTEE),
    ),
    Line(
        "issued_outside",
        "ballots issued outside the premises",
        (_BALLOT, "выдан", "вне"),
        (),
        ("досрочн", *_ABSENTEE),
    ),
    Line(
        "issued_total",
        "ballots issued (one line)",
        (_BALLOT, "выдан"),
        (),
        ("досрочн", "помещени", "вне", "день", *_ABSENTEE),
    ),
    Line("cancelled", "ballots cancelled", (_BALLOT, "погашен"), (), _ABSENTEE),
    Line("in_portable", "ballots in portable boxes", (_BALLOT, "переносн"), (), _ABSENTEE),
    Line("in_stationary", "ballots in stationary boxes", (_BALLOT, "стационарн"), (), _ABSENTEE),
    Line(
        "in_boxes",
        "ballots in the boxes (one line)",
        (_BALLOT, "ящик"),
        (),
        ("переносн", "стационарн", *_ABSENTEE),
    ),
    Line("invalid", "invalid ballots", (_BALLOT, "недействительн"), (), _ABSENTEE),
    Line("valid", "valid ballots", (_BALLOT, "действительн"), (), _ABSENTEE),
    Line("lost", "ballots lost", (_BALLOT, "утрачен"), (), _ABSENTEE),
    Line("unaccounted", "ballots not accounted for", (_BALLOT, "учтен"), (), _ABSENTEE),
    Line("absentee", "absentee certificates and applications", (), ((_ABSENTEE),)),
)

LINE_LABELS = {line.key: line.label for line in LINES}

#: Identifying columns, under the names Shpilkin's files use and common Russian ones.
ID_ALIASES: dict[str, tuple[str, ...]] = {
    "level": ("level", "уровень"),
    "name": ("name", "название", "выборы"),
    "region": ("region", "регион", "субъект"),
    "oik": ("oik", "оик", "округ"),
    "tik": ("tik", "тик"),
    "uik": ("uik", "уик", "участок"),
    "url": ("url", "ссылка"),
}


def normalise(name: str) -> str:
    """Lower case, ё as е, punctuation and every kind of white space as one space."""
    text = name.casefold().replace("ё", "е")
    text = re.sub(r"[^\w]+", " ", text)
    return " ".join(text.split())


def words(name: str) -> list[str]:
    return normalise(name).split()


def _id_key(name: str) -> str | None:
    norm = normalise(name)
    for key, aliases in ID_ALIASES.items():
        if norm in aliases:
            return key
    return None


def _looks_like_protocol(norm_words: Sequence[str]) -> bool:
    return bool(norm_words) and (
        norm_words[0] == "число"
        or any(w.startswith(s) for w in norm_words for s in (_BALLOT, *_ABSENTEE))
    )


@dataclass(frozen=True)
class Recognition:
    """The columns found for each protocol line, the party columns, and the leftovers.

    ``lines`` maps a line's key to the columns whose names match it (in file order);
    ``unrecognised`` are columns that look like protocol lines but match none.
    """

    ids: dict[str, str]
    lines: dict[str, tuple[str, ...]]
    parties: tuple[str, ...]
    unrecognised: tuple[str, ...]
    other: tuple[str, ...] = field(default=())

    def first(self, key: str) -> str | None:
        found = self.lines.get(key, ())
        return found[0] if found else None


def recognise(columns: Sequence[str]) -> Recognition:
    """Sort the columns of a CEC table into identifiers, protocol lines and parties."""
    ids: dict[str, str] = {}
    lines: dict[str, list[str]] = {}
    parties: list[str] = []
    unrecognised: list[str] = []
    for column in columns:
        key = _id_key(column)
        if key is not None and key not in ids:
            ids[key] = column
            continue
        tokens = words(column)
        line = next((line for line in LINES if line.matches(tokens)), None)
        if line is not None:
            lines.setdefault(line.key, []).append(column)
        elif _looks_like_protocol(tokens):
            unrecognised.append(column)
        elif tokens:
            parties.append(column)
    return Recognition(
        ids=ids,
        lines={k: tuple(v) for k, v in lines.items()},
        parties=tuple(parties),
        unrecognised=tuple(unrecognised),
    )
