"""Demo articles and meeting reports, in several languages. Everything here is fictional."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.contrib.auth import get_user_model
from django.utils import timezone
from django.utils.text import slugify

from horizont.core.demo_keys import demo_object, demo_remember
from horizont.network.models import Initiative, Membership
from horizont.publications.models import Article, ArticleTranslation, Tag
from horizont.publications.services import tags_from_text

DEMO_AUTHOR_EMAIL = "demo-author@example.org"

REPORT = {
    "ru": (
        "Отчёт о встрече партнёров в Варшаве (демо)",
        "Вымышленная встреча: инициативы из трёх стран договорились о совместном календаре.",
        "## Кто пришёл\n\nПредставители шести **вымышленных** инициатив из Варшавы, Берлина и "
        "Праги.\n\n## О чём договорились\n\n- общий календарь событий;\n- обмен лекторами;\n"
        "- осенний кинофестиваль.\n\n> Все имена и события в этом отчёте выдуманы.",
    ),
    "pl": (
        "Relacja ze spotkania partnerów w Warszawie (demo)",
        "Fikcyjne spotkanie: inicjatywy z trzech krajów uzgodniły wspólny kalendarz.",
        "## Kto przyszedł\n\nPrzedstawiciele sześciu **fikcyjnych** inicjatyw z Warszawy, Berlina "
        "i Pragi.\n\n## Co ustalono\n\n- wspólny kalendarz wydarzeń;\n- wymiana wykładowców;\n"
        "- jesienny festiwal filmowy.\n\n> Wszystkie nazwiska i wydarzenia są zmyślone.",
    ),
    "de": (
        "Bericht vom Partnertreffen in Warschau (Demo)",
        "Ein erfundenes Treffen: Initiativen aus drei Ländern vereinbarten einen gemeinsamen "
        "Kalender.",
        "## Wer kam\n\nVertreter*innen von sechs **erfundenen** Initiativen aus Warschau, Berlin "
        "und Prag.\n\n## Was vereinbart wurde\n\n- ein gemeinsamer Veranstaltungskalender;\n"
        "- Austausch von Referent*innen;\n- ein Filmfestival im Herbst.\n\n"
        "> Alle Namen und Ereignisse in diesem Bericht sind erfunden.",
    ),
    "en": (
        "Report from the partners' meeting in Warsaw (demo)",
        "A fictional meeting: initiatives from three countries agreed on a shared calendar.",
        "## Who came\n\nPeople from six **fictional** initiatives in Warsaw, Berlin and Prague.\n\n"
        "## What was agreed\n\n- a shared calendar of events;\n- exchanging speakers;\n"
        "- a film festival in the autumn.\n\n> Every name and event in this report is made up.",
    ),
}

# "key" finds an article again on a later run, whatever its titles have become.
ARTICLES: list[dict[str, Any]] = [
    {
        "key": "warsaw-partners-report",
        "city": "Warsaw",
        "kind": Article.Kind.REPORT,
        "tags": "meetings, partners, Warsaw",
        "days_ago": 3,
        "versions": REPORT,
    },
    {
        "key": "reading-circle",
        "city": "Berlin",
        "kind": Article.Kind.ARTICLE,
        "tags": "culture, reading circle",
        "days_ago": 10,
        "versions": {
            "en": (
                "How our reading circle works (demo)",
                "Once a month, one book, many languages.",
                "Our **fictional** reading circle meets once a month. Everyone reads in the "
                "language they like best and we talk in Russian and German.\n\n"
                "1. Pick a book together.\n2. Read for four weeks.\n3. Bring tea.\n",
            ),
            "ru": (
                "Как устроен наш читательский клуб (демо)",
                "Раз в месяц, одна книга, много языков.",
                "Наш **вымышленный** клуб собирается раз в месяц. Каждый читает на удобном "
                "языке, а обсуждаем по-русски и по-немецки.\n\n"
                "1. Выбираем книгу вместе.\n2. Читаем четыре недели.\n3. Приносим чай.\n",
            ),
        },
    },
    {
        "key": "observer-training",
        "city": "Berlin",
        "kind": Article.Kind.ARTICLE,
        "tags": "elections, training",
        "days_ago": 20,
        "versions": {
            "de": (
                "Wahlbeobachtung: was eine Schulung bietet (Demo)",
                "Ein erfundener Überblick über unsere Schulungen.",
                "In unseren **erfundenen** Schulungen lernen Freiwillige, wie eine Auszählung "
                "abläuft und wie man Unregelmäßigkeiten dokumentiert.",
            ),
        },
    },
    {
        "key": "film-night-report",
        "city": "Warsaw",
        "kind": Article.Kind.REPORT,
        "tags": "culture, film",
        "days_ago": 30,
        "versions": {
            "pl": (
                "Wieczór filmowy: relacja (demo)",
                "Fikcyjny pokaz filmów dokumentalnych.",
                "Na naszym **fikcyjnym** wieczorze filmowym obejrzeliśmy dwa krótkie filmy "
                "dokumentalne i rozmawialiśmy do późna.",
            ),
            "ru": (
                "Киновечер: отчёт (демо)",
                "Вымышленный показ документального кино.",
                "На нашем **вымышленном** киновечере мы посмотрели два коротких документальных "
                "фильма и проговорили до ночи.",
            ),
        },
    },
]


# The demo tags in each interface language (Tag.label).
TAG_TRANSLATIONS = {
    "meetings": {"ru": "встречи", "de": "Treffen", "pl": "spotkania"},
    "partners": {"ru": "партнёры", "de": "Partner", "pl": "partnerzy"},
    "Warsaw": {"ru": "Варшава", "de": "Warschau", "pl": "Warszawa"},
    "culture": {"ru": "культура", "de": "Kultur", "pl": "kultura"},
    "reading circle": {"ru": "читательский клуб", "de": "Lesekreis", "pl": "klub czytelniczy"},
    "elections": {"ru": "выборы", "de": "Wahlen", "pl": "wybory"},
    "training": {"ru": "обучение", "de": "Schulung", "pl": "szkolenie"},
    "film": {"ru": "кино", "de": "Film", "pl": "film"},
}


def _author() -> Any:
    user, created = get_user_model().objects.get_or_create(
        email=DEMO_AUTHOR_EMAIL, defaults={"display_name": "Mira (demo author)"}
    )
    if created:
        user.set_unusable_password()
        user.save()
    return user


def _initiative(city: str) -> Initiative:
    public = Initiative.objects.public()
    found = public.filter(city__iexact=city).order_by("pk").first() or public.order_by("pk").first()
    if found is not None:
        return found
    return Initiative.objects.get_or_create(
        slug="demo-publishing-circle",
        defaults={
            "name": "Publishing Circle (demo)",
            "description": "A fictional initiative that publishes the demo articles.",
            "language": "en",
            "country": "DE",
            "city": "Berlin",
            "status": Initiative.Status.APPROVED,
        },
    )[0]


def load() -> str:
    author = _author()
    now = timezone.now()
    created = 0
    for spec in ARTICLES:
        versions = spec["versions"]
        language = next(iter(versions))
        titles = [title for title, _summary, _body in versions.values()]
        older = Article.objects.filter(translations__title__in=titles).distinct()
        if demo_object(Article, f"publications:{spec['key']}", legacy=older) is not None:
            continue
        initiative = _initiative(spec["city"])
        Membership.objects.get_or_create(
            initiative=initiative,
            user=author,
            defaults={"role": Membership.Role.ORGANIZER, "status": Membership.Status.ACTIVE},
        )
        article = Article.objects.create(
            initiative=initiative,
            author=author,
            kind=spec["kind"],
            status=Article.Status.PUBLISHED,
            original_language=language,
            published_at=now - timedelta(days=spec["days_ago"]),
        )
        tags = tags_from_text(spec["tags"])
        for tag in tags:
            names = TAG_TRANSLATIONS.get(tag.name, {})
            if names and not tag.name_ru:
                Tag.objects.filter(pk=tag.pk).update(**{f"name_{k}": v for k, v in names.items()})
        article.tags.set(tags)
        demo_remember(article, f"publications:{spec['key']}")
        for code, (title, summary, body) in versions.items():
            ArticleTranslation.objects.create(
                article=article,
                language=code,
                title=title,
                slug=slugify(title, allow_unicode=True)[:200],
                summary=summary,
                body=body,
            )
        created += 1
    _link_warsaw_report()
    total = Article.objects.published().count()
    return f"{created} articles created, {total} published in all"


def _link_warsaw_report() -> None:
    """Point the past Warsaw partners' meeting (events demo) at its report."""
    from horizont.events.demo import WARSAW_REPORTED
    from horizont.events.models import Event

    article = demo_object(Article, "publications:warsaw-partners-report")
    meeting = demo_object(Event, WARSAW_REPORTED)
    if article is None or meeting is None or meeting.report_url:
        return
    # The meeting is in Polish (the partner house's language), so is the report's title.
    report = article.translations.filter(language="pl").first()
    # A path without language prefix: the reader lands in their own language.
    Event.objects.filter(pk=meeting.pk).update(
        report_url=f"/publications/{article.pk}/",
        report_title=report.title if report is not None else "",
    )
