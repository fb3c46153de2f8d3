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
from collections.abc import Callable
from functools import lru_cache
from typing import Final

from anyascii import anyascii

from horizont.screening.korean_chinese import HANGUL_BASE, HANGUL_LAST
from horizont.screening.palladius import CHINESE_SURNAMES, split_pinyin
from horizont.screening.paths import DATA

ABJADS: Final = frozenset({"arabic", "hebrew", "syriac", "thaana"})
NATIVE_CHINESE: Final = "pinyin"
"""The script of the words of a Chinese name of two or three Han characters, read in
pinyin: the lists write Chinese names so, and they are compared letter by letter, as
Latin words are (习近平: XI Jinping; 刘洋 is no LI Yong)."""
NATIVE_KOREAN: Final = "korean"
"""The script of the syllables of a Korean name (김정은, 金正恩, Ким Чен Ын), romanized
as the lists write them and compared syllable by syllable (:func:`korean_key`)."""
FAMILY_FIRST: Final = frozenset({"han", "hangul", "kana", NATIVE_CHINESE, NATIVE_KOREAN})
NATIVE_SYLLABLES: Final = frozenset({NATIVE_CHINESE, NATIVE_KOREAN})

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
    "han": (("j", "d"), ("q", "t"), ("x", "s"), ("you", "yu")),
    "tamil": (("c", "s"),),
    "armenian": (("ow", "u"),),  # ու is u (Յակունին: Yakunin), not the o w anyascii writes
    # ওয় before a vowel writes a foreign w (জাওয়াহিরি: Zawahiri, ওয়াসিম: Wasim)
    "bengali": (("oya", "wa"), ("oyi", "wi"), ("oye", "we"), ("oyo", "wo")),
}


def _greek(word: str) -> str:
    """Greek spellings of foreign names read as their sounds: μπ b, ντ d, γκ g (Μπασάρ
    Άσαντ: Bashar Assad), γι before a vowel y (Γιονγκ: yong), ου u, αι e, ει and οι i
    (a pair of vowels is one sound unless the accent or a diaeresis is on its first
    letter: Σεργκέι is Sergei, Σουλεϊμανί Suleimani), ου before a vowel w (Ζαουάχρι:
    Zawahiri), χ kh (Χαμενεΐ: Khamenei, Χασάν:
    Hasan), not the ch anyascii writes."""
    plain = unicodedata.normalize("NFC", word.lower())
    plain = _GREEK_YOD.sub("y", plain)
    plain = _GREEK_W.sub("w", plain)
    for old, new in _GREEK_DIGRAPHS:
        plain = plain.replace(old, new)
    return "".join(c for c in unicodedata.normalize("NFD", plain) if not unicodedata.combining(c))


_GREEK_DIGRAPHS: Final = (
    ("μπ", "b"), ("ντ", "d"), ("γκ", "g"), ("γγ", "ng"), ("τζ", "dz"),
    ("ου", "u"), ("ού", "u"), ("αι", "e"), ("αί", "e"), ("ει", "i"), ("εί", "i"),
    ("οι", "i"), ("οί", "i"), ("χ", "kh"),
)  # fmt: skip
_GREEK_YOD: Final = re.compile(r"γι(?=[αεηιουωάέήίόύώ])")
# ου opening a word or after a vowel, before a vowel, is w (Ζαουάχρι: Zawahiri,
# Ουίλιαμ: William); after a consonant it stays u (Λουίς: Luis).
_GREEK_W: Final = re.compile(r"(?:^|(?<=[αεηιοωάέήίόώ]))ο[υύ](?=[αεηιοωάέήίόώ])")
# Arabic letters whose usual romanization in the lists differs from anyascii's: ظ is
# written z (AL-ZAWAHIRI), not dh.
_ARABIC_LETTERS: Final = str.maketrans({"ظ": "z"})


# A word opening with alif or ain opens with a vowel, which anyascii leaves out: it is
# written a (i under إ), or u and i where و or ي follows, which then write the vowel
# (علی aly: ALI, not LI; אולג ulg: Oleg; און un), so that a name opening with a
# consonant is told apart (see score._onset_conflict).
_ARABIC_ONSET: Final = re.compile(r"^([\u0627\u0623\u0625\u0671\u0639])([\u0648\u064a\u06cc]?)")
_HEBREW_ONSET: Final = re.compile(r"^([\u05d0\u05e2])([\u05d5\u05d9]?)(?![\u05d5\u05d9])")


def _onset(match: re.Match[str]) -> str:
    vowel = match.group(2)
    if vowel:
        return "u" if vowel in "\u0648\u05d5" else "i"
    return "i" if match.group(1) == "\u0625" else "a"


_WAW_BEFORE_ALIF: Final = re.compile(r"(?<=[^\u062e])و(?=[\u0627\u0622])")  # not خوا


def _arabic(word: str) -> str:
    # و opening a word is the consonant (ویکتور: Viktor, وليد: Walid), which the abjad
    # skeleton keeps; inside a word it is mostly the vowel u/o.
    if word.startswith("و") and len(word) > 2:
        word = "v" + word[1:]
    word = word.replace("وو", "wv")  # a vowel and the consonant v (یانوکوویچ: Yanukovych)
    # the consonant before a long a (سنوار: Sinwar), but for خوا, where it is silent
    # in Persian (خواهر) and writes a Spanish jo, ju (خواكين: Joaquin, خوان: Juan)
    word = _WAW_BEFORE_ALIF.sub("v", word)
    word = _ARABIC_ONSET.sub(_onset, word)
    return word.translate(_ARABIC_LETTERS)


# Hebrew: ש is mostly shin (sh), ו inside a word the vowel u/o (written w, which the
# abjad skeleton drops: לוקשנקו lwkshnkw ~ LUKASHENKO), וו and a first ו the consonant v.
_HEBREW_VAV: Final = re.compile(r"(?<=[\u05d0-\u05eaa-z])ו(?!ו)")
# ח writes Arabic ḥ (מוחמד: Muhammad) and the kh of other names (חמינאי: Khamenei):
# written hh, which the skeleton drops like h, and also heard as kh (other_hearings).
_HEBREW_LETTERS: Final = str.maketrans({"ש": "sh", "ח": "hh"})


# A letter with a geresh writes a sound Hebrew lacks (ג׳ j, ז׳ zh, צ׳ ch, ח׳ kh, ת׳ th,
# ד׳ dh, ע׳ gh); :func:`horizont.screening.normalize.words_of` marks it with rafe (U+05BF).
HEBREW_GERESH_MARK: Final = "\u05bf"
_HEBREW_GERESH: Final = {
    "ג": "j", "ז": "zh", "צ": "ch", "ץ": "ch", "ח": "kh", "ת": "th", "ד": "dh", "ע": "gh",
}  # fmt: skip
_HEBREW_WITH_GERESH: Final = re.compile(f"([{''.join(_HEBREW_GERESH)}]){HEBREW_GERESH_MARK}")


def _hebrew(word: str) -> str:
    word = _HEBREW_WITH_GERESH.sub(lambda m: _HEBREW_GERESH[m.group(1)], word)
    word = _HEBREW_ONSET.sub(_onset, word)  # א, ע opening a word: a vowel (אמיר Amir)
    return _HEBREW_VAV.sub("w", word.replace("וו", "v")).translate(_HEBREW_LETTERS)


# Thai: อ before a vowel sign or after a leading vowel only carries the vowel (อะลี
# ali, not oali); จ writes the j of foreign names (จ็อง jong), ช their sh (ลูคาเชนโค
# lukhashenkho, บัชชาร์ bashshar).
_THAI_CARRIER: Final = re.compile(r"(?<=[\u0e40-\u0e44])อ|อ(?=[\u0e30-\u0e3a\u0e47-\u0e4e])|^อ")
_THAI_LETTERS: Final = str.maketrans({"จ": "j", "ช": "sh"})


# A vowel written before its consonant (เ แ โ ใ ไ) is said after it: เช is che.
_THAI_LEADING_VOWEL: Final = re.compile(r"([\u0e40-\u0e44])([\u0e01-\u0e2e])")


def _thai(word: str) -> str:
    word = _THAI_CARRIER.sub("", word)
    return _THAI_LEADING_VOWEL.sub(r"\2\1", word).translate(_THAI_LETTERS)


# Kana: a syllable with a small ya/yu/yo is one sound (ジョ jo, キョ kyo), where anyascii
# writes two (jiyo).
_KANA_SMALL_Y: Final = re.compile(r"([\u3041-\u30ff])([ゃゅょャュョ])")
_SMALL_Y_VOWEL: Final = {"ゃ": "a", "ゅ": "u", "ょ": "o", "ャ": "a", "ュ": "u", "ョ": "o"}


def _kana_syllable(match: re.Match[str]) -> str:
    head = anyascii(match.group(1)).lower().removesuffix("i")
    vowel = _SMALL_Y_VOWEL[match.group(2)]
    return head + (vowel if head.endswith(("j", "sh", "ch")) else "y" + vowel)


# Kana with a small vowel is one syllable of a foreign name (ツェ tse, フィ fi, ヴァ va,
# ウィ wi, イェ ye), where anyascii writes both vowels (tsue, fui).
_KANA_SMALL_VOWEL: Final = re.compile(r"([\u3041-\u30ff])([ぁぃぅぇぉァィゥェォ])")
_SMALL_VOWEL: Final = dict(zip("ぁぃぅぇぉァィゥェォ", "aiueoaiueo", strict=True))


def _kana_vowel_syllable(match: re.Match[str]) -> str:
    head = anyascii(match.group(1)).lower()
    head = head[:-1] if head[-1:] in "aiueo" else head
    return (head or ("y" if match.group(1) in "いイ" else "w")) + _SMALL_VOWEL[match.group(2)]


# ン before a vowel ends a syllable in -ng (ジョンウン: Jong Un).
_KANA_NG: Final = re.compile(r"[んン](?=[あいうえおアイウエオ])")


def _kana(word: str) -> str:
    # the small tsu doubles the next consonant, which a match of names need not hear
    # (バッシャール: Bashar; anyascii writes batsharu, read as ч)
    word = word.replace("ッ", "").replace("っ", "")
    word = _KANA_SMALL_VOWEL.sub(_kana_vowel_syllable, word)
    return _KANA_NG.sub("ng", _KANA_SMALL_Y.sub(_kana_syllable, word))


# Indic scripts: the anusvara before a consonant is a nasal, n (জং jong, जोंग jong).
_ANUSVARA: Final = str.maketrans({"\u0982": "ng", "\u0902": "n", "\u0a02": "n"})


def _indic(word: str) -> str:
    return word.translate(_ANUSVARA)


_FINAL_S: Final = 19  # ㅅ among the 28 final consonants of a Hangul syllable


def _hangul_closing_t(word: str) -> str:
    """A final ㅅ of a syllable is said t (Korean writes a foreign t or d closing a
    syllable so: 프랏코프, Fradkov; 로봇, robot), where the romanization writes s."""
    out: list[str] = []
    for char in word:
        code = ord(char)
        if HANGUL_BASE <= code <= HANGUL_LAST and (code - HANGUL_BASE) % 28 == _FINAL_S:
            out.append(chr(code - _FINAL_S) + "t")
        else:
            out.append(char)
    return "".join(out)


_BEFORE: Final = {
    "hangul": _hangul_closing_t,
    "greek": _greek,
    "arabic": _arabic,
    "hebrew": _hebrew,
    "thai": _thai,
    "kana": _kana,
    "bengali": _indic,
    "devanagari": _indic,
    "gurmukhi": _indic,
}


# Chinese writes a foreign name's closing consonant with a character of its own whose
# vowel is not said (塔雷克 Tarek, 艾哈迈德 Ahmed, 拉夫罗夫 Lavrov, 罗德里格斯 Rodriguez):
# read at a word's end, it is the consonant alone, and the name closes on a consonant.
HAN_CLOSING_CONSONANTS: Final = {
    "克": "k", "格": "g", "特": "t", "德": "d", "夫": "f", "福": "f", "布": "b", "普": "p",
    "斯": "s", "丝": "s", "兹": "z", "茨": "ts", "姆": "m", "赫": "kh", "什": "sh",
}  # fmt: skip


@lru_cache(maxsize=100_000)
def romanize(word: str, *, foreign: bool = True) -> str:
    """Lower-case ASCII romanization of one word in any script.

    ``foreign`` says the word spells a foreign name (a Chinese name of two or three
    characters is native: 习近平 stays *xi jinping*)."""
    script = script_of(word)
    if script in _BEFORE:
        word = _BEFORE[script](word)
    closing = ""
    if script == "han" and foreign and len(word) >= 2 and word[-1] in HAN_CLOSING_CONSONANTS:
        word, closing = word[:-1], HAN_CLOSING_CONSONANTS[word[-1]]
    text = "".join(c for c in anyascii(word).lower() if c.isalnum())
    if script == "han" and not foreign:
        return text
    for old, new in _READ_BACK.get(script, ()):
        text = text.replace(old, new)
    if script == "han" and not closing and text.endswith("ng"):
        text = text[:-1]
    text += closing
    if script == "kana":  # ン before m, b, p is said m (ムハンマド: Muhammad)
        text = _N_BEFORE_LABIAL.sub("m", text)
    return text


_N_BEFORE_LABIAL: Final = re.compile(r"n(?=[mbp])")


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


HANJA_FILE: Final = DATA / "hanja.txt"
"""Korean readings of Han characters (Hanja → Hangul), copied from the ``hanja`` package
by ``scripts/update_hanja.py``."""
# Family names read otherwise than the character alone: 金 is geum, the family name Kim.
_HANJA_FAMILY_NAMES: Final = {"金": "김"}


@lru_cache(maxsize=1)
def _hanja() -> dict[str, str]:
    table: dict[str, str] = {}
    for line in HANJA_FILE.read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        start, readings = line.split("\t")
        base = int(start, 16)
        for offset, reading in enumerate(readings):
            if reading != "-":
                table[chr(base + offset)] = reading
    return table


def korean_reading(text: str) -> str | None:
    """A name written in Han characters read as Korean, in Hangul (金正恩 → 김정은), or
    None when it cannot be a Korean name: two to four Han characters (spaces and middle
    dots aside), the first a common Korean family name (:data:`KOREAN_SURNAMES`).

    Korean names are also written in Hanja, and pinyin reads 金正恩 as *jin zhengen*;
    the Korean reading is a second reading of the query, not a replacement (金庸 is
    the Chinese writer Jin Yong)."""
    if text.isascii():
        return None
    letters = "".join(c for c in unicodedata.normalize("NFKC", text) if not c.isspace())
    letters = letters.replace("\u00b7", "").replace("\u30fb", "")
    if not 2 <= len(letters) <= 4 or any(_char_script(c) != "han" for c in letters):
        return None
    table = _hanja()
    family = _HANJA_FAMILY_NAMES.get(letters[0]) or table.get(letters[0])
    given = "".join(table.get(c, "") for c in letters[1:])
    if family not in KOREAN_SURNAMES or len(given) != len(letters) - 1:
        return None
    return family + given


# Romanized Korean syllables: the spellings of one sound in McCune–Reischauer, Revised
# Romanization and the older spellings (정: jong, jeong, chong, chung; 최: choe, choi;
# 이: ri, lee), each reduced to one class. The vowels o and u are one class, since 어 is
# o in McCune–Reischauer, eo in Revised Romanization and often u in older spellings.
_KOREAN_INITIALS: Final = (
    ("tch", "c"), ("kk", "k"), ("gg", "k"), ("kh", "k"), ("tt", "t"), ("th", "t"),
    ("pp", "p"), ("ph", "p"), ("jj", "c"), ("ch", "c"), ("ss", "s"), ("sh", "s"),
    ("k", "k"), ("g", "k"), ("t", "t"), ("d", "t"), ("p", "p"), ("b", "p"), ("f", "p"),
    ("j", "c"), ("c", "c"), ("s", "s"), ("h", "h"), ("m", "m"), ("n", "n"), ("r", "r"),
    ("l", "r"),
)  # fmt: skip
_KOREAN_VOWELS_CLASS: Final = (
    ("yeo", "yo"), ("yae", "ye"), ("wae", "we"), ("weo", "wo"), ("woo", "o"),
    ("eui", "i"), ("ye", "ye"), ("ya", "ya"), ("yo", "yo"), ("yu", "yo"), ("wa", "wa"),
    ("wu", "o"), ("wo", "wo"), ("we", "we"), ("wi", "wi"), ("oe", "we"), ("oi", "we"),
    ("ui", "i"), ("eo", "o"), ("eu", "o"), ("ae", "e"), ("oo", "o"), ("ee", "i"),
    ("a", "a"), ("e", "e"), ("i", "i"), ("o", "o"), ("u", "o"),
)  # fmt: skip
_KOREAN_FINALS: Final = {
    "": "", "ng": "ng", "n": "n", "m": "m", "l": "l", "r": "l", "k": "k", "g": "k",
    "kk": "k", "p": "p", "b": "p", "t": "t", "d": "t", "s": "t",
}  # fmt: skip


@lru_cache(maxsize=20_000)
def korean_key(word: str) -> tuple[str, str, str] | None:
    """The class of a romanized Korean syllable: its initial consonant, vowel and final
    consonant (``jong``, ``jeong``, ``chong`` and ``chung`` → ``("c", "o", "ng")``),
    or None when the word is no single syllable."""
    rest = word
    initial = ""
    for spelled, cls in _KOREAN_INITIALS:
        if rest.startswith(spelled):
            initial, rest = cls, rest[len(spelled) :]
            break
    for spelled, cls in _KOREAN_VOWELS_CLASS:
        if rest.startswith(spelled):
            final = _KOREAN_FINALS.get(rest[len(spelled) :])
            return None if final is None else (initial, cls, final)
    return None


# Korean family names as the lists and Korean people write them in Latin letters.
_KOREAN_LATIN_FAMILY: Final = frozenset(KOREAN_SURNAMES.values()) | frozenset(
    "lee yi rhee park bak choi jung jeong chung cho yoon lim im oh seo shin ahn jeon chun "
    "moon bae baek heo noh roh sung seong joo chu woo koo kwak ryoo yu".split()
)


@lru_cache(maxsize=20_000)
def east_asian_family(words: tuple[str, ...]) -> frozenset[int]:
    """Where the family name may stand (0, the last word, or both) in a name typed in
    Latin letters that reads as a Chinese or Korean one; empty for any other name. Such
    a name has two to four words, a common family name first or last, and the other
    words single Korean syllables (KIM Jong Un, Jong-Un KIM) or, for a Chinese name of
    two or three words, words of pinyin syllables, two at most (XI Jinping, WANG Guo
    Ying)."""
    if not 2 <= len(words) <= 4:
        return frozenset()
    found: set[int] = set()
    for family in (0, len(words) - 1):
        given = words[1:] if family == 0 else words[:-1]
        if words[family] in _KOREAN_LATIN_FAMILY and all(korean_key(w) for w in given):
            found.add(family)
        elif len(words) <= 3 and words[family] in CHINESE_SURNAMES:
            syllables = [split_pinyin(w) for w in given]
            if all(syllables) and sum(len(p or ()) for p in syllables) <= 2:
                found.add(family)
    return frozenset(found)


SKELETON_CLASS: Final = {
    "b": "b", "p": "b", "f": "b", "v": "b", "w": "b",
    "t": "t", "d": "t",
    "k": "k", "g": "k", "q": "k", "c": "k", "x": "k",
    "s": "s", "z": "s", "j": "s",
    "m": "m", "n": "n", "l": "l", "r": "r",
}  # fmt: skip


_X_AFTER_VOWEL: Final = re.compile(r"(?<=[aeiouy])x")


@lru_cache(maxsize=200_000)
def skeleton(ascii_word: str, *, abjad: bool = False, collapse: bool = True) -> str:
    """Consonant skeleton of a romanized word: vowels and *h* dropped, related
    consonants in one class (b/p/f/v/w, t/d, k/g/q/c/x, s/z/j), doubles collapsed.

    In a romanized abjad word *w* and *y* stand for the long vowels u/o and i/e
    (بوتين → ``bwtyn``), so ``abjad`` drops them too: ``bwtyn`` and ``putin`` both
    give ``btn``. Without ``collapse`` doubles stay (``potanin`` → ``btnn``), which
    tells apart names whose collapsed skeletons are equal. Arabic's tsh for ч is the
    lists' ch (يانوكوفيتش: YANUKOVYCH), and x after a vowel is ks (Alexey, أليكسي
    alyksy; not in a code, UR-BXI).
    """
    if "tsh" in ascii_word:  # ч as Arabic writes it (تش), as the lists' ch
        ascii_word = ascii_word.replace("tsh", "ch")
    if "x" in ascii_word:  # x after a vowel is ks (Alexey, أليكسي alyksy)
        ascii_word = _X_AFTER_VOWEL.sub("ks", ascii_word)
    out: list[str] = []
    for char in ascii_word:
        if abjad and char == "w":
            continue
        mapped = SKELETON_CLASS.get(char)
        if mapped is None:
            if char.isdigit():
                mapped = char
            else:
                continue
        if collapse and out and out[-1] == mapped:
            continue
        out.append(mapped)
    return "".join(out)


# Hebrew and the Arabic script write t apart from d (ת ט, ت ط; ד, د ض) and s, z and j
# apart (ס צ, س ص; ז, ز ظ; ג', ج): their words compare by these letters.
_ABJAD_CLASS: Final = {**SKELETON_CLASS, "d": "d", "z": "z", "j": "j"}


@lru_cache(maxsize=100_000)
def abjad_skeleton(text: str) -> str:
    """The skeleton of a romanized abjad word (:func:`skeleton`) as another abjad reads
    it: t, d, s, z and j each a class of its own (איתן itn is no الدين dyn)."""
    return _classed(text.replace("tsh", "ch").replace("w", ""), _ABJAD_CLASS)


def _classed(text: str, classes: dict[str, str]) -> str:
    """The letters of ``text`` that ``classes`` knows, as their classes, doubles once."""
    out: list[str] = []
    for char in text:
        mapped = classes.get(char)
        if mapped is not None and not (out and out[-1] == mapped):
            out.append(mapped)
    return "".join(out)


# The Indic scripts and the Latin spellings of their names write t and d, k and g, p
# (and f, ফ ph) and b (and v, w: ব) apart.
_VOICED_CLASS: Final = {**SKELETON_CLASS, "d": "d", "g": "g", "p": "p", "f": "p"}


@lru_cache(maxsize=100_000)
def voiced_skeleton(text: str) -> str:
    """The skeleton of a romanized word (:func:`skeleton`) with voiced and voiceless
    stops apart: t and d, k and g, p and b (বিরাট birat is no PREDO)."""
    return _classed(text, _VOICED_CLASS)


def _consonants_and_gaps(text: str, *, abjad: bool) -> tuple[list[str], list[str]]:
    """The consonant classes of a romanized word and the vowels written in each gap
    around them (before the first, between, after the last). In an abjad word only w
    and y after its first letter write vowels (u/o, i/e); a doubled consonant is one."""
    consonants: list[str] = []
    gaps: list[str] = []
    gap = ""
    for at, char in enumerate(text):
        if char in "aeiou" or (char in "wy" and (abjad and at > 0 or char == "y" and not abjad)):
            gap += char
            continue
        if char == "h":  # a consonant of its own, but in kh, sh, th, dh, gh, ch, zh and
            # closing a word (ة, Fatimah)
            closing = at == len(text) - 1 and at > 0
            mapped = None if closing or at and text[at - 1] in "kstdgcz" else "h"
        else:
            mapped = SKELETON_CLASS.get(char)
        if mapped is None or (consonants and consonants[-1] == mapped and not gap):
            continue
        gaps.append(gap)
        consonants.append(mapped)
        gap = ""
    gaps.append(gap)
    return consonants, gaps


def heard_consonants(text: str, *, abjad: bool) -> str:
    """The consonant classes of a romanized word counting an h of its own (not of kh,
    sh …), which :func:`skeleton` drops: يحيى yhya and Yahya have no skeleton, and one h."""
    return "".join(_consonants_and_gaps(text, abjad=abjad)[0])


def _gaps_conflict(
    written: str, word: str, *, abjad: bool, clash: Callable[[str, str], bool]
) -> bool:
    """Whether ``written`` (romanized, from an abjad or not) and a Latin ``word`` have
    the same consonants in the same order and, between two of them, vowels both write
    that ``clash``; the vowel after the last consonant is not compared."""
    written_consonants, written_gaps = _consonants_and_gaps(written, abjad=abjad)
    consonants, gaps = _consonants_and_gaps(word, abjad=False)
    if written_consonants != consonants:
        return False
    return any(
        one and other and clash(one, other)
        for one, other in zip(written_gaps[1:-1], gaps[1:-1], strict=True)
    )


def _long_vowel_unheard(written: str, heard: str) -> bool:
    return ("w" in written and not ("o" in heard or "u" in heard)) or (
        "y" in written and not ("i" in heard or "e" in heard or "y" in heard)
    )


def vowel_letters_conflict(abjad_word: str, word: str) -> bool:
    """Whether a romanized abjad word, with the consonants of a Latin ``word`` in the
    same order, writes a long vowel between two of them that the Latin word does not
    have there: و (w) where it has no o or u, ي (y) where it has no i, e or y (مأور
    mwr, Maor: no AMIR; محمود mhmwd, Mahmud: no MUHAMMAD; حسين hsyn, Husain: no
    HASAN). The vowel after the last consonant varies and is not compared, nor a gap
    where the Latin word writes no vowel (a vowel left out, or a typo, says nothing)."""
    return _gaps_conflict(abjad_word, word, abjad=True, clash=_long_vowel_unheard)


def _closing_h(word: str) -> bool:
    """Whether a word closes with an h of its own (ة, ه, Abdullah), not of sh, kh …"""
    return word.endswith("h") and word[-2:-1] not in "kstdgcz"


def final_vowel_conflict(abjad_word: str, word: str) -> bool:
    """Whether a romanized abjad word and a Latin ``word`` disagree on a closing long i,
    which an abjad always writes (ي, ی, י): عزیزی azyzy is Azizi, no AZIZ; محمد mhmd
    is no MOHAMMADI; דבש dvsh no TUBASI. A Latin word closing in h (Abdullah) or an
    abjad word closing in h (ة, ه: فاطمة), not of sh or kh, may close with a vowel,
    and ی closing a Persian word may write a (موسی: Musa), which the Latin word then
    writes."""
    if len(abjad_word) < 3 or _closing_h(word) or _closing_h(abjad_word):
        return False
    _, written = _consonants_and_gaps(abjad_word, abjad=True)
    _, heard = _consonants_and_gaps(word, abjad=False)
    if "y" in written[-1]:
        return not heard[-1]  # a long i written, no vowel heard
    return not written[-1] and len(heard) > 1 and heard[-1] in ("i", "y", "iy")


# Vowels that spellings of one name put in one place: a and e (Mohammed, Muhammad), e
# and i (Hussein, Husain), o and u (Osama, Usama).
_VOWEL_KIN: Final = {
    "a": "ae", "e": "aei", "i": "eiy", "y": "eiy", "o": "ou", "u": "ou",
}  # fmt: skip


def _no_vowel_kin(written: str, heard: str) -> bool:
    return not any(c in _VOWEL_KIN[v] for v in written for c in heard)


def written_vowels_conflict(written: str, word: str) -> bool:
    """Whether a word romanized from a script that writes its vowels (Greek, Indic,
    Georgian …), with the consonants of a Latin ``word`` in the same order, has between
    two of them vowels that no spelling of the Latin word's vowels there would give
    (সিনা sina is no SONA; but মুহাম্মদ muhammad is MOHAMMED). Vowels left out on
    either side and the vowel after the last consonant are not compared."""
    return _gaps_conflict(written, word, abjad=False, clash=_no_vowel_kin)


_HAN_NG: Final = re.compile(r"ng(?![aeiou])")


_HAN_C: Final = re.compile(r"c(?!h)")


def han_heard(text: str) -> tuple[str, ...]:
    """A foreign name romanized from Chinese characters as its syllables are heard
    together: n before m, b or p is the m of the syllable after (穆罕默德 muhanmode:
    Muhammad), a syllable's ng before a consonant an n (滕贝格 tengbeige: tenberg), c
    is ts (采夫 caifu: tsev), and di read back from ji (for Russian ди) may be the j of
    an Arabic or English name (贾瓦德 jiawade: Javad) or a g (吉尔金 jierjin: Girkin, 杜金
    dujin: Dugin), h the Russian kh (哈 ha: Delimkhanov) and ti read back from qi a ch
    (丘 qiu: Kovalchuk, 琴 qin: Zakharchenko): the readings that follow."""
    heard = _han_together(text)
    as_ch = _han_together(_HAN_Q.sub("chi", text))
    return tuple(
        dict.fromkeys(
            (
                heard.replace("di", "ji"),
                heard.replace("di", "gi"),
                _HAN_H.sub("kh", as_ch),
                _HAN_H.sub("kh", heard),
            )
        )
    )


def _han_together(text: str) -> str:
    """Chinese syllables heard together: n before a labial dropped for the m after, ng
    before a consonant n, c ts (:func:`han_heard`)."""
    return _HAN_C.sub("ts", _HAN_NG.sub("n", _N_BEFORE_LABIAL.sub("", text)))


# ti read back from a q where pinyin has no such syllable with t (qiu, qia, qiong, qin
# before a consonant: tiu, tia, tiong, tin-), and a closing ti, which transcriptions
# write for ch (奇 qi: Skoch) rather than ti (Russian ти is 季 ji): 田 tian stays t.
_HAN_Q: Final = re.compile(r"ti(?=[uo]|a(?![no])|n[^g]|$)")


_HAN_H: Final = re.compile(r"(?<![zcs])h")


_L_AS_R: Final = str.maketrans({"l": "r"})
_DOUBLED: Final = re.compile(r"(.)\1+")


def loose_skeleton(bone: str) -> str:
    """A collapsed skeleton as a script that does not tell l from r hears it (Japanese,
    Chinese, Korean): l is r, and a doubled r is one (ナスララ nsr: NASRALLAH nsrl)."""
    return _DOUBLED.sub(r"\1", bone.translate(_L_AS_R))


# Korean names in Cyrillic, as Russian writes them (Kontsevich's system and the older
# spellings of North Korean names: Ким Чен Ын, Чхве Рён Хэ, Пак Пон Чжу), read back
# as the lists romanize them (KIM Jong Un, CHOE Ryong Hae, PAK Pong Ju).
KOREAN_CYRILLIC_SURNAMES: Final = {
    "ким": "kim", "кім": "kim", "пак": "pak", "ли": "ri", "рі": "ri", "лі": "ri",
    "ри": "ri", "чхве": "choe", "чон": "jong", "кан": "kang", "чо": "jo", "юн": "yun",
    "чан": "jang", "лим": "rim", "рим": "rim", "хан": "han", "со": "so", "син": "sin",
    "квон": "kwon", "хван": "hwang", "сон": "song", "рю": "ryu", "хон": "hong",
    "ко": "ko", "мун": "mun", "ян": "yang", "пэ": "pae", "пэк": "paek", "нам": "nam",
    "сим": "sim", "ро": "ro", "ха": "ha", "квак": "kwak", "чха": "cha", "чу": "ju",
    "ку": "ku", "мин": "min",
}  # fmt: skip
_KOREAN_CYRILLIC: Final = (
    ("чх", "ch"), ("чж", "j"), ("кх", "k"), ("тх", "t"), ("пх", "p"), ("ч", "j"),
    ("ё", "yo"), ("ю", "yu"), ("я", "ya"), ("ы", "u"), ("э", "ae"), ("є", "ye"),
)  # fmt: skip
_KOREAN_CYRILLIC_LETTERS: Final = str.maketrans(
    {
        "а": "a", "б": "b", "в": "w", "г": "g", "д": "d", "е": "e", "ж": "j", "з": "j",
        "и": "i", "і": "i", "ї": "i", "й": "i", "к": "k", "л": "l", "м": "m", "н": "n",
        "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ў": "w", "ф": "p",
        "х": "h", "ц": "ts", "ш": "s", "щ": "s", "ь": "", "ъ": "",
    }
)  # fmt: skip
# A syllable of up to four letters, or five with an aspirate or a soft sign (Чхоль).
_KOREAN_SYLLABLE: Final = re.compile(r"^(?:[а-яёіїєў]{1,4}|(?=.*(?:[чктп]х|ь))[а-яёіїєў]{5})$")
# Family names Russian writes alike for Koreans and Chinese; the name is read as
# Korean only with a sound of Kontsevich's system that Palladius's lacks (ы, ё, р,
# an aspirate written чх, кх, тх, пх, or -ен).
_SHARED_WITH_CHINESE: Final = frozenset(
    "ли лі ян хан кан чан ко со син мин сон ку чу ха но ро чон чо юн".split()
)
_KOREAN_MARKS: Final = re.compile(r"[ыёр]|[чктп]х|ен\b")
_FINAL_NG: Final = re.compile(r"([еэоё])н$")
_FINAL_R: Final = re.compile(r"р$")


def korean_from_cyrillic(words: list[str]) -> list[str] | None:
    """The lists' romanization of a Korean name written in Cyrillic, family name
    first (``["ким", "чен", "ын"]`` → ``["kim", "jong", "un"]``), or None when the
    words are not one: a Korean family name, then one to three syllables."""
    if not 2 <= len(words) <= 4 or words[0] not in KOREAN_CYRILLIC_SURNAMES:
        return None
    if not all(_KOREAN_SYLLABLE.match(w) for w in words[1:]):
        return None
    if words[0] in _SHARED_WITH_CHINESE and not _KOREAN_MARKS.search(" ".join(words[1:])):
        return None  # Ли Пэн, Ян Цзечи: Chinese names as Russian writes them (Palladius)
    out = [KOREAN_CYRILLIC_SURNAMES[words[0]]]
    ukrainian = any(c in "іїєґ" for w in words for c in w)
    for word in words[1:]:
        if ukrainian:  # Ukrainian и is Russian ы (Кім Чен Ин: Ын)
            word = word.replace("и", "ы")
        # A final н after е (Belarusian э), ё or о is -ng (Чен Jong, Рён Ryong, Пон
        # Pong); a final р is l (Ир Il).
        word = _FINAL_NG.sub(lambda m: ("ё" if m.group(1) == "ё" else "о") + "нг", word)
        word = _FINAL_R.sub("л", word)
        for old, new in _KOREAN_CYRILLIC:
            word = word.replace(old, new)
        out.append(word.translate(_KOREAN_CYRILLIC_LETTERS))
    return out


# Georgian and Armenian write Korean names after the Russian spelling (კიმ ჩენ ინი,
# Կիմ Չեն Ըն: Ким Чен Ын); read letter for letter into Cyrillic, they are read as above.
_GEORGIAN_TO_CYRILLIC: Final = str.maketrans(
    {
        "ა": "а", "ბ": "б", "გ": "г", "დ": "д", "ე": "е", "ვ": "в", "ზ": "з", "თ": "т",
        "ი": "и", "კ": "к", "ლ": "л", "მ": "м", "ნ": "н", "ო": "о", "პ": "п", "ჟ": "ж",
        "რ": "р", "ს": "с", "ტ": "т", "უ": "у", "ფ": "пх", "ქ": "кх", "ღ": "г", "ყ": "к",
        "შ": "ш", "ჩ": "ч", "ც": "ц", "ძ": "дз", "წ": "ц", "ჭ": "ч", "ხ": "х", "ჯ": "чж",
        "ჰ": "х",
    }
)  # fmt: skip
_GEORGIAN_NOMINATIVE: Final = re.compile(r"(?<=[^аеиоу])и$")
_ARMENIAN_TO_CYRILLIC: Final = str.maketrans(
    {
        "ա": "а", "բ": "б", "գ": "г", "դ": "д", "ե": "е", "զ": "з", "է": "э", "ը": "ы",
        "թ": "тх", "ժ": "ж", "ի": "и", "լ": "л", "խ": "х", "ծ": "ц", "կ": "к", "հ": "х",
        "ձ": "дз", "ղ": "г", "ճ": "ч", "մ": "м", "յ": "й", "ն": "н", "շ": "ш", "ո": "о",
        "չ": "ч", "պ": "п", "ջ": "чж", "ռ": "р", "ս": "с", "վ": "в", "տ": "т", "ր": "р",
        "ց": "ц", "ւ": "в", "փ": "пх", "ք": "кх", "օ": "о", "ֆ": "ф", "և": "ев",
    }
)  # fmt: skip


def korean_from_other_script(words: list[str]) -> list[str] | None:
    """:func:`korean_from_cyrillic` for a name written in Georgian or Armenian."""
    script = script_of(words[0]) if words else ""
    if script not in ("georgian", "armenian") or any(script_of(w) != script for w in words):
        return None
    if script == "georgian":
        # The nominative ending -ი added to a name ending in a consonant (ინი: Ын).
        cyrillic = [w.translate(_GEORGIAN_TO_CYRILLIC) for w in words]
        cyrillic = [_GEORGIAN_NOMINATIVE.sub("", w) if len(w) >= 3 else w for w in cyrillic]
    else:
        cyrillic = [w.lower().replace("ու", "у").translate(_ARMENIAN_TO_CYRILLIC) for w in words]
    return korean_from_cyrillic(cyrillic)


# Spanish as other scripts hear it (Хоакин, خواكين, ホアキン: Joaquin): j and g before
# e or i are kh, qu and gu before e or i are k and g, ll is y, z and c before e, i or
# y are s (Delcy: ديلسي, 德尔西), h is silent.
_SPANISH_HEARD: Final = (
    (re.compile(r"(?<![cskpt])h"), ""),
    (re.compile(r"qu(?=[ei])"), "k"),
    (re.compile(r"g(?=[ei])|j"), "kh"),
    (re.compile(r"gu(?=[ei])"), "g"),
    (re.compile(r"ll"), "y"),
    (re.compile(r"ñ"), "ny"),
    (re.compile(r"c(?=[eiy])|z"), "s"),
)


def spanish_heard(word: str) -> str:
    """A lower-case Latin word of a Spanish name as it sounds (joaquin: khoakin,
    cabello: kabeyo)."""
    for pattern, sound in _SPANISH_HEARD:
        word = pattern.sub(sound, word)
    return word


# Letters a script writes for two sounds of the lists' spellings, each reading apart:
# Hangul ㅊ (ch) for ц as well as ч (콜로콜체프: Kolokoltsev) and ㅎ (h) for х, kh
# (자하르첸코: Zakharchenko), Greek τσ (ts) for ч as well as ц (Τσεμέζοφ: Chemezov),
# Hebrew ח (hh) for kh as well as ḥ (חמינאי: Khamenei), kana ツ (read back tu, as for
# Russian ту) for ts as well (スルツキー: Slutsky), kana h for kh (ミハイル: Mikhail)
# and f for the Korean hw (ファン: Hwang, フィ: Hwi); チ, read back ti (for Russian
# ти), is also chi (スコチ: Skoch).
_OTHER_HEARING: Final[dict[str, tuple[tuple[tuple[str, str], ...], ...]]] = {
    "hangul": ((("ch", "ts"),), (("h", "kh"),)),
    "greek": ((("ts", "ch"),),),
    "hebrew": ((("hh", "kh"),),),
    "kana": ((("tu", "tsu"), ("h", "kh")), (("f", "hw"),), (("ti", "chi"),)),
}


def other_hearings(script: str, text: str) -> tuple[str, ...]:
    """A romanized word as its script's ambiguous letters may also be heard."""
    found: list[str] = []
    for reading in _OTHER_HEARING.get(script, ()):
        heard = text
        for written, sound in reading:
            heard = heard.replace(written, sound)
        if heard != text and heard not in found:
            found.append(heard)
    return tuple(found)
