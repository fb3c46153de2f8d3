import pytest

from horizont.screening import DEFAULT_THRESHOLD, compare_names
from horizont.screening.normalize import normalize_name
from horizont.screening.palladius import SYLLABLES, pinyin_from_cyrillic, split_syllables


@pytest.mark.parametrize(
    ("cyrillic", "pinyin"),
    [
        ("цзи", "ji"), ("си", "xi"), ("сы", "si"), ("чжун", "zhong"), ("жэнь", "ren"),
        ("хуэй", "hui"), ("ло", "luo"), ("бо", "bo"), ("юй", "yu"), ("цзюй", "ju"),
        ("люй", "lu"), ("сюэ", "xue"), ("вэй", "wei"), ("ян", "yang"), ("янь", "yan"),
    ],
)  # fmt: skip
def test_the_table_reads_palladius_syllables_as_pinyin(cyrillic: str, pinyin: str) -> None:
    assert SYLLABLES[cyrillic] == pinyin


def test_a_word_splits_into_the_fewest_syllables_or_not_at_all() -> None:
    assert split_syllables("цзиньпин") == ("цзинь", "пин")
    assert split_syllables("сяопин") == ("сяо", "пин")
    assert split_syllables("александр") is None


@pytest.mark.parametrize(
    ("words", "pinyin"),
    [
        (["си", "цзиньпин"], ["xi", "jinping"]),
        (["ли", "кэцян"], ["li", "keqiang"]),
        (["ван", "и"], ["wang", "yi"]),
        (["ян", "цзечи"], ["yang", "jiechi"]),
        (["чжан", "юймин"], ["zhang", "yuming"]),
    ],
)
def test_chinese_names_in_russian_read_back_as_pinyin(words: list[str], pinyin: list[str]) -> None:
    assert pinyin_from_cyrillic(words) == pinyin


@pytest.mark.parametrize(
    "words",
    [["ли", "анна"], ["ван", "анна"], ["ян", "петров"], ["иванов", "си"], ["ли"]],
)
def test_russian_names_are_not_read_as_chinese(words: list[str]) -> None:
    assert pinyin_from_cyrillic(words) is None


@pytest.mark.parametrize(
    ("query", "listed"),
    [("Си Цзиньпин", "XI, Jinping"), ("Ли Кэцян", "LI Keqiang"), ("Ван И", "WANG Yi")],
)
def test_a_chinese_name_written_in_russian_finds_the_listed_person(query: str, listed: str) -> None:
    assert compare_names(query, listed).score == 1.0
    assert compare_names(query, "LI, Wei").score < DEFAULT_THRESHOLD


def test_a_korean_name_in_russian_stays_korean() -> None:
    assert [t.text for t in normalize_name("Ли Ён Хо").tokens] == ["ri", "yong", "ho"]


def test_the_mark_of_palladius_may_be_the_family_name_s() -> None:
    # Чжу is Zhu and no Russian word; Хайлунь alone would not tell
    assert pinyin_from_cyrillic(["чжу", "хайлунь"]) == ["zhu", "hailun"]
    assert compare_names("Чжу Хайлунь", "ZHU, Hailun").score >= 0.9


def test_a_soft_n_closing_a_syllable_marks_palladius() -> None:
    # Миншань: шань, a syllable Russian words rarely close so
    assert pinyin_from_cyrillic(["ван", "миншань"]) == ["wang", "mingshan"]
    assert compare_names("Ван Миншань", "WANG, Mingshan").score >= 0.9
    assert pinyin_from_cyrillic(["ли", "анна"]) is None
