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


def test_rerun_finds_retitled_demo_articles_by_their_keys():
    """Articles were found again by their first title: a retitled demo article (a later
    version's wording) was added a second time on a re-run."""
    demo.load()
    counts = (Article.objects.count(), ArticleTranslation.objects.count())
    ArticleTranslation.objects.filter(language="pl", article__kind="report").update(
        title="Relacja (tytuł ze starszej wersji demo)"
    )
    ArticleTranslation.objects.filter(title__startswith="How our reading circle").update(
        title="Our reading circle (an older demo's title)"
    )

    demo.load()

    assert (Article.objects.count(), ArticleTranslation.objects.count()) == counts


def test_warsaw_report_is_linked_to_its_meeting_whatever_their_titles():
    from horizont.events import demo as events_demo
    from horizont.events.models import Event
    from horizont.network import demo as network_demo

    network_demo.load()
    events_demo.load()
    meeting = Event.objects.get(title="Spotkanie partnerów w Warszawie")
    Event.objects.filter(pk=meeting.pk).update(title="Partners' meeting (renamed)")

    demo.load()

    meeting.refresh_from_db()
    report = Article.objects.get(translations__title__startswith="Relacja ze spotkania")
    assert meeting.report_url == f"/publications/{report.pk}/"
    assert meeting.report_title.startswith("Relacja ze spotkania partnerów")
