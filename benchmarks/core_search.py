"""Site search on PostgreSQL with 50,000 initiatives and 50,000 articles in four languages:
latency of the indexed search against the per-row search it replaced.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/horizont_search_bench \
        .venv/bin/python benchmarks/core_search.py [--rounds 5] [--rows 50000]

Generates (once; reruns reuse them) ``--rows`` initiatives and as many published articles,
a quarter in each of Russian, English, German and Polish, 10,000 initiative translations
and 5,000 upcoming events, with synthetic text in which inflected forms of real words
("выборов", "Wahlen", "elections", "wybory") occur at known rates. Then it times
``horizont.core.search.search`` for a set of queries, alternating, query by query, with
the baseline: the previous implementation, which chose the text-search configuration per
row with a CASE on the language, so PostgreSQL stemmed every row on every search and could
use no index. Both must return the same results (the script checks it). It prints p50 and
p99 per search, the ratio, the server-side execution time of the initiative query (EXPLAIN
ANALYZE) and the load average, since other processes share the machine.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import statistics
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from horizont.testing.databases import ensure_postgres_database  # noqa: E402

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "horizont.settings")
os.environ.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/horizont_search_bench")

LANGUAGES = ("ru", "en", "de", "pl")
# Inflected forms of a real word per language, each put into about 2% of the rows; the
# queries use another form, so only stemming finds them (Polish: the same form, no stemmer).
FORMS = {
    "ru": ["выборы", "выборах", "выборам"],
    "en": ["election", "elected"],
    "de": ["Wahl", "Wahlen"],
    "pl": ["wybory"],
}
COMMON = {"ru": "встреча", "en": "meeting", "de": "Treffen", "pl": "spotkanie"}
QUERIES = ["выборов", "Wahlen", "elections", "wybory", "наблюдатели выборов", "meeting", "zzqx"]
SYLLABLES = {
    "ru": "ка ло ми ре ту вы на ст ор ен ив ол да бу ше",
    "en": "ka lo mi re tu vy na st or en iv ol da bu she",
    "de": "ka lo mi re tu ei na st or en ch ol da bu sch",
    "pl": "ka lo mi re tu wy na st or en cz ol da bu sz",
}


class Text:
    """Synthetic words per language (a vocabulary of 5,000, Zipf-like frequencies)."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.vocabulary = {}
        for language in LANGUAGES:
            parts = SYLLABLES[language].split()
            words = {
                "".join(rng.choice(parts) for _ in range(rng.randint(3, 5))) for _ in range(8000)
            }
            self.vocabulary[language] = sorted(words, key=lambda _word: rng.random())[:5000]
        self.weights = [1 / (rank + 1) for rank in range(5000)]

    def words(self, language: str, count: int) -> str:
        chosen = self.rng.choices(self.vocabulary[language], self.weights, k=count)
        if self.rng.random() < 0.02:
            chosen[self.rng.randrange(count)] = self.rng.choice(FORMS[language])
        if self.rng.random() < 0.05 and language == "ru":
            chosen[self.rng.randrange(count)] = "наблюдатели"
        if self.rng.random() < 0.3:
            chosen[self.rng.randrange(count)] = COMMON[language]
        return " ".join(chosen)


def generate(rows: int) -> None:
    from django.db import connection
    from django.utils import timezone

    from horizont.events.models import Event
    from horizont.network.models import Initiative, InitiativeTranslation
    from horizont.publications.models import Article, ArticleTranslation

    if Initiative.objects.filter(slug__startswith="sbench-").count() >= rows:
        return
    print(f"generating {rows:,} initiatives and {rows:,} articles …", flush=True)
    Initiative.objects.filter(slug__startswith="sbench-").delete()
    rng = random.Random(7)
    text = Text(rng)
    batch = 2000
    for start in range(0, rows, batch):
        initiatives = Initiative.objects.bulk_create(
            Initiative(
                name=text.words(LANGUAGES[i % 4], 3).capitalize(),
                slug=f"sbench-{i:06}",
                description=text.words(LANGUAGES[i % 4], 30),
                language=LANGUAGES[i % 4],
                country="DE",
                city=rng.choice(["Berlin", "Warsaw", "Riga", "Tbilisi"]),
                status="approved",
            )
            for i in range(start, min(rows, start + batch))
        )
        translations = [
            InitiativeTranslation(
                initiative=initiative,
                language=LANGUAGES[(LANGUAGES.index(initiative.language) + 1) % 4],
                name=text.words(LANGUAGES[(LANGUAGES.index(initiative.language) + 1) % 4], 3),
                description=text.words(
                    LANGUAGES[(LANGUAGES.index(initiative.language) + 1) % 4], 30
                ),
            )
            for initiative in initiatives
            if rng.random() < 0.2
        ]
        InitiativeTranslation.objects.bulk_create(translations)
        now = timezone.now()
        articles = Article.objects.bulk_create(
            Article(
                initiative=initiative,
                original_language=initiative.language,
                status="published",
                published_at=now - dt.timedelta(days=rng.randint(1, 900)),
            )
            for initiative in initiatives
        )
        ArticleTranslation.objects.bulk_create(
            ArticleTranslation(
                article=article,
                language=article.original_language,
                title=text.words(article.original_language, 6),
                slug="x",
                summary=text.words(article.original_language, 20),
                body=text.words(article.original_language, 120),
            )
            for article in articles
        )
        events = []
        for initiative in initiatives[: batch // 10]:
            begins = now + dt.timedelta(days=rng.randint(1, 200))
            events.append(
                Event(
                    initiative=initiative,
                    title=text.words(initiative.language, 4),
                    description=text.words(initiative.language, 30),
                    start=begins,
                    end=begins + dt.timedelta(hours=2),
                    timezone="Europe/Berlin",
                    city=initiative.city,
                )
            )
        Event.objects.bulk_create(events)
        print(f"  {min(rows, start + batch):,}", flush=True)
    with connection.cursor() as cursor:
        for table in (
            "network_initiative",
            "network_initiativetranslation",
            "events_event",
            "publications_article",
            "publications_articletranslation",
        ):
            cursor.execute(f"ANALYZE {table}")


def legacy_matching(
    queryset: Any, query: str, *, fields: tuple[str, ...], language_field: str
) -> Any:
    """The search as it was: the configuration chosen per row by a CASE on the language."""
    from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
    from django.db.models import Case, CharField, Value, When

    from horizont.core.fulltext import PG_CONFIGS

    config = Case(
        *[When(**{language_field: code}, then=Value(name)) for code, name in PG_CONFIGS.items()],
        default=Value("simple"),
        output_field=CharField(),
    )
    vector = SearchVector(fields[0], weight="A", config=config)
    for name in fields[1:]:
        vector = vector + SearchVector(name, weight="B", config=config)
    wanted = SearchQuery(query, config=config, search_type="websearch")
    return (
        queryset.annotate(document=vector, rank=SearchRank(vector, wanted))
        .filter(document=wanted)
        .order_by("-rank", "pk")
    )


def summary(results: Any) -> tuple[list[int], list[int], list[int]]:
    return (
        [i.pk for i in results.initiatives],
        [e.pk for e in results.events],
        [a.pk for a in results.articles],
    )


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def execution_ms(queryset: Any) -> float:
    plan = queryset.explain(analyze=True)
    line = next(line for line in plan.splitlines() if line.startswith("Execution Time"))
    return float(line.split()[2])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--rows", type=int, default=50_000)
    arguments = parser.parse_args()
    url = os.environ["DATABASE_URL"]
    if not url.startswith("postgres"):
        sys.exit("this benchmark needs PostgreSQL: set DATABASE_URL")
    ensure_postgres_database(url)

    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    generate(arguments.rows)

    from horizont.core import search

    indexed = search._matching
    timings: dict[str, list[float]] = {"indexed": [], "baseline": []}
    per_query: dict[str, dict[str, list[float]]] = {}
    for query in QUERIES:
        search._matching = legacy_matching
        expected = summary(search.search(query))
        search._matching = indexed
        found = summary(search.search(query))
        if found != expected:
            sys.exit(f"different results for {query!r}: {found} != {expected}")
        counts = "/".join(str(len(part)) for part in found)
        print(f"{query!r}: same results (initiatives/events/articles {counts})", flush=True)
        for _ in range(arguments.rounds):
            for name, implementation in (("indexed", indexed), ("baseline", legacy_matching)):
                search._matching = implementation
                began = time.perf_counter()
                search.search(query)
                elapsed = (time.perf_counter() - began) * 1000
                timings[name].append(elapsed)
                per_query.setdefault(query, {}).setdefault(name, []).append(elapsed)
        search._matching = indexed

    server = {}
    for name, implementation in (("indexed", indexed), ("baseline", legacy_matching)):
        search._matching = implementation
        server[name] = statistics.median(
            execution_ms(search.initiatives_matching("выборов")) for _ in range(3)
        )
    search._matching = indexed

    print(f"\n{arguments.rows:,} initiatives, {arguments.rows:,} articles; "
          f"{len(QUERIES)} queries × {arguments.rounds} rounds; load average "
          f"{' '.join(f'{v:.2f}' for v in os.getloadavg())}")  # fmt: skip
    for name in ("indexed", "baseline"):
        p50, p99 = percentile(timings[name], 0.5), percentile(timings[name], 0.99)
        print(
            f"{name:9} p50 {p50:8.1f} ms   p99 {p99:8.1f} ms"
            f"   initiative query on the server {server[name]:8.1f} ms"
        )
    for query, by_name in per_query.items():
        indexed_ms = statistics.median(by_name["indexed"])
        baseline_ms = statistics.median(by_name["baseline"])
        print(
            f"  {query!r:24} median indexed {indexed_ms:8.1f} ms, baseline {baseline_ms:8.1f} ms"
            f" ({baseline_ms / indexed_ms:.1f}×)"
        )
    p50 = percentile(timings["baseline"], 0.5) / percentile(timings["indexed"], 0.5)
    p99 = percentile(timings["baseline"], 0.99) / percentile(timings["indexed"], 0.99)
    print(f"ratio (baseline / indexed): p50 {p50:.1f}×, p99 {p99:.1f}×, "
          f"server {server['baseline'] / server['indexed']:.1f}×")  # fmt: skip


if __name__ == "__main__":
    main()
