"""Per-language columns of names typed in by people, and the name in the reader's language."""

from __future__ import annotations

from django.utils import translation

from horizont.forum.models import Category
from horizont.publications.models import Tag


def test_each_language_column_is_labelled_with_its_own_language():
    for model in (Tag, Category):
        for code, language in [("en", "English"), ("ru", "Russian"), ("pl", "Polish")]:
            field = model._meta.get_field(f"name_{code}")
            with translation.override("en"):
                assert str(field.verbose_name) == f"name in {language}"
            assert field.max_length == model._meta.get_field("name").max_length
    with translation.override("en"):
        label = Category._meta.get_field("description_de").verbose_name
        assert str(label) == "description in German"


def test_label_is_the_readers_language_else_the_name_as_typed():
    tag = Tag(name="Wahlen", name_ru="Выборы", name_en="")
    with translation.override("ru"):
        assert tag.label == "Выборы"
    with translation.override("en"):
        assert tag.label == "Wahlen"  # blank translation: as typed
    category = Category(name="Life", description="Flats.", description_pl="Mieszkania.")
    with translation.override("pl"):
        assert (category.label, category.description_label) == ("Life", "Mieszkania.")
