"""Burmese names in Myanmar script, read syllable by syllable as the lists write them.

Burmese writes a name without spaces (မင်းအောင်လှိုင်), and each of its syllables is a
word of the name in Latin letters (HLAING, Min Aung). ``anyascii`` leaves out the
vowels written as signs (*mn n l n*); this module cuts a word into syllables and reads
each with the conventional spelling of Burmese names (the one of the lists and of the
press, not MLCTS): an initial consonant, its medials, and a rhyme from the vowel signs
and the closing consonant (မင်း Min, အောင် Aung, လှိုင် Hlaing, ကျော် Kyaw, ထွန်း Htun,
ရွှေ Shwe). Tones are not written.
"""

from __future__ import annotations

from typing import Final

_INITIALS: Final = {
    "က": "k", "ခ": "kh", "ဂ": "g", "ဃ": "g", "င": "ng", "စ": "s", "ဆ": "s", "ဇ": "z",
    "ဈ": "z", "ည": "ny", "ဋ": "t", "ဌ": "ht", "ဍ": "d", "ဎ": "d", "ဏ": "n", "တ": "t",
    "ထ": "ht", "ဒ": "d", "ဓ": "d", "န": "n", "ပ": "p", "ဖ": "hp", "ဗ": "b", "ဘ": "b",
    "မ": "m", "ယ": "y", "ရ": "y", "လ": "l", "ဝ": "w", "သ": "th", "ဟ": "h", "ဠ": "l",
    "အ": "",
}  # fmt: skip
_INDEPENDENT: Final = {
    "ဣ": "i", "ဤ": "i", "ဥ": "u", "ဦ": "u", "ဧ": "e", "ဩ": "aw", "ဪ": "aw",
}  # fmt: skip
_ASAT: Final = "\u103a"
_VIRAMA: Final = "\u1039"
_TONES: Final = frozenset("\u1037\u1038")
_MEDIAL_Y: Final = frozenset("\u103b\u103c")
_MEDIAL_W: Final = "\u103d"
_MEDIAL_H: Final = "\u103e"
_VOWEL_SIGNS: Final = frozenset("\u102b\u102c\u102d\u102e\u102f\u1030\u1031\u1032\u1036")

# Rhymes by vowel signs (a = ာ or ါ, i = ိ or ီ, u = ု or ူ, e = ေ, ai = ဲ, n = ံ) and
# the class of the closing consonant (k: က, ng: င, t: တ ပ စ, n: န မ, y: ယ ည).
_RHYMES: Final[dict[tuple[str, str], str]] = {
    ("", ""): "a", ("a", ""): "a", ("i", ""): "i", ("u", ""): "u", ("e", ""): "e",
    ("ai", ""): "e", ("ea", ""): "aw", ("iu", ""): "o", ("n", ""): "an",
    ("", "k"): "et", ("iu", "k"): "aik", ("ea", "k"): "auk", ("i", "k"): "eik",
    ("", "ng"): "in", ("iu", "ng"): "aing", ("ea", "ng"): "aung", ("i", "ng"): "in",
    ("", "t"): "at", ("i", "t"): "eik", ("u", "t"): "ok",
    ("", "n"): "an", ("i", "n"): "ein", ("u", "n"): "on",
    ("", "y"): "e", ("", "ny"): "i",
}  # fmt: skip
_FINALS: Final = {
    "က": "k", "ဂ": "k", "င": "ng", "စ": "t", "ည": "ny", "တ": "t", "ဒ": "t", "ပ": "t",
    "န": "n", "မ": "n", "ဏ": "n", "ယ": "y",
}  # fmt: skip


def _starts_syllable(word: str, at: int) -> bool:
    """Whether the letter at ``at`` opens a syllable: a consonant or independent vowel
    that is not a closing consonant (asat after it, tone marks apart) nor stacked."""
    char = word[at]
    if char not in _INITIALS and char not in _INDEPENDENT:
        return False
    follow = at + 1
    while follow < len(word) and word[follow] in _TONES:
        follow += 1
    if follow < len(word) and word[follow] in (_ASAT, _VIRAMA):
        return False
    return not (at > 0 and word[at - 1] == _VIRAMA)


def syllables(word: str) -> list[str]:
    """The syllables of a word in Myanmar script (မင်းအောင်လှိုင် → မင်း, အောင်, လှိုင်)."""
    found: list[str] = []
    for at, char in enumerate(word):
        if _starts_syllable(word, at) or not found:
            found.append(char)
        else:
            found[-1] += char
    return found


def read_syllable(syllable: str) -> str:
    """One Burmese syllable in the conventional Latin spelling of names."""
    head = syllable[:1]
    if head in _INDEPENDENT:
        return _INDEPENDENT[head]
    initial = _INITIALS.get(head)
    if initial is None:
        return ""
    rest = syllable[1:]
    if _MEDIAL_H in rest:  # လှ hl, မှ hm; ရှ and ယှ are sh
        initial = "sh" if head in "ရယ" else "h" + initial
    medial = "y" if _MEDIAL_Y & set(rest) and initial not in ("y", "sh") else ""
    rounded = _MEDIAL_W in rest
    signs = "".join(c for c in rest if c in _VOWEL_SIGNS)
    vowel = ""
    if "\u1031" in signs and ("\u102c" in signs or "\u102b" in signs):
        vowel = "ea"
    elif "\u102d" in signs and "\u102f" in signs:
        vowel = "iu"
    elif "\u102d" in signs or "\u102e" in signs:
        vowel = "i"
    elif "\u102f" in signs or "\u1030" in signs:
        vowel = "u"
    elif "\u1031" in signs:
        vowel = "e"
    elif "\u1032" in signs:
        vowel = "ai"
    elif "\u102c" in signs or "\u102b" in signs:
        vowel = "a"
    elif "\u1036" in signs:
        vowel = "n"
    final = ""
    for at, char in enumerate(rest):
        if char in _FINALS and _ASAT in rest[at + 1 : at + 3]:
            final = _FINALS[char]
    rhyme = _RHYMES.get((vowel, final), _RHYMES.get((vowel, ""), "a"))
    if rounded and not (rhyme == "in" and initial.endswith("w")):
        # ွ: ထွန်း Htun, ညွန့် Nyunt; alone it is wa (တွ twa)
        rhyme = {"an": "un", "at": "ut"}.get(rhyme, "w" + rhyme)
    return initial + medial + rhyme


def read_word(word: str) -> list[str]:
    """A word in Myanmar script read as the words of a name, one per syllable."""
    return [read for syllable in syllables(word) if (read := read_syllable(syllable))]
