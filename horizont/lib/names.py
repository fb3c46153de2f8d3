"""Display names that cannot deceive: no invisible or control characters, no look-alikes.

* :func:`name_problems` finds characters that have no place in a name: control and format
  characters (zero-width spaces and joiners, bidirectional overrides and isolates, the
  byte-order mark, soft hyphens), private-use and unassigned code points, line
  separators, blank look-alikes such as the Hangul filler, spaces other than the plain
  one, and piles of combining marks.
* :func:`skeleton` maps a name to a form in which look-alikes coincide ("Lеna" with a
  Cyrillic е, "Lena", "LENA", "Ⅼena" all give the same), built on Unicode's confusables
  table (UTS #39) as shipped by the ``confusable_homoglyphs`` package. Two names with the
  same skeleton are confusable.
* :func:`impersonates_role` spots names that claim a role of the site ("Demo admin",
  "Модератор", "Koordynator", "Horizont team") in any of the four languages.
"""

from __future__ import annotations

import unicodedata
from functools import cache

_BANNED_CATEGORIES = {
    "Cc": "control character",
    "Cf": "invisible formatting character",
    "Co": "private-use character",
    "Cs": "surrogate",
    "Cn": "unassigned character",
    "Zl": "line separator",
    "Zp": "paragraph separator",
}
# Letters and symbols that render as nothing or as blank space.
_BLANK_LOOKALIKES = {"\u115f", "\u1160", "\u3164", "\uffa0", "\u2800", "\u180e", "\u17b4", "\u17b5"}
_MAX_COMBINING_IN_A_ROW = 2

# Words that claim a role of the site, compared by skeleton: whole words …
ROLE_WORDS = (
    "admin", "admins", "root", "sysop", "staff", "support", "webmaster", "official",
    "horizont",  # en
    "mitarbeiter", "offiziell",  # de
    "wsparcie", "oficjalny",  # pl
    "админ", "админы", "поддержка", "сотрудник", "горизонт",  # ru
)  # fmt: skip
# … and beginnings of words (every inflection in the four languages).
ROLE_STEMS = (
    "administr", "moderator", "coordinator", "koordinator", "koordynator",
    "администр", "модератор", "координатор", "официальн",
)  # fmt: skip


def name_problems(name: str) -> list[str]:
    """Descriptions of the characters in ``name`` that a display name may not hold."""
    problems: list[str] = []
    combining_run = 0
    for char in name:
        category = unicodedata.category(char)
        if category in _BANNED_CATEGORIES:
            problems.append(f"U+{ord(char):04X} ({_BANNED_CATEGORIES[category]})")
        elif char in _BLANK_LOOKALIKES or (category == "Zs" and char != " "):
            problems.append(f"U+{ord(char):04X} (blank character)")
        combining_run = combining_run + 1 if category.startswith("M") else 0
        if combining_run == _MAX_COMBINING_IN_A_ROW + 1:
            problems.append("too many combining marks on one letter")
    return problems


def _clean(text: str) -> str:
    return text.replace("\u200e", "").replace("\u200f", "")


@cache
def _prototypes() -> dict[str, str]:
    """Each confusable character mapped to one representative of its class: a single
    ASCII character where the class has one, else its lowest code point."""
    from confusable_homoglyphs import confusables  # 0.9 MB of JSON: load when first needed

    table: dict[str, str] = {}
    for key, entries in confusables.confusables_data.items():
        char = _clean(key)
        if len(char) != 1:
            continue
        members = {char} | {_clean(e["c"]) for e in entries if len(_clean(e["c"])) == 1}
        table[char] = min(members, key=lambda c: (not c.isascii(), ord(c)))
    return table


def _map(text: str) -> str:
    table = _prototypes()
    return "".join(table.get(char, char) for char in text)


def skeleton(name: str) -> str:
    """A form of ``name`` in which confusable names coincide (case-insensitive, spacing
    collapsed, look-alike letters of other scripts and styles mapped together)."""
    text = unicodedata.normalize("NFKC", name)
    text = "".join(c for c in text if not unicodedata.category(c).startswith(("C", "M")))
    text = " ".join(text.split())
    return _map(_map(text).casefold())


def _words(text: str) -> list[str]:
    word = []
    words = []
    for char in text + " ":
        if char.isalnum():
            word.append(char)
        elif word:
            words.append("".join(word))
            word = []
    return words


def _variants(word: str) -> set[str]:
    return {skeleton(word), skeleton(word.upper()), skeleton(word.capitalize())}


@cache
def _role_skeletons() -> tuple[frozenset[str], tuple[str, ...]]:
    words = frozenset(v for word in ROLE_WORDS for v in _variants(word))
    stems = tuple(sorted({v for stem in ROLE_STEMS for v in _variants(stem)}))
    return words, stems


def impersonates_role(name: str) -> bool:
    """Whether a word of ``name`` claims a role of the site ("Demo admin", "Модератор")."""
    words, stems = _role_skeletons()
    candidates = _words(skeleton(name)) + _words(skeleton(name.replace(" ", "")))
    return any(word in words or word.startswith(stems) for word in candidates)
