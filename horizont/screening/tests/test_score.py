import pytest

from horizont.screening import (
    Band,
    Entity,
    Identifier,
    IdType,
    Index,
    Name,
    NameQuality,
    PartialDate,
    Schema,
    SourceRef,
    band_for,
    compare_entities,
    compare_names,
)
from horizont.screening.normalize import ORG_WORDS, normalize_name
from horizont.screening.score import (
    DEFAULT_THRESHOLD,
    Method,
    PairTable,
    align,
    can_reach,
    key_similarities,
)


def test_name_order_does_not_matter() -> None:
    assert compare_names("Yevgeniy Prigozhin", "PRIGOZHIN, Yevgeniy").score == 1.0


def test_explanation_says_which_token_matched_which_and_how() -> None:
    result = compare_names("Jewgeni Prigoschin", "PRIGOZHIN, Yevgeniy Viktorovich")
    methods = {(t.query_token, t.name_token): t.method for t in result.tokens}
    assert methods == {
        ("jewgeni", "yevgeniy"): Method.TRANSLITERATION,
        ("prigoschin", "prigozhin"): Method.TRANSLITERATION,
    }
    assert result.missing_in_query == ("viktorovich",)
    assert band_for(result.score) is Band.STRONG
    assert any("viktorovich" in line for line in result.explain())


def test_leaving_out_the_patronymic_costs_little_a_different_one_much() -> None:
    without = compare_names("Галина Селезнева", "Селезнева Галина Ивановна").score
    different = compare_names("Селезнева Галина Захаровна", "Селезнева Галина Ивановна").score
    assert band_for(without) is Band.STRONG
    assert band_for(different) is None


def test_typo_is_a_fuzzy_match() -> None:
    result = compare_names("Evgeny Prigozin", "PRIGOZHIN, Yevgeniy Viktorovich")
    assert Method.FUZZY in {t.method for t in result.tokens}
    assert band_for(result.score) is Band.POSSIBLE


def test_unrelated_names_do_not_match() -> None:
    assert band_for(compare_names("Anna Schmidt", "PRIGOZHIN, Yevgeniy").score) is None


def _person(uid: str, name: str, year: int, passport: str | None = None) -> Entity:
    entity = Entity(
        id=f"t:{uid}",
        schema=Schema.PERSON,
        names=[Name(name)],
        source=SourceRef("t", "1", uid),
        birth_dates=[PartialDate(year)],
    )
    if passport:
        entity.identifiers.append(Identifier(IdType.PASSPORT, passport))
    return entity


def test_compare_entities_uses_identifiers_and_birth_years() -> None:
    a = _person("1", "PRIGOZHIN, Yevgeniy Viktorovich", 1961)
    b = _person("2", "Пригожин Евгений Викторович", 1961)
    c = _person("3", "Пригожин Евгений Викторович", 1990)
    same = compare_entities(a, b)
    assert same.band is Band.STRONG
    assert any("birth years agree" in n for n in same.notes)
    assert compare_entities(a, c).score < same.score
    d = _person("4", "Someone Else", 1961, passport="717 637 093")
    e = _person("5", "Another Name", 1961, passport="717637093")
    assert compare_entities(d, e).score == 1.0


# -- issue 11: name parts, scripts, legal forms ------------------------------------------


def _alert(query: str, name: str) -> bool:
    return compare_names(query, name).score >= DEFAULT_THRESHOLD


def test_stress_marks_and_joined_words_do_not_split_or_hide_a_name() -> None:
    assert compare_names("Влади́мир Путин", "Владимир Путин").score >= 0.98
    assert compare_names("VladimirPutin", "Vladimir Putin").score == 1.0
    joined = compare_names("ALQAEDA", "AL QAEDA")
    assert band_for(joined.score) is Band.STRONG
    assert Method.JOINED in {t.method for t in joined.tokens}


def test_a_legal_form_written_together_with_the_last_word_is_split_off() -> None:
    glued = compare_names("rajbrooklimited", "RAJBROOK LIMITED")
    assert glued.score == 1.0
    assert [t.text for t in normalize_name("ENERGYCOMPANY").tokens] == ["energy"]
    # too little left to be a name: the word stays whole
    assert [t.text for t in normalize_name("Gmbh").tokens] == ["gmbh"]
    assert [t.text for t in normalize_name("Ted Coltd").tokens] == ["ted", "coltd"]


def test_a_legal_form_written_together_with_the_first_word_is_split_off() -> None:
    assert compare_names("LLCRUSCHEMRADH", "LLC RUSCHEMRADH").score == 1.0
    assert normalize_name("OOOROMASHKA").legal_forms == normalize_name("OOO ROMASHKA").legal_forms
    assert [t.text for t in normalize_name("Joseph Oaoa").tokens] == ["joseph", "oaoa"]


def test_a_word_joined_with_the_name_word_before_it_is_rejoined() -> None:
    # the long word alone is a fuzzy match; joined with VO before it, an exact one
    result = compare_names("VOPROMSYRIOIMPORT", "VO PROMSYRIOIMPORT")
    assert band_for(result.score) is Band.STRONG
    assert [t.method for t in result.tokens] == [Method.JOINED]


def test_a_word_cut_in_three_short_pieces_is_joined() -> None:
    split = compare_names("Nikolai Plat Ono Vich Patrushev", "Nikolai Platonovich Patrushev")
    assert band_for(split.score) is Band.STRONG
    assert Method.JOINED in {t.method for t in split.tokens}
    # three longer words are three names, not one cut in three
    assert not _alert("Vladimir Sergey Ivanov", "Vladimirsergeyivanov Petrov")


def test_generic_words_alone_never_raise_an_alert_against_a_distinctive_name() -> None:
    for query, name in [
        ("Management Company", "Westminister Management Company"),
        ("construction ltd", "LLC CONSTRUCTION DREDGING COMPANY"),
        ("Bank of Iran", "Bank Melli Iran"),
        ("Bank of Iran", "POST BANK OF IRAN"),  # stop words are generic too
    ]:
        result = compare_names(query, name)
        assert result.score < DEFAULT_THRESHOLD, (query, name)
    # a distinctive word matched: generic words left over cost what extra words cost
    assert _alert("Bank Melli", "Bank Melli Iran")
    assert _alert("Westminster Management Company", "Westminster Management Company")
    # the words come from rigour's symbols, not from names that happen to be on lists
    assert {"management", "bank", "trading", "iran"} <= ORG_WORDS
    assert not {"gazprom", "melli", "westminister", "rosneft"} & ORG_WORDS
    # stop words romanized from other scripts would be syllables of Chinese names
    assert not {"shi", "wei", "yi"} & ORG_WORDS


def test_a_word_a_name_has_twice_costs_little_unless_the_other_name_differs() -> None:
    assert compare_names("Shoigu Shoigu Sergey", "SHOIGU, Sergei").score >= 0.9
    assert compare_names("MUHAMMAD, Muhammad", "Muhammad").score == 1.0
    # MOHAMED twice against OSMAN MOHAMED: a word of the name differs
    assert not _alert("ABDULLAHI MOHAMED MOHAMED CADDOW", "ABDULLAHI OSMAN MOHAMED CADDOW")


def test_one_transposition_and_one_letter_in_a_short_word_are_fuzzy_matches() -> None:
    assert _alert("Olaf Schloz", "Olaf Scholz")
    assert _alert("Kim Jong On", "Kim Jong Un")
    assert not _alert("Kim Jong Il", "Kim Jong Un")


def test_initials_match_given_names_in_any_script_but_not_a_different_letter() -> None:
    assert band_for(compare_names("В. В. Путин", "PUTIN, Vladimir Vladimirovich").score) is (
        Band.STRONG
    )
    assert _alert("Hans J Friedrich", "Hans Joachim Friedrich")
    assert not _alert("Hans O Friedrich", "Hans Joachim Friedrich")
    assert not _alert("Joe Sestak", "E. S. Co.")


def test_titles_are_removed_but_surnames_that_look_like_titles_or_forms_stay() -> None:
    assert compare_names("Präsident Wladimir Putin", "Vladimir Putin").score >= 0.95
    assert "präsident" in compare_names("Präsident Wladimir Putin", "Vladimir Putin").removed
    assert [t.text for t in normalize_name("Pan Wei").tokens] == ["pan", "wei"]
    assert [t.text for t in normalize_name("Iyad Ag Ghaly").tokens] == ["iyad", "ag", "ghaly"]


def test_legal_forms_are_recognized_and_compared() -> None:
    assert normalize_name("Siemens Aktiengesellschaft").legal_forms == ("ag",)
    assert band_for(compare_names("Siemens Aktiengesellschaft", "Siemens AG").score) is (
        Band.STRONG
    )
    assert _alert("Deutsche Bank AG", "Deutsche Bank")
    different = compare_names("Deutsche Bank AG", "Deutsche Bank GmbH")
    assert not _alert("Deutsche Bank AG", "Deutsche Bank GmbH")
    assert any("legal forms differ" in line for line in different.explain())
    assert _alert("OOO Romashka", "Общество с ограниченной ответственностью «Ромашка»")


def test_the_same_legal_form_is_evidence_a_moved_or_misspelt_one_too() -> None:
    same = compare_names("Havanatur Ltd.", "Havanatur Bahamas Ltd.").score
    assert same > compare_names("Havanatur Ltd.", "Havanatur S.A.").score
    assert (
        compare_names("Gazprom OAO", "Gazprom JSC").score
        > compare_names("Gazprom OAO", "Gazprom LLC").score
    )  # OAO and JSC are both stock companies, LLC is not
    moved = compare_names("Kattan LLC Wassim", "Wassim Kattan LLC")
    assert _alert("Kattan LLC Wassim", "Wassim Kattan LLC")
    assert any("legal form elsewhere" in line for line in moved.explain())
    assert _alert("SINSMS PTE. LTa.", "SINSMS PTE. LTD.")
    assert _alert("Manaure Sn.A.", "Manaure S.A.")
    assert not _alert("Manaure Sn.A.", "Manaure")  # a one-word name, another name in it


def test_a_legal_form_on_one_side_costs_more_than_a_missing_middle_word() -> None:
    # The query names its form: the listed name with that form and one word more is
    # closer than the listed name without any form.
    for query, fuller, bare in (
        ("IRISL GMBH", "IRISL EUROPE GMBH", "IRISL"),
        ("HATEF COMPANY LIMITED", "HATEF SHIPPING COMPANY LIMITED", "HATEF"),
        ("Havanatur Ltd.", "Havanatur Bahamas Ltd.", "Havanatur"),
    ):
        assert compare_names(query, fuller).score > compare_names(query, bare).score, query
        assert _alert(query, bare)  # still an alert
    assert band_for(compare_names("Deutsche Bank AG", "Deutsche Bank").score) is Band.STRONG


def test_import_export_and_international_are_name_words_not_legal_forms() -> None:
    name = normalize_name("Barakat Import Export Ltda")
    assert [t.text for t in name.tokens] == ["barakat", "import", "export"]
    assert name.legal_forms == ("ltd",)
    assert not _alert("Barakat Import Export Ltda", "Barakat Ltda")


def test_initials_in_another_order_are_not_the_same_acronym() -> None:
    assert _alert("A.B.C. Company", "ABC Company")
    assert not _alert("C.B.A. Company", "A.B.C. Company")
    assert not _alert("N.N.", "Nursultan Nazarbayev")


def test_a_missing_middle_name_costs_part_a_different_one_more() -> None:
    missing = compare_names("Boris Johnson", "Boris Alexander Johnson").score
    different = compare_names("Boris Peter Johnson", "Boris Alexander Johnson").score
    assert band_for(missing) is Band.POSSIBLE
    assert different < missing
    assert not _alert("Boris Peter Johnson", "Boris Alexander Johnson")


def test_names_in_other_scripts_are_romanized_and_compared() -> None:
    for query in (
        "فلاديمير بوتين",  # Arabic
        "ولادیمیر پوتین",  # Persian
        "ולדימיר פוטין",  # Hebrew
        "Βλαντιμίρ Πούτιν",  # Greek
        "Վլադիմիր Պուտին",  # Armenian
        "व्लादिमीर पुतिन",  # Hindi
    ):
        assert _alert(query, "Vladimir Putin"), query
    assert not _alert("فلاديمير بوتين", "Vladimir Petrov")


def test_chinese_and_korean_names_put_the_family_name_first() -> None:
    name = normalize_name("习近平")
    assert [t.text for t in name.tokens] == ["xi", "jinping"]
    assert name.family_first
    assert compare_names("习近平", "Xi Jinping").score == 1.0
    assert not compare_names("习近平", "Jinping Xi").notes


def test_short_names_compare_as_one_code() -> None:
    # Tail numbers: the separator moved, or one letter typed in.
    assert compare_names("E-PMHA", "EP-MHA").score >= DEFAULT_THRESHOLD
    assert compare_names("EPkMOS", "EP-MOS").score >= DEFAULT_THRESHOLD
    assert compare_names("EP-XYZ", "EP-MOS").score < DEFAULT_THRESHOLD


def test_a_title_dropped_on_one_side_only_is_compared() -> None:
    # Hajji is dropped as a title only before two more words.
    result = compare_names("HAJJI Fawzi", "HAJJI, Muhammad Fawzi")
    assert result.score >= DEFAULT_THRESHOLD
    assert compare_names("HAJJI Fawzi", "Muhammad Fawzi").score < result.score


def test_words_in_the_same_order_win_a_tie() -> None:
    same = compare_names("Mahmoud Hassan AYACHE", "AYACHE, Mahmoud Hassan").score
    other = compare_names("Mahmoud Hassan AYACHE", "AYACHE, Hassan Mahmoud").score
    assert same > other
    assert same - other < 0.001  # not enough to change a band


def test_english_spellings_of_long_vowels_meet() -> None:
    assert compare_names("Puya Digital", "POOYA DIGITAL").score >= 0.9


def test_a_tail_number_with_a_typo_is_retrieved() -> None:
    entities = [
        Entity(id=f"t:{n}", schema=Schema.AIRCRAFT, names=[Name(v)],
               source=SourceRef("t", "1", str(n)))
        for n, v in enumerate(["EP-MOS", "EP-GOL", "Mostafa Golzar", "Ivan Petrov"])
    ]  # fmt: skip
    index = Index(entities)
    assert index.search("EPkMOS")[0].entity.id == "t:0"
    assert index.search("EP-GL")[0].entity.id == "t:1"


_BOUND_PAIRS = [
    ("Jewgeni Prigoschin", "PRIGOZHIN, Yevgeniy Viktorovich"),
    ("Галина Селезнева", "Селезнева Галина Ивановна"),
    ("VladimirPutin", "Vladimir Putin"),
    ("Vladimir Putin", "VladimirPutin"),
    ("AL QAEDA", "ALQAEDA"),
    ("ALQAEDA Network", "AL QAEDA"),
    ("Präsident Wladimir Putin", "Vladimir Putin"),
    ("HAJJI Fawzi", "HAJJI, Muhammad Fawzi"),
    ("Kattan LLC Wassim", "Wassim Kattan LLC"),
    ("SINSMS PTE. LTa.", "SINSMS PTE. LTD."),
    ("Manaure Sn.A.", "Manaure S.A."),
    ("Siemens Aktiengesellschaft", "Siemens AG"),
    ("E-PMHA", "EP-MHA"),
    ("В. В. Путин", "PUTIN, Vladimir Vladimirovich"),
    ("Boris Johnson", "Boris Alexander Johnson"),
    ("فلاديمير بوتين", "Vladimir Putin"),
    ("习近平", "Xi Jinping"),
    ("Schloz", "Scholz"),
    ("Kim Jong On", "Kim Jong Un"),
    ("FLORES SILVA Auas", "FLORES SILVA, Audias"),
    ("ANI BRIGADE", "KANI BRIGADE"),
    ("GALINOD Klmer Antonio", "GALINDO, Gilmer Antonio"),
    ("キム・ジョンウン", "KIM, Jong Un"),
]


@pytest.mark.parametrize(("query", "name"), _BOUND_PAIRS)
def test_the_bound_never_skips_a_name_that_reaches_the_floor(query: str, name: str) -> None:
    q, n = normalize_name(query), normalize_name(name)
    keys = sorted({t.key for t in n.tokens})
    column = {k: c for c, k in enumerate(keys)}
    fuzzy = key_similarities(q.tokens, keys).tolist()
    table = PairTable(q, fuzzy, column)
    score = align(q, n, fuzzy, column, table=table).score
    for floor in (0.3, 0.55, 0.75, 0.9, score, score + 0.01):
        if score >= floor:
            assert can_reach(q, n, table, floor), (floor, score)


def test_the_bound_skips_names_that_share_one_word_only() -> None:
    q = normalize_name("Jennifer Lopez Garcia")
    n = normalize_name("Muhammad Ahmad Lopez Hussein")
    keys = sorted({t.key for t in n.tokens})
    column = {k: c for c, k in enumerate(keys)}
    table = PairTable(q, key_similarities(q.tokens, keys).tolist(), column)
    assert not can_reach(q, n, table, 0.55)
    assert can_reach(q, n, table, 0.0)


def test_a_hyphenated_word_counts_as_one_word() -> None:
    name = normalize_name("SK KONSOL-STROI LTD")
    assert [(t.text, t.weight) for t in name.tokens] == [
        ("sk", 1.0),
        ("konsol", 0.5),
        ("stroi", 0.5),
    ]
    # A particle joined by a hyphen keeps its own weight; short parts are no compound.
    assert [t.weight for t in normalize_name("AL-AQSA FOUNDATION").tokens] == [0.4, 1.0, 1.0]
    assert [t.weight for t in normalize_name("Kim Jong-Un").tokens] == [1.0, 1.0, 1.0]
    # Leaving out the hyphenated word costs what leaving out one word costs.
    assert compare_names("SK LTD", "SK KONSOL-STROI LTD").score > (
        compare_names("SK LTD", "SK GUDZON, OOO").score
    )
    assert compare_names("Konsol Stroi", "KONSOL-STROI").score == 1.0


def test_initials_apart_from_each_other_are_no_acronym_in_disorder() -> None:
    # The leading initial moved to the end, as a word of a name may be.
    assert _alert("A C INTERNATIONAL INC. I", "I A C INTERNATIONAL INC.")
    assert not _alert("C B A Company", "A B C Company")


def _entities(names: list[str]) -> list[Entity]:
    return [
        Entity(id=f"t:{n}", schema=Schema.ORGANIZATION, names=[Name(v) for v in value.split("|")],
               source=SourceRef("t", "1", str(n)))
        for n, value in enumerate(names)
    ]  # fmt: skip


def test_names_that_differ_in_their_legal_form_only_are_both_indexed() -> None:
    index = Index(_entities(["KARST, OOO|KARST LTD.", "KARAT LTD."]))
    top = index.search("KARST LTD.")[0]
    assert top.entity.id == "t:0"
    assert top.matched_name is not None and top.matched_name.value == "KARST LTD."
    assert top.score == 1.0


def test_a_misspelt_word_is_retrieved_before_names_holding_a_part_of_it() -> None:
    banks = [f"{word} BANK" for word in ("MELLI", "SEPAH", "SADERAT", "PARSIAN", "FUTURE")]
    banks += [f"BANK {n} {chr(65 + n % 26)}{chr(66 + n % 25)}Z" for n in range(60)]
    index = Index(_entities(["INRESBANK OOO", *banks]))
    assert index.search("IRNESBANK OOO")[0].entity.id == "t:0"


def test_a_joined_word_is_retrieved_by_its_longest_part_even_with_a_typo_in_it() -> None:
    names = ["VO PROMSYRIOIMPORT", "BANK KESHAVARZI"]
    names += [f"{word} SEA PORT" for word in ("KERCH", "ODESSA", "AZOV", "VARNA")]
    names += [f"BANK {n} {chr(65 + n % 26)}{chr(66 + n % 25)}Z" for n in range(60)]
    index = Index(_entities(names))
    # PORT is the rarer part of VOPROMSYRIOIMPORT, PROMSYRIOIMPORT the longer one
    assert index.search("VOPROMSYRIOIMPORT")[0].entity.id == "t:0"
    # KESHAUARZI is one edit from KESHAVARZI; BANK alone reaches 61 names
    assert index.search("BANKKESHAUARZI")[0].entity.id == "t:1"


def test_two_letters_swapped_in_a_short_word_are_retrieved() -> None:
    people = ["WAHHAB, Wiam"] + [f"WAHHAB, {given}" for given in (
        "Abdul", "Jaime", "Waseem", "Muhammad", "Ahmad", "Ali", "Hassan", "Omar", "Yusuf",
        "Khalid", "Ibrahim", "Mahmoud", "Salim", "Tariq", "Bilal", "Nabil", "Karim", "Samir",
        "Rami", "Fadi", "Walid", "Ziad", "Majid", "Hamid", "Rashid", "Adel", "Faisal", "Jamal",
        "Kamal", "Nasser", "Saeed", "Sami", "Hadi", "Issa", "Musa", "Idris", "Anwar", "Amin",
    )]  # fmt: skip
    index = Index(_entities(people))
    assert index.search("WAHHAB Waim")[0].entity.id == "t:0"


def test_an_organisation_keeps_a_first_word_that_is_also_a_title() -> None:
    # "General" and "King" are titles before a person's name, words of a company's.
    assert [t.text for t in normalize_name("GENERAL PETROLEUM CORPORATION").tokens] == [
        "general",
        "petroleum",
    ]
    assert "king" in [t.text for t in normalize_name("KING ROMANS COMPANY LIMITED").tokens]
    assert normalize_name("General Ivanov").removed == ("general",)
    petroleum = [f"{word} PETROLEUM CORPORATION" for word in (
        "NATIONAL", "ARABIAN", "PERSIAN", "CASPIAN", "GULF", "ORIENT", "DELTA", "NORTH",
    )]  # fmt: skip
    index = Index(_entities(["GENERAL PETROLEUM CORPORATION", *petroleum]))
    assert index.search("GENREAL PETROLEUM CORPORATION")[0].entity.id == "t:0"
    assert compare_names("GENERAL MOTORS LTD", "MOTORS LTD").score < 0.9  # was 1.0


def test_a_title_inside_a_name_costs_little_when_missing() -> None:
    # Haji after the comma is not removed (it may be a name), but a query without it
    # is nearly the same name, unlike one missing a given name.
    with_title = compare_names("NOOR Mohammad", "NOOR, Haji Mohammad").score
    with_name = compare_names("NOOR Mohammad", "NOOR, Hafeez Mohammad").score
    assert with_title > 0.95 > with_name
    # Two names that differ in one word are not the same because that word is a title
    # (MIR against WALI), nor does a title make up for a second matching word.
    differ = compare_names(
        "ABDUL JALIL HAQQANI MIR MOHAMMAD", "ABDUL JALIL HAQQANI WALI MOHAMMAD"
    ).score
    assert differ < DEFAULT_THRESHOLD
    assert (
        compare_names("CHAN King", "HAYAN").score
        < compare_names("CHAN King", "CHAN DY, King").score
    )


def test_a_particle_or_hyphenated_word_written_as_one_is_retrieved() -> None:
    people = ["AL-SHAMI, Ahmad"] + [f"{family}, Ahmad" for family in (
        "SHAMIR", "HASHEMI", "AL-SHAMRI", "SAMI", "ALSHAMRANI", "KHAMIS", "SHAMS", "ALAMI",
    )] + [f"AHMAD, {given}" for given in (
        "Ali", "Omar", "Hassan", "Yusuf", "Khalid", "Ibrahim", "Mahmoud", "Salim", "Tariq",
        "Bilal", "Nabil", "Karim", "Samir", "Rami", "Fadi", "Walid", "Ziad", "Majid",
        "Hamid", "Rashid", "Adel", "Faisal", "Jamal", "Kamal", "Nasser", "Saeed", "Sami",
        "Hadi", "Issa", "Musa", "Idris", "Anwar", "Amin", "Zaid", "Mustafa", "Hussein",
    )]  # fmt: skip
    people += ["IFD-KAPITAL|IFDK, ZAO", *(f"{w} KAPITAL" for w in ("ALFA", "VTB", "IFC", "RUS"))]
    index = Index(_entities(people))
    assert index.search("ALSHAMI Ahmad")[0].entity.id == "t:0"
    top = index.search("IFDKAPITAL")[0]
    assert top.matched_name is not None and top.matched_name.value == "IFD-KAPITAL"


def test_russian_spelling_of_a_belarusian_name_raises_an_alert() -> None:
    # The lists write Belarusian names from Belarusian: vowels differ, consonants not.
    lukashenka = compare_names("Александр Лукашенко", "LUKASHENKA, Alyaksandr Hryhoryavich")
    assert lukashenka.score >= DEFAULT_THRESHOLD
    # Same consonants but different first letters or vowels too far apart: no match.
    assert compare_names("Путин", "PATAN, Ali").score == 0.0
    assert compare_names("Радим Авдеев", "IPATAU, Vadzim").score < 0.5


def test_father_and_son_swapped_around_bin_are_two_people() -> None:
    swapped = compare_names("SALMAN BIN MUHAMMAD AL-RAWI", "MUHAMMAD BIN SALMAN AL-RAWI")
    assert swapped.score < DEFAULT_THRESHOLD
    assert any("bin/ibn" in note for note in swapped.notes)
    # The same lineage in the list's own order ("FAMILY, Given") is the same person.
    same = compare_names("Muhammad bin Salman al-Rawi", "AL-RAWI, Muhammad bin Salman")
    assert same.score >= 0.9
    assert compare_names("Muhammad bin Salman", "MUHAMMAD BIN SALMAN AL SAUD").score >= 0.75


def test_two_particles_and_a_word_written_as_one() -> None:
    assert compare_names("ABDALRAHMAN Ali", "ABD AL-RAHMAN, Ali").score >= 0.9
    assert compare_names("Abdulrahman Ali", "ABD AL-RAHMAN, Ali").score >= 0.9
    assert compare_names("vanderbilt corp", "van der bilt corp").score >= 0.9
    people = ["ABD AL-RAHMAN, Ali"] + [f"{family}, Ali" for family in (
        "RAHMAN", "ABDALLAH", "AL-RAHMANI", "ABD AL-RAHIM", "ABD AL-KARIM", "RAHMANI",
        "ABDUL", "AL-ABED", "ABDELRAHIM", "HAMAD", "AL-HAJJ", "ABD AL-SALAM",
    )]  # fmt: skip
    assert Index(_entities(people)).search("ABDALRAHMAN Ali")[0].entity.id == "t:0"


def test_cyrillic_initials_written_together_match_the_given_names() -> None:
    listed = "PRIGOZHIN, Yevgeniy Viktorovich"
    for query in ("Пригожин Е.В.", "Е.В.Пригожин", "Пригожин Е. В."):
        assert band_for(compare_names(query, listed).score) is Band.STRONG, query
    # Latin dotted letters stay one word: an acronym, not initials.
    assert _alert("A.B.C. Company", "ABC Company")


def test_hebrew_geresh_is_read_as_the_apostrophe() -> None:
    geresh = normalize_name("יבגני פריגוז׳ין")
    assert [t.text for t in geresh.tokens] == [
        t.text for t in normalize_name("יבגני פריגוז'ין").tokens
    ]
    assert len(geresh.tokens) == 2


def test_a_lone_word_matched_by_its_consonants_alone_is_weak_evidence() -> None:
    # Πριγκόζιν and BORYOKUDAN share four of five consonant classes; 普里戈津 reads
    # puligedin, which has BORYOKUDAN's consonants exactly once l = r.
    assert compare_names("Πριγκόζιν", "BORYOKUDAN").score < 0.55
    lone = compare_names("普里戈津", "BORYOKUDAN")
    assert band_for(lone.score) is Band.WEAK
    assert any("consonants only" in line for line in lone.explain())
    # The same word inside a full name keeps its weight.
    assert band_for(compare_names("Евгений Пригожин", "PRIGOZHIN, Yevgeniy").score) is Band.STRONG
    index = Index(
        [_person("p", "PRIGOZHIN, Yevgeniy Viktorovich", 1961), _person("b", "BORYOKUDAN", 1990)]
    )
    assert [m.entity.id for m in index.search("Πριγκόζιν")] == ["t:p"]


def test_a_two_letter_legal_form_with_a_letter_slipped_in_is_still_the_legal_form() -> None:
    # SlA. for S.A.: one word, the legal form of the other name with a letter more.
    result = compare_names("BIESRA SlA.", "BIESTRA S.A.")
    assert band_for(result.score) is Band.POSSIBLE
    assert "sla" not in result.missing_in_name
    # A real third word stays one.
    assert compare_names("BIESTRA SLAM S.A.", "BIESTRA S.A.").score < result.score


def test_a_word_spelt_badly_on_both_sides_lifts_a_name_into_the_weak_band_only() -> None:
    # Two words of three exact, the third spelt with two letters off: one name part
    # spelt badly, not two different ones.
    result = compare_names("FLORES SILVA Auas", "FLORES SILVA, Audias")
    assert band_for(result.score) is Band.WEAK
    assert ("auas", "audias") in {(t.query_token, t.name_token) for t in result.tokens}
    assert Method.PARTIAL in {t.method for t in result.tokens}
    assert not result.missing_in_name and not result.missing_in_query
    # A first letter lost from a short word.
    assert band_for(compare_names("ANI BRIGADE", "KANI BRIGADE").score) is Band.WEAK
    # A word unlike the other stays a different name part.
    assert compare_names("FLORES SILVA Juan", "FLORES SILVA, Audias").score < 0.55
    # Never an alert: Armenia and America are two words spelt alike in part.
    assert compare_names("Bank of Armenia Corporation", "Bank of America Corporation").score < (
        DEFAULT_THRESHOLD
    )
    # A better pairing is never given up for a partial one.
    assert band_for(compare_names("Good Will Company", "Goodwill Company").score) is Band.STRONG
    index = Index(_entities(["FLORES SILVA, Audias", "FLORES, Juan", "SILVA, Maria", "AUAS"]))
    assert index.search("FLORES SILVA Auas")[0].entity.id == "t:0"


def test_two_query_words_joined_into_one_listed_word_are_in_no_reversed_order() -> None:
    result = compare_names("MacDONALD", "MACDONALD")
    assert result.score == pytest.approx(0.97)
    assert not any("reversed" in line for line in result.explain())
    assert any(
        "reversed" in line for line in compare_names("Putin Vladimir", "Vladimir Putin").explain()
    )


@pytest.mark.parametrize(
    ("query", "name"),
    [
        ("GUPTAAjay", "GUPTA, Ajay"),
        ("SergeiAKSENOV", "AKSENOV, Sergei"),
        ("ПУТИНВладимир", "Путин Владимир"),
    ],
)
def test_a_word_in_capitals_written_together_with_a_capitalized_one_is_two_words(
    query: str, name: str
) -> None:
    assert compare_names(query, name).score == 1.0


def test_two_words_of_one_name_written_as_one_are_retrieved_beside_a_word_one_edit_away() -> None:
    # KOSARIANFARD is one edit from no listed word but two from KOSARAYANIFARD; the
    # name holding both KOSARIAN and FARD is found all the same.
    names = ["KOSARAYANIFARD, Pejman", "GUARIN LOAIZA, Jose", "KOSARIAN FARD", "FARD, Reza"]
    names += ["GUARINO, Rosario", "KOSARIAN, Ali"]
    index = Index(_entities(names))
    assert index.search("KOSARIANFARD")[0].entity.id == "t:2"
    assert index.search("guarinorosario")[0].entity.id == "t:4"


@pytest.mark.parametrize(
    ("query", "name"),
    [
        ("Brigade Forty-Four", "Brigade 44"),
        ("Twenty-first Century Fund", "21st Century Fund"),
        ("First Investment Bank", "1st Investment Bank"),
        ("Seven Seas Shipping", "7 Seas Shipping"),
    ],
)
def test_numbers_in_english_words_or_ordinals_compare_as_digits(query: str, name: str) -> None:
    assert compare_names(query, name).score == 1.0


@pytest.mark.parametrize(
    ("query", "name"),
    [("SiemensAG", "Siemens AG"), ("L.X.C", "L.X.C."), ("MetallGmbH", "Metall GmbH")],
)
def test_a_glued_two_capital_ending_and_a_last_undotted_initial_are_read(
    query: str, name: str
) -> None:
    assert compare_names(query, name).score == 1.0


@pytest.mark.parametrize(
    ("query", "name"),
    [
        ("Eugene Prigozhin", "PRIGOZHIN, Yevgeniy Viktorovich"),
        ("Eugeniusz Prigożin", "PRIGOZHIN, Yevgeniy"),
        ("Paul Durov", "DUROV, Pavel"),
        ("Mykola Azarov", "AZAROV, Nikolai"),
        ("John Doe", "Juan Doe"),
    ],
)
def test_one_given_name_in_another_language_raises_an_alert(query: str, name: str) -> None:
    result = compare_names(query, name)
    assert result.score >= DEFAULT_THRESHOLD
    assert Method.EQUIVALENT in {t.method for t in result.tokens}


def test_two_different_given_names_are_no_equivalents() -> None:
    assert compare_names("Anna Ivanova", "Maria Ivanova").score < DEFAULT_THRESHOLD
    assert compare_names("Paul Durov", "DUROV, Nikolai").score < DEFAULT_THRESHOLD


@pytest.mark.parametrize(
    ("query", "name"),
    [
        ("Bibi Netanyahu", "Benjamin Netanyahu"),
        ("Вова Путин", "Vladimir Putin"),
        ("Sasha Ivanov", "Oleksandr Ivanov"),
        ("Jack Smith", "John Smith"),
        ("Kasia Nowak", "Katarzyna Nowak"),
    ],
)
def test_a_short_form_of_a_given_name_raises_an_alert(query: str, name: str) -> None:
    result = compare_names(query, name)
    assert DEFAULT_THRESHOLD <= result.score < 0.9  # possible: many people go by Jack
    assert Method.SHORT_FORM in {t.method for t in result.tokens}


def test_short_forms_of_other_names_and_name_words_are_no_short_forms() -> None:
    assert compare_names("Sasha Ivanov", "Dmitry Ivanov").score < DEFAULT_THRESHOLD
    assert compare_names("Вова Путин", "Вячеслав Путин").score < DEFAULT_THRESHOLD
    # a short form of John, not of the same name in other languages (Ivan)
    assert compare_names("Jack Hernandez", "Ivan Hernandez").score < DEFAULT_THRESHOLD
    # Ben is a word of Arabic names (son of), never a short form of Benjamin
    result = compare_names("HABIB BEN MOHAMED", "HABIB BENJAMIN MOHAMED")
    assert Method.SHORT_FORM not in {t.method for t in result.tokens}
    assert result.score < DEFAULT_THRESHOLD


@pytest.mark.parametrize(
    ("query", "name"),
    [
        ("ANJEM CHOUDARY", "ANJEM IFTIKHAR CHOUDARY MAHMOOD"),
        ("AKHTAR MOHAMMAD MANSOUR SHAH MOHAMMED", "AKHTAR MANSOUR"),
        ("DOST MOHAMMAD KHAN HAQQANI", "DOST MOHAMMAD"),
        ("Boris Johnson", "Alexandre Boris de Pfeffel Johnson"),  # to the last word
    ],
)
def test_a_name_given_in_part_in_order_from_its_first_or_to_its_last_word_alerts(
    query: str, name: str
) -> None:
    result = compare_names(query, name)
    assert DEFAULT_THRESHOLD <= result.score < 0.9  # possible, never strong


@pytest.mark.parametrize(
    ("query", "name"),
    [
        ("MOHAMMAD KHAN", "DOST MOHAMMAD KHAN HAQQANI AKHUND"),  # from the middle
        ("SHER ANJEM CHOUDARY MAHMOOD", "ANJEM CHOUDARY"),
        ("MOHAMMED ALI HASSAN IBRAHIM KHALIL AL-TIKRITI", "MOHAMMED ALI"),  # too much left
        ("CHOUDARY ANJEM", "ANJEM IFTIKHAR CHOUDARY MAHMOOD"),  # not in order
        ("ANJEM CHOUDARY", "ANJEM IFTIKHAR CHOWDHRY MAHMOOD"),  # a word only similar
    ],
)
def test_a_name_in_part_out_of_order_or_from_the_middle_stays_below_an_alert(
    query: str, name: str
) -> None:
    assert compare_names(query, name).score < DEFAULT_THRESHOLD


@pytest.mark.parametrize(
    ("query", "name"),
    [
        ("PLA", "People’s Liberation Army"),
        ("U.S. Department of State", "United States Department of State"),
        ("IRGC", "Islamic Revolutionary Guard Corps"),
    ],
)
def test_an_acronym_matches_the_words_it_abbreviates(query: str, name: str) -> None:
    result = compare_names(query, name)
    assert result.score >= DEFAULT_THRESHOLD
    assert Method.ACRONYM in {t.method for t in result.tokens}


@pytest.mark.parametrize(
    ("query", "name"),
    [
        ("N.N.", "Nursultan Nazarbayev"),  # two initials for a whole name: a person's
        ("C.B.A. Company", "A.B.C. Company"),
        ("PLA", "People’s Army"),
        ("Pla", "People’s Liberation Army"),  # a word, not written as an acronym
    ],
)
def test_letters_that_are_no_acronym_of_the_name_raise_no_alert(query: str, name: str) -> None:
    assert compare_names(query, name).score < DEFAULT_THRESHOLD


def test_an_acronym_is_never_pruned_by_the_bound() -> None:
    names = ["People's Liberation Army Navy", "NAVY HOLDING", "PLA NAVIGATION"]
    found = Index(_entities(names)).search("PLA Navy")
    assert found[0].entity.id == "t:0"
    assert found[0].band is Band.STRONG


# -- misses of the perturbation benchmark read on seeds 15 and 18 ------------------------


def test_two_neighbouring_letters_swapped_count_as_half_an_edit() -> None:
    assert compare_names("Abu Saud", "Abu Suad").score > compare_names("Abu Saud", "Abu Said").score
    assert _alert("Abu Saud", "Abu Suad")
    assert compare_names("EP-AIG", "EP-IAG").score > compare_names("EP-AIG", "EP-SIG").score
    assert compare_names("Usama ibn Laden", "Usama bin Laden").score >= 0.85


def test_short_codes_are_not_made_alike_by_other_readings_of_two_letters() -> None:
    # j read as i and h as g would make AJH the tail number AIG
    assert not _alert("EP-AIG", "EP-AJH")
    assert not _alert("EP-GTQ", "HTC")
    # vowels spelt otherwise still make one name
    assert compare_names("Li Yi", "Lee Yi").score >= 0.98


def test_a_roman_numeral_is_a_number_not_a_legal_form() -> None:
    assert [t.text for t in normalize_name("BICENTENARIO II").tokens] == ["bicentenario", "ii"]
    assert normalize_name("BICENTENARIO II").legal_forms == ()
    third = compare_names("III BICENTENARIO", "BICENTENARIO III").score
    assert third > compare_names("III BICENTENARIO", "BICENTENARIO II").score


def test_a_title_that_is_also_a_given_name_costs_like_a_name_inside_a_name() -> None:
    amir = compare_names("KATRANJI Hashem", "KATRANJI, Amir Hashem").score
    maher = compare_names("KATRANJI Hashem", "KATRANJI, Maher Hashem").score
    assert amir == pytest.approx(maher)
    # a title proper still costs little (SHAH, Mullah Mohammed)
    assert compare_names("SHAH Mohammed", "SHAH, Mullah Mohammed").score > amir


def test_among_equal_scores_a_name_comes_before_a_weak_alias() -> None:
    weak = Entity(
        id="t:0",
        schema=Schema.PERSON,
        source=SourceRef("t", "1", "0"),
        names=[Name("ABU HAFS"), Name("LUQMAN, Abu", quality=NameQuality.WEAK)],
    )
    strong = Entity(id="t:1", schema=Schema.PERSON, names=[Name("LUQMAN, Abu")],
                    source=SourceRef("t", "1", "1"))  # fmt: skip
    found = Index([weak, strong]).search("Abu LUQMAN")
    assert [m.entity.id for m in found[:2]] == ["t:1", "t:0"]
    assert found[0].score == found[1].score


def test_a_word_from_an_abjad_begins_with_its_own_consonant() -> None:
    # יוסף לוי (Yosef Levi) joined is no HIZBALLAH, עמית (Amit) no AHMED
    assert compare_names("יוסף לוי", "HIZBALLAH").score == 0.0
    assert not _alert("עמית לוי", "AHMED LEVI")
    # و and ی may write a vowel before the first consonant: اولگ is Oleg
    for spelling in ("أوليغ ديريباسكا", "اولگ دریپاسکا", "אולג דריפסקה"):
        assert _alert(spelling, "DERIPASKA, Oleg Vladimirovich"), spelling


def test_a_name_matched_across_scripts_by_a_few_consonants_only_is_weak() -> None:
    for query, name in (
        ("שהד לוי", "SOTA LAU"),  # Shahd Levi
        ("ইশিতা বোস", "سعيد باهاجى"),  # Ishita Bose, SAID BAHAJI
    ):
        found = compare_names(query, name)
        assert 0.55 <= found.score < DEFAULT_THRESHOLD, (query, found.score)
        assert "matched across scripts by a few consonants only: weak evidence" in found.notes
    # a word of three consonants places the name: علي خامنئي is ALI KHAMENEI
    assert _alert("علي خامنئي", "KHAMENEI, Ali Husseini")
    assert _alert("עלי ח'אמנאי", "KHAMENEI, Ali Husseini")


def test_a_title_dropped_from_one_name_is_found_in_another_spelling_in_the_other() -> None:
    # Said is dropped as a title from the query; SAEED is the same word, kept as a name
    saeed = compare_names("Said Mohammad Ali", "SAEED, Mohammad Ali").score
    assert saeed >= 0.95
    assert saeed > compare_names("Said Mohammad Ali", "'ALI, Muhammad").score
    # another word is still missing
    assert compare_names("Said Mohammad Ali", "KHAN, Mohammad Ali").score < saeed


def test_an_english_j_is_the_sound_cyrillic_writes_dzh() -> None:
    # Javad, Jamal in the lists are Джавад, Джамал in Russian
    assert _alert("Мохаммад Джавад Зариф", "ZARIF, Mohammad Javad")
    assert _alert("Джамал Хашогги", "KHASHOGGI, Jamal")


def test_arabic_tsh_is_the_sound_of_ch() -> None:
    # سيتشين writes Sechin as Arabic spells foreign names: تش for ч
    assert _alert("إيغور سيتشين", "SECHIN, Igor")


def test_two_words_joined_into_one_by_consonants_alone_are_weak_evidence() -> None:
    # Igor Sechin in Arabic has nearly the consonants of AKRESTSINA (g-r-s-tsh-n)
    assert compare_names("إيغور سيتشين", "AKRESTSINA").score < DEFAULT_THRESHOLD
    for query, name in (("بيت سادو", "BETSADO"), ("كمال دين", "KAMALDIN")):
        found = compare_names(query, name)
        assert 0.55 <= found.score < DEFAULT_THRESHOLD, query
        assert "one word matched across scripts by its consonants only: weak evidence" in (
            found.notes
        )
    # a particle or الله joined is a spelling, not a coincidence
    assert compare_names("حزب الله", "HIZBALLAH").score >= 0.74
    assert _alert("حسن نصر الله", "NASRALLAH, Hassan")


def test_the_arabic_article_left_out_costs_next_to_nothing() -> None:
    without = compare_names("Ayman Zawahiri", "AL-ZAWAHIRI, Ayman").score
    assert without >= 0.97
    # an exact family name without its article beats another family name that only
    # shares its consonants (ザワヒリ zawahiri, JABER: s-b-r)
    assert (
        compare_names("アイマン・ザワヒリ", "AL-ZAWAHIRI, Ayman").score
        > compare_names("アイマン・ザワヒリ", "JABER, Aiman").score
    )


def _people(*names: str) -> Index:
    return Index(
        Entity(
            id=f"t:{i}", schema=Schema.PERSON, names=[Name(n)], source=SourceRef("t", "1", str(i))
        )
        for i, n in enumerate(names)
    )


def test_a_word_joined_with_its_article_across_scripts_is_rejoined() -> None:
    # 알자와히리 is al-Zawahiri written as one word in Hangul, not JABER (s-b-r)
    found = _people("JABER, Aiman", "AL-ZAWAHIRI, Ayman").search("아이만 알자와히리")
    assert found[0].entity.names[0].value == "AL-ZAWAHIRI, Ayman"
    assert found[0].score >= DEFAULT_THRESHOLD


def test_scripts_without_l_and_r_apart_reach_a_doubled_l() -> None:
    # ナスララ nasurara: NASRALLAH (l as r, and rr one r), among many named Hasan
    others = [f"HASAN, {given}" for given in _GIVEN_NAMES]
    index = _people(*others, "NASRALLAH, Hasan")
    for query in ("ハサン・ナスララ", "하산 나스랄라"):
        found = index.search(query)
        assert found and found[0].entity.names[0].value == "NASRALLAH, Hasan", query


_GIVEN_NAMES = (
    "Ahmad Ali Omar Karim Samir Nabil Walid Tarek Fadi Rami Bassam Ziad Hani Majid Adel "
    "Imad Jamal Kamal Mahmoud Mustafa Nasser Osama Qasim Rashid Saad Salim Tamer Yasser "
    "Zaki Bilal Hamza Idris Jalal Khalil Louai Munir Nizar Rafiq Sami Tawfiq Wael Yahya"
).split()


def test_an_abjad_word_opening_with_alif_or_ain_opens_with_a_vowel() -> None:
    # علی (Ali) is no LI, עמית (Amit) no MEDIA, עומר (Omer) no MOR
    assert not _alert("علی معین", "LI, Youmin")
    assert compare_names("שהד עמית", "SOTA media").score < 0.55  # Shahd Amit
    assert not _alert("עומר כהן", "MOR, Kahan")
    # and one opening with a consonant is no name opening with a vowel: لی is no ALI
    assert compare_names("لی", "ALI").score == 0.0
    for query, name in (
        ("علی خامنه‌ای", "KHAMENEI, Ali Husseini"),
        ("إسماعيل هنية", "HANIYA, Ismail"),
        ("اولگ دریپاسکا", "DERIPASKA, Oleg Vladimirovich"),
        ("אוסאמה בן לאדן", "BIN LADIN, Usama"),
        ("يفغيني بريغوجين", "PRIGOZHIN, Yevgeniy"),
    ):
        assert _alert(query, name), query


def test_an_abjad_long_vowel_between_consonants_must_be_heard_in_the_other_name() -> None:
    # מאור (Maor) writes o between m and r: no AMIR; סופר (Sofer) no SAFR; محمود
    # (Mahmud) no MUHAMMAD, حسين (Husain) no HASAN; ة closing غوشة is no consonant
    for query, name in (
        ("מאור אגבאריה", "KUBURA, Amir"),
        ("תהילה סופר", "SAFR, Adil"),
        ("محمود حسين", "MUHAMMAD, Hasan"),
        ("كرمة غوشة", "KHAZE, Karim"),
    ):
        assert not _alert(query, name), query
    for query, name in (
        ("محمود حسين", "MAHMOUD, Hussein"),
        ("قاسم سلیمانی", "SOLEIMANI, Qasem"),
        ("ألكسندر لوكاشينكو", "LUKASHENKA, Alyaksandr"),
        ("يوسف القرضاوي", "QARADAWI, Yusuf"),
    ):
        assert _alert(query, name), query


def test_vowels_a_script_writes_must_be_heard_in_the_other_name() -> None:
    # অভি ইসলাম (Abhi Islam) is no ABU SALIM, মিলা খানম (Mila Khanam) no KHAN, Mali
    assert not _alert("অভি ইসলাম", "ABU SALIM")
    assert not _alert("মিলা খানম", "KHAN, Mali")
    # vowels one name is spelt with in several ways are heard alike
    assert _alert("মুহাম্মদ হোসাইন", "HUSSEIN, Mohammed")
    assert _alert("Ιγκόρ Σέτσιν", "SECHIN, Igor")


def test_a_latin_vowel_with_a_diacritic_is_a_vowel_across_scripts() -> None:
    # é is heard where بيريز writes ي; Élodie opens with a vowel
    assert _alert("فرناندو بيريز", "Fernando Pérez")
    assert _alert("إيلودي مارتان", "Élodie Martin")


def test_a_foreign_name_in_chinese_characters_is_heard_syllable_to_syllable() -> None:
    # 穆罕默德 muhanmode: the n of 罕 is the m of 默 (Muhammad); 贾 ji is a j, not the
    # d that Russian names read it as (贾瓦德: Javad)
    assert _alert("穆罕默德·贾瓦德·扎里夫", "ZARIF, Mohammad Javad")
    found = _people(*(f"ZARIF, {given}" for given in _GIVEN_NAMES), "ZARIF, Mohammad Javad")
    assert found.search("穆罕默德·贾瓦德·扎里夫")[0].entity.names[0].value == (
        "ZARIF, Mohammad Javad"
    )
    assert _alert("弗拉基米尔·普京", "PUTIN, Vladimir")  # 基 ji is still di in Vladimir


def test_ch_written_in_arabic_persian_and_hebrew_meets_the_lists_ch() -> None:
    # تش (Arabic), چ after وو (Persian: ov), ץ׳ (Hebrew) for the ч of Yanukovych
    for query in ("فيكتور يانوكوفيتش", "ویکتور یانوکوویچ", "ויקטור ינוקוביץ'"):
        assert _alert(query, "YANUKOVYCH, Viktor Fedorovych"), query


def test_a_doubled_letter_is_one_against_an_abjad_or_chinese_and_kana_n_before_m_is_m() -> None:
    for query in ("محمد ضیف", "ムハンマド・デイフ", "穆罕默德·戴夫"):
        assert _alert(query, "DEIF, Muhammed"), query
    # 滕 teng before a consonant is ten (罗滕贝格: Rotenberg); the small tsu doubles a
    # consonant (バッシャール: Bashar)
    assert _alert("阿尔卡季·罗滕贝格", "ROTENBERG, Arkady")
    assert _alert("バッシャール・アル＝アサド", "AL-ASSAD, Bashar")


def test_kana_close_a_syllable_with_n_where_a_korean_name_writes_ng() -> None:
    # ヨジョン yojon is Yo Jong written as one word, not KIM, Kwang Yon
    found = _people("KIM, Kwang Yon", "KIM, Yo Jong").search("キム・ヨジョン")
    assert found[0].entity.names[0].value == "KIM, Yo Jong"
    assert found[0].score >= DEFAULT_THRESHOLD


def test_a_patronymic_matched_while_the_family_name_is_missing_is_weak() -> None:
    # Vasylevych is a Ukrainian family name; Васильевич is the listed patronymic
    for query, name in (
        ("Ігор Василевич", "Поночевный Игорь Васильевич"),
        ("Evgeny Viktorovich", "PRIGOZHIN, Yevgeniy Viktorovich"),
    ):
        found = compare_names(query, name)
        assert 0.55 <= found.score < DEFAULT_THRESHOLD, query
        assert any("patronymic" in note for note in found.notes)
    assert _alert("Игорь Васильевич Поночевный", "Поночевный Игорь Васильевич")
    assert _alert("Yevgeniy Prigozhin", "PRIGOZHIN, Yevgeniy Viktorovich")


def test_two_cyrillic_words_are_never_compared_by_consonant_skeletons() -> None:
    # Лисенко (Ukrainian) is no Резник: l and r differ, and Cyrillic has its keys
    assert not _alert("Наталія Лисенко", "Резник Наталья Рэмовна")
    assert _alert("Віктор Янукович", "ЯНУКОВИЧ Виктор Федорович")


def test_chinese_c_is_ts_and_ji_may_be_a_g() -> None:
    # 科洛科尔采夫 kelokeercaifu: Kolokoltsev; 吉尔金 jierjin, read back dierdin: Girkin
    assert _alert("弗拉基米尔·科洛科尔采夫", "KOLOKOLTSEV, Vladimir Alexandrovich")
    assert _alert("伊戈尔·吉尔金", "GIRKIN, Igor Vsevolodovich")
