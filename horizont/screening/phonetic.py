"""Phonetic keys that make spellings of one name in different scripts meet.

A key is computed from the Cyrillic reading of a word (see
:func:`horizont.screening.translit.to_cyrillic`) by mapping letters to coarse sound
classes: ж/ш/щ are one class (German writes both ж and ш as *sch*), з and с are one,
и/й/ы one, е/ё/э one; soft and hard signs vanish, doubled letters collapse, and a
*y*-glide between vowels disappears (Dostoïevski, Dostoyevsky, Dostojewski).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Final

from horizont.screening.translit import READINGS, to_cyrillic

_CLASS: Final = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "w",
    "з": "s", "и": "i", "й": "i", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o",
    "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "h", "ц": "c",
    "ч": "q", "ш": "w", "щ": "w", "ъ": "", "ы": "i", "ь": "", "э": "e", "ю": "iu",
    "я": "ia", "і": "i", "ї": "i", "є": "e", "ґ": "g", "ў": "v",
}  # fmt: skip
_CLASS_TABLE: Final = str.maketrans(_CLASS)
_KEY_VOWELS: Final = frozenset("aeiou")


def cyrillic_key(word: str) -> str:
    """Phonetic key of a lower-case Cyrillic word (Latin letters and digits kept)."""
    raw = word.translate(_CLASS_TABLE)
    out: list[str] = []
    for i, c in enumerate(raw):
        if out and out[-1] == c:
            continue  # doubled letters: Aleksandr / Alexsandr, Massa / Masa
        if (
            c == "i"
            and out
            and out[-1] in _KEY_VOWELS
            and i + 1 < len(raw)
            and raw[i + 1] in _KEY_VOWELS
        ):
            continue  # glide between vowels
        out.append(c)
    return "".join(out)


@lru_cache(maxsize=300_000)
def phonetic_key(word: str, reading: str = "universal") -> str:
    """Phonetic key of one lower-case word in any script, read under ``reading``."""
    if word.isdigit():
        return word
    return cyrillic_key(to_cyrillic(word, reading))


# An h after a vowel at a word's end (Sarah, Abdullah, Persian -zadeh: ه) or in ohn
# (John) is not said: Russian writes Сара, Абдулла, Хаджизаде, Джон.
_SILENT_H: Final = re.compile(r"(?<=[aeiou])h$|(?<=o)h(?=n)")


@lru_cache(maxsize=300_000)
def phonetic_keys(word: str) -> frozenset[str]:
    """Keys of ``word`` under every reading, and, where it has an h that is not said,
    its English reading without it; a Cyrillic word has exactly one."""
    if word.isdigit() or not word.isascii() and _is_cyrillic(word):
        return frozenset((phonetic_key(word),))
    keys = {phonetic_key(word, reading) for reading in READINGS}
    unsaid = _SILENT_H.sub("", word)
    if unsaid != word and len(unsaid) >= 2:
        keys.add(phonetic_key(unsaid, "english"))
    return frozenset(keys)


def _is_cyrillic(word: str) -> bool:
    return any("\u0400" <= c <= "\u04ff" for c in word)
