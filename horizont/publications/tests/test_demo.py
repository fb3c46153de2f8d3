import pytest

from horizont.publications import demo
from horizont.publications.models import Article, ArticleTranslation

pytestmark = pytest.mark.django_db


def test_demo_is_idempotent_and_has_a_report_in_polish_german_and_russian():
    demo.load()
    counts = (Article.objects.count(), ArticleTranslation.objects.count())
    demo.load()
    assert (Article.objects.count(), ArticleTranslation.objects.count()) == counts
    report = (
        Article.objects.filter(kind="report", translations__language="pl")
        .filter(translations__language="de")
        .filter(translations__language="ru")
        .get()
    )
    assert report.is_published and report.initiative.is_public


def test_tags_are_shown_in_the_readers_language():
    from django.test import Client

    demo.load()
    article = Article.objects.filter(tags__name="culture").first()
    url = article.get_absolute_url()
    for language, word in (("de", "Kultur"), ("ru", "культура"), ("pl", "kultura")):
        page = Client().get(url.replace(f"/{url.split('/')[1]}/", f"/{language}/", 1))
        assert f'rel="tag">{word}</a>' in page.content.decode(), language
