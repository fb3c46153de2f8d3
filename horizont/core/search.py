"""One search across initiatives, events and publications (the home page's search box).

On PostgreSQL each text is matched with the stemming of its own language, so "выборов"
finds "выборы" and "Wahlen" finds "Wahl": the row's language picks the text-search
configuration for both the document and the query. PostgreSQL ships no Polish
configuration, so Polish texts use ``simple`` (whole words, no stemming). Events have no
language of their own and take their initiative's. On SQLite the search falls back to
the case-insensitive substring matching the directory has always used.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.db import connection
from django.db.models import Case, CharField, Q, QuerySet, Value, When
from django.utils import timezone

from horizont.events.models import Event
from horizont.network.models import Initiative, InitiativeTranslation
from horizont.publications.models import Article, ArticleTranslation

#: Text-search configuration per site language. PostgreSQL has no Polish stemmer built in.
PG_CONFIGS = {"ru": "russian", "de": "german", "en": "english", "pl": "simple"}
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


def config_for(language_field: str) -> Case:
    """The row's text-search configuration, chosen by its language column."""
    return Case(
        *[When(**{language_field: code}, then=Value(name)) for code, name in PG_CONFIGS.items()],
        default=Value("simple"),
        output_field=CharField(),
    )


def _words(query: str) -> list[str]:
    return query.split()[:MAX_WORDS]


def _matching(
    queryset: QuerySet[Any], query: str, *, fields: tuple[str, ...], language_field: str
) -> QuerySet[Any]:
    """Rows of ``queryset`` matching ``query`` in any of ``fields``, best first."""
    if full_text():
        config = config_for(language_field)
        vector = SearchVector(fields[0], weight="A", config=config)
        for name in fields[1:]:
            vector = vector + SearchVector(name, weight="B", config=config)
        wanted = SearchQuery(query, config=config, search_type="websearch")
        return (
            queryset.annotate(document=vector, rank=SearchRank(vector, wanted))
            .filter(document=wanted)
            .order_by("-rank", "pk")
        )
    for word in _words(query):
        match = Q()
        for name in fields:
            match |= Q(**{f"{name}__icontains": word})
        queryset = queryset.filter(match)
    return queryset


def search_initiatives(query: str, limit: int) -> list[Initiative]:
    public = Initiative.objects.public()
    direct = _matching(
        public, query, fields=("name", "description", "city"), language_field="language"
    )
    translated = _matching(
        InitiativeTranslation.objects.all(),
        query,
        fields=("name", "description"),
        language_field="language",
    )
    found = list(direct[:limit])
    if len(found) < limit:
        seen = [initiative.pk for initiative in found]
        # Evaluated, not a subquery: Django does not relabel the per-row configuration
        # expression inside a subquery (PostgreSQL refuses the query).
        ids = list(translated.values_list("initiative_id", flat=True)[: limit * 4])
        more = public.filter(pk__in=ids).exclude(pk__in=seen).order_by("name", "pk")
        found += list(more[: limit - len(found)])
    return found


def search_events(query: str, limit: int) -> list[Event]:
    events = Event.objects.public().upcoming(timezone.now()).select_related("initiative")
    found = _matching(
        events,
        query,
        fields=("title", "description", "city"),
        language_field="initiative__language",
    )
    if not full_text():
        found = found.order_by("start", "pk")
    return list(found[:limit])


def search_articles(query: str, limit: int) -> list[Article]:
    versions = _matching(
        ArticleTranslation.objects.filter(article__in=Article.objects.published()),
        query,
        fields=("title", "summary", "body"),
        language_field="language",
    )
    # Several language versions of one article may match: show the article once.
    ids: list[int] = []
    for article_id in versions.values_list("article_id", flat=True)[: limit * 4]:
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
