"""The search document of a row and the GIN indexes that let PostgreSQL find it.

A row is matched with the stemming of its own language ("выборов" finds "выборы",
"Wahlen" finds "Wahl"). PostgreSQL can only use an index when the text-search
configuration in the query is a constant, so each language has its own expression index
(partial, ``WHERE language = 'ru'``, where the row carries its language) and the search
asks one arm per language (``language = 'ru' AND document('russian') @@ query('russian')
OR …``), which the planner answers with one bitmap index scan per arm. The index and the
query are built from the same :func:`document` expression, so they cannot drift apart
(a test checks the query plan).

On SQLite the indexes are no-ops: the search falls back to substring matching there.
"""

from __future__ import annotations

from typing import Any

from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVector
from django.db.backends.ddl_references import Statement
from django.db.models import Q

#: Text-search configuration per site language. PostgreSQL ships no Polish stemmer, so
#: Polish texts use ``simple`` (whole words, no stemming).
PG_CONFIGS = {"ru": "russian", "de": "german", "en": "english", "pl": "simple"}

#: The longest text a searched field takes (characters). Every row is indexed on write and
#: PostgreSQL refuses a search document over 1 MB; 100,000 characters of even the worst
#: text (distinct three-letter Cyrillic words) make about 0.35 MB, ordinary prose far less.
MAX_SEARCHED_TEXT = 100_000


def document(fields: tuple[str, ...], config: str) -> Any:
    """The weighted search document: the first field weighs most (A), the others B."""
    vector = SearchVector(fields[0], weight="A", config=config)
    for name in fields[1:]:
        vector = vector + SearchVector(name, weight="B", config=config)
    return vector


class SearchIndex(GinIndex):
    """A GIN index on a search document, created on PostgreSQL only.

    On other databases it is an empty statement, so migrations and SQLite's table
    rebuilds (which re-create every index of ``Meta.indexes``) pass there.
    """

    def create_sql(self, model: Any, schema_editor: Any, using: str = "", **kwargs: Any) -> Any:
        if schema_editor.connection.vendor != "postgresql":
            return Statement("")
        return super().create_sql(model, schema_editor, using=using, **kwargs)

    def remove_sql(self, model: Any, schema_editor: Any, **kwargs: Any) -> Any:
        if schema_editor.connection.vendor != "postgresql":
            return Statement("")
        return super().remove_sql(model, schema_editor, **kwargs)


def search_indexes(
    prefix: str, fields: tuple[str, ...], *, language_field: str | None = "language"
) -> list[SearchIndex]:
    """One index per site language: partial on ``language_field`` where the row has one,
    else over every row (events, whose language is their initiative's)."""
    return [
        SearchIndex(
            document(fields, config),
            name=f"{prefix}_search_{code}",
            condition=Q(**{language_field: code}) if language_field else None,
        )
        for code, config in PG_CONFIGS.items()
    ]
