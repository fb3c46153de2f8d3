"""Forum categories in the reader's language, with the name as typed as fallback."""

from __future__ import annotations

import pytest

from horizont.forum import demo
from horizont.forum.models import Category

pytestmark = pytest.mark.django_db


def test_category_shows_the_readers_language_and_falls_back(client):
    Category.objects.create(
        name="Life abroad", slug="life", name_de="Leben im Ausland", description="Flats.",
        description_de="Wohnungen.",
    )  # fmt: skip
    german = client.get("/de/forum/").content.decode()
    assert "Leben im Ausland" in german and "Wohnungen." in german
    polish = client.get("/pl/forum/").content.decode()
    assert "Life abroad" in polish and "Flats." in polish  # no Polish name: as typed
    assert "<h1>Leben im Ausland</h1>" in client.get("/de/forum/c/life/").content.decode()


def test_demo_categories_are_named_in_four_languages():
    demo.load()
    category = Category.objects.get(slug="culture")
    assert (category.name_en, category.name_ru, category.name_de, category.name_pl) == (
        "Culture", "Культура", "Kultur", "Kultura",
    )  # fmt: skip
