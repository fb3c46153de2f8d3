import pytest

from horizont.screening import Band, band_for, compare_names, phonetic_key, transliterate
from horizont.screening.phonetic import phonetic_keys

PRIGOZHIN = "Пригожин Евгений Викторович"


@pytest.mark.parametrize(
    ("scheme", "expected"),
    [
        ("english", "Prigozhin Yevgeniy Viktorovich"),
        ("icao", "Prigozhin Evgenii Viktorovich"),
        ("iso9", "Prigožin Evgenij Viktorovič"),
        ("german", "Prigoschin Jewgeni Wiktorowitsch"),
        ("french", "Prigojine Evgueni Viktorovitch"),
        ("polish", "Prigożyn Jewgienij Wiktorowicz"),
    ],
)
def test_each_convention_writes_the_published_form(scheme: str, expected: str) -> None:
    assert transliterate(PRIGOZHIN, scheme) == expected


def test_unknown_scheme_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown transliteration scheme"):
        transliterate("Пригожин", "klingon")


@pytest.mark.parametrize(
    "spelling", ["Prigozhin", "Prigoschin", "Prigojine", "Prigożyn", "Prigožin", "Пригожин"]
)
def test_spellings_of_one_surname_share_a_phonetic_key(spelling: str) -> None:
    assert phonetic_key("пригожин") in phonetic_keys(spelling.lower())


@pytest.mark.parametrize("spelling", ["Yevgeniy", "Jewgeni", "Evgueni", "Jewgienij", "Evgenii"])
def test_given_names_meet_too(spelling: str) -> None:
    assert phonetic_key("евгений") in phonetic_keys(spelling.lower())


def test_round_trip_through_every_convention_keeps_the_key() -> None:
    for scheme in ("english", "icao", "iso9", "german", "french", "polish"):
        for word in transliterate("Солонин Марк Семенович", scheme).lower().split():
            assert phonetic_keys(word) & {
                phonetic_key(w) for w in ("солонин", "марк", "семенович")
            }, (scheme, word)


def test_a_russian_name_in_ukraine_s_romanization_reads_back() -> None:
    # Ukraine's national romanization writes г as h: Pryhozhyn, Yevhen, Serhiy.
    assert phonetic_keys("pryhozhyn") & phonetic_keys("prigozhin")
    assert phonetic_keys("serhiy") & phonetic_keys("sergiy")
    listed = "PRIGOZHIN, Yevgeniy Viktorovich"
    for query in ("Yevhen Pryhozhyn", "Jevhen Pryhožyn"):
        assert band_for(compare_names(query, listed).score) in (Band.POSSIBLE, Band.STRONG)
