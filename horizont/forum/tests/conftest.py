from __future__ import annotations

from typing import Any

import pytest
from django.utils import timezone

from horizont.forum.models import BusinessProfile, Category, Post, Thread


@pytest.fixture
def category(db: Any) -> Category:
    return Category.objects.create(name="Life abroad", slug="life-abroad")


def make_thread(category: Category, author: Any, title: str = "Finding a flat", body: str = "Hi"):
    thread = Thread.objects.create(
        category=category, title=title, author=author, last_post_at=timezone.now()
    )
    Post.objects.create(thread=thread, author=author, body=body)
    return thread


@pytest.fixture
def thread(category: Category, member: Any) -> Thread:
    return make_thread(category, member)


@pytest.fixture
def business(member: Any) -> BusinessProfile:
    return BusinessProfile.objects.create(
        owner=member,
        name="Birch Bakery",
        sector="food",
        country="DE",
        city="Leipzig",
        offers="Rye bread and catering",
        seeks="A partner for deliveries",
        contact="bakery-contact@example.org",
    )
