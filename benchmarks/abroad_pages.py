"""Finder and station pages with 400 stations abroad and 100,000 pledges, against a naive
baseline in the same run.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/horizont_abroad_bench \
        .venv/bin/python benchmarks/abroad_pages.py [--runs 15] [--pledges 100000]

Generates one vote with 400 stations in 40 cities and 100,000 confirmed pledges (once;
reruns reuse them), then measures through the Django test client: the finder unfiltered,
by country, near a city, a later page, the map data and a station page. The baseline
renders the same templates the simple way: every station of the vote at once, and one
COUNT of pledges and one query for rides per station (N+1); the station page counts
its pledges with a COUNT query instead of reading the station's kept count.
Target: at most 50 ms server time per page.
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
os.environ.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/horizont_abroad_bench")

SLUG = "bench-vote"
CITIES = [
    ("Berlin", "DE", "Europe/Berlin"), ("Bonn", "DE", "Europe/Berlin"),
    ("Hamburg", "DE", "Europe/Berlin"), ("Leipzig", "DE", "Europe/Berlin"),
    ("Munich", "DE", "Europe/Berlin"), ("Frankfurt am Main", "DE", "Europe/Berlin"),
    ("Warsaw", "PL", "Europe/Warsaw"), ("Gdańsk", "PL", "Europe/Warsaw"),
    ("Kraków", "PL", "Europe/Warsaw"), ("Poznań", "PL", "Europe/Warsaw"),
    ("Prague", "CZ", "Europe/Prague"), ("Karlovy Vary", "CZ", "Europe/Prague"),
    ("Vienna", "AT", "Europe/Vienna"), ("Salzburg", "AT", "Europe/Vienna"),
    ("Paris", "FR", "Europe/Paris"), ("Marseille", "FR", "Europe/Paris"),
    ("Strasbourg", "FR", "Europe/Paris"), ("London", "GB", "Europe/London"),
    ("Edinburgh", "GB", "Europe/London"), ("Amsterdam", "NL", "Europe/Amsterdam"),
    ("The Hague", "NL", "Europe/Amsterdam"), ("Brussels", "BE", "Europe/Brussels"),
    ("Antwerp", "BE", "Europe/Brussels"), ("Rome", "IT", "Europe/Rome"),
    ("Milan", "IT", "Europe/Rome"), ("Madrid", "ES", "Europe/Madrid"),
    ("Barcelona", "ES", "Europe/Madrid"), ("Lisbon", "PT", "Europe/Lisbon"),
    ("Helsinki", "FI", "Europe/Helsinki"), ("Stockholm", "SE", "Europe/Stockholm"),
    ("Oslo", "NO", "Europe/Oslo"), ("Copenhagen", "DK", "Europe/Copenhagen"),
    ("Riga", "LV", "Europe/Riga"), ("Vilnius", "LT", "Europe/Vilnius"),
    ("Tallinn", "EE", "Europe/Tallinn"), ("Tbilisi", "GE", "Asia/Tbilisi"),
    ("Yerevan", "AM", "Asia/Yerevan"), ("Istanbul", "TR", "Europe/Istanbul"),
    ("Limassol", "CY", "Asia/Nicosia"), ("Belgrade", "RS", "Europe/Belgrade"),
]  # fmt: skip


def generate(stations: int, pledges: int) -> None:
    from django.db import connection
    from django.utils import timezone

    from horizont.abroad.models import Pledge, Ride, Station, Vote
    from horizont.network import gazetteer

    vote = Vote.objects.filter(slug=SLUG).first()
    if vote and vote.stations.count() == stations and vote.pledges.count() == pledges:
        return
    print(f"generating {stations} stations and {pledges:,} pledges …", flush=True)
    Vote.objects.filter(slug=SLUG).delete()
    first = timezone.now().date() + dt.timedelta(days=30)
    vote = Vote.objects.create(
        name="Benchmark vote", slug=SLUG, first_day=first, last_day=first + dt.timedelta(days=2),
        guidance_en="Bring your passport.",
    )  # fmt: skip
    rng = random.Random(42)
    rows = []
    for i in range(stations):
        city, country, zone = CITIES[i % len(CITIES)]
        place = gazetteer.find_city(city, country)
        assert place is not None, city
        rows.append(
            Station(
                vote=vote, number=8000 + i, slug=f"{SLUG}-{8000 + i}", city=city,
                country=country, timezone=zone, host="consulate", address=f"Street {i}",
                latitude=place.latitude + rng.uniform(-0.05, 0.05),
                longitude=place.longitude + rng.uniform(-0.05, 0.05),
            )
        )  # fmt: skip
    created = Station.objects.bulk_create(rows)
    batch = []
    for i in range(pledges):
        # Half spread evenly, half crowding into the first stations (as at big embassies).
        index = min(int(rng.paretovariate(1.2)) - 1, stations - 1) if i % 2 else i % stations
        station = created[index]
        batch.append(
            Pledge(
                vote=vote, station=station, guest_email=f"bench-{i}@example.org",
                guest_email_digest=f"bench-{i}", language="ru", status="confirmed",
            )
        )  # fmt: skip
        if len(batch) == 10_000:
            Pledge.objects.bulk_create(batch)
            batch = []
    Pledge.objects.bulk_create(batch)
    from horizont.abroad.services import pledge_counts_refresh

    pledge_counts_refresh(vote=vote)
    from horizont.accounts.models import User

    author = User.objects.filter(email="bench-driver@example.org").first() or (
        User.objects.create_user("bench-driver@example.org", None)
    )
    Ride.objects.bulk_create(
        Ride(station=s, day=first, kind="offer", departure_city="Somewhere",
             departure_time=dt.time(8), seats=2, author=author)
        for s in created[::7]
    )  # fmt: skip
    with connection.cursor() as cursor:
        for table in ("abroad_station", "abroad_pledge", "abroad_ride"):
            cursor.execute(f"ANALYZE {table}")


def measure(fn, runs: int) -> tuple[float, float, int]:
    """Median server time and median CPU time of this process in ms (the machine may be
    shared: CPU time shows the page's own cost), and the number of queries of one call."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    fn()
    fn()
    times, cpu = [], []
    for _ in range(runs):
        started, started_cpu = time.perf_counter(), time.process_time()
        fn()
        times.append((time.perf_counter() - started) * 1000)
        cpu.append((time.process_time() - started_cpu) * 1000)
    with CaptureQueriesContext(connection) as queries:
        fn()
    return statistics.median(times), statistics.median(cpu), len(queries)


def naive_finder(params: dict[str, str]):
    """The finder done the simple way: all stations, per-station count and rides queries."""
    from django.contrib.auth.models import AnonymousUser
    from django.shortcuts import render
    from django.test import RequestFactory

    from horizont.abroad import finder
    from horizont.abroad.forms import FinderForm
    from horizont.abroad.models import Pledge, Vote
    from horizont.network import gazetteer

    request = RequestFactory().get(f"/en/abroad/v/{SLUG}/", params, secure=True)
    request.user = AnonymousUser()
    vote = Vote.objects.get(slug=SLUG)
    form = FinderForm(params or None, countries=finder.countries(vote))
    query = finder.Query.from_form(form)
    stations = vote.stations.all()
    if query.country:
        stations = stations.filter(country=query.country)
    found = finder.Found()
    near = query.near_city
    rows = []
    for station in stations:
        row = finder.Row(station)
        row.pledges = station.pledges.filter(status="confirmed").count()
        row.has_rides = station.rides.filter(hidden=False).exists()
        if near is not None:
            row.distance = gazetteer.distance_km(
                near.latitude, near.longitude, station.latitude, station.longitude
            )
        rows.append(row)
    if near is not None:
        rows.sort(key=lambda r: r.distance)
        found.near = near
    found.rows, found.total = rows, len(rows)
    found.pledges_total = Pledge.objects.filter(vote=vote, status="confirmed").count()
    context = {
        "vote": vote, "votes": Vote.objects.all(), "form": form, "query": query,
        "found": found, "querystring": "", "tile_url": "", "tile_attribution": "",
        "center": found.center, "zoom": 4, "can_manage": False,
    }  # fmt: skip
    return render(request, "abroad/finder.html", context)


def naive_station(slug: str):
    """The station page counting its pledges with a COUNT query on every view."""
    from django.test import Client

    from horizont.abroad.models import Pledge, Station

    original = Station.__dict__["pledge_count"]
    Station.pledge_count = property(
        lambda station: Pledge.objects.filter(station=station, status="confirmed").count(),
        lambda station, value: None,
    )
    try:
        return Client(HTTP_HOST="localhost").get(f"/en/abroad/s/{slug}/", secure=True)
    finally:
        Station.pledge_count = original


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--stations", type=int, default=400)
    parser.add_argument("--pledges", type=int, default=100_000)
    args = parser.parse_args()
    ensure_postgres_database(os.environ["DATABASE_URL"])

    import django

    django.setup()
    from django.core.management import call_command
    from django.test import Client
    from django.test.utils import override_settings
    from django.utils import translation

    call_command("migrate", verbosity=0)
    generate(args.stations, args.pledges)
    override_settings(
        STORAGES={
            "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
            "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
        }
    ).enable()
    from horizont.abroad.models import Pledge, Station

    busiest = Station.objects.filter(vote__slug=SLUG).order_by("number").first()
    print(
        f"stations: {Station.objects.filter(vote__slug=SLUG).count()}, "
        f"pledges: {Pledge.objects.filter(vote__slug=SLUG).count():,}, "
        f"busiest station: {busiest.pledges.count():,} pledges"
    )
    client = Client(HTTP_HOST="localhost")
    finder_url = f"/en/abroad/v/{SLUG}/"
    pages = [
        ("finder, unfiltered", finder_url, {}),
        ("finder, country=DE", finder_url, {"country": "DE"}),
        ("finder, near Leipzig", finder_url, {"near": "Leipzig"}),
        ("finder, page 5", finder_url, {"page": "5"}),
        ("map data", f"/en/abroad/v/{SLUG}/map.json", {}),
        ("station page (busiest)", busiest.get_absolute_url().replace("/ru/", "/en/"), {}),
    ]
    print(f"load average: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    print(
        f"{'page':<26}{'ms':>8}{'CPU ms':>8}{'queries':>9}"
        f"{'naive ms':>10}{'CPU ms':>8}{'queries':>9}{'ratio':>8}"
    )
    worst = 0.0
    for label, url, params in pages:

        def tuned(url=url, params=params):
            response = client.get(url, params, secure=True)
            assert response.status_code == 200, response.status_code

        if label.startswith("station"):

            def naive(slug=busiest.slug):
                assert naive_station(slug).status_code == 200

        elif label.startswith("map"):

            def naive(params=params):
                # The map's markers come from the same rows as the naive list.
                with translation.override("en"):
                    assert naive_finder(params).status_code == 200

        else:

            def naive(params=params):
                with translation.override("en"):
                    assert naive_finder(params).status_code == 200

        ms, cpu, queries = measure(tuned, args.runs)
        naive_ms, naive_cpu, naive_queries = measure(naive, max(3, args.runs // 3))
        worst = max(worst, ms)
        print(
            f"{label:<26}{ms:>8.1f}{cpu:>8.1f}{queries:>9}"
            f"{naive_ms:>10.1f}{naive_cpu:>8.1f}{naive_queries:>9}{naive_ms / ms:>7.1f}x"
        )
    verdict = "OK" if worst <= 50 else "TOO SLOW"
    print(f"slowest tuned page: {worst:.1f} ms (target ≤ 50 ms) {verdict}")
    print(f"load average: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")


if __name__ == "__main__":
    main()
