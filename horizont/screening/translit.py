"""Transliteration between Cyrillic (Russian) and Latin in several conventions.

Forward (:func:`transliterate`) follows the published tables of each convention:

- ``english``: BGN/PCGN-like, as in US/UK lists (Prigozhin, Yevgeniy Viktorovich);
- ``icao``: ICAO Doc 9303 as printed in Russian passports since 2013 (Evgenii);
- ``iso9``: ISO 9:1995, one Latin letter per Cyrillic letter (Prigožin);
- ``german``: Duden (Jewgeni Prigoschin);
- ``french``: usual French press form (Evgueni Prigojine);
- ``polish``: Polish PWN rules (Jewgienij Prigożyn).

Backward (:func:`to_cyrillic`) reads a Latin spelling under one convention, or under
the lenient ``universal`` reading used for list entries whose origin is unknown. The
scorer compares names through :func:`horizont.screening.phonetic.phonetic_key` of the
Cyrillic reading, which makes every convention meet.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Final

SCHEMES: Final = ("english", "icao", "iso9", "german", "french", "polish")
"""Conventions understood by :func:`transliterate` and :func:`to_cyrillic`."""

READINGS: Final = ("universal", *SCHEMES, "ukrainian")
"""Conventions understood by :func:`to_cyrillic` (``universal`` is lenient;
``ukrainian`` reads Ukraine's national romanization back, h for г: Yevhen Pryhozhyn)."""

_VOWELS: Final = set("аеёиоуыэюяaeiouy")
_CYR_EXTRA: Final = {"і": "и", "ї": "йи", "є": "е", "ґ": "г", "ў": "в"}

_BASE: Final = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh",
    "з": "z", "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o",
    "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts",
    "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu",
    "я": "ya",
}  # fmt: skip

_TABLES: Final[dict[str, dict[str, str]]] = {
    "english": {**_BASE, "ё": "yo"},
    "icao": {**_BASE, "й": "i", "ъ": "ie", "ю": "iu", "я": "ia"},
    "iso9": {
        **_BASE, "ё": "ë", "ж": "ž", "й": "j", "х": "h", "ц": "c", "ч": "č", "ш": "š",
        "щ": "ŝ", "ъ": "ʺ", "ь": "ʹ", "э": "è", "ю": "û", "я": "â",
    },
    "german": {
        **_BASE, "в": "w", "ё": "jo", "ж": "sch", "з": "s", "й": "j", "х": "ch", "ц": "z",
        "ч": "tsch", "ш": "sch", "щ": "schtsch", "ю": "ju", "я": "ja",
    },
    "french": {
        **_BASE, "ё": "io", "ж": "j", "й": "ï", "у": "ou", "ч": "tch", "ш": "ch",
        "щ": "chtch", "ю": "iou", "я": "ia",
    },
    "polish": {
        **_BASE, "в": "w", "ё": "io", "ж": "ż", "й": "j", "л": "ł", "х": "ch", "ц": "c",
        "ч": "cz", "ш": "sz", "щ": "szcz", "ю": "iu", "я": "ia",
    },
}  # fmt: skip


def _forward_letter(scheme: str, word: str, i: int) -> str:
    """Latin for ``word[i]`` (lower-case Cyrillic) with each convention's context rules."""
    table = _TABLES[scheme]
    ch = word[i]
    prev = word[i - 1] if i > 0 else ""
    nxt = word[i + 1] if i + 1 < len(word) else ""
    after_vowel = i == 0 or prev in _VOWELS or prev in "ъь"
    if ch == "е":
        if scheme in ("english", "german", "polish") and after_vowel:
            return "ye" if scheme == "english" else "je"
        if scheme == "french" and i > 0 and after_vowel:
            return "ie"
        if scheme == "polish" and prev not in "лжшчщц":
            return "ie"
        return table[ch]
    if scheme in ("polish",) and ch in "яюё" and not after_vowel and prev != "л":
        return {"я": "ia", "ю": "iu", "ё": "io"}[ch]
    if scheme == "polish" and ch in "яюё":
        return {"я": "ja", "ю": "ju", "ё": "jo"}[ch] if after_vowel else table[ch]
    if scheme == "polish" and ch == "л":
        return "l" if nxt in ("е", "ё", "и", "ю", "я", "ь") else "ł"
    if scheme == "polish" and ch == "и" and prev in "жшц":
        return "y"
    if scheme == "english" and ch == "й" and prev in "иы" and nxt == "":
        return "y"
    if scheme in ("german", "french") and ch == "й" and prev == "и" and nxt == "":
        return ""  # Jewgeni, Evgueni
    if scheme == "german" and ch == "с" and prev in _VOWELS and nxt in _VOWELS:
        return "ss"
    if scheme == "french":
        if ch == "с" and prev in _VOWELS and nxt in _VOWELS:
            return "ss"
        if ch == "г" and nxt in ("е", "и", "ы", "э", "ё"):
            return "gu"
        if ch == "н" and prev == "и" and nxt == "":
            return "ne"  # Poutine, Prigojine: final -ин keeps its vowel
        if ch == "й" and prev not in _VOWELS:
            return "i"
    return table.get(ch, ch)


def transliterate(text: str, scheme: str = "english") -> str:
    """Write Russian Cyrillic ``text`` in Latin letters under ``scheme``.

    Latin characters pass through; letters keep their case at word starts.
    """
    if scheme not in _TABLES:
        raise ValueError(f"unknown transliteration scheme {scheme!r}; one of {SCHEMES}")
    out: list[str] = []
    for word in _split_keep(text):
        if not word or not any("\u0400" <= c <= "\u04ff" for c in word):
            out.append(word)
            continue
        lower = "".join(_CYR_EXTRA.get(c, c) for c in word.lower())
        latin = "".join(_forward_letter(scheme, lower, i) for i in range(len(lower)))
        if word.isupper() and len(word) > 1:
            latin = latin.upper()
        elif word[0].isupper():
            latin = latin[:1].upper() + latin[1:]
        out.append(latin)
    return "".join(out)


def _split_keep(text: str) -> list[str]:
    """Split into alternating word and non-word runs, keeping everything."""
    parts: list[str] = []
    current = ""
    in_word = False
    for c in text:
        is_word = c.isalpha()
        if current and is_word != in_word:
            parts.append(current)
            current = ""
        current += c
        in_word = is_word
    if current:
        parts.append(current)
    return parts


# --- Latin -> Cyrillic -------------------------------------------------------------

_COMMON_BACK: Final = {
    "a": "а", "b": "б", "v": "в", "g": "г", "d": "д", "e": "е", "z": "з", "i": "и",
    "k": "к", "l": "л", "m": "м", "n": "н", "o": "о", "p": "п", "r": "р", "s": "с",
    "t": "т", "u": "у", "f": "ф", "h": "х", "y": "ы", "j": "й", "w": "в", "c": "к",
    "q": "к", "x": "кс",
    "zh": "ж", "kh": "х", "ts": "ц", "tz": "ц", "ch": "ч", "sh": "ш", "shch": "щ",
    "tsh": "ч",  # Arabic writes ч as تش (سيتشين, Sechin), as do Bantu names (Tshisekedi)
    "ya": "я", "yu": "ю", "yo": "ё", "ye": "е", "iy": "ий", "yy": "ый",
    "ph": "ф", "ck": "к", "ks": "кс",
    "ž": "ж", "š": "ш", "č": "ч", "ŝ": "щ", "ë": "ё", "è": "э", "é": "е", "ê": "е",
    "â": "я", "û": "ю", "ï": "й", "ł": "л", "ż": "ж", "ź": "з", "ś": "с", "ć": "ц",
    "ń": "н", "ó": "о", "ę": "е", "ą": "а", "ü": "у", "ö": "ё", "ä": "э", "ß": "сс",
    "ʹ": "ь", "ʺ": "ъ", "'": "",
}  # fmt: skip

_BACK: Final[dict[str, dict[str, str]]] = {
    # Lenient reading for list entries of unknown origin: the Slavic reading of each
    # Latin spelling that is unambiguous enough (j as й, w as в, sch as ш, cz as ч).
    "universal": {
        **_COMMON_BACK, "sch": "ш", "tsch": "ч", "tch": "ч", "sz": "ш", "cz": "ч",
        "szcz": "щ", "schtsch": "щ", "ou": "у", "ja": "я", "ju": "ю", "jo": "ё", "je": "е",
        "ia": "ия", "iu": "ию",
    },
    # English spellings of Arabic and Persian names write long vowels doubled
    # (Pooya, Saeed, Yousef): oo and ee are u and i, and j is the sound of Джавад;
    # English th is т in Russian (Smith, Смит; Thomas, Томас).
    "english": {**_COMMON_BACK, "oo": "у", "ee": "и", "ou": "у", "j": "дж", "th": "т"},
    "icao": {**_COMMON_BACK, "ia": "я", "iu": "ю", "ie": "ъе"},
    "iso9": {**_COMMON_BACK, "c": "ц", "h": "х", "j": "й"},
    "german": {
        **_COMMON_BACK, "w": "в", "s": "с", "z": "ц", "ch": "х", "sch": "ш", "tsch": "ч",
        "schtsch": "щ", "ja": "я", "ju": "ю", "jo": "ё", "je": "е", "ss": "с", "v": "в",
        # German names themselves: ü (ue) is ю, ö (oe) ё (Müller, Мюллер; Schröder, Шрёдер)
        "ü": "ю", "ue": "ю", "oe": "ё",
    },
    "french": {
        **_COMMON_BACK, "j": "ж", "ch": "ш", "tch": "ч", "chtch": "щ", "ou": "у",
        "ia": "я", "iou": "ю", "io": "ё", "ie": "ье", "gu": "г", "ss": "с", "ï": "й",
        "kh": "х",
    },
    # Ukraine's national romanization (2010) writes г as h and и as y: a Russian
    # name spelt the Ukrainian way (Yevhen Pryhozhyn) reads back as Евген Пригожин.
    "ukrainian": {
        **_COMMON_BACK, "h": "г", "zgh": "зг", "ye": "е", "yi": "ї", "ie": "е", "iu": "ю",
        "ia": "я", "yu": "ю", "ya": "я", "je": "е", "ju": "ю", "ja": "я",
    },
    # Spanish names as Russian writes them (Хоакин Гусман: Joaquin Guzman; Хорхе):
    # applied only to the names of people and companies of Spanish-speaking countries
    # (see horizont.screening.index), since j, g and h read so elsewhere would make
    # Jan of Han and Jamal of Hamal.
    "spanish": {
        **_COMMON_BACK, "j": "х", "ge": "хе", "gi": "хи", "que": "ке", "qui": "ки",
        "gue": "ге", "gui": "ги", "ll": "ль", "ñ": "нь", "z": "с", "ce": "се", "ci": "си",
        "h": "", "ch": "ч", "y": "й", "ya": "я", "yo": "ё", "yu": "ю", "ye": "е",
    },
    "polish": {
        **_COMMON_BACK, "w": "в", "ch": "х", "cz": "ч", "sz": "ш", "szcz": "щ", "c": "ц",
        "ja": "я", "ju": "ю", "jo": "ё", "je": "е", "ia": "я", "iu": "ю", "io": "ё",
        "ie": "е", "rz": "ж", "y": "ы",
    },
}  # fmt: skip

# Each reading's spellings as one pattern, the longest first: at every place the
# longest spelling a reading knows is read (sch before s, shch before sh).
_BACK_PATTERNS: Final = {
    name: re.compile("|".join(re.escape(k) for k in sorted(table, key=len, reverse=True)))
    for name, table in _BACK.items()
}
_KEEP: Final = frozenset(c for table in _BACK.values() for k in table for c in k)


def _strip_unknown_marks(text: str) -> str:
    """Remove diacritics except those some convention gives a meaning to."""
    out: list[str] = []
    for c in text:
        if c in _KEEP or c.isascii():
            out.append(c)
            continue
        decomposed = unicodedata.normalize("NFKD", c)
        out.append("".join(d for d in decomposed if not unicodedata.combining(d)))
    return "".join(out)


@lru_cache(maxsize=200_000)
def to_cyrillic(word: str, reading: str = "universal") -> str:
    """Read one lower-case Latin ``word`` as Russian Cyrillic under ``reading``.

    Cyrillic letters and digits pass through. This is an approximate inverse meant
    for matching, not for display.
    """
    table = _BACK[reading]
    if not word.isascii():
        word = _strip_unknown_marks(word)
    if reading == "french" and word.endswith("ine") and len(word) > 4:
        word = word[:-1]  # Prigojine, Poutine: the final e only keeps the vowel oral
    if reading == "polish" and word.startswith("ie"):  # no longer Polish spelling opens so
        return "ие" + _BACK_PATTERNS[reading].sub(lambda m: table[m[0]], word[2:])
    return _BACK_PATTERNS[reading].sub(lambda m: table[m[0]], word)
