"""One search across initiatives, events and publications (the home page's search box).

On PostgreSQL each text is matched with the stemming of its own language, so "выборов"
finds "выборы" and "Wahlen" finds "Wahl": the row's language picks the text-search
configuration for both the document and the query. PostgreSQL ships no Polish
configuration, so Polish texts use ``simple`` (whole words, no stemming). Events have no
language of their own and take their initiative's. The query asks one arm per language
with the configuration as a constant, so PostgreSQL answers it from the GIN indexes of
:mod:`horizont.core.fulltext` instead of stemming every row (benchmarks/core_search.py).
On SQLite the search falls back to the case-insensitive substring matching the directory
has always used.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db import connection
from django.db.models import Case, FloatField, Q, QuerySet, When
from django.utils import timezone

from horizont.core.fulltext import PG_CONFIGS, document
from horizont.events.models import EVENT_SEARCH_FIELDS, Event
from horizont.network.models import (
    INITIATIVE_SEARCH_FIELDS,
    TRANSLATION_SEARCH_FIELDS,
    Initiative,
    InitiativeTranslation,
)
from horizont.publications.models import VERSION_SEARCH_FIELDS, Article, ArticleTranslation

MAX_WORDS = 8
MAX_QUERY = 200


@dataclass
class Results:
    query: str
    initiatives: list[Initiative] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    articles: list[Article] = field(default_factory=list)

    @property
    def count(self) -> int:
        return len(self.initiatives) + len(self.events) + len(self.articles)


def full_text() -> bool:
    """True where the database has full-text search with stemming (PostgreSQL)."""
    return connection.vendor == "postgresql"


def _words(query: str) -> list[str]:
    return query.split()[:MAX_WORDS]


def _matching(
    queryset: QuerySet[Any], query: str, *, fields: tuple[str, ...], language_field: str
) -> QuerySet[Any]:
    """Rows of ``queryset`` matching ``query`` in any of ``fields``, best first.

    On PostgreSQL: ``(language = 'ru' AND document('russian') @@ query('russian')) OR …``,
    one arm per site language, each answered by that language's index; the rank is
    computed for the matching rows only.
    """
    if full_text():
        match = Q()
        ranks = []
        for code, config in PG_CONFIGS.items():
            vector = document(fields, config)
            wanted = SearchQuery(query, config=config, search_type="websearch")
            queryset = queryset.alias(**{f"document_{code}": vector})
            arm = Q(**{language_field: code, f"document_{code}": wanted})
            match |= arm
            ranks.append(When(Q(**{language_field: code}), then=SearchRank(vector, wanted)))
        rank = Case(*ranks, default=0.0, output_field=FloatField())
        return queryset.filter(match).annotate(rank=rank).order_by("-rank", "pk")
    for word in _words(query):
        words = Q()
        for name in fields:
            words |= Q(**{f"{name}__icontains": word})
        queryset = queryset.filter(words)
    return queryset


def initiatives_matching(query: str) -> QuerySet[Initiative]:
    return _matching(
        Initiative.objects.public(),
        query,
        fields=INITIATIVE_SEARCH_FIELDS,
        language_field="language",
    )


def translations_matching(query: str) -> QuerySet[InitiativeTranslation]:
    return _matching(
        InitiativeTranslation.objects.all(),
        query,
        fields=TRANSLATION_SEARCH_FIELDS,
        language_field="language",
    )


def events_matching(query: str) -> QuerySet[Event]:
    events = Event.objects.public().upcoming(timezone.now()).select_related("initiative")
    return _matching(
        events, query, fields=EVENT_SEARCH_FIELDS, language_field="initiative__language"
    )


def versions_matching(query: str) -> QuerySet[ArticleTranslation]:
    return _matching(
        ArticleTranslation.objects.filter(article__in=Article.objects.published()),
        query,
        fields=VERSION_SEARCH_FIELDS,
        language_field="language",
    )


def search_initiatives(query: str, limit: int) -> list[Initiative]:
    found = list(initiatives_matching(query)[:limit])
    if len(found) < limit:
        seen = [initiative.pk for initiative in found]
        # Evaluated, not a subquery: Django does not relabel the per-language arms inside
        # a subquery (PostgreSQL refuses the query).
        ids = list(
            translations_matching(query).values_list("initiative_id", flat=True)[: limit * 4]
        )
        more = Initiative.objects.public().filter(pk__in=ids).exclude(pk__in=seen)
        found += list(more.order_by("name", "pk")[: limit - len(found)])
    return found


def search_events(query: str, limit: int) -> list[Event]:
    found = events_matching(query)
    if not full_text():
        found = found.order_by("start", "pk")
    return list(found[:limit])


def search_articles(query: str, limit: int) -> list[Article]:
    # Several language versions of one article may match: show the article once.
    ids: list[int] = []
    for article_id in versions_matching(query).values_list("article_id", flat=True)[: limit * 4]:
        if article_id not in ids:
            ids.append(article_id)
        if len(ids) == limit:
            break
    articles = Article.objects.filter(pk__in=ids).prefetch_related("translations")
    by_pk = {article.pk: article for article in articles}
    return [by_pk[pk] for pk in ids if pk in by_pk]


def search(query: str, *, limit: int = 10) -> Results:
    query = " ".join(query.split())[:MAX_QUERY]
    results = Results(query=query)
    if not query:
        return results
    results.initiatives = search_initiatives(query, limit)
    results.events = search_events(query, limit)
    results.articles = search_articles(query, limit)
    return results
