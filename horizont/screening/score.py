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

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from enum import StrEnum
from functools import lru_cache
from typing import Final

import numpy as np
import numpy.typing as npt
from rapidfuzz.distance import OSA, Levenshtein
from rapidfuzz.process import cdist

from horizont.screening.given_names import given_name_keys, same_given_name, short_form_of
from horizont.screening.normalize import (
    HONORIFICS,
    LEGAL_WORDS,
    ORG_WORDS,
    PARTICLES,
    NormalizedName,
    Token,
    ascii_fold,
    comma_splits_name,
    english_reading,
    legal_forms_conflict,
    legal_forms_relation,
    name_readings,
)
from horizont.screening.palladius import split_pinyin
from horizont.screening.phonetic import phonetic_keys
from horizont.screening.scripts import (
    NATIVE_KOREAN,
    NATIVE_SYLLABLES,
    SKELETON_CLASS,
    abjad_skeleton,
    east_asian_family,
    final_vowel_conflict,
    han_heard,
    heard_consonants,
    korean_key,
    loose_skeleton,
    other_hearings,
    skeleton,
    voiced_skeleton,
    vowel_letters_conflict,
    written_vowels_conflict,
)

STRONG_AT: Final = 0.90
POSSIBLE_AT: Final = 0.75
WEAK_AT: Final = 0.55
DEFAULT_THRESHOLD: Final = POSSIBLE_AT
"""Scores at or above this raise an alert (band strong or possible)."""

EXACT_SIMILARITY: Final = 1.0
TRANSLIT_SIMILARITY: Final = 0.98
FUZZY_SCALE: Final = 0.95
FUZZY_CUTOFF: Final = 0.75
TRANSPOSITION_EDIT: Final = 0.5
MISSING_NAME_TOKEN_COST: Final = 0.3
EXTRA_QUERY_TOKEN_COST: Final = 0.5
ONE_WORD_QUERY_COST: Final = 0.5
MISSING_PATRONYMIC_COST: Final = 0.1
SURE_PAIR: Final = 0.7
"""A matched pair below this similarity makes the words one may leave out cost as any
other (:func:`_leftover_cost`)."""
MISSING_TITLE_COST: Final = 0.1
MISSING_REPEAT_COST: Final = 0.1
"""A word a name has twice (MOHAMED MOHAMED) missing once on the other side, which has
no word left over: a typing slip or the same name given once (Shoigu Shoigu Sergey)."""
MISSING_ARTICLE_COST: Final = 0.04
ARTICLES: Final = frozenset({"al", "el"})
"""The Arabic article, which spellings of one name write or leave out at will
(AL-ZAWAHIRI, Zawahiri; ザワヒリ): on one side only it costs next to nothing."""
MISSING_SYLLABLE_INSIDE_COST: Final = 0.9
"""A syllable of a Chinese or Korean given name missing between two found ones."""
INITIAL_SIMILARITY: Final = 0.8
WORD_TO_INITIAL_SIMILARITY: Final = 0.4
SHORT_FUZZY_SIMILARITY: Final = 0.7
GIVEN_NAME_SIMILARITY: Final = 0.9
"""One given name in another language (Eugene, Yevgeniy): as good as a skeleton match."""
SHORT_FORM_SIMILARITY: Final = 0.75
"""A short form of a given name (Bibi, Benjamin; Вова, Владимир): weaker evidence than
one name in two languages (many people go by Jack): with the same surname a possible
match, not a strong one."""
ACRONYM_SIMILARITY: Final = 0.9
"""A query word written as an acronym (U.S., PLA) against the words it abbreviates."""
PARTIAL_CUTOFF: Final = 0.5
PARTIAL_SCALE: Final = 0.5
PARTIAL_CAP: Final = 0.74
"""Two words of four letters or more left unpaired on both sides that differ in more
places than a typo (Auas, Audias: two letters of six; Klmer, Gilmer) may be one name
part spelt badly: paired, they cost the query word's weight less a little credit
(similarity × PARTIAL_SCALE) instead of a full word missing on each side. Such a pair
is weak evidence: it can lift a name into the weak band (so that the right name comes
first), never into an alert."""
SKELETON_CUTOFF: Final = 0.75
SKELETON_SCALE: Final = 0.9
VOWELS_APART_SIMILARITY: Final = 0.9
VOWELS_APART_CUTOFF: Final = 0.7
LONE_SKELETON_CAP: Final = 0.74
LONE_SKELETON_FACTOR: Final = 0.75
"""A one-word query matched across scripts by its consonants alone is weak evidence
(coarse sound classes: 普里戈津 reads like BORYOKUDAN): it stays in the weak band, and
below it when a consonant differs."""
SKELETON_EVIDENCE: Final = 3
"""A name matched across scripts by consonant skeletons alone, none of its words by
SKELETON_EVIDENCE consonants or more, is weak evidence and stays in the weak band: in
sound classes (d/t, s/z/sh, b/p/f/v) words of one or two consonants meet many names on
the lists (שהד עמית, Shahd Amit: SOTA media; ইশিতা বোস, Ishita Bose: SAID BAHAJI;
אמל לוי, Amal Levi: LAU, Emily), while one word of three (علي خامنئي: ALI KHAMENEI)
places the name."""
SKELETON_EVIDENCE_SIMILARITY: Final = 0.85
JOINING_WORDS: Final = PARTICLES | {"allh"}
"""Words that names are made of when written together (ABDALLAH, NASRALLAH: الله is
romanized allh): a match of one word with two, one of them of these, is no coincidence."""
JOINED_CUTOFF: Final = 0.85
JOINED_SCALE: Final = 0.97
ACRONYM_ORDER_FACTOR: Final = 0.5
SWAPPED_ORDER_FACTOR: Final = 0.95
LINEAGE_SWAP_FACTOR: Final = 0.7
SYLLABLE_ORDER_FACTOR: Final = 0.7
"""Factor for the syllables of a Korean given name in another order (은정 Un Jong is
not 정은 Jong Un): another name, the score drops under the alert."""
LEGAL_FORM_CONFLICT_FACTOR: Final = 0.7
LEGAL_FORM_WEIGHT: Final = 0.5
"""Weight of the legal form of a company name, next to 1.0 for a name word."""
LEGAL_FORM_SIMILARITY: Final = {"same": 1.0, "family": 0.8, "other": 0.5}
LEGAL_FORM_ONE_SIDED_COST: Final = 0.42
"""Share of the legal form's weight a form on one side only costs: enough that IRISL
GMBH comes closer to IRISL EUROPE GMBH (the same form, a word more) than to IRISL (no
form), not so much that Deutsche Bank AG against Deutsche Bank leaves the strong band."""
LEGAL_FORM_MOVED_SIMILARITY: Final = 0.9
"""A legal form inside one name (Kattan LLC Wassim) or misspelt by one letter (Ltа)
against the same form at the end of the other."""
CODE_MIN: Final = 4
CODE_MAX: Final = 8
"""Names of this many letters and digits, separators left out, also compare as one code
(tail numbers and call signs: EP-MHA = E-PMHA, EP-MOS ~ EPkMOS)."""
CODE_SCALE: Final = 0.95
CODE_CUTOFF: Final = 0.75
ANCHORED_EXTRA_CAP: Final = 0.6
"""Most that words on one side only cost when the shorter name's words (two or more)
are all found in the longer one, in order, beginning with its first (ANJEM CHOUDARY
against ANJEM IFTIKHAR CHOUDARY MAHMOOD; AKHTAR MANSOUR against AKHTAR MOHAMMAD
MANSOUR SHAH MOHAMMED) or ending with its last, and the words left over are at most
one more than those matched: long Arabic, Afghan and Somali names are often listed or
asked for in part; such a name can reach the possible band, not the strong one. Two
common words at the head of a long name (MOHAMMED ALI and four words more) are not
enough."""
GENERIC_ONLY_CAP: Final = 0.74
"""Most a name scores when only generic words match (MANAGEMENT, BANK, IRAN: words
OpenSanctions' rigour reads as a symbol, a domain or a place) and a distinctive word of
either name is left over: the weak band, never an alert."""
ORDER_TIE_COST: Final = 1e-4
"""Matched words in an order that is no rotation of the other name's (Mahmoud Hassan
Ayache against Ayache, Hassan Mahmoud): too little to change a band, enough to put the
name in the same order first among equal scores."""
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
    PARTIAL = "partial"
    """Spelt alike in part only: paired only among words left over on both sides."""
    EQUIVALENT = "equivalent"
    """One given name in two languages (Eugene, Yevgeniy)."""
    SHORT_FORM = "short form"
    """A short form of a given name against the name (Bibi, Benjamin)."""
    ACRONYM = "acronym"
    """A word written as the initials of several words (PLA, People's Liberation Army)."""


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


_given_keys: frozenset[str] = frozenset()


def _load_given_keys() -> frozenset[str]:
    """The keys of every given name of the tables (built on the first comparison)."""
    global _given_keys
    _given_keys = given_name_keys()
    return _given_keys


def token_similarity(q: Token, n: Token, fuzzy: float) -> tuple[float, Method | None]:
    """Similarity of two tokens given their precomputed fuzzy key similarity.

    Exact spelling, then equal phonetic keys under some reading (transliteration),
    then an initial against a word, then, for words romanized from another script, the
    consonant skeletons, then the fuzzy similarity: the better of the keys' Levenshtein
    similarity and the spellings' (two letters swapped count as half an edit: Schloz,
    Scholz; Saud, Suad). Short words (three letters or fewer) match fuzzily only with
    one edit: a changed letter (Un, On) or, keeping the first letter, one more or less
    (Amr, Amer).
    """
    if q.text == n.text:
        return EXACT_SIMILARITY, Method.EXACT
    if q.script in NATIVE_SYLLABLES or n.script in NATIVE_SYLLABLES:
        return _syllable_similarity(q, n)
    if len(q.text) == 1 or len(n.text) == 1:
        if q.initial != n.initial:
            return 0.0, None
        if len(q.text) > 1:  # a full word asked, only its initial listed: weak evidence
            return WORD_TO_INITIAL_SIMILARITY, Method.INITIAL
        return INITIAL_SIMILARITY, Method.INITIAL
    onset = q.script != n.script and _onset_conflict(q, n)  # one script: no onset rule
    if (n.key in q.keys or q.key in n.keys) and not onset and not _codes_apart(q, n):
        return TRANSLIT_SIMILARITY, Method.TRANSLITERATION
    given = _given_keys or _load_given_keys()
    if q.key in given and n.key in given:
        if same_given_name(q.key, n.key):  # Eugene, Yevgeniy; Paweł, Pavel
            return GIVEN_NAME_SIMILARITY, Method.EQUIVALENT
        if short_form_of(q.key, n.key):  # Bibi, Benjamin; Вова, Владимир
            return SHORT_FORM_SIMILARITY, Method.SHORT_FORM
    if q.script != n.script and (q.foreign or n.foreign) and not _both_cyrillic(q, n):
        bone = 0.0 if onset or _ends_apart(q, n) else _skeleton_similarity(q, n)
        if bone >= SKELETON_CUTOFF and _closing_vowel_conflict(q, n):
            return 0.0, None  # nor a spelling slip: عزیزی is no AZIZ
        if bone >= SKELETON_CUTOFF and not _vowels_conflict(q, n):
            return bone * SKELETON_SCALE, Method.TRANSLITERATION
        if _writes_consonants(q) != _writes_consonants(n) and (
            q.text[:1] != n.text[:1] or q.skeleton != n.skeleton
        ):
            # the consonants an abjad or an Indic script writes are its word: a Latin
            # spelling of other consonants, or opening otherwise, is no typo of it (ירדן
            # yrdn is no IRAN, יעל yl no AL, আকাশ akas no AWAS; يو yw may be YO)
            return 0.0, None
    shortest = min(len(q.text), len(n.text))
    if shortest <= 3:
        if (
            shortest >= 2
            and OSA.distance(q.text, n.text) == 1
            and (len(q.text) == len(n.text) or q.text[0] == n.text[0])
            and (q.abjad or n.abjad or not _consonant_changed(q.text, n.text))
        ):
            spelled = _spelled_similarity(q.text, n.text) * FUZZY_SCALE  # swapped (Aig, Iag)
            return max(SHORT_FUZZY_SIMILARITY, spelled), Method.FUZZY
        if shortest >= 2 and OSA.distance(q.text, n.text) == 1:  # a first letter lost (ANI)
            return OSA.normalized_similarity(q.text, n.text) * PARTIAL_SCALE, Method.PARTIAL
        return 0.0, None
    # Keys alike (the only pairs worth the look): a Belarusian name read in Russian?
    if fuzzy and q.script[0] != n.script[0] and _vowels_apart(q, n):
        return VOWELS_APART_SIMILARITY, Method.TRANSLITERATION
    spelled = _spelled_similarity(q.text, n.text)
    best = max(fuzzy, spelled)
    if best >= FUZZY_CUTOFF and min(len(q.key), len(n.key)) > 3:
        return best * FUZZY_SCALE, Method.FUZZY
    if spelled >= FUZZY_CUTOFF:
        return spelled * FUZZY_SCALE, Method.FUZZY
    if spelled >= PARTIAL_CUTOFF and shortest >= 4:
        return spelled * PARTIAL_SCALE, Method.PARTIAL
    return 0.0, None


def _consonant_changed(a: str, b: str) -> bool:
    """Two words of two letters, one letter apart, where a consonant changed: another
    word (Vu, Ku; Ha, Ta), where a changed vowel may be a spelling (Un, On). Words
    without a vowel are codes or numerals (XV, XX), not syllables. (An abjad's w and y
    write vowels: يو yw may be Yo.)"""
    if len(a) != 2 or len(b) != 2 or a[::-1] == b:
        return False
    if not (any(c in _VOWELS for c in a) and any(c in _VOWELS for c in b)):  # XV, XX
        return False
    return any(x != y and not (x in _VOWELS and y in _VOWELS) for x, y in zip(a, b, strict=True))


def _spelled_similarity(a: str, b: str) -> float:
    """Levenshtein similarity of two spellings where two neighbouring letters swapped,
    the commonest slip of typing, count as half an edit (Saud, Suad: 0.875)."""
    edits = OSA.distance(a, b)
    # one edit of equal lengths that Levenshtein counts twice: a swap of two neighbours
    if edits == 1 and len(a) == len(b) and Levenshtein.distance(a, b, score_cutoff=1) > 1:
        return 1.0 - TRANSPOSITION_EDIT / len(a)
    longest = max(len(a), len(b))
    return 1.0 - edits / longest if longest else 1.0


def _codes_apart(q: Token, n: Token) -> bool:
    """Two short words of one script that only the other readings of their letters make
    alike, with two letters changed and not vowels only: codes (AIG, AJH), not one name
    spelt two ways (Li, Lee)."""
    return (
        q.key != n.key
        and q.script == n.script
        and min(len(q.text), len(n.text)) <= 3
        and OSA.distance(q.text, n.text) > 1
        and q.text.translate(_NO_VOWELS) != n.text.translate(_NO_VOWELS)
    )


_NO_VOWELS: Final = str.maketrans("", "", "aeiouy")


def _syllable_similarity(q: Token, n: Token) -> tuple[float, Method | None]:
    """Words of a Chinese or Korean name read from its characters against other words.

    They are romanized by a system, so neither the phonetic keys of European
    spellings (chao is no shao, ji no shi), nor the tables of given names (yan is no
    John), nor consonant skeletons (jong is no sung) apply. Korean syllables compare
    by their sounds (jong, jeong and chung are one; sang and song two); against a word
    typed in Latin letters, other words match fuzzily only with one edit in six letters
    or more (jinpin, jinping); two names read from characters differ in any other
    letter (习近朋 jinpeng is not 习近平 jinping)."""
    if NATIVE_KOREAN in (q.script, n.script):
        heard, other = korean_key(_latin(q)), korean_key(_latin(n))
        if heard is not None and heard == other:
            return TRANSLIT_SIMILARITY, Method.TRANSLITERATION
        if heard is not None and other is not None:
            if _georgian_un(heard, other):
                return SHORT_FUZZY_SIMILARITY, Method.FUZZY
            return 0.0, None
    if q.script in NATIVE_SYLLABLES and n.script in NATIVE_SYLLABLES:
        return 0.0, None
    a, b = _latin(q), _latin(n)
    if min(len(a), len(b)) >= 6 and OSA.distance(a, b) == 1:
        return OSA.normalized_similarity(a, b) * FUZZY_SCALE, Method.FUZZY
    return 0.0, None


def _georgian_un(a: tuple[str, str, str], b: tuple[str, str, str]) -> bool:
    """Two Korean syllables without an initial consonant, one with the vowel i, the
    other with eu/u: Georgian writes Russian Ын (은, Un) with an i (ინ)."""
    return not a[0] and not b[0] and a[2] == b[2] and {a[1], b[1]} == {"i", "o"}


_LOOSE: Final = str.maketrans({"l": "r"})
_VOWELS: Final = "aeiouy"


def _vowels_apart(q: Token, n: Token) -> bool:
    """A Cyrillic word and a Latin one with the same consonants in the same order, the
    same first letter and vowels apart as Belarusian and Russian write them (Лукашенко,
    LUKASHENKA; Александр, ALYAKSANDR)."""
    a, b = _latin(q), _latin(n)
    if a[:1] != b[:1] or min(len(a), len(b)) < 5:
        return False
    bone = skeleton(a, collapse=False)
    return (
        len(bone) >= 3
        and bone == skeleton(b, collapse=False)
        and OSA.normalized_similarity(a, b) >= VOWELS_APART_CUTOFF
    )


def _surname_as_patronymic(
    query: NormalizedName,
    name: NormalizedName,
    matched: list[tuple[int, int, float, Method]],
    missing_n: list[Token],
) -> bool:
    """Whether a query word that is no patronymic met the listed name's patronymic while
    its family name is left over (Ігор Василевич, Ihor Vasylevych, against Поночевный
    Игорь Васильевич): a given name and a patronymic name nobody."""
    return any(
        name.tokens[j].patronymic and not query.tokens[i].patronymic for i, j, _, _ in matched
    ) and any(not t.patronymic for t in missing_n)


def _both_cyrillic(q: Token, n: Token) -> bool:
    """Two Cyrillic words (Ukrainian Лисенко, Russian Резник): their keys compare
    them, never the consonant skeletons meant for scripts romanized."""
    return q.script.startswith("cyrillic") and n.script.startswith("cyrillic")


def _spelt_pair(q: Token, n: Token) -> tuple[Token, Token] | None:
    """The word romanized from a script whose spelling writes its vowels one by one (an
    abjad's long vowels, or every vowel) and the Latin or Cyrillic word it is compared
    with; None for two words of one kind, and for Japanese, Chinese and Korean, which
    add vowels of their own (ブリゴジン, 普里戈津; ウ writes v and w: ウラジーミル), and
    the Cyrillic of other languages."""
    if q.foreign == n.foreign:
        return None
    foreign, other = (q, n) if q.foreign else (n, q)
    if (
        foreign.script in LOOSE_SCRIPTS
        or foreign.script in NATIVE_SYLLABLES
        or foreign.script.startswith("cyrillic")
    ):
        return None
    return foreign, other


def _onset_conflict(q: Token, n: Token) -> bool:
    """A word romanized from another script (:func:`_spelt_pair`) and a Latin or
    Cyrillic one of which one opens with a vowel, the other with a consonant. Scripts
    that write their vowels write one opening a word (অভি ইসলাম, Abhi Islam: no ABU
    SALIM), and an abjad writes it with alif or ain (romanized a or i: علی aly is ALI,
    not LI, and لی is no ALI). و and ی may open with either, and so may a Latin y or w
    (Yevgeny, יבגני). An abjad's opening i or u must be heard (:func:`_abjad_onset_heard`),
    and the opening b or f of any script must be the Latin word's (:func:`_labial_apart`).
    """
    if _labial_apart(q, n):
        return True
    pair = _spelt_pair(q, n)
    if pair is None:
        return False
    foreign, other = pair
    spelt = ascii_fold(_latin(other))  # Élodie opens with a vowel
    latin = spelt[:1]
    if foreign.abjad and foreign.text and latin and _consonants_apart(foreign, spelt):
        return True
    if not foreign.text or not latin or foreign.text[0] in "wy" or latin[0] in "wy":
        return False
    if foreign.abjad and foreign.text[0] in "iu" and latin[0] in _VOWELS:
        return not _abjad_onset_heard(foreign.text[0], spelt)
    return (foreign.text[0] in _VOWELS) != (latin[0] in _VOWELS)


def _consonants_apart(abjad: Token, latin: str) -> bool:
    """Whether an abjad word's opening consonant cannot write a Latin word's, letters
    the abjads keep apart: z (ز, ז) is no sh, nor sh (ش, ש) a z or j (שטרן is no
    JADRAN); j (ج, ג') is no s or y (ג'נא is no YIN), nor s (س, ס) a j or sh (סבג is
    no SHAWAGH); in Arabic script q and k (ق, ك) are no kh (قنوع is no KHAN); a y
    (ی, י) is no other consonant (یشکر is no SAKARYA), and a Latin y no consonant of
    the abjad's (ناجح is no YUNUS)."""
    word = abjad.text
    if word.startswith("kh"):
        return False
    if word.startswith("sh"):
        return latin[0] in "zj"
    if word[0] == "z":
        return latin.startswith("sh")
    if word[0] == "j":
        return latin[0] in "sy"
    if word[0] == "s":
        return latin[0] == "j" or latin.startswith("sh")
    if word[0] in "qk" and abjad.script != "hebrew":
        return latin.startswith("kh")
    if word[0] == "y":
        return latin[0] in "bcdfkmnpqrstvxz"
    return latin[0] == "y" and latin[1:2] in ("a", "e", "o", "u") and word[0] in "bdfkmnqrstz"


def _labial_apart(q: Token, n: Token) -> bool:
    """A word romanized from another script opening with b and a Latin or Cyrillic word
    opening with f, or the other way round: every script writes f apart from b (ф, φ,
    ف, פ, ফ, फ़, ფ, フ; a Korean ㅍ is romanized p), so বিরাট birat is no FREDDY and باقری
    no FACHRI; nor is an abjad's v (ב, romanized v, writes b as well) ever f. Chinese
    writes v and w with w as well (弗拉基米尔, 维克托): 巴盖里 bagaili is no VAKILI; and a
    Chinese y or w opens a word with a vowel, y, w, v or j only."""
    if q.foreign == n.foreign:
        return False
    foreign, other = (q, n) if q.foreign else (n, q)
    opening, latin = foreign.text[:1], ascii_fold(_latin(other)[:1])
    if foreign.script == "han" and opening == "b":
        return latin in ("f", "v", "w")
    if foreign.script == "han" and opening in ("y", "w"):
        # 易卜拉欣 yibolaxin, 维克托 weiketuo: a vowel, y, w, v or j opens the Latin word,
        # no other consonant (易卜拉欣 is no PRISON)
        return latin in tuple("bcdfgklmnpqrstxz")
    labial = "bv" if foreign.abjad else "b"
    return (opening in labial and latin == "f") or (opening == "f" and latin == "b")


def _ends_apart(q: Token, n: Token) -> bool:
    """A word in the Cyrillic of another language than Russian (Ukrainian, Belarusian:
    read by their own rules, compared by consonant skeletons) and a Latin one of which
    one opens, or closes, with a vowel and the other with a consonant: Захар is no
    OSCAR, Сергій no SHARQ (a й closes with a vowel, as a Latin j or y does); a
    closing i, y or j may be the Russian -ий the other language lacks (Яўген:
    YEVGENIY)."""
    if (q.script == "han") != (n.script == "han"):
        return _han_ends_apart(q, n)
    if q.script.startswith("cyrillic") == n.script.startswith("cyrillic"):
        return False
    cyrillic, other = (q, n) if q.script.startswith("cyrillic") else (n, q)
    if not cyrillic.foreign or other.script != "latin":
        return False
    a, b = _latin(cyrillic), ascii_fold(_latin(other))
    if not a or not b:
        return False
    opens = a[0] not in "yjwh" and b[0] not in "yjwh" and (a[0] in _VOWELS) != (b[0] in _VOWELS)
    if opens:
        return True
    # Russian -ий where the other language has none (Яўген, Євген: YEVGENIY)
    russian_ending = a[-1] not in _CLOSING_VOWELS and b[-1] in "iyj"
    return not russian_ending and (a[-1] in _CLOSING_VOWELS) != (b[-1] in _CLOSING_VOWELS)


_CLOSING_VOWELS: Final = "aeiouyj"


def _han_ends_apart(q: Token, n: Token) -> bool:
    """A foreign name in Chinese characters and a Latin or Cyrillic word of which one
    closes on a vowel and the other on a consonant that Chinese writes with a character
    of its own (:data:`horizont.screening.scripts.HAN_CLOSING_CONSONANTS`): 塔雷克
    taleik is no TERAOKA, 巴盖里 bagaili no BAGHERIK. A Latin closing e may be silent
    (迈克, Mike), an h too (阿卜杜拉, Abdullah), n, l, r and m Chinese may write as a
    syllable's coda or with a vowel."""
    han, other = (q, n) if q.script == "han" else (n, q)
    if other.foreign:
        return False
    a, b = han.text, ascii_fold(_latin(other))
    if not a or not b:
        return False
    if a[-1] not in _VOWELS and a[-1] not in "nr":  # a closing consonant written
        return b[-1] in "aiouy"
    return a[-1] in _VOWELS and b[-1] in _CLOSING_WRITTEN


_CLOSING_WRITTEN: Final = frozenset("kgtdfvbpsxz")


def _abjad_onset_heard(onset: str, latin: str) -> bool:
    """Whether a Latin word opening with a vowel opens with the one an abjad writes
    with alif or ain and ی or و: i (e, y, or the diphthong ay: ایلیا is Ilya, no ALI;
    أيمن is Ayman) or u (o, or aw)."""
    if onset == "i":
        return latin[0] in "eiy" or latin[:2] in ("ay", "ai")
    return latin[0] in "ou" or latin[:2] in ("aw", "au")


def _vowels_conflict(q: Token, n: Token) -> bool:
    """A word romanized from another script (:func:`_spelt_pair`) and a Latin or
    Cyrillic one whose consonants agree but not the vowels written between them: the
    long vowels an abjad writes (:func:`horizont.screening.scripts.vowel_letters_conflict`),
    all vowels in a script that writes them
    (:func:`horizont.screening.scripts.written_vowels_conflict`)."""
    pair = _spelt_pair(q, n)
    if pair is None:
        return False
    foreign, other = pair
    latin = ascii_fold(_latin(other))
    if foreign.abjad:
        return vowel_letters_conflict(foreign.text, latin)
    return written_vowels_conflict(foreign.text, latin)


def _closing_vowel_conflict(q: Token, n: Token) -> bool:
    """An abjad word and a Latin or Cyrillic one that disagree on a closing long i
    (:func:`horizont.screening.scripts.final_vowel_conflict`), or an Indic word and
    one that disagree on its closing vowel or its h (:func:`_indic_apart`)."""
    pair = _spelt_pair(q, n)
    if pair is None:
        return False
    if pair[0].script in INDIC_SCRIPTS:
        return _indic_apart(pair[0].text, ascii_fold(_latin(pair[1])))
    if not pair[0].abjad:
        return False
    return final_vowel_conflict(pair[0].text, ascii_fold(_latin(pair[1])))


INDIC_SCRIPTS: Final = frozenset(
    {"bengali", "devanagari", "gujarati", "gurmukhi", "oriya", "kannada", "telugu",
     "malayalam", "sinhala"}
)  # fmt: skip
"""Scripts that write every vowel but the inherent a, and every h (Tamil writes no h;
Thai's ห may be a silent tone mark)."""


def _indic_apart(word: str, latin: str) -> bool:
    """Whether a romanized Indic word and a Latin one disagree where the Indic script is
    sure: a word closing on a consonant (its inherent a unsaid, or o in Bengali: শুভ
    subh, Shubho) is no Latin word closing in e, i or u after a consonant (করিম krim is
    no KARIMI), a closing vowel written is heard; s and j are apart; an opening vowel
    letter other than a is heard; and an h of its own, not of an aspirate (ভ bh, ধ dh),
    before the last letter is heard in the Latin word, and the other way round (রোহিত
    rohit is no RIYAD, শুভ subh no SAHIB)."""
    if len(word) < 2 or len(latin) < 2:
        return False
    if word[-1] not in _VOWELS + "y" and latin[-1] in "eiu" and latin[-2] not in _VOWELS:
        return True
    if word[-1] in _VOWELS and latin[-1] not in _VOWELS + "yh":
        return True  # a closing vowel written (रजनी rjni is no ROSHAN)
    if {word[0], latin[0]} == {"s", "j"}:
        return True  # স, स are never j, nor জ, ज s (सवितृ svitr is no JUPITER)
    if word[0] in _INDIC_VOWEL_KIN and latin[0] in _VOWELS:
        return not any(c in _INDIC_VOWEL_KIN[word[0]] for c in latin[:2])  # ইমন is no AMEEN
    return _own_h(word, "kgcjtdpb") != _own_h(latin, "kstdgcpzbj")


# Latin spellings of an Indic opening vowel letter (ই i, উ u, এ e, ও o).
_INDIC_VOWEL_KIN: Final = {"i": "eiy", "u": "ou", "e": "aei", "o": "ou"}


def _own_h(word: str, digraphs: str) -> int:
    """How many times an h of its own (not after one of ``digraphs``: kh, bh, sh …)
    stands in a word before its last letter."""
    return sum(
        1
        for at, char in enumerate(word[:-1])
        if char == "h" and (at == 0 or word[at - 1] not in digraphs)
    )


def _skeleton_similarity(q: Token, n: Token) -> float:
    """Similarity of two words of different scripts by their consonant skeletons, the
    better of the words as written and as their script's ambiguous letters may also be
    heard (:func:`horizont.screening.scripts.other_hearings`: 콜로콜체프, Kolokoltsev;
    Τσεμέζοφ, Chemezov; חמינאי, Khamenei); two abjads (Hebrew, Arabic) by the letters
    both keep apart (:func:`horizont.screening.scripts.abjad_skeleton`), and an Indic
    word and a Latin or Cyrillic one by their voiced and voiceless stops
    (:func:`horizont.screening.scripts.voiced_skeleton`: তনয় is no DANAEI)."""
    best = _skeletons_alike(q, n)
    for heard_q in other_hearings(q.script, q.text):
        best = max(best, _skeletons_alike(_heard_as(q, heard_q), n))
    for heard_n in other_hearings(n.script, n.text):
        best = max(best, _skeletons_alike(q, _heard_as(n, heard_n)))
    if q.abjad and n.abjad and best:  # Hebrew and Arabic keep t, d, s, z and j apart
        fine = Levenshtein.normalized_similarity(abjad_skeleton(q.text), abjad_skeleton(n.text))
        best = min(best, fine)
    elif best and (q.script in INDIC_SCRIPTS) != (n.script in INDIC_SCRIPTS):
        indic, other = (q, n) if q.script in INDIC_SCRIPTS else (n, q)
        if not other.foreign:  # both write voiced and voiceless stops apart: what
            # telling them apart takes off the skeletons' similarity comes off the best
            a, b = indic.text, ascii_fold(_latin(other))
            coarse = Levenshtein.normalized_similarity(skeleton(a), skeleton(b))
            fine = Levenshtein.normalized_similarity(voiced_skeleton(a), voiced_skeleton(b))
            best = max(0.0, best - (coarse - fine))
    return best


def _writes_consonants(token: Token) -> bool:
    """Written in a script whose letters are its consonants, sure of each: an abjad or
    an Indic script."""
    return token.abjad or token.script in INDIC_SCRIPTS


def _heard_as(token: Token, text: str) -> Token:
    """``token`` romanized as ``text`` instead, with its skeleton."""
    return replace(token, text=text, skeleton=skeleton(text, abjad=token.abjad))


def _skeletons_alike(q: Token, n: Token) -> float:
    """Similarity (0-1) of two words' consonant skeletons as their texts give them."""
    if (q.text in ARTICLES) != (n.text in ARTICLES):  # אליהו alyhw is no al (AL-MASRI)
        return 0.0
    a, b = q.skeleton, n.skeleton
    if not a and not b:  # a name of vowels, y, w and h (يحيى, יחיא: Yahya)
        sounds = heard_consonants(q.text, abjad=q.abjad)
        opens = q.text[:1] == _latin(n)[:1] or (q.abjad and n.abjad)
        return float(bool(sounds) and opens and sounds == heard_consonants(n.text, abjad=n.abjad))
    if len(a) < 2 or len(b) < 2:
        if q.script in LOOSE_SCRIPTS or n.script in LOOSE_SCRIPTS:  # アリー ari: Ali
            a, b = loose_skeleton(a), loose_skeleton(b)
        if not a or a != b:
            return 0.0
        # An abjad writes an initial vowel a (علی: aly for Ali): the first consonants meet.
        either = q.abjad or n.abjad
        first_q = q.text.lstrip(_VOWELS) if either else q.text
        first_n = n.text.lstrip(_VOWELS) if either else n.text
        if first_q[:1] != first_n[:1]:
            return 0.0
        # Written vowels place the consonant: アリー ari is Ali, not AIR.
        if not (q.abjad or n.abjad) and _first_consonant(q.text) != _first_consonant(n.text):
            return 0.0
        return 1.0
    # Two consonants say little: hamenei and MAHAN, jon and SAN are different words;
    # nor do three read from an abjad (עמית myt is no AHMED, יזן yzn no HASAN).
    few = 3 if q.abjad or n.abjad else 2
    if min(len(a), len(b)) <= few:
        if not _openings(q) & _openings(n):
            return 0.0
        # a script that writes its vowels writes one opening a word (উদ্দিন uddin is
        # no TONY)
        if not (q.abjad or n.abjad) and (q.text[:1] in _VOWELS) != (n.text[:1] in _VOWELS):
            return 0.0
    best = _bone_similarity(a, b, q, n, abjad=True)
    if q.abjad or n.abjad:  # و may be the consonant v as well as the vowel u
        best = max(best, _bone_similarity(a, b, q, n, abjad=False))
    if (q.script == "han") != (n.script == "han") and not (q.foreign and n.foreign):
        han, other = (q, n) if q.script == "han" else (n, q)
        # Chinese writes no r closing a syllable (维克托 weiketuo: Viktor, 伯格 boge: berg)
        stripped = _without_coda_r(other)
        for heard in (han, *_han_heard(han)):
            for said in (other, stripped):
                best = max(
                    best, _bone_similarity(heard.skeleton, said.skeleton, heard, said, abjad=True)
                )
    return best


def _han_heard(token: Token) -> list[Token]:
    """A foreign name in Chinese characters as its syllables are heard together
    (:func:`horizont.screening.scripts.han_heard`), the readings that change it."""
    return [_heard_as(token, text) for text in han_heard(token.text) if text != token.text]


_CODA_R: Final = re.compile(r"r(?![aeiouy])")


def _without_coda_r(token: Token) -> Token:
    """A Latin or Cyrillic word read without the r that closes a syllable."""
    text = _CODA_R.sub("", _latin(token))
    return replace(token, text=text, skeleton=skeleton(text), script="latin")


def _first_consonant(text: str) -> int:
    """Where the first consonant of a romanized word stands."""
    return next((k for k, c in enumerate(text) if c not in _VOWELS), len(text))


def _opening(text: str) -> str:
    """The first consonant of a romanized word, h included, j apart from s, l as r, an
    abjad's tsh as ch."""
    if not text.isascii():
        text = ascii_fold(text)  # Élodie
    at = _first_consonant(text)
    if at == len(text):
        return ""
    if text.startswith("tsh", at):  # ч as Arabic writes it (تش): ch
        return SKELETON_CLASS["c"]
    char = text[at]
    return "r" if char == "l" else char if char in "hj" else SKELETON_CLASS.get(char, char)


def _openings(token: Token) -> frozenset[str]:
    """The first consonants a word may begin with; an abjad's و and ی may write a vowel."""
    if not token.abjad:
        return frozenset((_opening(token.heard or token.text),))
    return frozenset((_opening(token.text), _opening(token.text.lstrip(_VOWELS + "w"))))


def _bone_similarity(a: str, b: str, q: Token, n: Token, *, abjad: bool) -> float:
    """Mean similarity of the collapsed skeletons and of the uncollapsed ones (where the
    collapsed ones are equal, a doubled letter is one against an abjad or Chinese,
    which write none)."""
    if not abjad:
        a = skeleton(q.text) if q.abjad else a
        b = skeleton(n.text) if n.abjad else b
    loose = q.script in LOOSE_SCRIPTS or n.script in LOOSE_SCRIPTS
    if loose:
        a, b = loose_skeleton(a), loose_skeleton(b)
    collapsed = float(Levenshtein.normalized_similarity(a, b))
    text_a, text_b = _latin(q), _latin(n)
    if collapsed == 1.0 and (q.abjad != n.abjad or _undoubled(q) != _undoubled(n)):
        # an abjad writes no doubled letter, nor does Chinese (محمد, 穆罕默德: Muhammed),
        # and Korean often leaves one out (모하마드: Mohammad)
        text_a, text_b = _TWICE.sub(r"\1", text_a), _TWICE.sub(r"\1", text_b)
    raw_a = skeleton(text_a, abjad=abjad and q.abjad, collapse=False)
    raw_b = skeleton(text_b, abjad=abjad and n.abjad, collapse=False)
    if loose:
        raw_a, raw_b = raw_a.translate(_LOOSE), raw_b.translate(_LOOSE)
    raw = float(Levenshtein.normalized_similarity(raw_a, raw_b))
    return (collapsed + raw) / 2


def _undoubled(token: Token) -> bool:
    """Whether the word's script writes doubled letters single (Chinese; Korean often)."""
    return token.script in ("han", "hangul")


def _latin(token: Token) -> str:
    """A word in Latin letters as it sounds (Cyrillic read as English writes it)."""
    if token.heard:
        return token.heard
    if token.script.startswith("cyrillic"):
        return english_reading(token.text)
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
                joined = _joined_text(side_a[i], side_b[j], side_b[j + 1])
                similarity = float(OSA.normalized_similarity(word, joined))
                if similarity < JOINED_CUTOFF and side_a[i].foreign != side_b[j].foreign:
                    similarity = _joined_bones(side_a[i], side_b[j], side_b[j + 1])
                span = 2
                if similarity < JOINED_CUTOFF and j + 2 in free_b and _three(side_b, j):
                    joined += side_b[j + 2].text  # ABDALRAHMAN, ABD AL-RAHMAN
                    similarity, span = float(OSA.normalized_similarity(word, joined)), 3
                if similarity >= JOINED_CUTOFF:
                    covered = tuple(range(j, j + span))
                    free_a.discard(i)
                    free_b.difference_update(covered)
                    if flip:
                        found.extend((k, (i,), similarity) for k in covered)
                    else:
                        found.append((i, covered, similarity))
                    break
    return found


def _rejoined(
    query: NormalizedName,
    name: NormalizedName,
    matched: list[tuple[int, int, float, Method]],
    free_n: set[int],
) -> list[tuple[int, tuple[int, ...], float]]:
    """A query word paired with one name word though it is that word and the next (or
    the one before) written together (ジョンウン jongun: KIM Jong Un; VOPROMSYRIOIMPORT: VO
    PROMSYRIOIMPORT): the pair is undone, and the query word covers both (``matched``
    and ``free_n`` are updated)."""
    found: list[tuple[int, tuple[int, ...], float]] = []
    kept: list[tuple[int, int, float, Method]] = []
    for i, j, sim, method in matched:
        pair = None
        if method is not Method.EXACT:
            pair = _rejoin(query.tokens[i], name, j, sim, free_n)
        if pair is None:
            kept.append((i, j, sim, method))
        else:
            free_n.difference_update(pair[0])
            found.append((i, *pair))
    matched[:] = kept
    return found


def _rejoin(
    word: Token, name: NormalizedName, j: int, sim: float, free_n: set[int]
) -> tuple[tuple[int, int], float] | None:
    """Name word ``j`` with the free word after it, or the one before it (VO
    PROMSYRIOIMPORT), when ``word`` is the two written together and that beats ``sim``;
    across scripts by skeletons as :func:`_joined` where one of the two is a particle
    (알자와히리: AL-ZAWAHIRI)."""
    for other, covered in ((j + 1, (j, j + 1)), (j - 1, (j - 1, j))):
        if other not in free_n:
            continue
        a, b = name.tokens[covered[0]], name.tokens[covered[1]]
        similarity = float(OSA.normalized_similarity(word.text, _joined_text(word, a, b)))
        if (
            similarity < JOINED_CUTOFF
            and word.foreign != a.foreign
            and {a.text, b.text} & PARTICLES
        ):
            similarity = _joined_bones(word, a, b)
        if similarity >= JOINED_CUTOFF and similarity * JOINED_SCALE > sim:
            return covered, similarity
    return None


_ACRONYM_WRITTEN: Final = re.compile(
    r"(?<![^\W_])(?:[A-Z]\.){2,}(?:[A-Z](?![^\W_]))?|(?<![^\W_])[A-Z]{2,5}(?![^\W_])"
)
_LETTERS: Final = re.compile(r"[^\W\d_]+")
_ACRONYM_SKIPS: Final = frozenset("of the and for de la du des der die das und et y i".split())
# Degrees and suffixes written after a name (Hahn B.A., Scholz MBA): no acronyms, and
# an acronym is never a name's last word of several for the same reason.
_DEGREES: Final = frozenset("ba ma bsc msc mba phd md dds llm jd jr sr".split())


def acronym_tokens(query: NormalizedName) -> frozenset[int]:
    """Words of ``query`` written as an acronym: with dots (U.S.), or in capitals
    among words that are not, or alone (PLA); not the last of several words."""
    original = query.original
    found = list(_ACRONYM_WRITTEN.finditer(original))
    # A word in capitals is an acronym beside words that are not, unless it is a
    # surname as the lists write it (KIM, Jong Un; SOTO GASTELUM, Jose).
    capitals = [w for w in _LETTERS.findall(original) if len(w) >= 2 and w.isupper()]
    mixed = any(c.islower() for c in original) and len(capitals) == 1
    written = {
        m.group(0).replace(".", "").lower()
        for m in found
        if "." in m.group(0)
        or len(query.tokens) == 1
        or (mixed and not original[m.end() :].lstrip().startswith(","))
    }
    if not written:
        return frozenset()
    last = len(query.tokens) - 1
    return frozenset(
        i
        for i, t in enumerate(query.tokens)
        if t.text in written
        and t.text not in _DEGREES
        and t.text not in LEGAL_WORDS
        and (i < last or last == 0)
    )


def _acronym_pairs(
    query: NormalizedName,
    name: NormalizedName,
    acronyms: frozenset[int],
    free_q: set[int],
    free_n: set[int],
) -> list[tuple[int, tuple[int, ...]]]:
    """Acronyms of the query and the runs of free name words whose initials they are
    (PLA: People's Liberation Army; U.S.: United States), small words skipped; the
    sets of free words are updated."""
    found: list[tuple[int, tuple[int, ...]]] = []
    tokens = name.tokens
    for i in sorted(acronyms & free_q):
        letters = query.tokens[i].text
        for start in sorted(free_n):
            run: list[int] = []
            j = start
            while j < len(tokens) and len(run) < len(letters) and j in free_n:
                if tokens[j].text not in _ACRONYM_SKIPS or not run:
                    if tokens[j].text[:1] != letters[len(run)]:
                        break
                    run.append(j)
                j += 1
            # Two letters for the whole name are a person's initials (N.N.), no acronym.
            whole = bool(run) and run[0] == 0 and run[-1] == len(tokens) - 1
            if len(run) == len(letters) >= (3 if whole else 2):
                found.append((i, tuple(run)))
                free_q.discard(i)
                free_n.difference_update(range(run[0], run[-1] + 1))
                break
    return found


SPLIT_PIECE_MAX: Final = 4
"""Three words of at most this many letters may be one word cut in three (Plat Ono Vich,
KIM JONG UN against KIMJONGUN)."""


def _three(side: Sequence[Token], j: int) -> bool:
    """Three words from ``j`` on that may be written as one: a particle among the first
    two (ABD AL-RAHMAN, VAN DER BILT, DE LA CRUZ) or three short pieces (see
    SPLIT_PIECE_MAX)."""
    if j + 2 >= len(side):
        return False
    if side[j].text in PARTICLES or side[j + 1].text in PARTICLES:
        return True
    return (
        len(side[j].text) <= SPLIT_PIECE_MAX
        and len(side[j + 1].text) <= SPLIT_PIECE_MAX
        and len(side[j + 2].text) <= SPLIT_PIECE_MAX
    )


_KANA_CODA: Final = re.compile(r"ng(?![aeiouy])")


def _joined_text(word: Token, a: Token, b: Token) -> str:
    """Two words written together, as ``word`` would spell them: kana close a syllable
    with ン, n, where others write ng (ヨジョン yojon: Yo Jong)."""
    text = a.text + b.text
    if word.script == "kana" and a.script != "kana":
        return _KANA_CODA.sub("n", text)
    return text


def _joined_bones(word: Token, a: Token, b: Token) -> float:
    """Consonant skeletons of a word and of two words written together, across scripts
    (바샤르 알아사드: alasadeu ~ AL-ASSAD; حسن نصر الله: nsr llh ~ NASRALLAH)."""
    if a.foreign != b.foreign:
        return 0.0
    # Skeletons join words of a script without written vowels, or with a particle
    # (alasadeu ~ AL ASSAD); vowels written say more (アリー・ハーメネイー is no RAHMAN).
    if not (word.abjad or a.abjad or word.script == "hangul" or {a.text, b.text} & PARTICLES):
        return 0.0
    if (word.abjad or a.abjad) and (
        _opening(_latin(word)) != _opening(_latin(a)) or _onset_conflict(word, a)
    ):
        return 0.0  # the first consonant is written in an abjad: יוסף לוי is no HIZBALLAH,
        # بوران هندية no FRONT
    syllabic = {"hangul", "kana", "han"} & {word.script, a.script}
    if syllabic and (_latin(word)[:1] in _VOWELS) != (_latin(a)[:1] in _VOWELS):
        return 0.0  # Hangul, kana and Chinese write an opening vowel: 로사리오 is no AL-JALIL
    loose = any(t.script in LOOSE_SCRIPTS for t in (word, a, b))
    pairs = [(skeleton(_latin(word)), skeleton(_latin(a) + _latin(b)))]
    if word.abjad:
        pairs.append((skeleton(_latin(word), abjad=True), pairs[0][1]))
    if a.abjad:
        pairs.append((pairs[0][0], skeleton(_latin(a) + _latin(b), abjad=True)))
    best = 0.0
    for one, two in pairs:
        if loose:
            one, two = loose_skeleton(one), loose_skeleton(two)
        if len(one) >= 3 and len(two) >= 3:
            best = max(best, float(Levenshtein.normalized_similarity(one, two)))
    return best * SKELETON_SCALE if best >= SKELETON_CUTOFF else 0.0


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
            (len(w) >= 3 or w[0] == token.text[0]) and OSA.distance(token.text, w) <= 1
            for w in written
        ):  # LTa. for LTD., SlA. for S.A.
            found.append(token.text)
        else:
            kept.append(token)
    # A dotted form with a letter wrong comes apart in short pieces (Sn.A. → sn, a;
    # SmA.L. → sma, l).
    short = [t for t in kept if len(t.text) <= 3]
    if 2 <= len(short) <= 4 and not found:
        joined = "".join(t.text for t in short)
        if any(len(w) >= 2 and OSA.distance(joined, w) <= 1 for w in written):
            found.extend(t.text for t in short)
            kept = [t for t in kept if len(t.text) > 3]
    return kept, found


def _titles_kept(missing: list[Token], other: NormalizedName) -> tuple[list[Token], list[Token]]:
    """Unmatched words that the other name dropped as a title: an ambiguous title (Haji,
    Sayyid) is dropped only before two more words, so HAJJI Fawzi keeps the word that
    HAJJI, Muhammad Fawzi drops, and Said Mohammad Ali the SAEED of SAEED, Mohammad Ali
    (one word in two spellings, by their phonetic keys); such words are compared, not
    counted as missing."""
    titles = _dropped_titles(other, missing)
    if not titles:
        return missing, []
    return [t for t in missing if t.text not in titles], [t for t in missing if t.text in titles]


def _dropped_titles(other: NormalizedName, words: Sequence[Token]) -> set[str]:
    """The titles ``other`` dropped and the ``words`` that are one of them in another
    spelling (by their phonetic keys: SAEED for Said)."""
    titles = {w for w in other.removed if w in HONORIFICS} if other.removed else set()
    if titles:
        keys = frozenset().union(*(phonetic_keys(w) for w in titles))
        titles |= {t.text for t in words if not t.keys.isdisjoint(keys)}
    return titles


def _swapped(matched: list[tuple[int, int, float, Method]]) -> bool:
    """True when the matched name words come in the reverse order of the query's (two
    query words joined into one name word are in no order: Good Will, Goodwill)."""
    names = [j for _, j, _, _ in sorted(matched)]
    return len(names) >= 2 and all(b < a for a, b in zip(names, names[1:], strict=False))


Families = tuple[frozenset[int], frozenset[int]] | None
"""Where the family names of two names compared as Chinese or Korean names may stand,
or None when they are not so compared (:func:`_family_names`)."""


def _given_disorder(families: Families, matched: list[tuple[int, int, float, Method]]) -> bool:
    """True when two names compared as Chinese or Korean names (``families`` from
    :func:`_family_names`) have their matched words out of order, even with a pair of
    family names set aside: the family name may stand first or last, the syllables of
    the given name keep their order (김은정 is not KIM Jong Un, 江俊男 not NAM CHON GANG)."""
    if families is None:
        return False
    family_q, family_n = families
    pairs = sorted((i, j) for i, j, _, _ in matched)

    def in_order(kept: list[tuple[int, int]]) -> bool:
        return all(a[1] < b[1] for a, b in zip(kept, kept[1:], strict=False))

    if in_order(pairs):
        return False
    return not any(
        in_order([p for p in pairs if p != (i, j)])
        for i, j in pairs
        if i in family_q and j in family_n
    )


_LINEAGE: Final = frozenset({"bin", "ibn", "bint", "ben"})


def _lineage_swapped(
    query: NormalizedName, name: NormalizedName, matched: list[tuple[int, int, float, Method]]
) -> bool:
    """True when both names say "A son of B" and one has A and B the other way round
    (SALMAN BIN MUHAMMAD against MUHAMMAD BIN SALMAN: two people, father and son)."""
    marks_q = [i for i, t in enumerate(query.tokens) if t.text in _LINEAGE]
    marks_n = [j for j, t in enumerate(name.tokens) if t.text in _LINEAGE]
    if len(marks_q) != 1 or len(marks_n) != 1:
        return False
    q, n = marks_q[0], marks_n[0]
    pairs = [(i, j) for i, j, _, _ in matched if i != q and j != n]
    return any(i < q and j > n for i, j in pairs) and any(i > q and j < n for i, j in pairs)


def _generic_only(
    query: NormalizedName,
    name: NormalizedName,
    matched: list[tuple[int, int, float, Method]],
    missing: list[Token],
) -> bool:
    """True when every matched word is a generic word of organisation names (ORG_WORDS:
    MANAGEMENT, BANK, IRAN) or a particle, and a word left over is neither (Management
    Company against Westminister Management Company; Bank of Iran against Bank Melli
    Iran): see GENERIC_ONLY_CAP."""
    if not matched or not missing:
        return False

    def generic(text: str) -> bool:
        return text in ORG_WORDS or text in PARTICLES

    if not all(
        generic(query.tokens[i].text) or generic(name.tokens[j].text) for i, j, _, _ in matched
    ):
        return False
    return any(not generic(t.text) and t.text not in LEGAL_WORDS for t in missing)


def _anchored(
    matched: list[tuple[int, int, float, Method]], query: NormalizedName, name: NormalizedName
) -> bool:
    """True when two or more words matched well, all in the same order, the first word
    of each name with the other's first or the last with the last (see
    ANCHORED_EXTRA_CAP)."""
    if len(matched) < 2 or any(sim < STRONG_AT for _, _, sim, _ in matched):
        return False
    pairs = sorted((i, j) for i, j, _, _ in matched)
    if pairs[0] != (0, 0) and pairs[-1] != (len(query.tokens) - 1, len(name.tokens) - 1):
        return False
    return all(b[1] > a[1] for a, b in zip(pairs, pairs[1:], strict=False))


def _out_of_order(matched: list[tuple[int, int, float, Method]]) -> bool:
    """True when the matched name words, read in query order, are not a rotation of
    the name's own order (a surname moved from the front to the end is a rotation)."""
    names = [j for _, j, _, _ in sorted(matched)]
    descents = sum(1 for a, b in zip(names, names[1:], strict=False) if b < a)
    return descents > 1 or (descents == 1 and names[-1] > names[0])


def code_of(name: NormalizedName) -> str:
    """The letters and digits of a short name written as one code, or ''."""
    return _code(name.original) if len(name.original) <= 3 * CODE_MAX else ""


@lru_cache(maxsize=100_000)
def _code(original: str) -> str:
    code = "".join(c for c in ascii_fold(original) if c.isalnum())
    return code if CODE_MIN <= len(code) <= CODE_MAX and code.isascii() else ""


def _code_score(query: NormalizedName, name: NormalizedName) -> float:
    a = code_of(query)
    b = code_of(name) if a else ""
    if not b:
        return 0.0
    similarity = _spelled_similarity(a, b)
    return similarity * CODE_SCALE if similarity >= CODE_CUTOFF else 0.0


def _acronym_disorder(
    query: NormalizedName, name: NormalizedName, matched: list[tuple[int, int, float, Method]]
) -> bool:
    """Initials written next to each other in the query (C B A) that stand in another
    order in the name (A B C). An initial standing apart (I A C International against
    A C International I: a word moved to the end) is no acronym in disorder."""
    letters = sorted(
        (i, j)
        for i, j, _, _ in matched
        if len(query.tokens[i].text) == 1 and len(name.tokens[j].text) == 1
    )
    run: list[int] = []
    last = -2
    for i, j in letters:
        if i != last + 1:
            run = []
        if run and j < run[-1]:
            return True
        run.append(j)
        last = i
    return False


PairRow = tuple[tuple[float, "Method | None"], ...]
"""Similarity and method of every query token to one name token."""


class PairTable:
    """Token similarities of one query to the name tokens of its candidates, each
    distinct name token computed once (many candidates share words: Mohammed, Ltd)."""

    __slots__ = ("_column", "_fuzzy", "_memo", "acronyms", "join_lengths", "join_sums", "query")

    def __init__(
        self,
        query: NormalizedName,
        fuzzy: Sequence[Sequence[float]],
        key_column: dict[str, int],
    ) -> None:
        self.query = query
        self._fuzzy = fuzzy
        self._column = key_column
        self._memo: dict[tuple[str, str, str], PairRow] = {}
        self.acronyms = acronym_tokens(query)
        """Query words written as acronyms (U.S., PLA)."""
        words = [len(t.text) for t in query.tokens]
        pairs = [a + b for a, b in zip(words, words[1:], strict=False)]
        pairs += [a + b + c for a, b, c in zip(words, words[1:], words[2:], strict=False)]
        self.join_sums = frozenset(s for w in words if w >= 4 for s in _join_range(w))
        """Lengths of two name words written together that a query word may stand for."""
        self.join_lengths = frozenset(n for s in pairs for n in _join_range(s) if n >= 4)
        """Lengths of a name word that two (or three) query words written together may
        stand for."""

    def row(self, n: Token) -> PairRow:
        """``(similarity, method)`` of each query token against the name token ``n``.

        A token's similarity depends on its text, script and sound only (the other
        fields are made from them), so the row is kept under these.
        """
        memo_key = (n.text, n.script, n.heard)
        found = self._memo.get(memo_key)
        if found is None:
            column = self._column[n.key]
            found = tuple(
                token_similarity(q, n, self._fuzzy[i][column])
                for i, q in enumerate(self.query.tokens)
            )
            self._memo[memo_key] = found
        return found


def can_reach(query: NormalizedName, name: NormalizedName, table: PairTable, floor: float) -> bool:
    """False only when :func:`align` cannot give ``name`` a score of ``floor`` or more.

    A cheap upper bound, so that a search skips the full alignment of most retrieved
    names. The score is ``gained / total``; it reaches ``floor`` only if ``gained -
    floor × total`` can be non-negative. Every part of :func:`align` adds to both sums
    independently, so each token is given its most favourable fate on its own: a query
    token its best similarity to any name token (or a joined pair, a title the other
    name dropped, a legal form written inside the name) or its smallest cost when
    missing; a name token nothing if some query token may match it, else its smallest
    cost when missing; legal forms their best similarity. The factors applied after
    the division only lower the score. A short name written as one code is not bounded.
    """
    f = floor - 1e-4  # align rounds the score to four decimals
    if f <= 0.0:
        return True
    if code_of(query) and code_of(name):
        return True
    if table.acronyms:  # an acronym may stand for a run of the name's words
        initials = {t.text[:1] for t in name.tokens}
        if any(set(query.tokens[i].text) <= initials for i in table.acronyms):
            return True
    q_tokens = query.tokens
    n_tokens = name.tokens
    best = [0.0] * len(q_tokens)
    name_titles = _dropped_titles(name, q_tokens)
    query_titles = _dropped_titles(query, n_tokens)
    one_word = len(q_tokens) == 1 and not query.legal_forms
    unmatched_n: list[int] = []
    partial = f < PARTIAL_CAP  # words spelt alike in part may lift the score to the cap
    for j, n in enumerate(n_tokens):
        row = table.row(n)
        matchable = False
        for i, (sim, method) in enumerate(row):
            if method is not None and (partial or method is not Method.PARTIAL):
                matchable = True
                if sim > best[i]:
                    best[i] = sim
        if not matchable:
            unmatched_n.append(j)
    repeated = query.repeated | name.repeated if name.repeated else query.repeated
    args = (
        query, name, f, best, unmatched_n, name_titles, query_titles, one_word, False, repeated
    )  # fmt: skip
    # The cap on one-sided words and joined words only raise the bound: they are
    # looked for when it falls short.
    if _bound(*args, set(), set()) >= 0.0:
        return True
    # May the first or the last words pair, as the cap on one-sided words needs?
    if len([b for b in best if b >= STRONG_AT]) >= 2 and (
        table.row(n_tokens[0])[0][0] >= STRONG_AT or table.row(n_tokens[-1])[-1][0] >= STRONG_AT
    ):
        args = (*args[:8], True, repeated)
        if _bound(*args, set(), set()) >= 0.0:
            return True
    joined_q: set[int] = set()
    joined_n: set[int] = set()
    sums = table.join_sums
    # A query word for two name words written apart: both may be covered.
    pairs = zip(n_tokens, n_tokens[1:], strict=False)
    # Across scripts words join by their skeletons, whatever their lengths.
    mixed = query.foreign or name.foreign
    triples = zip(n_tokens, n_tokens[1:], n_tokens[2:], strict=False)
    if len(n_tokens) >= 2 and (
        mixed
        or any(len(a.text) + len(b.text) in sums for a, b in pairs)
        or any(len(a.text) + len(b.text) + len(c.text) in sums for a, b, c in triples)
    ):
        joined_q = _joinable(q_tokens, n_tokens, mixed)
        if joined_q:
            joined_n = _covered(q_tokens, n_tokens)
    lengths = table.join_lengths
    if len(q_tokens) >= 2 and (mixed or any(len(n.text) in lengths for n in n_tokens)):
        # a name word written apart in the query: both query words may join
        for j in _joinable(n_tokens, q_tokens, mixed):
            joined_n.add(j)
            joined_q |= _joined_partners(n_tokens[j], q_tokens)
    if not joined_q and not joined_n:
        return False
    return _bound(*args, joined_q, joined_n) >= 0.0


def _bound(
    query: NormalizedName,
    name: NormalizedName,
    f: float,
    best: list[float],
    unmatched_n: list[int],
    name_titles: set[str],
    query_titles: set[str],
    one_word: bool,
    anchored: bool,
    repeated: frozenset[str],
    joined_q: set[int],
    joined_n: set[int],
) -> float:
    """``gained - f × total`` at its most favourable for :func:`can_reach`; when the
    cost of words on one side only may be capped (``anchored``: ANCHORED_EXTRA_CAP),
    the better of that bound and one where missing words cost nothing but the cap."""
    total = 0.0
    capped = -f * ANCHORED_EXTRA_CAP
    n_tokens = name.tokens
    for i, q in enumerate(query.tokens):
        w = q.weight
        if q.patronymic:
            term = -f * min(w, MISSING_PATRONYMIC_COST)
        elif q.text in ARTICLES:
            term = -f * min(w, MISSING_ARTICLE_COST)
        elif q.text in repeated:  # a word repeated in either name: a looser bound only
            term = -f * min(w, MISSING_REPEAT_COST)
        else:
            term = -f * w * EXTRA_QUERY_TOKEN_COST
        if best[i] > 0.0:
            term = max(term, w * (best[i] - f))
        if i in joined_q:
            term = max(term, w * (JOINED_SCALE - f))
        if name.legal_forms:
            term = max(term, 0.0)
        if q.text in name_titles:
            term = max(term, w * (1.0 - f))
        elif q.text in HONORIFICS:
            term = max(term, -f * w * MISSING_TITLE_COST)
        total += term
        if anchored:
            capped += max(term, 0.0)
    for j in unmatched_n:
        if j in joined_n:
            continue
        n = n_tokens[j]
        v = n.weight
        if n.patronymic:
            term = -f * min(v, MISSING_PATRONYMIC_COST)
        elif n.text in ARTICLES:
            term = -f * min(v, MISSING_ARTICLE_COST)
        elif n.text in repeated:
            term = -f * min(v, MISSING_REPEAT_COST)
        else:
            cost = max(MISSING_NAME_TOKEN_COST, ONE_WORD_QUERY_COST if one_word else 0.0)
            term = -f * v * cost
        if query.legal_forms:
            term = max(term, 0.0)
        if n.text in query_titles:
            term = max(term, v * (1.0 - f))
        elif n.text in HONORIFICS:
            term = max(term, -f * v * MISSING_TITLE_COST)
        total += term
        if anchored:
            capped += max(term, 0.0)
    if query.legal_forms or name.legal_forms:
        forms = LEGAL_FORM_WEIGHT * (1.0 - f)
        forms += max(0.0, LEGAL_FORM_WEIGHT * (LEGAL_FORM_MOVED_SIMILARITY - f))
        total += forms
        capped += forms
    return max(total, capped) if anchored else total


def _join_range(length: int) -> range:
    """The lengths of words written together that may be a word of ``length`` letters
    at the joined-word similarity: the edit distance is at least the difference of the
    lengths, so it is at most 16 % of the longer (a little slack)."""
    return range(-(-84 * length // 100), 100 * length // 84 + 1)


def _joinable(side_a: Sequence[Token], side_b: Sequence[Token], mixed: bool = False) -> set[int]:
    """Indexes of words of ``side_a`` that may stand for two adjacent words of
    ``side_b`` (or three after a particle) written together (the test of
    :func:`_joined`, without its order);
    ``mixed`` when a side holds words romanized from another script."""
    found: set[int] = set()
    for i, a in enumerate(side_a):
        word = a.text
        if len(word) < 4:
            continue
        fits = _join_range(len(word))  # lengths written together that may be this word
        for j in range(len(side_b) - 1):
            joined = _joined_text(a, side_b[j], side_b[j + 1])
            if len(joined) in fits and _similar(word, joined):
                found.add(i)
                break
            if mixed and a.foreign != side_b[j].foreign:  # across scripts: the skeletons
                if _joined_bones(a, side_b[j], side_b[j + 1]) >= JOINED_CUTOFF:
                    found.add(i)
                    break
            elif (
                _three(side_b, j)
                and len(joined) + len(side_b[j + 2].text) in fits
                and _similar(word, joined + side_b[j + 2].text)
            ):
                found.add(i)
                break
    return found


def _similar(word: str, joined: str) -> bool:
    return OSA.normalized_similarity(word, joined) >= JOINED_CUTOFF


def _joined_partners(word: Token, side: Sequence[Token]) -> set[int]:
    """The words of every adjacent pair (or particle triple) of ``side`` that ``word``
    may stand for."""
    found: set[int] = set()
    for j in range(len(side) - 1):
        joined = _joined_text(word, side[j], side[j + 1])
        if OSA.normalized_similarity(word.text, joined) >= JOINED_CUTOFF or (
            word.foreign != side[j].foreign
            and _joined_bones(word, side[j], side[j + 1]) >= JOINED_CUTOFF
        ):
            found.update((j, j + 1))
        elif _three(side, j) and (
            OSA.normalized_similarity(word.text, joined + side[j + 2].text) >= JOINED_CUTOFF
        ):
            found.update((j, j + 1, j + 2))
    return found


def _covered(query: Sequence[Token], name: Sequence[Token]) -> set[int]:
    """Name words that a joined query word may cover."""
    found: set[int] = set()
    for q in query:
        if len(q.text) >= 4:
            found |= _joined_partners(q, name)
    return found


def align(
    query: NormalizedName,
    name: NormalizedName,
    fuzzy: Sequence[Sequence[float]],
    key_column: dict[str, int],
    floor: float = 0.0,
    table: PairTable | None = None,
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
    if table is None:
        table = PairTable(query, fuzzy, key_column)
    partial: list[tuple[float, int, int]] = []
    families = _family_names(query, name)
    for j, n in enumerate(name.tokens):
        for i, (sim, method) in enumerate(table.row(n)):
            if method is Method.PARTIAL:
                partial.append((sim, i, j))
            elif (
                method is Method.FUZZY
                and _other_syllables(query.tokens[i], n)
                and _syllabic(query, name, families)
            ):
                partial.append((sim / FUZZY_SCALE * PARTIAL_SCALE, i, j))
            elif method is not None:
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
    rejoined = _rejoined(query, name, matched, free_n) if free_n else []
    if rejoined or (free_q and free_n):
        for i, covered, similarity in rejoined + _joined(query, name, free_q, free_n):
            sim = similarity * JOINED_SCALE
            weight = query.tokens[i].weight
            gained += sim * weight
            total += weight
            matched.append((i, covered[0], sim, Method.JOINED))
        for i, covered in _acronym_pairs(query, name, table.acronyms, free_q, free_n):
            matched.append((i, covered[0], ACRONYM_SIMILARITY, Method.ACRONYM))
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
    notes: list[str] = []
    missing_q, titles_q = _titles_kept(missing_q, name)
    missing_n, titles_n = _titles_kept(missing_n, query)
    if titles_q or titles_n:
        both = titles_q + titles_n
        gained += sum(t.weight for t in both)
        total += sum(t.weight for t in both)
        notes.append("dropped as a title on one side only: " + ", ".join(t.text for t in both))
    # A title kept inside a name (NOOR, Haji Mohammad; SHAH, Mullah Mohammed) and
    # missing on the other side says little: it costs a tenth of its weight, unless
    # the other side has a word left over too (MIR against WALI: two names differ) or
    # only one word matched (CHAN King against HAYAN: King is a given name there).
    rest_q, titles_inside = _split_titles(missing_q)
    rest_n, titles_inside_n = _split_titles(missing_n)
    if len(matched) >= 2 and not (rest_q and titles_inside_n) and not (rest_n and titles_inside):
        missing_q, missing_n = rest_q, rest_n
        total += sum(t.weight for t in titles_inside + titles_inside_n) * MISSING_TITLE_COST
    # A word one may leave out (a patronymic, a later Spanish family name) costs little
    # only beside words that are the same: beside a word matched loosely the names may
    # be two people's (Κυράτσα Βαϊραμίδου is no PORTILLA BARRAZA, Jorge).
    loose = any(sim < SURE_PAIR for _, _, sim, _ in matched)
    leftover = _leftover_cost(query, name, missing_q, missing_n, families, loose=loose)
    if (
        leftover > ANCHORED_EXTRA_CAP
        and not (missing_q and missing_n)  # words left over on one side only
        and len(missing_q) + len(missing_n) <= len(matched) + 1  # and few of them
        and families is None
        and _anchored(matched, query, name)
    ):
        leftover = ANCHORED_EXTRA_CAP
        notes.append("the shorter name's words all found in order, from its first or to its last")
    total += leftover
    plain_q = [t for t in missing_q if not t.patronymic]
    plain_n = [t for t in missing_n if not t.patronymic]
    spelt_apart = _partial_pairs(partial, query, name, plain_q, plain_n) if plain_q else []
    # Legal forms are compared as a part of the name: the same form (Ltd = Limited)
    # or one of the same family (OAO, JSC) is evidence, a form on one side only
    # costs a little, forms of conflicting families lower the score below.
    relation = legal_forms_relation(query, name)
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
    if spelt_apart:
        paired_q = [query.tokens[i] for i, _, _, _ in spelt_apart]
        paired_n = [name.tokens[j] for _, j, _, _ in spelt_apart]
        rest_q = [t for t in missing_q if all(t is not p for p in paired_q)]
        rest_n = [t for t in missing_n if all(t is not p for p in paired_n)]
        extra = sum(sim * query.tokens[i].weight for i, _, sim, _ in spelt_apart)
        paired_total = (
            total
            - leftover
            + _leftover_cost(query, name, rest_q, rest_n, families, loose=loose)
            + sum(t.weight for t in paired_q)
        )
        with_partial = min((gained + extra) / paired_total, PARTIAL_CAP)
        if with_partial > score:
            score = with_partial
            matched.extend(spelt_apart)
            missing_q, missing_n = rest_q, rest_n
    if (
        len(query.original) <= 3 * CODE_MAX
        and len(name.original) <= 3 * CODE_MAX
        and not (len(query.tokens) > 1 and _family_names(query, query))
    ):  # a Chinese or Korean name of its syllables is no code (SIN Il is no SINIE)
        code = _code_score(query, name)
        if code > score:
            return NameScore(
                query.original,
                name.original,
                round(code, 4),
                (),
                (),
                (),
                notes=(f"written as one code: {code_of(query)} ~ {code_of(name)} → {code:.2f}",),
            )
    if score < floor:  # what follows only lowers the score: no explanation needed
        return NameScore(query.original, name.original, round(score, 4), (), (), ())
    if _acronym_disorder(query, name, matched):
        score *= ACRONYM_ORDER_FACTOR
        notes.append(f"initials in another order: score × {ACRONYM_ORDER_FACTOR}")
    elif (
        _swapped(matched)
        and not comma_splits_name(query.original)
        and not comma_splits_name(name.original)
        and not (query.family_first or name.family_first)
        and not any(t.script.startswith("cyrillic") for t in query.tokens + name.tokens)
    ):
        score *= SWAPPED_ORDER_FACTOR
        notes.append(f"names in reversed order: score × {SWAPPED_ORDER_FACTOR}")
    if _given_disorder(families, matched):
        score *= SYLLABLE_ORDER_FACTOR
        notes.append(
            f"syllables of the given name in another order: score × {SYLLABLE_ORDER_FACTOR}"
        )
    if score > GENERIC_ONLY_CAP and _generic_only(query, name, matched, missing_q + missing_n):
        score = GENERIC_ONLY_CAP
        notes.append("only generic words match and a distinctive word differs: weak evidence")
    if _lineage_swapped(query, name, matched):
        score *= LINEAGE_SWAP_FACTOR
        notes.append(f"father and son swapped around bin/ibn: score × {LINEAGE_SWAP_FACTOR}")
    if legal_forms_conflict(query, name):
        score *= LEGAL_FORM_CONFLICT_FACTOR
        notes.append(
            f"legal forms differ ({', '.join(query.legal_forms)} vs "
            f"{', '.join(name.legal_forms)}): score × {LEGAL_FORM_CONFLICT_FACTOR}"
        )
    lone = _lone_skeleton(query, name, matched)
    if lone is not None:
        factor = LONE_SKELETON_FACTOR if lone < SKELETON_SCALE - 1e-6 else 1.0
        score = min(score * factor, LONE_SKELETON_CAP)
        notes.append("one word matched across scripts by its consonants only: weak evidence")
    elif score > LONE_SKELETON_CAP and _few_consonants(query, name, matched):
        score = LONE_SKELETON_CAP
        notes.append("matched across scripts by a few consonants only: weak evidence")
    if score > LONE_SKELETON_CAP and _surname_as_patronymic(query, name, matched, missing_n):
        score = LONE_SKELETON_CAP
        notes.append("the listed patronymic matched, the family name is missing: weak evidence")
    if len(matched) >= 2 and _out_of_order(matched):
        score -= ORDER_TIE_COST
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


def _repeat_found(token: Token, name: NormalizedName, missing: list[Token]) -> bool:
    """A word its name has twice, of which a copy was matched (MOHAMED MOHAMED ALI
    against MOHAMED ALI); when every copy is missing (CHANG CHANG HA against HA), the
    word is missing as any other."""
    if token.text not in name.repeated:
        return False
    copies = sum(1 for t in name.tokens if t.text == token.text)
    return sum(1 for t in missing if t.text == token.text) < copies


def _other_syllables(q: Token, n: Token) -> bool:
    """Two Latin words spelt alike that are both pinyin (Zhang, Wang; Ping, Ying;
    Shuzhen, Shusheng): in a Chinese or Korean name they are other syllables, other
    characters, not one written with a typo (Zhamg is no syllable)."""
    return (
        q.script == n.script == "latin"
        and split_pinyin(q.text) is not None
        and split_pinyin(n.text) is not None
    )


def _syllabic(query: NormalizedName, name: NormalizedName, families: Families) -> bool:
    """Whether the words of one name at least are syllables of a Chinese or Korean name
    (TANG, Ping-keung is written in Cantonese, so only the query may read as pinyin)."""
    return families is not None or bool(_latin_family(query) or _latin_family(name))


def _syllable_name(name: NormalizedName) -> bool:
    """A Chinese or Korean name read from its characters (习近平, 김정은)."""
    return bool(name.tokens) and name.tokens[0].script in NATIVE_SYLLABLES


def _latin_family(name: NormalizedName) -> frozenset[int]:
    """Where the family name of a name typed in Latin letters as a Chinese or Korean
    name may stand (:func:`horizont.screening.scripts.east_asian_family`)."""
    if any(t.script != "latin" for t in name.tokens):
        return frozenset()
    return east_asian_family(tuple(t.text for t in name.tokens))


_FIRST: Final = frozenset({0})


def _family_names(query: NormalizedName, name: NormalizedName) -> Families:
    """Where the family names may stand when two names are compared as Chinese or
    Korean names, or None when they are not: one of them is read from Chinese or
    Korean characters (its family name first), or both are typed in Latin letters as
    such names are (KIM Song Min and KIM, Song; not KIM Song Min and Kim Smith). Such
    names have no middle names, and the syllables of their given names keep their
    order."""
    native_q, native_n = _syllable_name(query), _syllable_name(name)
    latin_q = _FIRST if native_q else _latin_family(query)
    latin_n = _FIRST if native_n else _latin_family(name)
    if native_q or native_n or (latin_q and latin_n):
        return latin_q, latin_n
    return None


def _leftover_cost(
    query: NormalizedName,
    name: NormalizedName,
    missing_q: list[Token],
    missing_n: list[Token],
    families: Families,
    *,
    loose: bool = False,
) -> float:
    """What words left unpaired cost: extra words on one side only are middle names or
    qualifiers (0.5 of a query word's weight, 0.3 of a name word's; 0.5 for a one-word
    query); unpaired words on both sides are name parts that differ, which costs their
    full weight; a patronymic on one side only a tenth (unless a word matched only
    ``loose``-ly: then as any other word), the article *al*
    MISSING_ARTICLE_COST, and a word its name has twice (MOHAMED MOHAMED, Shoigu
    Shoigu) a tenth when the other side has no word left.
    ``families`` (:func:`_family_names`) tells Chinese and Korean names apart."""
    query_has_patronymic = any(t.patronymic for t in missing_q)
    name_has_patronymic = any(t.patronymic for t in missing_n)
    conflict = any(not t.patronymic for t in missing_q) and any(not t.patronymic for t in missing_n)
    # Chinese and Korean names have no middle names: each syllable is a part of the
    # given name (KIM Song is not KIM Song Min); one left out between two found costs
    # a little less than one at an end (KIM Il is nearer KIM Su Il than KIM Il Nam).
    syllables = not conflict and families is not None
    whole = conflict or syllables
    extra_query_cost = 1.0 if whole else EXTRA_QUERY_TOKEN_COST
    extra_name_cost = 1.0 if whole else MISSING_NAME_TOKEN_COST
    if len(query.tokens) == 1 and not query.legal_forms:
        extra_name_cost = max(extra_name_cost, ONE_WORD_QUERY_COST)  # a surname alone
    cost = 0.0
    for t in missing_q:
        if t.patronymic and not loose:
            cost += t.weight if name_has_patronymic else MISSING_PATRONYMIC_COST
        elif t.text in ARTICLES:
            cost += min(t.weight, MISSING_ARTICLE_COST)
        elif not missing_n and _repeat_found(t, query, missing_q):
            cost += min(t.weight, MISSING_REPEAT_COST)
        else:
            cost += t.weight * extra_query_cost
    for t in missing_n:
        if t.patronymic and not loose:
            cost += t.weight if query_has_patronymic else MISSING_PATRONYMIC_COST
        elif t.text in ARTICLES:
            cost += min(t.weight, MISSING_ARTICLE_COST)
        elif not missing_q and _repeat_found(t, name, missing_n):
            cost += min(t.weight, MISSING_REPEAT_COST)
        elif syllables and t is not name.tokens[0] and t is not name.tokens[-1]:
            cost += t.weight * MISSING_SYLLABLE_INSIDE_COST
        else:
            cost += t.weight * extra_name_cost
    return cost


def _partial_pairs(
    partial: list[tuple[float, int, int]],
    query: NormalizedName,
    name: NormalizedName,
    plain_q: list[Token],
    plain_n: list[Token],
) -> list[tuple[int, int, float, Method]]:
    """Words left over on both sides and spelt alike in part, paired best first."""
    left_q = {id(t) for t in plain_q}
    left_n = {id(t) for t in plain_n}
    free_q = {i for i, t in enumerate(query.tokens) if id(t) in left_q}
    free_n = {j for j, t in enumerate(name.tokens) if id(t) in left_n}
    found: list[tuple[int, int, float, Method]] = []
    for sim, i, j in sorted(partial, key=lambda p: (-p[0], p[1], p[2])):
        if i in free_q and j in free_n:
            free_q.discard(i)
            free_n.discard(j)
            found.append((i, j, sim, Method.PARTIAL))
    return found


def _lone_skeleton(
    query: NormalizedName, name: NormalizedName, matched: list[tuple[int, int, float, Method]]
) -> float | None:
    """The similarity of the only pair of a one-word query when that pair was matched
    across scripts by consonant skeletons (not by equal phonetic keys), else None; also
    the least of the pairs of one word that words of the other name, written together,
    meet by skeletons alone (إيغور سيتشين, Igor Sechin, is no AKRESTSINA): the whole
    match rests on one comparison of consonants, unless a particle or الله is joined
    (حزب الله is HIZBALLAH)."""
    if (
        len(matched) >= 2
        and (len({j for _, j, _, _ in matched}) == 1 or len({i for i, _, _, _ in matched}) == 1)
        and all(
            method is Method.JOINED
            and _by_skeleton(query.tokens[i], name.tokens[j], sim)
            and not {query.tokens[i].text, name.tokens[j].text} & JOINING_WORDS
            for i, j, sim, method in matched
        )
    ):
        return min(sim for _, _, sim, _ in matched)
    if len(query.tokens) != 1 or len(matched) != 1:
        return None
    i, j, sim, method = matched[0]
    if method is Method.TRANSLITERATION and _by_skeleton(query.tokens[i], name.tokens[j], sim):
        return sim
    return None


def _by_skeleton(q: Token, n: Token, sim: float) -> bool:
    """Whether a pair matched across scripts has no more than a skeleton's similarity
    (equal phonetic keys give more)."""
    return sim <= SKELETON_SCALE + 1e-6 and q.script != n.script and (q.foreign or n.foreign)


def _few_consonants(
    query: NormalizedName, name: NormalizedName, matched: list[tuple[int, int, float, Method]]
) -> bool:
    """Whether every pair was matched across scripts by consonant skeletons alone (not
    by equal phonetic keys) and no query word matched so by its whole skeleton holds
    SKELETON_EVIDENCE consonants (with a similarity of SKELETON_EVIDENCE_SIMILARITY or
    more: its whole skeleton, or joined with the next word)."""
    whole: list[int] = []
    for i, j, sim, method in matched:
        if method not in (Method.TRANSLITERATION, Method.JOINED) or not _by_skeleton(
            query.tokens[i], name.tokens[j], sim
        ):
            return False
        if sim >= SKELETON_EVIDENCE_SIMILARITY:
            whole.append(i)
    return (
        bool(matched)
        and max((_consonants(query.tokens[i]) for i in whole), default=0) < SKELETON_EVIDENCE
    )


_TWICE: Final = re.compile(r"(.)\1")


def _consonants(token: Token) -> int:
    """How many consonants a word holds: its skeleton's, where consonants of one class
    apart by a vowel or an h count apart (محمود mhmwd, মুহাম্মদ muhammd: m, m, d)."""
    return len(skeleton(_TWICE.sub(r"\1", _latin(token)), abjad=token.abjad, collapse=False))


NAME_TITLES: Final = frozenset("amir emir mir said sayed sultan".split())
"""Titles that are also common given names: inside a name they are names (KATRANJI,
Amir Hashem), and missing they cost like any word."""


def _split_titles(tokens: list[Token]) -> tuple[list[Token], list[Token]]:
    """``tokens`` without the titles and honorifics among them, and those titles."""
    if not any(t.text in HONORIFICS for t in tokens):
        return tokens, []
    titles = [t for t in tokens if t.text in HONORIFICS and t.text not in NAME_TITLES]
    return [t for t in tokens if t not in titles], titles


def score_normalized(query: NormalizedName, name: NormalizedName) -> NameScore:
    """Score two normalized names (builds the key similarity table for this pair)."""
    keys = sorted({t.key for t in name.tokens})
    column = {k: c for c, k in enumerate(keys)}
    return align(query, name, key_similarities(query.tokens, keys).tolist(), column)


def compare_names(query: str, name: str) -> NameScore:
    """Score a name against another, exactly as a search would, with the explanation
    (the best of their readings: a name in Han characters is also read in Korean)."""
    return max(
        (score_normalized(q, n) for q in name_readings(query) for n in name_readings(name)),
        key=lambda scored: scored.score,
    )
