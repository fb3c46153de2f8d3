"""Demo keys: a demo loader finds its objects again by a key, not by their texts."""

import pytest

from horizont.core.demo_keys import demo_object, demo_remember
from horizont.core.models import DemoKey
from horizont.forum.models import Category

pytestmark = pytest.mark.django_db


def _category(slug: str) -> Category:
    return Category.objects.create(slug=slug, name=slug, description="", position=0)


def test_an_object_is_found_by_its_key_after_its_texts_change():
    first = _category("one")
    demo_remember(first, "test:first")
    Category.objects.filter(pk=first.pk).update(name="renamed")
    assert demo_object(Category, "test:first") == first
    assert demo_object(Category, "test:other") is None


def test_a_key_whose_object_was_deleted_is_forgotten():
    gone = _category("gone")
    demo_remember(gone, "test:gone")
    gone.delete()
    assert demo_object(Category, "test:gone") is None
    assert not DemoKey.objects.filter(key="test:gone").exists()


def test_an_older_object_without_key_is_adopted_once():
    older, keyed = _category("older"), _category("keyed")
    demo_remember(keyed, "test:keyed")
    legacy = Category.objects.filter(slug__in=["older", "keyed"])
    assert demo_object(Category, "test:older", legacy=legacy) == older
    assert demo_object(Category, "test:older") == older
    # an object that already has a key is not taken for another one
    assert demo_object(Category, "test:third", legacy=legacy) is None
