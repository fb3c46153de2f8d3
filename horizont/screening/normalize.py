"""Normalization of names and identifiers before they are indexed or compared.

Names: Unicode compatibility forms, case, punctuation, honorifics and legal forms
(LLC, OOO/ООО, GmbH, Sp. z o.o., AO, PAO ...) are removed; name order does not matter to
the scorer; patronymics are recognized so that a query without one still matches.
Identifiers: upper case, letters and digits only (RA-02791 = RA02791 = ra 02791), an
IMO number only with a valid check digit.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Final

from horizont.screening.phonetic import phonetic_key, phonetic_keys

_SPECIAL_FOLD: Final = str.maketrans(
    {"ß": "ss", "ø": "o", "æ": "ae", "œ": "oe", "đ": "d", "ı": "i", "þ": "th", "ð": "d"}
)
_KEEP_MARKS: Final = frozenset("żźśćńłóęąžščŝëèéêâûïüöäйё")
_APOSTROPHES: Final = re.compile(r"[’'`´ʹʺʼ‘\u02bb\u02bf\u02be]")
_NON_WORD: Final = re.compile(r"[^\w]+|_")

HONORIFICS: Final = frozenset(
    """mr mrs ms miss mx dr prof sir dame lord lady herr frau pan pani pana panem
    monsieur madame mme mlle señor senor sra dott dipl
    sheikh shaykh sheik haji hajji hadji al-haj alhaj mullah maulana maulvi sayyid
    господин госпожа г-н г-жа гражданин""".split()
)

_LEGAL_PHRASES: Final = [
    "limited liability company",
    "limited liability partnership",
    "public joint stock company",
    "closed joint stock company",
    "open joint stock company",
    "joint stock company",
    "public limited company",
    "private limited company",
    "societe anonyme",
    "sociedad anonima",
    "sp z o o",
    "sp zoo",
    "sp k",
    "s a",
    "s a s",
    "s de r l",
    "s a de c v",
    "de c v",
    "co ltd",
    "obshchestvo s ogranichennoy otvetstvennostyu",
    "aktsionernoe obshchestvo",
    "publichnoe aktsionernoe obshchestvo",
    "zakrytoe aktsionernoe obshchestvo",
    "otkrytoe aktsionernoe obshchestvo",
    "общество с ограниченной ответственностью",
    "публичное акционерное общество",
    "закрытое акционерное общество",
    "открытое акционерное общество",
    "акционерное общество",
    "автономная некоммерческая организация",
    "некоммерческая организация",
    "mbh",
    "gmbh co kg",
]
LEGAL_FORMS: Final = frozenset(
    """llc llp lp ltd limited inc incorporated corp corporation co company plc gmbh ag kg
    ug ohg ev sa sas sarl srl spa bv nv ab as oy jsc ojsc cjsc pjsc ooo ao zao oao pao
    tov pat fzco fze fzc fz llc dmcc pte pty bhd sdn lda ltda eood ead ad doo
    ооо ао зао оао пао нко ано тов ип""".split()
)
PARTICLES: Final = frozenset(
    "al el bin ibn bint abu abd de da del della der van von den la le di du dos das".split()
)
_PATRONYMIC_KEYS: Final = ("oviq", "eviq", "ovna", "evna", "iqna", "iniqna")


def fold(text: str) -> str:
    """Lower-case ``text``, unify Unicode forms and drop diacritics that carry no meaning.

    Diacritics that one transliteration convention uses (ż, š, ë ...) and the Cyrillic
    letters й/ё are kept: the phonetic key reads them.
    """
    text = unicodedata.normalize("NFKC", text).casefold().translate(_SPECIAL_FOLD)
    out: list[str] = []
    for c in text:
        if c.isascii() or c in _KEEP_MARKS:
            out.append(c)
            continue
        decomposed = unicodedata.normalize("NFD", c)
        base = "".join(d for d in decomposed if not unicodedata.combining(d))
        out.append(base if base else c)
    return unicodedata.normalize("NFC", "".join(out))


def ascii_fold(text: str) -> str:
    """Like :func:`fold`, but with every diacritic removed (for display and exact tests)."""
    decomposed = unicodedata.normalize("NFKD", fold(text))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def tokenize(text: str) -> list[str]:
    """Folded word tokens of a name; apostrophes join, other punctuation splits."""
    folded = _APOSTROPHES.sub("", fold(text))
    return [t for t in _NON_WORD.split(folded) if t]


def _phrase_tokens(phrase: str) -> tuple[str, ...]:
    return tuple(tokenize(phrase))


_LEGAL_SEQUENCES: Final = sorted({_phrase_tokens(p) for p in _LEGAL_PHRASES}, key=len, reverse=True)


@dataclass(frozen=True, slots=True)
class Token:
    """One comparable word of a name.

    ``text`` is the folded word, ``key`` its phonetic key under the lenient reading,
    ``keys`` the keys under every reading, ``weight`` its share in the score
    (particles such as *al*, *bin*, *von* count less) and ``patronymic`` marks a
    Russian patronymic, which a query may leave out.
    """

    text: str
    key: str
    keys: frozenset[str]
    weight: float
    patronymic: bool = False


@dataclass(frozen=True, slots=True)
class NormalizedName:
    """A name reduced to its comparable tokens, and what was removed from it."""

    original: str
    tokens: tuple[Token, ...]
    removed: tuple[str, ...]

    @property
    def text(self) -> str:
        """The comparable tokens joined by spaces."""
        return " ".join(t.text for t in self.tokens)


@lru_cache(maxsize=400_000)
def make_token(word: str, patronymic: bool = False) -> Token:
    """Build a :class:`Token` for a folded word."""
    key = phonetic_key(word)
    weight = 0.4 if word in PARTICLES or len(word) == 1 else 1.0
    return Token(word, key, phonetic_keys(word), weight, patronymic)


def _strip_legal_forms(words: list[str]) -> tuple[list[str], list[str]]:
    removed: list[str] = []
    kept: list[str] = []
    i = 0
    while i < len(words):
        for seq in _LEGAL_SEQUENCES:
            if tuple(words[i : i + len(seq)]) == seq:
                removed.append(" ".join(seq))
                i += len(seq)
                break
        else:
            if words[i] in LEGAL_FORMS:
                removed.append(words[i])
            else:
                kept.append(words[i])
            i += 1
    return kept, removed


@lru_cache(maxsize=200_000)
def normalize_name(text: str) -> NormalizedName:
    """Reduce a name to comparable tokens: honorifics and legal forms go, order stays.

    A name made only of such words keeps them (a company called "AO" stays "ao").
    """
    words = tokenize(text)
    kept, removed = _strip_legal_forms([w for w in words if w not in HONORIFICS])
    removed = [w for w in words if w in HONORIFICS] + removed
    if not kept:
        kept, removed = words, []
    tokens: list[Token] = []
    for i, word in enumerate(kept):
        key = phonetic_key(word)
        is_patronymic = len(kept) >= 3 and i > 0 and len(key) > 5 and key.endswith(_PATRONYMIC_KEYS)
        tokens.append(make_token(word, is_patronymic))
    return NormalizedName(text, tuple(tokens), tuple(removed))


_ID_CHARS: Final = re.compile(r"[^0-9A-Z]")


def normalize_identifier(value: str) -> str:
    """Upper case, letters and digits only: ``ra-02791`` → ``RA02791``."""
    return _ID_CHARS.sub("", ascii_fold(value).upper())


def imo_is_valid(number: str) -> bool:
    """True when ``number`` (with or without an ``IMO`` prefix) has a valid check digit.

    The seventh digit is the last digit of the sum of the first six digits weighted
    7, 6, 5, 4, 3, 2.
    """
    digits = normalize_identifier(number).removeprefix("IMO")
    if len(digits) != 7 or not digits.isdigit():
        return False
    total = sum(int(d) * w for d, w in zip(digits[:6], range(7, 1, -1), strict=True))
    return total % 10 == int(digits[6])
