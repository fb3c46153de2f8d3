"""Given names that are one name in several languages (Eugene, Eugen, Eugeniusz =
Евгений; Paul, Paweł = Павел).

Transliteration already makes the spellings of one Russian name meet (Yevgeniy,
Evgenii, Jewgienij); this table adds the forms other languages give the same name,
for the names of the region this project serves: Russian with its English, German,
French, Polish, Italian and Spanish counterparts, and the Ukrainian and Belarusian
forms that transliteration does not bring together (Mykola, Volodymyr, Uladzimir).
Forms are compared through their phonetic keys, so that every spelling of a form
counts.

``SHORT_FORMS`` adds the short forms people go by (Bibi for Benjamin, Вова for
Владимир, Kasia for Katarzyna): a short form matches the full names listed with it in
any spelling, a little less well than one name in two languages. Short forms whose key
is shorter than three letters (Jim, Ed, Al) or that are words of names in their own
right (Ben in HABIB BEN MOHAMED, Pat, Don; Abe, a Japanese family name) are left out.
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


SHORT_FORMS: Final[tuple[tuple[tuple[str, ...], tuple[str, ...]], ...]] = (
    # English
    (("william", "wilhelm"), ("bill", "billy", "willy", "willie", "liam")),
    (("robert",), ("bob", "bobby", "robbie")),
    (("richard",), ("dick", "rick", "ricky")),
    (("james",), ("jimmy", "jamie")),
    (("john",), ("jack", "johnny")),
    (("michael",), ("mike", "mikey", "mick", "mickey")),
    (("thomas",), ("tommy",)),
    (("anthony", "antony", "antonio", "anton"), ("tony",)),
    (("edward",), ("eddie", "teddy", "ned")),
    (("charles",), ("charlie", "chuck")),
    (("joseph",), ("joey",)),
    (("benjamin",), ("benny", "bibi")),
    (("alexander", "alexandra"), ("alex", "sandy", "sasha", "sascha")),
    (("christopher",), ("chris",)),
    (("daniel",), ("danny",)),
    (("david",), ("dave", "davy")),
    (("matthew",), ("matt",)),
    (("nicholas",), ("nick", "nicky")),
    (("samuel",), ("sammy",)),
    (("stephen", "steven"), ("steve",)),
    (("timothy",), ("timmy",)),
    (("andrew",), ("andy", "drew")),
    (("peter",), ("pete",)),
    (("patrick",), ("paddy",)),
    (("gregory",), ("greg",)),
    (("donald",), ("donny",)),
    (("ronald",), ("ronnie",)),
    (("kenneth",), ("kenny",)),
    (("lawrence", "laurence"), ("larry",)),
    (("henry", "harold"), ("harry", "hank")),
    (("frederick", "friedrich"), ("fred", "freddie", "fritz")),
    (("elizabeth",), ("liz", "lizzie", "beth", "betty", "betsy", "eliza")),
    (("margaret",), ("peggy", "maggie", "meg")),
    (("catherine", "katherine", "katharina"), ("kate", "katie", "cathy", "kathy", "kathi")),
    (("rebecca",), ("becky",)),
    (("jennifer",), ("jenny",)),
    (("jacob",), ("jake",)),
    (("joshua",), ("josh",)),
    (("raymond",), ("ray",)),
    (("theodore",), ("theo",)),
    # Russian
    (("александр", "александра", "alexander", "alexandra", "oleksandr"),
     ("саша", "шура", "саня")),
    (("алексей", "alexis"), ("лёша", "алёша", "alex")),
    (("анатолий",), ("толя",)),
    (("андрей",), ("андрюша",)),
    (("борис",), ("боря",)),
    (("валерий",), ("валера",)),
    (("василий",), ("вася",)),
    (("виктор",), ("витя",)),
    (("владимир",), ("вова", "володя")),
    (("владислав", "вячеслав", "станислав"), ("слава",)),
    (("геннадий",), ("гена",)),
    (("георгий",), ("жора", "гоша")),
    (("григорий",), ("гриша",)),
    (("дмитрий",), ("дима", "митя")),
    (("евгений", "евгения"), ("женя",)),
    (("иван",), ("ваня",)),
    (("константин",), ("костя",)),
    (("леонид",), ("лёня",)),
    (("михаил",), ("миша",)),
    (("николай",), ("коля",)),
    (("павел",), ("паша",)),
    (("пётр",), ("петя",)),
    (("сергей",), ("серёжа",)),
    (("юрий",), ("юра",)),
    (("яков",), ("яша",)),
    (("фёдор",), ("федя",)),
    (("екатерина",), ("катя",)),
    (("елена",), ("лена",)),
    (("ирина",), ("ира",)),
    (("мария",), ("маша",)),
    (("наталья",), ("наташа",)),
    (("ольга",), ("оля",)),
    (("светлана",), ("света",)),
    (("татьяна",), ("таня",)),
    (("юлия",), ("юля",)),
    (("людмила",), ("люда",)),
    (("надежда",), ("надя",)),
    (("анастасия",), ("настя",)),
    (("дарья",), ("даша",)),
    (("ксения",), ("ксюша",)),
    # Polish and German
    (("katarzyna",), ("kasia",)),
    (("malgorzata",), ("gosia",)),
    (("aleksander",), ("olek",)),
    (("wojciech",), ("wojtek",)),
    (("tomasz",), ("tomek",)),
    (("jaroslaw",), ("jarek",)),
    (("wlodzimierz",), ("wlodek",)),
    (("stanislaw",), ("staszek",)),
)  # fmt: skip
SHORT_KEY_MIN: Final = 3


@lru_cache(maxsize=1)
def short_forms_by_key() -> tuple[dict[str, frozenset[int]], dict[str, frozenset[int]]]:
    """(key of a short form → its entries, key of a full name → its entries). A short
    form stands for the names it is listed with only, not for their forms in other
    languages (Jack for John, not for Ivan)."""
    short: dict[str, set[int]] = {}
    full: dict[str, set[int]] = {}
    for number, (names, shorts) in enumerate(SHORT_FORMS):
        for name in names:
            for token in normalize_name(name).tokens:
                full.setdefault(token.key, set()).add(number)
        for form in shorts:
            for token in normalize_name(form).tokens:
                if len(token.key) >= SHORT_KEY_MIN:
                    short.setdefault(token.key, set()).add(number)
    return (
        {key: frozenset(v) for key, v in short.items()},
        {key: frozenset(v) for key, v in full.items()},
    )


@lru_cache(maxsize=1)
def given_name_keys() -> frozenset[str]:
    """Every key of a form or short form in the tables: a pair of keys not both in it
    is neither (the cheap test before the tables)."""
    short, full = short_forms_by_key()
    return frozenset(groups_by_key()) | frozenset(short) | frozenset(full)


def short_form_of(a: str, b: str) -> bool:
    """True when one of the phonetic keys ``a`` and ``b`` is a short form of a given
    name the other is a spelling of (Bibi, Benjamin; Вова, Wladimir)."""
    short, full = short_forms_by_key()
    left = short.get(a)
    if left is not None and not left.isdisjoint(full.get(b, ())):
        return True
    right = short.get(b)
    return right is not None and not right.isdisjoint(full.get(a, ()))


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
