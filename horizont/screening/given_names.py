"""Given names that are one name in several languages (Eugene, Eugen, Eugeniusz =
Евгений; Paul, Paweł = Павел).

Transliteration already makes the spellings of one Russian name meet (Yevgeniy,
Evgenii, Jewgienij); this table adds the forms other languages give the same name,
for the names of the region this project serves: Russian with its English, German,
French, Polish, Italian and Spanish counterparts, and the Ukrainian and Belarusian
forms that transliteration does not bring together (Mykola, Volodymyr, Uladzimir).
Forms are compared through their phonetic keys, so that every spelling of a form
counts.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Final

from horizont.screening.normalize import normalize_name

GROUPS: Final[tuple[tuple[str, ...], ...]] = (
    ("евгений", "eugene", "eugen", "eugeniusz", "eugenio", "eugenius", "yevhen", "yauhen"),
    ("евгения", "eugenia", "eugenie", "yevheniia"),
    ("павел", "paul", "pawel", "pablo", "paolo", "paulus", "pavlo", "pavel"),
    ("николай", "nicholas", "nicolas", "nikolaus", "niklaus", "mikolaj", "nicola", "nicolae",
     "mykola", "mikalai"),
    ("фёдор", "theodore", "theodor", "teodor", "fiodor", "fedir"),
    ("екатерина", "catherine", "katharina", "katherine", "katarzyna", "caterina", "catalina",
     "kateryna", "katsiaryna"),
    ("елена", "helen", "helena", "helene", "olena", "alena"),
    ("степан", "stephen", "steven", "stefan", "stephane", "szczepan", "stefano", "stsiapan"),
    ("алексей", "alexis", "alexius", "aleksy", "oleksiy", "oleksii", "aliaksei"),
    ("василий", "basil", "basile", "bazyli", "vasyl", "wasyl", "vasil"),
    ("матвей", "matthew", "matthias", "mateusz", "matthieu", "mathieu", "matteo", "mattia"),
    ("михаил", "michael", "michal", "michel", "michele", "miguel", "mykhailo", "mikhas"),
    ("пётр", "peter", "pierre", "pietro", "petro", "pedro", "petrus", "piotr", "piatro"),
    ("иван", "john", "johann", "johannes", "jean", "juan", "giovanni", "jan", "ivan", "ioann",
     "yan"),
    ("иосиф", "joseph", "jozef", "josef", "giuseppe", "jose", "yosyp", "osip", "iosif"),
    ("георгий", "george", "georg", "jerzy", "georges", "giorgio", "jorge", "heorhiy",
     "heorhii"),
    ("яков", "jacob", "jakub", "jakob", "jacques", "giacomo", "yakiv", "jakab"),
    ("андрей", "andrew", "andrzej", "andre", "andreas", "andrea", "andriy", "andrii",
     "andrei"),
    ("дмитрий", "demetrius", "dimitri", "dimitrios", "dymitr", "dmytro", "dzmitry"),
    ("сергей", "serge", "sergio", "sergiusz", "serhiy", "serhii", "sergius", "siarhei"),
    ("владимир", "wlodzimierz", "volodymyr", "uladzimir", "vladimir", "wladimir"),
    ("олег", "oleh", "aleh", "oleg"),
    ("игорь", "ihar", "ihor", "igor"),
    ("илья", "elijah", "elias", "eliasz", "illia", "ilia", "ilya"),
    ("константин", "constantine", "constantin", "konstanty", "kostiantyn", "kanstantsin"),
    ("григорий", "gregory", "gregor", "grzegorz", "gregoire", "gregorio", "hryhoriy"),
    ("мария", "mary", "marie", "maria", "maryia", "mariia", "marja"),
    ("анна", "anne", "anna", "hanna", "ganna", "annette"),
    ("ольга", "olha", "volha", "olga"),
    ("юлия", "julia", "julie", "juliette", "yuliia", "yuliya", "julija"),
    ("ирина", "irene", "iryna", "irena"),
    ("елизавета", "elizabeth", "elisabeth", "elzbieta", "elisabetta", "yelyzaveta"),
    ("софья", "sophia", "sophie", "zofia", "sofia", "sofiya"),
    ("наталья", "natalie", "nathalie", "natalia", "natalya", "nataliya", "natallia"),
    ("светлана", "sviatlana", "svitlana", "svetlana"),
    ("татьяна", "tatiana", "tatsiana", "tetiana", "tatjana"),
    ("александр", "alexander", "alexandre", "aleksander", "alessandro", "alejandro",
     "oleksandr", "aliaksandr", "alyaksandr"),
)  # fmt: skip


@lru_cache(maxsize=1)
def groups_by_key() -> dict[str, frozenset[int]]:
    """Phonetic key → the groups it is a form of; built once per process (some 40 ms:
    web processes build it at start-up with the index)."""
    found: dict[str, set[int]] = {}
    for number, forms in enumerate(GROUPS):
        for form in forms:
            for token in normalize_name(form).tokens:
                found.setdefault(token.key, set()).add(number)
    return {key: frozenset(groups) for key, groups in found.items()}


def same_given_name(a: str, b: str) -> bool:
    """True when words with the phonetic keys ``a`` and ``b`` are forms of one given
    name in two languages (the keys of ``eugene`` and ``yevgeniy``)."""
    table = groups_by_key()
    left = table.get(a)
    return left is not None and not left.isdisjoint(table.get(b, ()))
