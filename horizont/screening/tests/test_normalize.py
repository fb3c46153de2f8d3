from horizont.screening import compare_names, imo_is_valid, normalize_identifier, normalize_name
from horizont.screening.normalize import fold, tokenize


def test_fold_unifies_case_width_and_meaningless_diacritics() -> None:
    assert fold("ＭÜLLER") == "müller"
    assert fold("Ãngela") == "angela"
    assert fold("Straße") == "strasse"


def test_tokenize_joins_apostrophes_and_splits_punctuation() -> None:
    assert tokenize("AL-QA'IDA") == ["al", "qaida"]
    assert tokenize("PRIGOZHIN, Yevgeniy") == ["prigozhin", "yevgeniy"]


def test_legal_forms_and_honorifics_are_removed_but_reported() -> None:
    for raw, kept in [
        ("BERATEX GROUP LIMITED", "beratex group"),
        ("M INVEST, OOO", "m invest"),
        ("ООО «Ромашка»", "ромашка"),
        ("Fixture Shipping Sp. z o.o.", "fixture shipping"),
        ("Muster GmbH", "muster"),
        ("PAO Sberbank", "sberbank"),
        ("Herr Dr. Jewgeni Prigoschin", "jewgeni prigoschin"),
    ]:
        assert normalize_name(raw).text == kept, raw
    assert "ooo" in normalize_name("M INVEST, OOO").removed


def test_a_name_made_only_of_legal_words_keeps_them() -> None:
    assert normalize_name("LTD").text == "ltd"


def test_patronymic_is_recognized_in_any_script() -> None:
    for name in ("PRIGOZHIN, Yevgeniy Viktorovich", "Пригожин Евгений Викторович"):
        flags = [t.patronymic for t in normalize_name(name).tokens]
        assert flags == [False, False, True], name


def test_identifiers_compare_in_normalized_form() -> None:
    assert normalize_identifier("RA-02791") == "RA02791"
    assert normalize_identifier("ra 02791") == "RA02791"
    assert normalize_identifier("140ae7") == normalize_identifier("140AE7")


def test_imo_check_digit() -> None:
    assert imo_is_valid("9176187")
    assert imo_is_valid("IMO 9176187")
    assert not imo_is_valid("9176188")
    assert not imo_is_valid("917618")


def test_half_of_a_hyphenated_word_is_not_a_legal_form() -> None:
    # STG is a legal form on its own; in STG-EKO it is half of the company's name.
    name = normalize_name("OOO 'STG-EKO'")
    assert [t.text for t in name.tokens] == ["stg", "eko"]
    assert name.legal_forms == ("ooo",)
    # A legal form written with a hyphen is still one.
    assert normalize_name("ROSNEFT JOINT-STOCK COMPANY").legal_forms == ("ao",)
    assert compare_names("OOO 'STGEKO'", "OOO 'STG-EKO'").score >= 0.9


def test_a_family_name_written_before_its_comma_is_no_title() -> None:
    # OFAC writes family names first: SULTAN and SHEIKH are people's names there
    assert [t.text for t in normalize_name("SULTAN, Ahmed").tokens] == ["sultan", "ahmed"]
    assert normalize_name("SHEIKH, Mohammed Ali").removed == ()
    # the same words before a given name are titles
    assert normalize_name("Sheikh Mohammed Ali").removed == ("sheikh",)
    assert normalize_name("Sultan Qaboos Said").removed == ("sultan",)
