"""Home page (events near the reader, latest publications, elections) and the site search."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.utils import timezone

from horizont.abroad.models import Vote
from horizont.core import search
from horizont.events.tests.conftest import make_event, make_initiative
from horizont.network.models import Initiative, InitiativeTranslation, Membership
from horizont.publications.models import Article, ArticleTranslation
from horizont.testing.personas import make_user

pytestmark = pytest.mark.django_db

on_postgres = pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL only")
on_sqlite = pytest.mark.skipif(connection.vendor == "postgresql", reason="SQLite fallback only")


def _article(initiative, language, title, body="", *, published=True, days_ago=1):
    article = Article.objects.create(
        initiative=initiative,
        original_language=language,
        status="published" if published else "draft",
        published_at=timezone.now() - dt.timedelta(days=days_ago),
    )
    ArticleTranslation.objects.create(
        article=article, language=language, title=title, slug="x", body=body or title
    )
    return article


@pytest.fixture
def berlin():
    return make_initiative("berlin-circle", city="Berlin")


@pytest.fixture
def warsaw():
    return make_initiative("warsaw-circle", city="Warsaw")


def test_home_shows_events_near_the_chosen_city_and_remembers_it(client, berlin, warsaw):
    make_event(berlin, title="Berlin film night", city="Berlin")
    make_event(warsaw, title="Warsaw reading", city="Warsaw")
    page = client.get("/en/", {"city": "warsaw"})
    content = page.content.decode()
    assert "Upcoming events in warsaw" in content
    assert "Warsaw reading" in content and "Berlin film night" not in content
    # The choice is remembered for the next visit.
    assert "Warsaw reading" in client.get("/en/").content.decode()
    assert "Berlin film night" not in client.get("/en/").content.decode()
    # An empty choice forgets it.
    assert "Berlin film night" in client.get("/en/", {"city": ""}).content.decode()


def test_home_takes_the_city_of_the_readers_initiatives(client, berlin, warsaw):
    make_event(berlin, title="Berlin film night", city="Berlin")
    make_event(warsaw, title="Warsaw reading", city="Warsaw")
    reader = make_user("reader@example.org")
    Membership.objects.create(initiative=warsaw, user=reader, role="member", status="active")
    client.force_login(reader)
    content = client.get("/en/").content.decode()
    assert "Upcoming events in Warsaw" in content
    assert "The city of your initiatives." in content
    assert "Berlin film night" not in content


def test_city_without_events_shows_the_next_ones_elsewhere(client, berlin):
    make_event(berlin, title="Berlin film night", city="Berlin")
    content = client.get("/en/", {"city": "Atlantis"}).content.decode()
    assert "No upcoming events in Atlantis" in content
    assert "Berlin film night" in content


def test_home_lists_latest_publications_and_active_elections(client, berlin):
    _article(berlin, "en", "Old news", days_ago=30)
    _article(berlin, "en", "Fresh report", days_ago=1)
    _article(berlin, "en", "Secret draft", published=False)
    today = timezone.localdate()
    Vote.objects.create(
        name="Coming vote", slug="coming", first_day=today, last_day=today + dt.timedelta(2)
    )
    Vote.objects.create(
        name="Past vote",
        slug="past",
        first_day=today - dt.timedelta(9),
        last_day=today - dt.timedelta(8),
    )
    content = client.get("/en/").content.decode()
    assert content.index("Fresh report") < content.index("Old news")
    assert "Secret draft" not in content
    assert "Coming vote" in content and "Past vote" not in content


def test_search_finds_initiatives_events_and_publications(client, berlin):
    make_event(berlin, title="Choir rehearsal", city="Berlin")
    _article(berlin, "en", "Choir report", "How the choir sang.")
    _article(berlin, "en", "Choir draft", published=False)
    response = client.get("/en/search/", {"q": "choir"})
    content = response.content.decode()
    assert response.status_code == 200
    assert "Choir rehearsal" in content and "Choir report" in content
    assert "Choir draft" not in content
    assert "Berlin Circle" in client.get("/en/search/", {"q": "berlin circle"}).content.decode()


def test_search_hides_what_is_not_public(client):
    pending = make_initiative("hidden-choir", approved=False)
    make_event(pending, title="Hidden choir night")
    content = client.get("/en/search/", {"q": "choir"}).content.decode()
    assert "Hidden choir night" not in content and "Hidden Choir" not in content
    assert "Nothing found" in content


@pytest.mark.parametrize("language", ["ru", "de", "pl"])
def test_search_page_speaks_the_readers_language(client, language):
    content = client.get(f"/{language}/search/", {"q": "zzzz"}).content.decode()
    assert "Nothing found" not in content
    assert 'lang="' + language in content


def test_empty_and_huge_queries_are_harmless(client):
    assert client.get("/en/search/").status_code == 200
    assert client.get("/en/search/", {"q": "x" * 5000}).status_code == 200
    assert search.search("   ").count == 0


@on_sqlite
def test_sqlite_falls_back_to_substring_matching(berlin):
    _article(berlin, "de", "Wahlen in Berlin", "Über die Wahlen.")
    assert not search.full_text()
    assert [a.version().title for a in search.search("wahl").articles] == ["Wahlen in Berlin"]


@on_postgres
@pytest.mark.parametrize(
    ("language", "title", "query"),
    [
        ("ru", "Наблюдатели на выборах", "выборы"),
        ("de", "Die Wahlen in Berlin", "Wahl"),
        ("en", "Observing elections", "election"),
    ],
)
def test_postgres_stems_each_language(berlin, language, title, query):
    assert search.full_text()
    _article(berlin, language, title, "…")
    assert [a.version(language).title for a in search.search(query).articles] == [title]


@on_postgres
def test_postgres_uses_simple_matching_for_polish(berlin):
    assert search.PG_CONFIGS["pl"] == "simple"  # PostgreSQL ships no Polish stemmer
    _article(berlin, "pl", "Wybory w Polsce", "…")
    assert search.search("wybory").articles
    assert not search.search("wyborach").articles  # no stemming: whole words only


@on_postgres
def test_postgres_finds_events_by_their_initiatives_language(client):
    russian = make_initiative("russkiy-krug")
    russian.language = "ru"
    russian.save()
    make_event(russian, title="Встреча наблюдателей", description="")
    assert [e.title for e in search.search("наблюдатель").events] == ["Встреча наблюдателей"]


def _unrelated_rows(count):
    """``count`` public initiatives in the four languages, each with a translation, an
    upcoming event and a published article, none of them about elections."""
    from horizont.events.models import Event

    initiatives = Initiative.objects.bulk_create(
        Initiative(
            name=f"Choir {i}",
            slug=f"choir-{i}",
            description=f"Songs and rehearsals number {i}",
            language=("ru", "en", "de", "pl")[i % 4],
            country="DE",
            city="Berlin",
            status="approved",
        )
        for i in range(count)
    )
    InitiativeTranslation.objects.bulk_create(
        InitiativeTranslation(initiative=i, language="en" if i.language != "en" else "de",
                              name=f"{i.name} translated")
        for i in initiatives
    )  # fmt: skip
    start = timezone.now() + dt.timedelta(days=3)
    Event.objects.bulk_create(
        Event(initiative=i, title=f"Rehearsal {i.pk}", start=start,
              end=start + dt.timedelta(hours=2), timezone="Europe/Berlin")
        for i in initiatives
    )  # fmt: skip
    articles = Article.objects.bulk_create(
        Article(initiative=i, original_language=i.language, status="published",
                published_at=timezone.now())
        for i in initiatives
    )  # fmt: skip
    ArticleTranslation.objects.bulk_create(
        ArticleTranslation(article=a, language=a.original_language, title=f"Concert {a.pk}",
                           slug="x", body="Songs.")
        for a in articles
    )  # fmt: skip
    with connection.cursor() as cursor:
        for table in (
            "network_initiative",
            "network_initiativetranslation",
            "events_event",
            "publications_article",
            "publications_articletranslation",
        ):
            cursor.execute(f"ANALYZE {table}")  # fmt: skip


@on_postgres
def test_postgres_answers_every_search_from_the_language_indexes(berlin):
    """The query asks each language with a constant configuration, so the plan walks the
    GIN indexes instead of stemming every row."""
    berlin.language = "ru"
    berlin.description = "Наблюдатели на выборах"
    berlin.save()
    InitiativeTranslation.objects.create(initiative=berlin, language="de", name="Freie Wahlen")
    make_event(berlin, title="Встреча наблюдателей")
    _article(berlin, "de", "Die Wahlen in Berlin")
    _unrelated_rows(2000)
    with connection.cursor() as cursor:
        # What a large table makes the planner choose anyway; here it only removes the
        # chance that a sequential scan looks cheaper on a few thousand rows.
        cursor.execute("SET LOCAL enable_seqscan = off")
    plans = {
        "initiative": search.initiatives_matching("выборы").explain(),
        "initiative_tr": search.translations_matching("Wahl").explain(),
        "event": search.events_matching("наблюдатель").explain(),
        "article_version": search.versions_matching("Wahl").explain(),
    }
    for prefix, plan in plans.items():
        for code in search.PG_CONFIGS:
            assert f"Bitmap Index Scan on {prefix}_search_{code}" in plan, plan
    # And the indexed queries find the rows, stemmed.
    assert [i.pk for i in search.initiatives_matching("выборы")] == [berlin.pk]
    assert [t.name for t in search.translations_matching("Wahl")] == ["Freie Wahlen"]
    assert search.search("Wahl").initiatives == [berlin]  # through its German translation
    assert [e.title for e in search.events_matching("наблюдатель")] == ["Встреча наблюдателей"]
    assert [v.title for v in search.versions_matching("Wahl")] == ["Die Wahlen in Berlin"]


def test_search_indexes_are_no_ops_off_postgres():
    from django.db import connection as db

    from horizont.core.fulltext import SearchIndex
    from horizont.network.models import Initiative

    index = next(i for i in Initiative._meta.indexes if isinstance(i, SearchIndex))
    # Not entered: SQLite refuses a schema editor inside the test's transaction.
    editor = db.SchemaEditorClass(db, collect_sql=True)
    sql = str(index.create_sql(Initiative, editor))
    if db.vendor == "postgresql":
        assert "USING gin" in sql and "WHERE" in sql and "'russian'" in sql
    else:
        assert sql == ""


def _too_long_errors(form, field):
    from django.utils import translation

    with translation.override("en"):
        assert not form.is_valid()
        return [e for e in form.errors.get(field, []) if "at most" in e]


def test_forms_refuse_texts_too_long_for_the_search_document():
    """PostgreSQL refuses a search document (tsvector) over 1 MB, and every row is indexed
    on write: a longer text must be refused by the form, not fail the save with a 500."""
    from horizont.core.fulltext import MAX_SEARCHED_TEXT
    from horizont.events.forms import EventForm
    from horizont.network.forms import InitiativeForm
    from horizont.network.forms import TranslationForm as InitiativeTranslationForm
    from horizont.publications.forms import TranslationForm as VersionForm

    long = "word " * (MAX_SEARCHED_TEXT // 5) + "x"
    assert _too_long_errors(InitiativeForm(data={"description": long}), "description")
    assert _too_long_errors(InitiativeTranslationForm(data={"description": long}), "description")
    assert _too_long_errors(EventForm(data={"description": long}), "description")
    assert _too_long_errors(VersionForm(data={"body": long}), "body")
    assert not _too_long_errors(VersionForm(data={"body": long[:-1]}), "body")


@on_postgres
def test_the_longest_texts_the_forms_accept_are_indexed(berlin):
    """At the limit, even text of nothing but distinct short words (the largest search
    document per character) stays well under PostgreSQL's 1 MB."""
    import itertools

    from horizont.core.fulltext import MAX_SEARCHED_TEXT

    letters = "абвгдежзийклмнопрстуфхцчшщэюя"
    words = ("".join(p) for p in itertools.product(letters, repeat=3))
    worst = " ".join(words)[:MAX_SEARCHED_TEXT]
    berlin.description = worst
    berlin.language = "ru"
    berlin.save()
    _article(berlin, "pl", "Najdłuższy", worst)
    make_event(berlin, title="Longest", description=worst)
    InitiativeTranslation.objects.create(initiative=berlin, language="de", description=worst)
    assert [v.title for v in search.versions_matching("Najdłuższy")] == ["Najdłuższy"]
