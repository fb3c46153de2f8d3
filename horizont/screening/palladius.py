"""Chinese names written in Russian Cyrillic (the Palladius system) read back as pinyin.

Russian writes 习近平 Си Цзиньпин and 李克强 Ли Кэцян; the lists write XI Jinping and LI
Keqiang. The table is generated from the system's rules (an initial and a final per
syllable) and inverted; a word is read back only when it splits into Palladius
syllables entirely, so Russian words are left alone.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Container
from functools import lru_cache
from typing import Final

# Finals after an ordinary initial (b p m f d t n l g k h zh ch sh r z c s); o only
# follows b p m f (in _OWN), elsewhere о is uo (Ло Luo, Го Guo).
_FINALS: Final = {
    "a": "а", "e": "э", "ai": "ай", "ei": "эй", "ao": "ао", "ou": "оу",
    "an": "ань", "en": "энь", "ang": "ан", "eng": "эн", "ong": "ун", "u": "у",
    "ua": "уа", "uo": "о", "uai": "уай", "ui": "уй", "uan": "уань", "un": "унь",
    "uang": "уан",
}  # fmt: skip
# Finals with i or ü, after b p m d t n l and j q x.
_I_FINALS: Final = {
    "i": "и", "ia": "я", "ie": "е", "iao": "яо", "iu": "ю", "ian": "янь", "in": "инь",
    "iang": "ян", "ing": "ин", "iong": "юн",
}  # fmt: skip
_U_FINALS: Final = {"u": "юй", "ue": "юэ", "uan": "юань", "un": "юнь"}  # ju, jue …
_INITIALS: Final = {
    "b": "б", "p": "п", "m": "м", "f": "ф", "d": "д", "t": "т", "n": "н", "l": "л",
    "g": "г", "k": "к", "h": "х", "zh": "чж", "ch": "ч", "sh": "ш", "r": "ж", "z": "цз",
    "c": "ц", "s": "с",
}  # fmt: skip
_WITH_I: Final = ("b", "p", "m", "d", "t", "n", "l")
_JQX: Final = {"j": "цз", "q": "ц", "x": "с"}
# Syllables without an initial, and the exceptions of the system.
_OWN: Final = {
    "a": "а", "o": "о", "e": "э", "ai": "ай", "ei": "эй", "ao": "ао", "ou": "оу",
    "an": "ань", "en": "энь", "ang": "ан", "eng": "эн", "er": "эр", "yi": "и", "ya": "я",
    "ye": "е", "yao": "яо", "you": "ю", "yan": "янь", "yin": "инь", "yang": "ян",
    "ying": "ин", "yong": "юн", "yu": "юй", "yue": "юэ", "yuan": "юань", "yun": "юнь",
    "wu": "у", "wa": "ва", "wo": "во", "wai": "вай", "wei": "вэй", "wan": "вань",
    "wen": "вэнь", "wang": "ван", "weng": "вэн", "zhi": "чжи", "chi": "чи", "shi": "ши",
    "ri": "жи", "zi": "цзы", "ci": "цы", "si": "сы", "hui": "хуэй", "nü": "нюй",
    "lü": "люй", "nüe": "нюэ", "lüe": "люэ", "bo": "бо", "po": "по", "mo": "мо", "fo": "фо",
}  # fmt: skip


def _table() -> dict[str, str]:
    """Palladius spelling → pinyin, for every syllable the rules make."""
    pinyin: dict[str, str] = {}
    for latin, cyrillic in _INITIALS.items():
        for final, written in _FINALS.items():
            pinyin.setdefault(latin + final, cyrillic + written)
    for latin in _WITH_I:
        for final, written in _I_FINALS.items():
            pinyin.setdefault(latin + final, _INITIALS[latin] + written)
    for latin, cyrillic in _JQX.items():
        for final, written in _I_FINALS.items():
            pinyin[latin + final] = cyrillic + written
        for final, written in _U_FINALS.items():
            pinyin[latin + final] = cyrillic + written
    pinyin.update(_OWN)
    out: dict[str, str] = {}
    for latin, cyrillic in sorted(pinyin.items()):
        out.setdefault(cyrillic, latin.replace("ü", "u"))
    return out


SYLLABLES: Final = _table()
_LONGEST: Final = max(len(s) for s in SYLLABLES)

# Common Chinese family names (pinyin), the commonest first.
CHINESE_SURNAMES_BY_FREQUENCY: Final = tuple(
    "wang li zhang liu chen yang huang zhao wu zhou xu sun ma zhu hu guo he gao lin luo "
    "zheng liang xie song tang han feng deng cao peng zeng xiao tian dong pan yuan cai "
    "jiang yu du ye cheng wei su ding ren shen yao lu cui zhong tan fan jin shi liao jia "
    "xia fu fang bai zou meng xiong qin qiu hou shao wan duan lei hao gu mao kong kang "
    "wen xi qian dai yan mo ge bo yin".split()
)
"""Common Chinese family names in pinyin, the commonest first."""
CHINESE_SURNAMES: Final = frozenset(CHINESE_SURNAMES_BY_FREQUENCY)
"""Common Chinese family names in pinyin."""
# The same names as Palladius writes them.
_SURNAMES_CYRILLIC: Final = frozenset(c for c, p in SYLLABLES.items() if p in CHINESE_SURNAMES)
PINYIN: Final = frozenset(SYLLABLES.values())
"""Every pinyin syllable (without tones, ü written u)."""
_PINYIN_LONGEST: Final = max(len(s) for s in PINYIN)


@lru_cache(maxsize=20_000)
def split_pinyin(word: str) -> tuple[str, ...] | None:
    """The pinyin syllables ``word`` is made of (the fewest), or None (jinping: jin,
    ping; smith: None)."""
    return _fewest(word, PINYIN, _PINYIN_LONGEST, split_pinyin)


# Spellings of Palladius that Russian words rarely have (a soft n closing a syllable:
# Миншань); a name of one-syllable words needs none (Ван И).
_MARKS: Final = re.compile(
    r"цз|чж|ц[июяе]|сю|ся|[бпмфдтнлгкхчшжцсв]э|эй|оу|юэ|юй|уй|юань|[аеиоуыэюя]нь"
)


@lru_cache(maxsize=4096)
def split_syllables(word: str) -> tuple[str, ...] | None:
    """The Palladius syllables ``word`` is made of (the fewest), or None."""
    return _fewest(word, SYLLABLES, _LONGEST, split_syllables)


def _fewest(
    word: str,
    known: Container[str],
    longest: int,
    split: Callable[[str], tuple[str, ...] | None],
) -> tuple[str, ...] | None:
    """The fewest ``known`` syllables ``word`` is made of, or None; ``split`` splits
    the rest (a cached caller of this function)."""
    if not word:
        return ()
    best: tuple[str, ...] | None = None
    for size in range(min(longest, len(word)), 0, -1):
        head = word[:size]
        if head not in known:
            continue
        rest = split(word[size:])
        if rest is not None and (best is None or len(rest) + 1 < len(best)):
            best = (head, *rest)
    return best


def pinyin_from_cyrillic(words: list[str]) -> list[str] | None:
    """Pinyin of a Chinese name written in Russian Cyrillic, family name first
    (``["си", "цзиньпин"]`` → ``["xi", "jinping"]``), or None when the words are not
    one: a Chinese family name, then one or two words of Palladius syllables, with a
    spelling Russian words rarely have (in any of the words) unless every given word is
    one syllable."""
    if not 2 <= len(words) <= 3 or words[0] not in _SURNAMES_CYRILLIC:
        return None
    parts = [split_syllables(w) for w in words]
    if any(p is None or not p for p in parts):
        return None
    given = parts[1:]
    # the mark may be the family name's own (Чжу Хайлунь: ZHU Hailun)
    if not all(len(p) == 1 for p in given if p) and not _MARKS.search(" ".join(words)):
        return None
    return ["".join(SYLLABLES[s] for s in p) for p in parts if p]
