"""Names in any script: detect the script of a word, romanize it, order CJK names.

Latin and Cyrillic words keep the project's own rules (:mod:`horizont.screening.translit`
reads Latin spellings back to Russian, which makes the transliteration conventions
meet). Words in every other script are romanized with ``anyascii`` (a maintained,
table-driven romanizer covering all of Unicode, pure Python, no system library): Greek,
Arabic, Persian, Hebrew, Georgian, Armenian, the Indic scripts, Thai, Chinese (pinyin),
Japanese kana (Hepburn) and Korean (Revised Romanization).

Two script-specific facts matter for matching:

- Chinese, Japanese and Korean write the family name first. A run of Han or Hangul
  without spaces is split into family name and given name; the scorer knows that a
  family-name-first query is no swapped order.
- Arabic, Persian and Hebrew write few vowels, so their romanizations are compared
  through a consonant *skeleton* (:func:`skeleton`) rather than letter by letter.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Final

from anyascii import anyascii

ABJADS: Final = frozenset({"arabic", "hebrew", "syriac", "thaana"})
FAMILY_FIRST: Final = frozenset({"han", "hangul", "kana"})

# Chinese two-character family names (the common ones); any other Han name's family
# name is its first character.
_HAN_COMPOUND_SURNAMES: Final = frozenset(
    "欧阳 司马 诸葛 上官 东方 皇甫 尉迟 公孙 慕容 长孙 宇文 司徒 夏侯 轩辕 令狐 钟离 "
    "歐陽 諸葛 東方 長孫 軒轅 鍾離".split()
)

# Letters of other Cyrillic alphabets read as their Russian counterparts, so that the
# Russian phonetic key applies (Serbian, Macedonian, Kazakh, Mongolian, Tatar, ...).
CYRILLIC_EXTRA: Final = str.maketrans(
    {
        "ј": "й", "љ": "ль", "њ": "нь", "ћ": "ч", "ђ": "дж", "џ": "дж", "ѓ": "г",
        "ќ": "к", "ѕ": "дз", "ә": "а", "ғ": "г", "қ": "к", "ң": "н", "ө": "о", "ұ": "у",
        "ү": "у", "һ": "х", "ҳ": "х", "ҷ": "дж", "ӣ": "и", "ӯ": "у", "ҙ": "з", "ҫ": "с",
        "ӑ": "а", "ӗ": "е", "ӳ": "у", "ҡ": "к", "ӊ": "н",
    }
)  # fmt: skip


@lru_cache(maxsize=4096)
def _char_script(char: str) -> str:
    if char.isascii():
        return "latin" if char.isalpha() else ""
    try:
        name = unicodedata.name(char)
    except ValueError:
        return ""
    head = name.split(" ", 1)[0]
    if head in ("CJK", "IDEOGRAPHIC"):
        return "han"
    if head in ("HIRAGANA", "KATAKANA"):
        return "kana"
    if name.startswith("HALFWIDTH KATAKANA"):
        return "kana"
    return head.lower()


def script_of(word: str) -> str:
    """The script of a word: the script of its first letter (``latin``, ``cyrillic``,
    ``greek``, ``arabic``, ``hebrew``, ``han``, ``kana``, ``hangul``, ``devanagari``…)."""
    for char in word:
        if char.isalpha():
            found = _char_script(char)
            if found:
                return found
    return "latin"


def needs_romanization(word: str) -> bool:
    """True for a word in a script other than Latin and Cyrillic."""
    return any(c.isalpha() and not c.isascii() and _char_script(c) not in ("latin", "cyrillic")
               for c in word)  # fmt: skip


# Romanizations follow the sounds of their own language; foreign (here: Russian) names
# written in it are matched better when a few spellings are read back: Japanese ジ/チ
# stand for ди/ти (ウラジーミル, プーチン), pinyin j/q/x for d/t/s sounds of foreign
# names (弗拉基米尔, 谢尔盖) and a final -ng for -n (普京), Tamil c for s (செர்கே).
_READ_BACK: Final[dict[str, tuple[tuple[str, str], ...]]] = {
    "kana": (("chi", "ti"), ("ji", "di"), ("tsu", "tu")),
    "han": (("j", "d"), ("q", "t"), ("x", "s")),
    "tamil": (("c", "s"),),
}


def _greek(word: str) -> str:
    """Greek spellings of foreign names read as their sounds: μπ b, ντ d, γκ g (Μπασάρ
    Άσαντ: Bashar Assad), γι before a vowel y (Γιονγκ: yong), ου u, αι e, ει and οι i
    (a pair of vowels is one sound unless the accent or a diaeresis is on its first
    letter: Σεργκέι is Sergei, Σουλεϊμανί Suleimani)."""
    plain = unicodedata.normalize("NFC", word.lower())
    plain = _GREEK_YOD.sub("y", plain)
    for old, new in _GREEK_DIGRAPHS:
        plain = plain.replace(old, new)
    return "".join(c for c in unicodedata.normalize("NFD", plain) if not unicodedata.combining(c))


_GREEK_DIGRAPHS: Final = (
    ("μπ", "b"), ("ντ", "d"), ("γκ", "g"), ("γγ", "ng"), ("τζ", "dz"),
    ("ου", "u"), ("ού", "u"), ("αι", "e"), ("αί", "e"), ("ει", "i"), ("εί", "i"),
    ("οι", "i"), ("οί", "i"),
)  # fmt: skip
_GREEK_YOD: Final = re.compile(r"γι(?=[αεηιουωάέήίόύώ])")
# Arabic letters whose usual romanization in the lists differs from anyascii's: ظ is
# written z (AL-ZAWAHIRI), not dh.
_ARABIC_LETTERS: Final = str.maketrans({"ظ": "z"})


def _arabic(word: str) -> str:
    return word.translate(_ARABIC_LETTERS)


_BEFORE: Final = {"greek": _greek, "arabic": _arabic}


@lru_cache(maxsize=100_000)
def romanize(word: str, *, foreign: bool = True) -> str:
    """Lower-case ASCII romanization of one word in any script.

    ``foreign`` says the word spells a foreign name (a Chinese name of two or three
    characters is native: 习近平 stays *xi jinping*)."""
    script = script_of(word)
    if script in _BEFORE:
        word = _BEFORE[script](word)
    text = "".join(c for c in anyascii(word).lower() if c.isalnum())
    if script == "han" and not foreign:
        return text
    for old, new in _READ_BACK.get(script, ()):
        text = text.replace(old, new)
    if script == "han" and text.endswith("ng"):
        text = text[:-1]
    return text


RUSSIAN_LETTERS: Final = frozenset("абвгдеёжзийклмнопрстуфхцчшщъыьэюя")


def cyrillic_script(word: str) -> str:
    """``cyrillic`` for a Russian word, ``cyrillic-other`` for a word with letters of
    other Cyrillic alphabets (і ї є ґ ў ј љ њ ә қ ...), whose spellings of Russian
    names differ more (Сяргей, Лаўроў) and are also compared by skeleton."""
    return (
        "cyrillic" if all(c in RUSSIAN_LETTERS for c in word if c.isalpha()) else "cyrillic-other"
    )


def split_family_first(word: str) -> list[str]:
    """Split an unspaced Chinese or Korean name of two or three characters into family
    name and given name.

    ``习近平`` → ``["习", "近平"]``, ``김정은`` → ``["김", "정은"]``. Japanese, longer
    runs and foreign names (written with a middle dot, see :func:`words_of`) stay whole.
    """
    script = script_of(word)
    if script not in ("han", "hangul") or not 2 <= len(word) <= 3:
        return [word]
    if any(_char_script(c) != script for c in word):
        return [word]
    if script == "han" and len(word) >= 3 and word[:2] in _HAN_COMPOUND_SURNAMES:
        return [word[:2], word[2:]]
    if script == "hangul":  # each syllable of a Korean given name is written apart
        return list(word)  # in the lists: 김정은 → KIM Jong Un
    return [word[:1], word[1:]]


# Korean family names as the sanctions lists spell them (McCune–Reischauer as North
# Korea uses it, the most common spelling first): 김 KIM, 리 / 이 RI, 박 PAK ...
KOREAN_SURNAMES: Final = {
    "김": "kim", "이": "ri", "리": "ri", "박": "pak", "최": "choe", "정": "jong",
    "강": "kang", "조": "jo", "윤": "yun", "장": "jang", "임": "rim", "림": "rim",
    "한": "han", "오": "o", "서": "so", "신": "sin", "권": "kwon", "황": "hwang",
    "안": "an", "송": "song", "류": "ryu", "홍": "hong", "전": "jon", "고": "ko",
    "문": "mun", "손": "son", "양": "yang", "배": "pae", "백": "paek", "허": "ho",
    "남": "nam", "심": "sim", "노": "no", "로": "ro", "하": "ha", "곽": "kwak",
    "성": "song", "차": "cha", "주": "ju", "우": "u", "구": "ku", "민": "min",
}  # fmt: skip
# Revised Romanization (what anyascii writes) read as McCune–Reischauer vowels.
_KOREAN_VOWELS: Final = (("eo", "o"), ("eu", "u"), ("ae", "ae"))


def romanize_korean_name(parts: list[str]) -> list[str]:
    """Romanize a Korean name split by :func:`split_family_first` as the lists write
    it: the family name from :data:`KOREAN_SURNAMES`, the given syllables with
    McCune–Reischauer vowels (정은 → jong un)."""
    out: list[str] = []
    for number, part in enumerate(parts):
        if number == 0 and part in KOREAN_SURNAMES:
            out.append(KOREAN_SURNAMES[part])
            continue
        text = "".join(c for c in anyascii(part).lower() if c.isalnum())
        for old, new in _KOREAN_VOWELS:
            text = text.replace(old, new)
        out.append(text)
    return out


_SKELETON_CLASS: Final = {
    "b": "b", "p": "b", "f": "b", "v": "b", "w": "b",
    "t": "t", "d": "t",
    "k": "k", "g": "k", "q": "k", "c": "k", "x": "k",
    "s": "s", "z": "s", "j": "s",
    "m": "m", "n": "n", "l": "l", "r": "r",
}  # fmt: skip


@lru_cache(maxsize=200_000)
def skeleton(ascii_word: str, *, abjad: bool = False, collapse: bool = True) -> str:
    """Consonant skeleton of a romanized word: vowels and *h* dropped, related
    consonants in one class (b/p/f/v/w, t/d, k/g/q/c/x, s/z/j), doubles collapsed.

    In a romanized abjad word *w* and *y* stand for the long vowels u/o and i/e
    (بوتين → ``bwtyn``), so ``abjad`` drops them too: ``bwtyn`` and ``putin`` both
    give ``btn``. Without ``collapse`` doubles stay (``potanin`` → ``btnn``), which
    tells apart names whose collapsed skeletons are equal.
    """
    out: list[str] = []
    for char in ascii_word:
        if abjad and char == "w":
            continue
        mapped = _SKELETON_CLASS.get(char)
        if mapped is None:
            if char.isdigit():
                mapped = char
            else:
                continue
        if collapse and out and out[-1] == mapped:
            continue
        out.append(mapped)
    return "".join(out)
