"""Normalization of names and identifiers before they are indexed or compared.

Names: Unicode compatibility forms, case, punctuation and stray combining marks (the
stress mark in Влади́мир) go; words in scripts other than Latin and Cyrillic are
romanized (:mod:`horizont.screening.scripts`), Chinese and Korean names split into
family and given name; joined words written in camel case (VladimirPutin) are split.
Titles and honorifics are removed and reported; legal forms are *recognized* through
OpenSanctions' ``fingerprints`` data (Aktiengesellschaft = AG, ООО = OOO) and kept
apart from the name words, so that the scorer can compare them. Words that are both a
title or legal form and a real name (Pan, Pat, Ag) count as such only where they stand
as one: a legal form at either end of a name, a title before at least two name words.
Patronymics are recognized so that a query without one still matches.
Identifiers: upper case, letters and digits only (RA-02791 = RA02791 = ra 02791), an
IMO number only with a valid check digit.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Any, Final

from horizont.screening.korean_chinese import chinese_from_hangul
from horizont.screening.myanmar import read_word as read_myanmar
from horizont.screening.palladius import pinyin_from_cyrillic
from horizont.screening.paths import DATA
from horizont.screening.phonetic import phonetic_key, phonetic_keys
from horizont.screening.scripts import (
    ABJADS,
    CYRILLIC_EXTRA,
    FAMILY_FIRST,
    HEBREW_GERESH_MARK,
    NATIVE_CHINESE,
    NATIVE_KOREAN,
    NATIVE_SYLLABLES,
    cyrillic_script,
    east_asian_family,
    korean_from_cyrillic,
    korean_from_other_script,
    korean_reading,
    needs_romanization,
    romanize,
    romanize_korean_name,
    script_of,
    skeleton,
    split_family_first,
)
from horizont.screening.translit import transliterate

_SPECIAL_FOLD: Final = str.maketrans(
    {"ß": "ss", "ø": "o", "æ": "ae", "œ": "oe", "đ": "d", "ı": "i", "þ": "th", "ð": "d"}
)
_KEEP_MARKS: Final = frozenset("żźśćńłóęąžščŝëèéêâûïüöäйёўїѓќ")
# Apostrophes, and the Hebrew geresh and gershayim (פריגוז׳ין, צה״ל) written in their place.
_APOSTROPHES: Final = re.compile(r"[’'`´ʹʺʼ‘\u02bb\u02bf\u02be\u05f3\u05f4]")
# A Hebrew letter with a geresh (ג׳ for j) keeps it as a mark inside the word.
_HEBREW_GERESH: Final = re.compile(r"([גזצץחתדע])[’'`´ʹʼ\u05f3]")
# A word is a run of letters, digits and combining marks (Indic vowel signs are marks).
_WORD: Final = re.compile(
    r"(?:[^\W_]|[\u0300-\u036f\u0483-\u0489\u0591-\u05c7\u0610-\u061a"
    r"\u064b-\u065f\u0670\u06d6-\u06ed\u0900-\u0dff\u0e31-\u0e4e"
    r"\u0eb1-\u0ecd\u102b-\u103e\u1056-\u1059\u1ab0-\u1aff\u20d0-\u20ff\u3099\u309a])+"
)
# Dotted abbreviations are one word: A.B.C., J.P., p.l.c., U.K. (not "В. В."); two or
# three Cyrillic letters are initials (Пригожин Е.В.): Russian writes its abbreviations
# without dots (ООО, ПАО).
_DOTTED: Final = re.compile(r"(?<![^\W_])(?:[^\W\d_]\.){2,}[^\W\d_]?(?![^\W_])")
# Camel case (VladimirPutin), and a word in capitals after or before a capitalized one
# (GUPTAAjay, SergeiAKSENOV: surname and given name written together as the lists
# write them).
_CAMEL: Final = re.compile(
    r"(?<=[a-zà-ÿа-яё]{2})(?=[A-ZÀ-ÞА-ЯЁ][a-zà-ÿа-яё]{2})"
    r"|(?<=[A-ZÀ-ÞА-ЯЁ]{2})(?=[A-ZÀ-ÞА-ЯЁ][a-zà-ÿа-яё]{2})"
    r"|(?<=[a-zà-ÿа-яё]{2})(?=[A-ZÀ-ÞА-ЯЁ]{3}|[A-ZÀ-ÞА-ЯЁ]{2}(?![^\W\d_]))"
)
# Numbers written in English words or as ordinals compare as digits: Brigade Forty-Four
# = Brigade 44, 1st = First = 1.
_UNITS: Final = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}  # fmt: skip
_TENS: Final = {
    "twenty": 20, "thirty": 30, "forty": 40, "fourty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
}  # fmt: skip
_ORDINALS: Final = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
    "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12,
}  # fmt: skip
_TENS_WORDS: Final = "|".join(_TENS)
_UNIT_WORDS: Final = "|".join(list(_UNITS)[1:10] + list(_ORDINALS)[:9])
_ALONE_WORDS: Final = "|".join([*_UNITS, *_ORDINALS])
_NUMBER_WORDS: Final = re.compile(
    rf"(?<![^\W_])(?:(?P<tens>{_TENS_WORDS})(?:[-\s](?P<unit>{_UNIT_WORDS}))?"
    rf"|(?P<alone>{_ALONE_WORDS})|(?P<digits>\d+)(?:st|nd|rd|th))(?![^\W_])",
    re.IGNORECASE,
)


def _as_digits(match: re.Match[str]) -> str:
    if match.group("digits"):
        return match.group("digits")
    if match.group("alone"):
        word = match.group("alone").lower()
        return str(_UNITS.get(word, _ORDINALS.get(word)))
    unit = match.group("unit")
    ones = (_UNITS.get(unit.lower()) or _ORDINALS[unit.lower()]) if unit else 0
    return str(_TENS[match.group("tens").lower()] + ones)


# Titles and honorifics. Words that are also common names or name parts (Pan, Lord,
# Haji, Sayyid ...) are in AMBIGUOUS_TITLES and removed only before two more words.
TITLES: Final = frozenset(
    """mr mrs ms miss mx dr prof professor sir dame herr frau monsieur madame mme mlle
    señor senor senora sra sr dott dipl ing mag phd md esq rev reverend hon honorable
    president prasident praesident prezydent presidente premier minister ministre
    general gen col colonel maj major capt captain lt lieutenant adm admiral sgt
    ambassador sheikh shaykh sheik shaikh mullah maulana maulvi mawlawi imam ayatollah
    hojatoleslam emir amir prince princess king queen sultan
    господин госпожа г-н г-жа гражданин президент министр генерал полковник""".split()
)
AMBIGUOUS_TITLES: Final = frozenset(
    "pan pani pana panem lord lady haji hajji hadji alhaj sayyid sayed said mir".split()
)
HONORIFICS: Final = TITLES | AMBIGUOUS_TITLES
ARTICLES: Final = frozenset({"the"})
COMPOUND_WEIGHT: Final = 0.5
"""Weight of each part of a hyphenated word (KONSOL-STROI): the two make one word."""
PARTICLES: Final = frozenset(
    "al el bin ibn bint abu abd de da del della der van von den la le di du dos das".split()
)
_PATRONYMIC_KEYS: Final = ("oviq", "eviq", "ovna", "evna", "iqna", "iniqna")

# Legal forms that mean "company with limited liability" and those that mean "stock
# corporation": two names that differ only in a form from each family are two
# different companies (Deutsche Bank AG, Deutsche Bank GmbH). Other forms, and a form
# on one side only, say nothing.
LIMITED_FORMS: Final = frozenset(
    "gmbh llc ooo ltd spzoo sarl srl bv doo sro too llp pty mmc kft tov bvba eood ood "
    "sprl eurl".split()
)
STOCK_FORMS: Final = frozenset(
    "ag ao sa plc nv oao zao pao rao spa as ab oy oyj ad ead se kk sas".split()
)


def fold(text: str) -> str:
    """Lower-case ``text``, unify Unicode forms and drop diacritics that carry no meaning.

    Diacritics that one transliteration convention uses (ż, š, ë ...) and the Cyrillic
    letters й/ё are kept: the phonetic key reads them. Stray combining marks (a stress
    mark over a Cyrillic vowel) go.
    """
    text = unicodedata.normalize("NFKC", text).casefold().translate(_SPECIAL_FOLD)
    text = unicodedata.normalize("NFC", text)
    out: list[str] = []
    for c in text:
        if c.isascii() or c in _KEEP_MARKS:
            out.append(c)
            continue
        if unicodedata.combining(c) or unicodedata.category(c) == "Cf":
            continue
        decomposed = unicodedata.normalize("NFD", c)
        base = "".join(d for d in decomposed if not unicodedata.combining(d))
        out.append(base if base else c)
    return unicodedata.normalize("NFC", "".join(out))


def ascii_fold(text: str) -> str:
    """Like :func:`fold`, but with every diacritic removed (for display and exact tests)."""
    decomposed = unicodedata.normalize("NFKD", fold(text))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@dataclass(frozen=True, slots=True)
class Word:
    """A word of a name as written, folded, and the script it was written in."""

    text: str
    script: str
    compound: bool = False
    """One of two words joined by a hyphen (KONSOL-STROI, Jean-Pierre): each counts half."""


def _undotted(match: re.Match[str]) -> str:
    letters = match.group(0).replace(".", "")
    if len(letters) <= 3 and script_of(letters) == "cyrillic":
        return " ".join(letters)
    return letters


def words_of(text: str) -> list[Word]:
    """Folded words of a name; romanized where the script is not Latin or Cyrillic."""
    text = unicodedata.normalize("NFKC", text).replace("\u200c", "")  # Persian ZWNJ
    text = _HEBREW_GERESH.sub(r"\1" + HEBREW_GERESH_MARK, text)
    text = _APOSTROPHES.sub("", text)
    text = _DOTTED.sub(_undotted, text)
    text = _CAMEL.sub(" ", text)
    text = _NUMBER_WORDS.sub(_as_digits, text)
    out: list[Word] = []
    matches = list(_WORD.finditer(text))
    korean = korean_from_other_script([m.group(0) for m in matches])
    if korean is not None:  # კიმ ჩენ ინი: KIM Jong Un
        return [Word(w, NATIVE_KOREAN) for w in korean]
    compound = _compound_parts(text, matches)
    spaced_han = _spaced_han_name(text, matches)
    for number, match in enumerate(matches):
        raw = match.group(0)
        if needs_romanization(raw):
            script = script_of(raw)
            article, raw = _article(raw, script)
            if article:
                out.append(Word(article, script))
                if not raw:
                    continue
            if script == "myanmar":  # a syllable is a word (မင်းအောင်လှိုင်: Min Aung Hlaing)
                out.extend(Word(w, script) for w in read_myanmar(raw))
                continue
            parts = split_family_first(raw) if len(matches) == 1 else [raw]
            if script == "hangul" and len(parts) > 1:
                out.extend(Word(w, NATIVE_KOREAN) for w in romanize_korean_name(parts) if w)
                continue
            native = script == "han" and (len(parts) > 1 or spaced_han)
            for part in parts:
                romanized = romanize(part, foreign=not native)
                if romanized:
                    out.append(Word(romanized, NATIVE_CHINESE if native else script))
            continue
        folded = fold(raw)
        for piece in re.split(r"[^\w]+|_", folded):
            if piece:
                script = "latin" if script_of(piece) != "cyrillic" else cyrillic_script(piece)
                out.append(Word(piece, script, number in compound))
    if out and all(w.script.startswith("cyrillic") for w in out):
        korean = korean_from_cyrillic([w.text for w in out])
        if korean is not None:  # Ким Чен Ын: KIM Jong Un
            return [Word(w, NATIVE_KOREAN) for w in korean]
        chinese = pinyin_from_cyrillic([w.text for w in out])
        if chinese is not None:  # Си Цзиньпин: XI Jinping
            return [Word(w, "latin") for w in chinese]
    return out


def _spaced_han_name(text: str, matches: list[re.Match[str]]) -> bool:
    """Whether the name is two or three words of one to three Han characters apart by
    spaces only: a Chinese or Japanese name written family name first (王 小明, 山口
    健一), read as one, not as a foreign name spelt in characters, whose parts a middle
    dot divides (巴沙尔·阿萨德)."""
    if not 2 <= len(matches) <= 3:
        return False
    if any(not 1 <= len(m.group(0)) <= 3 or script_of(m.group(0)) != "han" for m in matches):
        return False
    return all(
        not text[a.end() : b.start()].strip() for a, b in zip(matches, matches[1:], strict=False)
    )


_HYPHENS: Final = frozenset({"-", "\u2010", "\u2011"})
# The Arabic article written as a word of its own (Hebrew אל, Japanese アル, エル) or,
# in Arabic script, joined to the next word (الأسد: al-Asad); the lists write AL-ASSAD.
_ARTICLE_WORDS: Final = {"אל": "al", "アル": "al", "エル": "el"}
_ARABIC_ARTICLE: Final = "\u0627\u0644"  # ال
# A word with letters Arabic lacks is Persian (or a foreign name written in Persian):
# its ال is no article (الکساندر: Alexander), unless it also has a letter only Arabic
# words use: Persian writes ی and ک in Arabic names too (الظواهری: al-Zawahiri).
_PERSIAN_LETTERS: Final = frozenset("پچژگکی")
_PERSIAN_ONLY: Final = frozenset("پچژگ")
_ARABIC_ONLY: Final = frozenset("ثحذصضطظعغق")


def _romanized(word: Word) -> bool:
    """Romanized from a script other than Latin and Cyrillic."""
    return word.script != "latin" and not word.script.startswith("cyrillic")


def _article(raw: str, script: str) -> tuple[str, str]:
    """The article ``raw`` is or begins with (romanized), and what is left of it."""
    if raw in _ARTICLE_WORDS:
        return _ARTICLE_WORDS[raw], ""
    if (
        script == "arabic"
        and raw.startswith(_ARABIC_ARTICLE)
        and len(raw) >= 5
        and not _PERSIAN_ONLY.intersection(raw)
        and (_ARABIC_ONLY.intersection(raw) or not _PERSIAN_LETTERS.intersection(raw))
    ):
        return "al", raw[2:]
    return "", raw


def _compound_parts(text: str, matches: list[re.Match[str]]) -> set[int]:
    """Numbers of the matches that form a two-part word with a hyphen (KONSOL-STROI,
    Tae-Chol), both parts of three letters or more and neither a particle (Al-Aqsa) nor
    part of a longer chain (South-South-Cooperation)."""
    found: set[int] = set()
    for n in range(len(matches) - 1):
        a, b = matches[n], matches[n + 1]
        if text[a.end() : b.start()] not in _HYPHENS:
            continue
        chained = (n > 0 and text[matches[n - 1].end() : a.start()] in _HYPHENS) or (
            n + 2 < len(matches) and text[b.end() : matches[n + 2].start()] in _HYPHENS
        )
        words = (fold(a.group(0)), fold(b.group(0)))
        if chained or any(len(w) < 3 or not w.isalpha() or w in PARTICLES for w in words):
            continue
        found.update((n, n + 1))
    return found


def tokenize(text: str) -> list[str]:
    """Folded word tokens of a name; apostrophes join, other punctuation splits."""
    return [w.text for w in words_of(text)]


LEGAL_FORMS_FILE: Final = DATA / "legal_forms.json"
"""OpenSanctions' legal-form table from the ``fingerprints`` package (MIT licence),
copied by ``scripts/update_legal_forms.py`` so that the engine needs no ICU library."""


ORG_WORDS_FILE: Final = DATA / "org_words.json"
"""Words of organisation names that OpenSanctions' ``rigour`` reads as generic (MGMT,
TRADE, BANK, OIL, a place, a legal form), copied by ``scripts/update_org_words.py``."""
ORG_WORDS: Final[frozenset[str]] = frozenset(
    json.loads(ORG_WORDS_FILE.read_text(encoding="utf-8"))["words"]
)


def _fingerprints_types() -> list[dict[str, Any]]:
    """The legal-form table: canonical form (``main``) and its spellings (``forms``)."""
    data: dict[str, Any] = json.loads(LEGAL_FORMS_FILE.read_text(encoding="utf-8"))
    types: list[dict[str, Any]] = data["types"]
    return types


NOT_LEGAL_FORMS: Final = frozenset({"intl", "imp", "exp", "ent", "ins", "loj", "tes", "tic", "san"})
"""Entries of the fingerprints table that abbreviate ordinary words of company names
(International, Import, Export, Enterprise; Turkish İnşaat, Lojistik, Tesisat, Ticaret,
Sanayi), not legal forms: "Barakat Import Export Ltda" keeps its words."""


_ROMAN_UNITS: Final = ("", "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix")
ROMAN_NUMERALS: Final = frozenset(
    tens + unit for tens in ("", "x", "xx", "xxx") for unit in _ROMAN_UNITS if tens + unit
)
"""Roman numerals up to 39, as they number vessels, companies and generations."""


def _legal_table() -> dict[tuple[str, ...], str]:
    table: dict[tuple[str, ...], str] = {}
    for entry in _fingerprints_types():
        main = "".join(tokenize(entry["main"]))
        if main in NOT_LEGAL_FORMS:
            continue
        for form in [entry["main"], *entry["forms"]]:
            words = tuple(tokenize(form))
            # II (Moldovan Întreprindere Individuală) written alone is a Roman numeral
            # far more often: BICENTENARIO II keeps its number.
            if words and main and not (len(words) == 1 and words[0] in ROMAN_NUMERALS):
                table[words] = main
    for extra, main in (
        ("pjsc", "pao"),
        ("ojsc", "oao"),
        ("cjsc", "zao"),
        ("jsc", "ao"),
        ("inc", "inc"),
        ("corp", "corp"),
        ("co", "co"),
        ("sp k", "spk"),
        ("sp z o o", "spzoo"),
        ("fzco", "fzco"),
        ("fze", "fze"),
        ("fzc", "fzc"),
        ("dmcc", "dmcc"),
        ("pte", "pte"),
        ("ug", "ug"),
        ("ltda", "ltd"),
        ("ano", "ano"),
        ("нко", "nko"),
        ("ип", "ip"),
    ):
        table[tuple(tokenize(extra))] = main
    return table


LEGAL_FORMS: Final = _legal_table()
LEGAL_WORDS: Final = {words[0]: main for words, main in LEGAL_FORMS.items() if len(words) == 1}
"""One-word legal forms, for a form written inside a name (Kattan LLC Wassim)."""
_LEGAL_MAXLEN: Final = max(len(k) for k in LEGAL_FORMS)


@dataclass(frozen=True, slots=True)
class Token:
    """One comparable word of a name.

    ``text`` is the folded (romanized) word, ``key`` its phonetic key under the lenient
    reading, ``keys`` the keys under every reading, ``skeleton`` its consonant skeleton,
    ``weight`` its share in the score (particles such as *al*, *bin*, *von* count less),
    ``patronymic`` marks a Russian patronymic, which a query may leave out, and
    ``script`` the script the word was written in.
    """

    text: str
    key: str
    keys: frozenset[str]
    weight: float
    patronymic: bool = False
    skeleton: str = ""
    script: str = "latin"
    initial: str = ""
    heard: str = ""
    """The word as it sounds where its spelling says otherwise (a Spanish name:
    joaquin, khoakin), for the comparisons across scripts; else empty."""

    def __reduce__(self) -> tuple[type[Token], tuple[object, ...]]:
        # Unpickled for every name a query reaches in a stored index: the constructor
        # is twice as fast as the generic dataclass state.
        return (
            Token,
            (self.text, self.key, self.keys, self.weight, self.patronymic, self.skeleton,
             self.script, self.initial, self.heard),
        )  # fmt: skip

    @property
    def foreign(self) -> bool:
        """Written in a script other than Latin or Cyrillic (romanized for matching); a
        Chinese name read in pinyin is compared as Latin words are."""
        return self.script not in ("latin", "cyrillic", NATIVE_CHINESE)

    @property
    def abjad(self) -> bool:
        """Written in a script that leaves out most vowels (Arabic, Hebrew ...)."""
        return self.script in ABJADS


_NONE: Final[frozenset[str]] = frozenset()


@dataclass(frozen=True, slots=True)
class NormalizedName:
    """A name reduced to its comparable tokens, its legal forms, and what was removed."""

    original: str
    tokens: tuple[Token, ...]
    removed: tuple[str, ...]
    legal_forms: tuple[str, ...] = ()
    foreign: bool = field(init=False, repr=False, compare=False)
    """Some word is romanized from a script other than Latin and Cyrillic."""
    repeated: frozenset[str] = field(init=False, repr=False, compare=False)
    """Words the name has more than once (MOHAMED MOHAMED ALI)."""

    def __post_init__(self) -> None:
        object.__setattr__(self, "foreign", any(t.foreign for t in self.tokens))
        texts = [t.text for t in self.tokens]
        if len(set(texts)) < len(texts):
            object.__setattr__(self, "repeated", frozenset(t for t in texts if texts.count(t) > 1))
        else:
            object.__setattr__(self, "repeated", _NONE)

    def __reduce__(self) -> tuple[type[NormalizedName], tuple[object, ...]]:
        return (NormalizedName, (self.original, self.tokens, self.removed, self.legal_forms))

    @property
    def text(self) -> str:
        """The comparable tokens joined by spaces."""
        return " ".join(t.text for t in self.tokens)

    @property
    def family_first(self) -> bool:
        """Written in a script whose names put the family name first (CJK)."""
        return bool(self.tokens) and self.tokens[0].script in FAMILY_FIRST


@lru_cache(maxsize=400_000)
def english_reading(cyrillic: str) -> str:
    """A Cyrillic word in the English transliteration (for skeletons and comparisons)."""
    return transliterate(cyrillic.translate(CYRILLIC_EXTRA), "english").lower()


def make_token(
    word: str, patronymic: bool = False, script: str = "latin", compound: bool = False
) -> Token:
    """Build a :class:`Token` for a folded word (half weight as a part of a compound)."""
    key = phonetic_key(word.translate(CYRILLIC_EXTRA))
    # A particle or an initial weighs less; a syllable of a Chinese or Korean name (오
    # O, 우 U) is a whole word.
    short = (word in PARTICLES or len(word) == 1) and script not in NATIVE_SYLLABLES
    weight = 0.4 if short else 1.0
    if compound:
        weight *= COMPOUND_WEIGHT
    if script.startswith("cyrillic"):
        latin = english_reading(word)
    else:
        latin = word
    bone = skeleton(latin, abjad=script in ABJADS)
    initial = ascii_fold(latin[:1])
    keys = phonetic_keys(word.translate(CYRILLIC_EXTRA))
    return Token(word, key, keys, weight, patronymic, bone, script, initial)


def _legal_at(
    words: list[str], start: int, glued: frozenset[int] = frozenset()
) -> tuple[int, str] | None:
    for size in range(min(_LEGAL_MAXLEN, len(words) - start), 0, -1):
        if start + size in glued:
            continue
        main = LEGAL_FORMS.get(tuple(words[start : start + size]))
        if main is not None:
            return size, main
    return None


def _glued(words: list[Word]) -> frozenset[int]:
    """Positions between the two halves of a hyphenated word (STG-EKO: 1), where no
    legal form may begin or end."""
    found: set[int] = set()
    run = 0
    for i, word in enumerate(words):
        run = run + 1 if word.compound else 0
        if run % 2 == 0 and run:
            found.add(i)
    return frozenset(found)


def _split_legal_forms(
    words: list[str], glued: frozenset[int] = frozenset(), *, at_start: bool = True
) -> tuple[int, int, list[str], list[str]]:
    """Legal forms at the end and, unless ``at_start`` is false, at the start of a name
    (never in its middle, never half of a hyphenated word: OOO STG-EKO)."""
    forms: list[str] = []
    removed: list[str] = []
    end = len(words)
    changed = True
    while changed and end > 1:
        changed = False
        for size in range(min(_LEGAL_MAXLEN, end - 1), 0, -1):
            if end - size in glued:
                continue
            main = LEGAL_FORMS.get(tuple(words[end - size : end]))
            if main is not None:
                forms.append(main)
                removed.append(" ".join(words[end - size : end]))
                end -= size
                changed = True
                break
    start = 0
    while at_start and start < end - 1:
        found = _legal_at(words[:end], start, glued)
        if found is None or found[0] >= end - start:
            break
        size, main = found
        forms.append(main)
        removed.append(" ".join(words[start : start + size]))
        start += size
    return start, end, forms, removed


@lru_cache(maxsize=200_000)
def normalize_name(text: str, *, person: bool = False) -> NormalizedName:
    """Reduce a name to comparable tokens: titles go, legal forms are set apart, order
    stays. A name made only of such words keeps them (a company called "AO" stays "ao").
    A name known to be a ``person``'s has no legal forms (PAO YU LIANG keeps PAO, YU).
    """
    words = _unglued_form(_drop_repeats(words_of(text)))
    if len(words) > 2 and words[0].text in ARTICLES:
        words = words[1:]
    plain = [w.text for w in words]
    removed: list[str] = []
    first = 0
    # A legal form marks an organisation: GENERAL PETROLEUM CORPORATION and KING ROMANS
    # COMPANY LIMITED keep their first words (titles belong to people's names).
    glued = _glued(words)
    # A family name before its comma is neither a title nor a legal form (SULTAN, Ahmed;
    # PAO, Yu Liang).
    surname_first = bool(_SURNAME_FIRST.match(text))
    organisation = (
        not person
        and len(plain) > 1
        and bool(_split_legal_forms(plain, glued, at_start=not surname_first)[2])
    )
    while first < len(plain) - 1 and not organisation:
        word = plain[first]
        if first == 0 and surname_first:
            break
        if _is_title(word, len(plain) - first - 1):
            removed.append(word)
            first += 1
            continue
        break
    forms: list[str] = []
    legal_removed: list[str] = []
    if all(w.script == NATIVE_KOREAN for w in words) and len(words) <= 4:
        start, end = 0, len(plain) - first  # 박봉주: Ju is a name, not a legal form
    elif person or all(_romanized(w) for w in words):  # أسد reads sd, not a legal form
        start, end = 0, len(plain) - first
    elif all(w.script == "latin" for w in words) and east_asian_family(tuple(plain[first:])):
        start, end = 0, len(plain) - first  # Hui Yu, Ma Na: Yu and Na are no legal forms
    else:
        shifted = frozenset(g - first for g in glued if g > first)
        start, end, forms, legal_removed = _split_legal_forms(
            plain[first:], shifted, at_start=not surname_first
        )
    kept = words[first + start : first + end]
    removed.extend(legal_removed)
    if not kept:
        kept, removed, forms = words, [], []
    if any(w.script == "cyrillic-other" for w in kept):  # Belarusian Сяргей next to Лаўроў
        kept = [
            Word(w.text, "cyrillic-other", w.compound) if w.script == "cyrillic" else w
            for w in kept
        ]
    tokens: list[Token] = []
    for i, kept_word in enumerate(kept):
        key = phonetic_key(kept_word.text.translate(CYRILLIC_EXTRA))
        is_patronymic = len(kept) >= 3 and i > 0 and len(key) > 5 and key.endswith(_PATRONYMIC_KEYS)
        tokens.append(
            make_token(kept_word.text, is_patronymic, kept_word.script, kept_word.compound)
        )
    return NormalizedName(text, tuple(tokens), tuple(removed), tuple(forms))


KOREAN_READING_NOTE: Final = "read as a Korean name: "
"""Opens the note of a match found through the Korean reading of a name in Han
characters; the Hangul reading follows (read as a Korean name: 김정은)."""
CHINESE_READING_NOTE: Final = "read as a Chinese name: "
"""Opens the note of a match found through the Chinese reading of a name in Hangul;
the pinyin follows (read as a Chinese name: xi jinping)."""


def reading_notes(query: str, reading: str) -> tuple[str, ...]:
    """The note a match found through ``reading`` (the text a reading of the query
    normalized) carries: none for the query as written, the Korean reading of a name in
    Han characters (in Hangul), the Chinese reading of a name in Hangul (in pinyin)."""
    if reading == query:
        return ()
    note = CHINESE_READING_NOTE if reading.isascii() else KOREAN_READING_NOTE
    return (note + reading,)


def name_readings(text: str) -> tuple[NormalizedName, ...]:
    """:func:`normalize_name` of the text, and of its second reading where its script
    has two: a name in Han characters may be Chinese or Korean (金正恩 is *jin zhengen*
    in pinyin and 김정은, KIM Jong Un, in Korean; see
    :func:`horizont.screening.scripts.korean_reading`), and one in Hangul Korean or
    Chinese (시진핑, XI Jinping; see :func:`chinese_reading`)."""
    first = normalize_name(text)
    korean = korean_reading(text)
    if korean is not None:
        return (first, normalize_name(korean))
    chinese = chinese_reading(text)
    if chinese is not None:
        return (first, chinese)
    return (first,)


def chinese_reading(text: str) -> NormalizedName | None:
    """A Chinese name written in Hangul read in pinyin
    (:func:`horizont.screening.korean_chinese.chinese_from_hangul`), or None: the first
    reading's words, each with the keys of the word in every other reading (장쩌민:
    zhang zemin, with the keys of jiang)."""
    readings = chinese_from_hangul(text)
    if readings is None:
        return None
    first = normalize_name(readings[0], person=True)
    tokens = list(first.tokens)
    for other in readings[1:]:
        words = normalize_name(other, person=True).tokens
        if len(words) == len(tokens):
            tokens = [replace(t, keys=t.keys | w.keys) for t, w in zip(tokens, words, strict=True)]
    return NormalizedName(first.original, tuple(tokens), first.removed, first.legal_forms)


def _is_title(word: str, others: int) -> bool:
    """A title or honorific, with ``others`` words of the name besides it; a word that is
    also a name (Haji, Pan) counts as a title only beside two more words."""
    if word in AMBIGUOUS_TITLES:
        return others >= 2
    return word in TITLES or ascii_fold(word) in TITLES


GLUED_FORMS: Final = ("corporation", "incorporated", "limited", "company", "gmbh", "ltd", "llc")
"""Legal forms recognized written together with the last word of a name
(RAJBROOKLIMITED, ENERGYCOMPANY): no word of a name ends so otherwise."""
GLUED_FRONT_FORMS: Final = ("ojsc", "cjsc", "pjsc", "jsc", "ooo", "oao", "llc")
"""Legal forms recognized written together with the first word of a name
(LLCRUSCHEMRADH, OOOROMASHKA): no word of a name begins so otherwise."""


# One word, then a comma and more words: a family name written first (SULTAN, Ahmed).
_SURNAME_FIRST: Final = re.compile(r"\s*[^\W\d_][\w'’-]*\s*,\s*[^\W\d_]", re.UNICODE)


def _unglued_form(words: list[Word]) -> list[Word]:
    """The last word split from a legal form written together with it (see GLUED_FORMS),
    and the first from one written before it (GLUED_FRONT_FORMS), when three letters
    or more are left."""
    if not words or words[-1].script != "latin" or words[-1].compound:
        return _unglued_front(words)
    last = words[-1].text
    for form in GLUED_FORMS:
        if last.endswith(form) and len(last) - len(form) >= 3:
            words = [*words[:-1], Word(last[: -len(form)], "latin"), Word(form, "latin")]
            break
    return _unglued_front(words)


def _unglued_front(words: list[Word]) -> list[Word]:
    if not words or words[0].script != "latin" or words[0].compound:
        return words
    first = words[0].text
    for form in GLUED_FRONT_FORMS:
        if first.startswith(form) and len(first) - len(form) >= 3:
            return [Word(form, "latin"), Word(first[len(form) :], "latin"), *words[1:]]
    return words


def _drop_repeats(words: list[Word]) -> list[Word]:
    """Of a hyphenated word made of one part twice (SOUTH-SOUTH) keep one part, which
    stands for the whole word and weighs a whole word, not half of one. A word written
    twice apart stays (MOHAMED MOHAMED is a name; against OSMAN MOHAMED it differs):
    the scorer lets the second cost little when the other name lacks it. A name of one
    word only, written several times (MUHAMMAD, Muhammad), is that word once."""
    if len(words) > 1 and all(w.text == words[0].text for w in words):
        return [Word(words[0].text, words[0].script)]
    kept: list[Word] = []
    for word in words:
        if kept and kept[-1].text == word.text and kept[-1].compound and word.compound:
            kept[-1] = Word(word.text, word.script)
            continue
        kept.append(word)
    return kept


@lru_cache(maxsize=100_000)
def comma_splits_name(text: str) -> bool:
    """True when a comma in ``text`` separates name words (PUTIN, Vladimir), not only a
    legal form (CORPORACION CIMEX, S.A.)."""
    for part in text.split(",")[1:]:
        plain = [w.text for w in words_of(part)]
        if plain and _split_legal_forms(["x", *plain])[1] > 1:
            return True
    return False


def legal_forms_relation(a: NormalizedName, b: NormalizedName) -> str:
    """How the legal forms of two names compare.

    ``same`` (a form in common: Ltd = Limited), ``family`` (both limited companies or
    both stock corporations: OAO, JSC), ``conflict`` (a limited company against a
    stock corporation), ``other`` (different forms of no known family), ``one-sided``
    (only one name has a form) or ``none``.
    """
    fa, fb = set(a.legal_forms), set(b.legal_forms)
    if not fa and not fb:
        return "none"
    if not fa or not fb:
        return "one-sided"
    if fa & fb:
        return "same"
    if legal_forms_conflict(a, b):
        return "conflict"
    if (fa & LIMITED_FORMS and fb & LIMITED_FORMS) or (fa & STOCK_FORMS and fb & STOCK_FORMS):
        return "family"
    return "other"


def legal_forms_conflict(a: NormalizedName, b: NormalizedName) -> bool:
    """True when one name is a limited company and the other a stock corporation."""
    if not a.legal_forms or not b.legal_forms:
        return False
    fa, fb = set(a.legal_forms), set(b.legal_forms)
    return bool(
        (fa & LIMITED_FORMS and fb & STOCK_FORMS and not fb & LIMITED_FORMS)
        or (fa & STOCK_FORMS and fb & LIMITED_FORMS and not fb & STOCK_FORMS)
    )


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
