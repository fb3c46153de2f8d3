from horizont.screening import (
    Band,
    Entity,
    Identifier,
    IdType,
    Name,
    PartialDate,
    Schema,
    SourceRef,
    band_for,
    compare_entities,
    compare_names,
)
from horizont.screening.score import Method


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
