"""Home page (events near the reader, latest publications, elections) and the site search."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.utils import timezone

from horizont.abroad.models import Vote
from horizont.core import search
from horizont.events.tests.conftest import make_event, make_initiative
from horizont.network.models import Membership
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
