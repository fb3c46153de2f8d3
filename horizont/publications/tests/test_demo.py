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
