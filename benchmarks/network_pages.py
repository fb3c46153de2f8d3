"""Network pages with 10,000 initiatives and 50,000 links (target ≤ 100 ms each, PostgreSQL).

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/horizont_bench \\
        .venv/bin/python benchmarks/network_pages.py

Generates the data once (initiatives named "Bench …" in 40 cities, two topics and two
working languages each, 50,000 confirmed links), then measures the server time of the
directory, map data, graph data and an initiative page through the Django test client,
with the number of queries (CaptureQueriesContext). The baseline builds the same data
the simple way in the same run: one query per row (topics, languages and translations
of each listed initiative; every initiative loaded for the map; the links of each
initiative looked up one by one), and the script prints the ratio.
"""

from __future__ import annotations

import os
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from horizont.testing.databases import ensure_postgres_database  # noqa: E402

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "horizont.settings")
os.environ.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/horizont_bench")

INITIATIVES = 10_000
LINKS = 50_000
TARGET_MS = 100.0
ROUNDS = 15


def _ensure_database() -> None:
    url = os.environ["DATABASE_URL"]
    if url.startswith("postgres"):
        ensure_postgres_database(url)


_ensure_database()

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.test import Client, override_settings  # noqa: E402
from django.test.utils import CaptureQueriesContext, setup_test_environment  # noqa: E402

from horizont.network.models import (  # noqa: E402
    TOPIC_LABELS,
    Initiative,
    InitiativeLanguage,
    Link,
    Topic,
)

CITIES = [
    ("DE", "Berlin", 52.52, 13.41),
    ("DE", "Munich", 48.14, 11.58),
    ("DE", "Hamburg", 53.55, 10.0),
    ("DE", "Cologne", 50.94, 6.96),
    ("DE", "Leipzig", 51.34, 12.37),
    ("DE", "Potsdam", 52.40, 13.07),
    ("DE", "Frankfurt am Main", 50.11, 8.68),
    ("DE", "Dresden", 51.05, 13.74),
    ("PL", "Warsaw", 52.23, 21.01),
    ("PL", "Kraków", 50.06, 19.94),
    ("PL", "Gdańsk", 54.35, 18.65),
    ("PL", "Wrocław", 51.10, 17.03),
    ("PL", "Poznań", 52.41, 16.93),
    ("CZ", "Prague", 50.09, 14.42),
    ("CZ", "Brno", 49.20, 16.61),
    ("LT", "Vilnius", 54.69, 25.28),
    ("LV", "Riga", 56.95, 24.11),
    ("EE", "Tallinn", 59.44, 24.75),
    ("GE", "Tbilisi", 41.69, 44.83),
    ("GE", "Batumi", 41.64, 41.64),
    ("AM", "Yerevan", 40.18, 44.51),
    ("FR", "Paris", 48.85, 2.35),
    ("FR", "Lyon", 45.75, 4.85),
    ("AT", "Vienna", 48.21, 16.37),
    ("NL", "Amsterdam", 52.37, 4.89),
    ("GB", "London", 51.51, -0.13),
    ("FI", "Helsinki", 60.17, 24.94),
    ("ES", "Barcelona", 41.39, 2.17),
    ("PT", "Lisbon", 38.72, -9.14),
    ("IT", "Milan", 45.46, 9.19),
    ("CH", "Zurich", 47.37, 8.54),
    ("SE", "Stockholm", 59.33, 18.07),
    ("NO", "Oslo", 59.91, 10.75),
    ("DK", "Copenhagen", 55.68, 12.57),
    ("BE", "Brussels", 50.85, 4.35),
    ("IL", "Tel Aviv", 32.08, 34.78),
    ("TR", "Istanbul", 41.01, 28.95),
    ("RS", "Belgrade", 44.80, 20.47),
    ("KZ", "Almaty", 43.25, 76.91),
    ("US", "New York City", 40.71, -74.01),
]
LANGS = ["ru", "en", "de", "pl", "uk", "cs", "lt", "ka", "fr"]
WORDS = (
    "culture reading circle help newcomers legal aid choir film club youth forum media radio"
).split()


def generate() -> None:
    if Initiative.objects.filter(slug__startswith="netbench-").count() >= INITIATIVES:
        return
    rng = random.Random(42)
    started = time.perf_counter()
    with transaction.atomic():
        Link.objects.filter(source__slug__startswith="netbench-").delete()
        Initiative.objects.filter(slug__startswith="netbench-").delete()
        topics = [
            Topic.objects.get_or_create(slug=slug, defaults={"name": slug})[0]
            for slug in TOPIC_LABELS
        ]
        rows = []
        for number in range(INITIATIVES):
            country, city, lat, lon = CITIES[number % len(CITIES)]
            words = " ".join(rng.sample(WORDS, 3))
            rows.append(
                Initiative(
                    name=f"Bench {city} {words} {number:05d}",
                    slug=f"netbench-{number:05d}",
                    description=f"Generated initiative number {number}: {words} in {city}.",
                    language=rng.choice(["ru", "en", "de", "pl"]),
                    country=country,
                    city=city,
                    latitude=lat + rng.uniform(-0.15, 0.15),
                    longitude=lon + rng.uniform(-0.2, 0.2),
                    status=Initiative.Status.APPROVED,
                )
            )
        created = Initiative.objects.bulk_create(rows, batch_size=2000)
        through = Initiative.topics.through
        through.objects.bulk_create(
            [
                through(initiative_id=i.pk, topic_id=t.pk)
                for i in created
                for t in rng.sample(topics, 2)
            ],
            batch_size=5000,
        )
        InitiativeLanguage.objects.bulk_create(
            [
                InitiativeLanguage(initiative_id=i.pk, code=code)
                for i in created
                for code in rng.sample(LANGS, 2)
            ],
            batch_size=5000,
        )
        ids = [i.pk for i in created]
        seen: set[tuple[int, int, str]] = set()
        links = []
        kinds = list(Link.Kind.values)
        while len(links) < LINKS:
            source, target = rng.sample(ids, 2)
            kind = rng.choice(kinds)
            if (source, target, kind) in seen:
                continue
            seen.add((source, target, kind))
            links.append(Link(source_id=source, target_id=target, kind=kind, status="confirmed"))
        Link.objects.bulk_create(links, batch_size=5000)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("VACUUM ANALYZE")
    print(
        f"generated {INITIATIVES} initiatives and {LINKS} links "
        f"in {time.perf_counter() - started:.1f} s"
    )


def measure(client: Client, url: str) -> tuple[float, int]:
    client.get(url, secure=True)  # warm up (gazetteer, templates)
    times = []
    queries = 0
    for _ in range(ROUNDS):
        with CaptureQueriesContext(connection) as captured:
            start = time.perf_counter()
            response = client.get(url, secure=True)
            times.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200, (url, response.status_code)
        queries = len(captured)
    return statistics.median(times), queries


def measure_fn(fn) -> tuple[float, int]:  # type: ignore[no-untyped-def]
    """Time ``fn`` and count its queries (a counter: the debug log keeps only 9,000)."""
    fn()
    times = []
    count = [0]

    def counter(execute, sql, params, many, context):  # type: ignore[no-untyped-def]
        count[0] += 1
        return execute(sql, params, many, context)

    for _ in range(3):
        count[0] = 0
        with connection.execute_wrapper(counter):
            start = time.perf_counter()
            fn()
            times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), count[0]


# --- The simple way: one query per row --------------------------------------------------


def naive_directory() -> None:
    rows = list(Initiative.objects.public().order_by("name")[:20])
    Initiative.objects.public().count()
    for initiative in rows:
        list(initiative.topics.all())
        list(initiative.working_languages.all())
        list(initiative.translations.all())


def naive_map() -> None:
    [
        {
            "name": i.name,
            "lat": i.latitude,
            "lon": i.longitude,
            "topics": [t.slug for t in i.topics.all()],
        }
        for i in Initiative.objects.public().filter(country="DE")
    ]


def naive_graph() -> None:
    edges = []
    for initiative in Initiative.objects.public().filter(country="GE"):
        for link in Link.objects.filter(source=initiative, status="confirmed"):
            edges.append((link.source.name, link.target.name, link.kind))


def naive_initiative(slug: str):  # type: ignore[no-untyped-def]
    def run() -> None:
        initiative = Initiative.objects.get(slug=slug)
        for link in Link.objects.confirmed().involving(initiative):
            other = link.target if link.source_id == initiative.pk else link.source
            other.name, list(other.topics.all())

    return run


def main() -> int:
    call_command("migrate", verbosity=0)
    print(f"database: {connection.vendor}")
    generate()
    setup_test_environment()
    # Pages are rendered without a collectstatic run: plain static URLs, no manifest.
    override_settings(
        STORAGES={
            "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
            "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
        }
    ).enable()
    client = Client()
    busiest = (
        Initiative.objects.filter(slug__startswith="netbench-")
        .order_by("-pk")
        .values_list("slug", flat=True)
        .first()
    )
    pages = [
        ("directory", "/en/initiatives/", naive_directory),
        ("directory, search + near Berlin", "/en/initiatives/?q=choir&near=Berlin&radius=50", None),
        ("directory, page 200", "/en/initiatives/?page=200", None),
        ("map data (country DE)", "/en/initiatives/map/data.json?country=DE", naive_map),
        ("map data (all, bounded)", "/en/initiatives/map/data.json", None),
        ("map page", "/en/initiatives/map/?near=Berlin", None),
        ("graph data (all, bounded)", "/en/initiatives/graph/data.json", None),
        ("graph data (country GE)", "/en/initiatives/graph/data.json?country=GE", naive_graph),
        ("graph page (topic culture)", "/en/initiatives/graph/?topic=culture", None),
        ("initiative page", f"/en/initiatives/{busiest}/", naive_initiative(busiest)),
        ("API initiatives", "/api/network/initiatives?limit=50", None),
    ]
    worst = 0.0
    print(f"{'page':34} {'ms':>8} {'queries':>8}   {'baseline ms':>11} {'queries':>8} {'ratio':>7}")
    for label, url, naive in pages:
        ms, queries = measure(client, url)
        worst = max(worst, ms)
        line = f"{label:34} {ms:8.1f} {queries:8d}"
        if naive is not None:
            base_ms, base_queries = measure_fn(naive)
            line += f"   {base_ms:11.1f} {base_queries:8d} {base_ms / ms:6.1f}x"
        print(line)
    verdict = "OK" if worst <= TARGET_MS else "OVER TARGET"
    print(f"slowest page {worst:.1f} ms (target ≤ {TARGET_MS:.0f} ms): {verdict}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
