"""Chinese names written in Hangul (the Korean rules for Chinese) read back as pinyin.

Korean writes the names of Chinese people as they sound in Mandarin, the family name
joined to the given name: 시진핑 (XI Jinping), 리커창 (LI Keqiang), 천취안궈 (CHEN
Quanguo), 주하이룬 (ZHU Hailun). The lists write pinyin. The table is generated from
the rules of the National Institute of the Korean Language (an initial consonant and a
final per syllable; ㅈ and ㅊ drop the y of a following ya, ye, yo, yu: 장 jiang, 첸
qian) and inverted. One Hangul spelling may stand for several syllables (장: zhang and
jiang; 룬: lun and run), so a word is read in each of its spellings.

A Korean name in Hangul (김정은) is read as Korean as before; this reading is a second
one, tried only when the first Hangul syllables spell a common Chinese family name and
the rest one to three pinyin syllables.
"""

from __future__ import annotations

import itertools
from functools import lru_cache
from typing import Final

from horizont.screening.palladius import CHINESE_SURNAMES_BY_FREQUENCY, PINYIN

HANGUL_BASE: Final = 0xAC00
HANGUL_LAST: Final = 0xD7A3
"""The first and last Hangul syllables; a syllable is HANGUL_BASE + (lead × 21 + vowel)
× 28 + final."""

# Initial consonants (the index of the Hangul lead jamo): b ㅂ, p ㅍ, m ㅁ, f ㅍ, d ㄷ,
# t ㅌ, n ㄴ, l ㄹ, g ㄱ, k ㅋ, h ㅎ, j ㅈ, q ㅊ, x ㅅ, zh ㅈ, ch ㅊ, sh ㅅ, r ㄹ, z ㅉ,
# c ㅊ, s ㅆ.
_LEADS: Final = {
    "zh": 12, "ch": 14, "sh": 9, "b": 7, "p": 17, "m": 6, "f": 17, "d": 3, "t": 16,
    "n": 2, "l": 5, "g": 0, "k": 15, "h": 18, "j": 12, "q": 14, "x": 9, "r": 5, "z": 13,
    "c": 14, "s": 10,
}  # fmt: skip
# Finals as written alone (with the silent ㅇ), ü apart from u.
_FINALS: Final = {
    "a": "아", "o": "오", "e": "어", "ai": "아이", "ei": "에이", "ao": "아오", "ou": "어우",
    "an": "안", "en": "언", "ang": "앙", "eng": "엉", "ong": "웅", "er": "얼", "u": "우",
    "ua": "와", "uo": "워", "uai": "와이", "ui": "우이", "uan": "완", "un": "운",
    "uang": "왕", "i": "이", "ia": "야", "ie": "예", "iao": "야오", "iu": "유", "ian": "옌",
    "in": "인", "iang": "양", "ing": "잉", "iong": "융", "ü": "위", "üe": "웨",
    "üan": "위안", "ün": "윈",
}  # fmt: skip
# Syllables without an initial.
_ALONE: Final = {
    "yi": "이", "ya": "야", "ye": "예", "yao": "야오", "you": "유", "yan": "옌", "yin": "인",
    "yang": "양", "ying": "잉", "yong": "융", "yu": "위", "yue": "웨", "yuan": "위안",
    "yun": "윈", "wu": "우", "wa": "와", "wo": "워", "wai": "와이", "wei": "웨이", "wan": "완",
    "wen": "원", "wang": "왕", "weng": "웡",
}  # fmt: skip
# -i after zh ch sh r z c s is ㅡ (즈, 츠, 스, 르, 쯔, 츠, 쓰).
_BUZZED: Final = ("zh", "ch", "sh", "r", "z", "c", "s")
# ㅈ and ㅊ drop the y of ㅑ ㅕ ㅖ ㅛ ㅠ (jia 자, qian 첸, jiu 주); ㅅ keeps it (xia 샤).
_PLAIN: Final = {2: 0, 6: 4, 7: 5, 12: 8, 17: 13}
_PALATAL_LEADS: Final = (12, 14)
_HEU: Final = 18  # ㅡ


def _with_lead(written: str, lead: int, *, vowel: int | None = None) -> str:
    """``written`` (opening with ㅇ) with its first syllable's initial set to ``lead``."""
    code = ord(written[0]) - HANGUL_BASE
    own_vowel, tail = (code // 28) % 21, code % 28
    if vowel is None:
        vowel = _PLAIN.get(own_vowel, own_vowel) if lead in _PALATAL_LEADS else own_vowel
    return chr(HANGUL_BASE + (lead * 21 + vowel) * 28 + tail) + written[1:]


def _spellings(syllable: str) -> list[str]:
    """The Hangul spellings of one pinyin syllable (ü written u, as the lists do)."""
    if syllable in _ALONE:
        return [_ALONE[syllable]]
    initial = next((i for i in _LEADS if syllable.startswith(i) and syllable != i), "")
    final = syllable[len(initial) :]
    if not initial:
        return [_FINALS[final]] if final in _FINALS else []
    lead = _LEADS[initial]
    if final == "i" and initial in _BUZZED:
        return [_with_lead("이", lead, vowel=_HEU)]
    finals = [final]
    if final.startswith("u") and initial in ("j", "q", "x"):
        finals = ["ü" + final[1:]]  # ju, que, xuan: ü
    elif final in ("u", "ue") and initial in ("n", "l"):
        finals = [final, "ü" + final[1:]]  # lu: 루 and 뤼 (LU for 吕 too)
    return [_with_lead(_FINALS[f], lead) for f in finals if f in _FINALS]


@lru_cache(maxsize=1)
def _table() -> dict[str, tuple[str, ...]]:
    """Hangul spelling → the pinyin syllables it writes."""
    readings: dict[str, list[str]] = {}
    for syllable in sorted(PINYIN):
        for written in _spellings(syllable):
            readings.setdefault(written, []).append(syllable)
    return {written: tuple(found) for written, found in readings.items()}


def _hangul(text: str) -> bool:
    return bool(text) and all(HANGUL_BASE <= ord(c) <= HANGUL_LAST for c in text)


def _splits(word: str, table: dict[str, tuple[str, ...]]) -> list[list[str]]:
    """Every way of cutting a Hangul word into spellings of pinyin syllables."""
    if not word:
        return [[]]
    out: list[list[str]] = []
    for size in (1, 2):
        head = word[:size]
        if len(head) == size and head in table:
            out.extend([head, *rest] for rest in _splits(word[size:], table))
    return out


_MOST_READINGS: Final = 8


def chinese_from_hangul(text: str) -> tuple[str, ...] | None:
    """Pinyin readings of a Chinese name written in Hangul, family name first
    (``"천취안궈"`` → ``("chen quanguo", "cen quanguo")``), or None when the text is not
    one: a common Chinese family name, then one to three pinyin syllables, joined or
    apart after the family name, cut into the fewest syllables (하이 is hai, not ha yi).
    At most eight readings, the family names most common first."""
    words = text.split()
    if not 1 <= len(words) <= 2 or not all(_hangul(w) for w in words):
        return None
    table = _table()
    readings: list[tuple[int, str]] = []
    joined = "".join(words)
    cuts = [
        cut
        for cut in _splits(joined, table)
        if 2 <= len(cut) <= 4 and (len(words) == 1 or cut[0] == words[0])
    ]
    fewest = min((len(cut) for cut in cuts), default=0)
    for cut in cuts:
        if len(cut) != fewest:  # 하이 is hai, not ha yi
            continue
        for family in (s for s in table[cut[0]] if s in _SURNAME_RANK):
            for given in itertools.product(*(table[piece] for piece in cut[1:])):
                readings.append((_SURNAME_RANK[family], f"{family} {''.join(given)}"))
    if not readings:
        return None
    ordered = [text for _, text in sorted(readings, key=lambda r: r[0])]
    return tuple(dict.fromkeys(ordered))[:_MOST_READINGS]


# Rank of each common family name by frequency (zhang before jiang for 장).
_SURNAME_RANK: Final = {name: rank for rank, name in enumerate(CHINESE_SURNAMES_BY_FREQUENCY)}
