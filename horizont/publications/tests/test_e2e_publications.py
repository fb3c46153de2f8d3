"""A reader opens a report and switches to its other languages in a real browser."""

import re

import pytest

from .conftest import make_article, make_initiative

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_read_an_article_in_two_languages_via_the_switcher(page):
    initiative = make_initiative("warsaw-partner-house", name="Warsaw Partner House")
    article = make_article(
        initiative,
        ru=("Отчёт о встрече", "Текст **по-русски**."),
        pl=("Relacja ze spotkania", "Tekst **po polsku**."),
        de=("Bericht vom Treffen", "Text **auf Deutsch**."),
    )
    page.goto("/en/publications/")
    page.get_by_role("link", name="Отчёт о встрече").click()
    page.wait_for_url(re.compile(rf"/en/publications/{article.pk}/$"))
    assert page.get_by_role("heading", level=1).inner_text() == "Отчёт о встрече"
    switcher = page.get_by_role("navigation", name="Other languages of this article")
    assert switcher.get_by_role("link", name="Deutsch").get_attribute("hreflang") == "de"

    switcher.get_by_role("link", name="Polski").click()
    page.wait_for_url(re.compile(rf"/en/publications/{article.pk}/pl/"))
    assert page.get_by_role("heading", level=1).inner_text() == "Relacja ze spotkania"
    assert page.locator("article.article").get_attribute("lang") == "pl"
    assert page.locator(".article-body strong").inner_text() == "po polsku"

    page.get_by_role("navigation", name="Other languages of this article").get_by_role(
        "link", name="Deutsch"
    ).click()
    page.wait_for_url(re.compile(rf"/en/publications/{article.pk}/de/"))
    assert page.get_by_role("heading", level=1).inner_text() == "Bericht vom Treffen"
    # the interface stays in the reader's language
    assert page.locator("html").get_attribute("lang") == "en"
