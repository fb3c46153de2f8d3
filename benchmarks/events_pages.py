"""Event list pages with 100,000 events: server time and queries, against a naive baseline.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/horizont_bench \
        .venv/bin/python benchmarks/events_pages.py [--runs 15] [--events 100000]

Generates 1,000 initiatives and 100,000 events (once; reruns reuse them), then measures
the upcoming list unfiltered and filtered by city, kind and initiative, the past list and
a later page, through the Django test client. The baseline renders the same template the
simple way: no lower bound on ``start`` (so the index cannot be walked), Django's
Paginator (a COUNT over every matching row) and no ``select_related`` (a query per row).
Target: at most 100 ms per page with a bounded number of queries.
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

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from horizont.testing.databases import ensure_postgres_database  # noqa: E402

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "horizont.settings")
os.environ.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/horizont_bench")

CITIES = [
    ("Berlin", "DE", "Europe/Berlin"),
    ("Munich", "DE", "Europe/Berlin"),
    ("Hamburg", "DE", "Europe/Berlin"),
    ("Warsaw", "PL", "Europe/Warsaw"),
    ("Kraków", "PL", "Europe/Warsaw"),
    ("Prague", "CZ", "Europe/Prague"),
    ("Vilnius", "LT", "Europe/Vilnius"),
    ("Riga", "LV", "Europe/Riga"),
    ("Tallinn", "EE", "Europe/Tallinn"),
    ("Tbilisi", "GE", "Asia/Tbilisi"),
    ("Yerevan", "AM", "Asia/Yerevan"),
    ("Belgrade", "RS", "Europe/Belgrade"),
    ("Paris", "FR", "Europe/Paris"),
    ("London", "GB", "Europe/London"),
    ("Amsterdam", "NL", "Europe/Amsterdam"),
    ("Vienna", "AT", "Europe/Vienna"),
    ("Helsinki", "FI", "Europe/Helsinki"),
    ("Limassol", "CY", "Asia/Nicosia"),
    ("Istanbul", "TR", "Europe/Istanbul"),
    ("Astana", "KZ", "Asia/Almaty"),
]


def generate(total_events: int) -> None:
    from django.db import connection
    from django.utils import timezone

    from horizont.events.models import Event
    from horizont.network.models import Initiative

    if Event.objects.filter(title__startswith="Bench event").count() >= total_events:
        return
    print(f"generating 1,000 initiatives and {total_events:,} events …", flush=True)
    rng = random.Random(42)
    Event.objects.filter(title__startswith="Bench event").delete()
    Initiative.objects.filter(slug__startswith="bench-").delete()
    initiatives = Initiative.objects.bulk_create(
        Initiative(
            name=f"Bench initiative {i}",
            slug=f"bench-{i:04}",
            language="ru",
            country=CITIES[i % len(CITIES)][1],
            city=CITIES[i % len(CITIES)][0],
            # One in twenty still waits for approval: its events must stay hidden.
            status="pending" if i % 20 == 0 else "approved",
        )
        for i in range(1000)
    )
    now = timezone.now()
    kinds = [k for k, _label in Event.Kind.choices]
    batch: list[Event] = []
    for i in range(total_events):
        city, country, zone = CITIES[rng.randrange(len(CITIES))]
        start = now + dt.timedelta(minutes=rng.randrange(-2 * 365 * 24 * 60, 2 * 365 * 24 * 60))
        kind = kinds[rng.randrange(len(kinds))]
        batch.append(
            Event(
                initiative=initiatives[rng.randrange(len(initiatives))],
                title=f"Bench event {i}",
                description="Generated for the benchmark.",
                kind=kind,
                start=start,
                end=start + dt.timedelta(hours=rng.choice([1, 2, 3, 26])),
                timezone=zone,
                address="" if kind == "online" else "Example street 1",
                city="" if kind == "online" else city,
                country="" if kind == "online" else country,
                online_url="https://meet.example.org/x" if kind == "online" else "",
                capacity=rng.choice([None, 20, 50, 200]),
                status="cancelled" if rng.random() < 0.03 else "scheduled",
                report_url="https://example.org/report" if start < now else "",
            )
        )
        if len(batch) == 5000:
            Event.objects.bulk_create(batch)
            batch = []
    Event.objects.bulk_create(batch)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE events_event")
        cursor.execute("ANALYZE network_initiative")


def measure(fn, runs: int) -> tuple[float, int]:
    """Median server time in ms and the number of queries of one call."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    fn()
    fn()
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        fn()
        times.append((time.perf_counter() - started) * 1000)
    with CaptureQueriesContext(connection) as queries:
        fn()
    return statistics.median(times), len(queries)


def naive_view(params: dict[str, str]):
    """The same page done the simple way (what the list looked like before tuning)."""
    from django.contrib.auth.models import AnonymousUser
    from django.core.paginator import Paginator
    from django.shortcuts import render
    from django.test import RequestFactory
    from django.utils import timezone

    from horizont.events.forms import EventFilterForm
    from horizont.events.models import Event
    from horizont.events.timezones import zone_options

    request = RequestFactory().get("/en/events/", params, HTTP_HOST="localhost", secure=True)
    request.user = AnonymousUser()
    form = EventFilterForm(params or None)
    filters = form.cleaned_data if form.is_valid() else {}
    now = timezone.now()
    events = Event.objects.filter(initiative__status="approved")
    if filters.get("when") == "past":
        events = events.filter(end__lt=now).order_by("-start")
    else:
        events = events.filter(end__gte=now).order_by("start")
    if filters.get("city"):
        events = events.filter(city__iexact=filters["city"])
    if filters.get("kind"):
        events = events.filter(kind=filters["kind"])
    if filters.get("initiative"):
        events = events.filter(initiative__slug=filters["initiative"])
    page = Paginator(events, 20).get_page(params.get("page"))
    context = {
        "form": form,
        "page": {
            "rows": list(page.object_list),
            "number": page.number,
            "has_previous": page.has_previous(),
            "has_next": page.has_next(),
            "previous_number": page.number - 1,
            "next_number": page.number + 1,
        },
        "past": filters.get("when") == "past",
        "initiative": None,
        "city": filters.get("city", ""),
        "can_create": False,
        "viewer_zone": None,
        "viewer_zone_name": "",
        "zone_options": zone_options(""),
    }
    return render(request, "events/list.html", context)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--events", type=int, default=100_000)
    args = parser.parse_args()
    ensure_postgres_database(os.environ["DATABASE_URL"])

    import django

    django.setup()
    from django.core.management import call_command
    from django.test import Client
    from django.utils import translation

    call_command("migrate", verbosity=0)
    generate(args.events)
    from django.test.utils import override_settings

    # Plain static URLs: the benchmark measures the page, not a collected manifest.
    override_settings(
        STORAGES={
            "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
            "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
        }
    ).enable()
    from horizont.events.models import Event

    print(f"events in the database: {Event.objects.count():,}")
    client = Client(HTTP_HOST="localhost")
    pages = [
        ("upcoming, unfiltered", {}),
        ("upcoming, city=Warsaw", {"city": "Warsaw"}),
        ("upcoming, kind=protest", {"kind": "protest"}),
        ("upcoming, initiative", {"initiative": "bench-0007"}),
        ("upcoming, city+kind", {"city": "Berlin", "kind": "training"}),
        ("upcoming, page 10", {"page": "10"}),
        ("past, unfiltered", {"when": "past"}),
    ]
    print(f"{'page':<26}{'ms':>8}{'queries':>9}{'naive ms':>10}{'queries':>9}{'ratio':>8}")
    worst = 0.0
    for label, params in pages:

        def tuned(params=params):
            response = client.get("/en/events/", params, secure=True)
            assert response.status_code == 200, response.status_code

        def naive(params=params):
            with translation.override("en"):
                assert naive_view(params).status_code == 200

        ms, queries = measure(tuned, args.runs)
        naive_ms, naive_queries = measure(naive, max(3, args.runs // 3))
        worst = max(worst, ms)
        print(
            f"{label:<26}{ms:>8.1f}{queries:>9}{naive_ms:>10.1f}{naive_queries:>9}"
            f"{naive_ms / ms:>7.1f}x"
        )
    verdict = "OK" if worst <= 100 else "TOO SLOW"
    print(f"slowest tuned page: {worst:.1f} ms (target ≤ 100 ms) {verdict}")


if __name__ == "__main__":
    main()
