"""A region's report page on its first visit (target ≤ 1 s; issue 15 measured 1.7–5.6 s).

    .venv/bin/python benchmarks/elections_region_first_visit.py [--stations-per-region N]

Imports a fictional election (``elections.synthetic``, three regions plus stations
abroad) into a fresh SQLite database with the real engine, then times the first visit
of each region's page through the Django test client. Now the import analyses every
region (``services.region_reports_build``), so a visit only reads; the plots are still
drawn on their first request (seconds each; printed separately).
The baseline, in the same run, deletes a region's stored report first: the page then
analyses the region and draws its plots while the visitor waits, as before issue 15.
The extra import time is printed too.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

_tmp = tempfile.mkdtemp(prefix="horizont-bench-regions-")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "horizont.settings")
os.environ.setdefault("HORIZONT_VAR_DIR", _tmp)
os.environ.setdefault("DATABASE_URL", f"sqlite:///{_tmp}/bench.sqlite3")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402
from django.urls import reverse  # noqa: E402
from django.utils import translation  # noqa: E402

from horizont.elections import services  # noqa: E402
from horizont.elections.models import ForensicReport, Station  # noqa: E402
from horizont.elections.synthetic import synthetic_csv  # noqa: E402

TARGET_MS = 1000.0


def visit(client: Client, election_pk: int, region: str) -> float:
    with translation.override("de"):
        url = reverse("elections:region", args=[election_pk, region])
    started = time.perf_counter()
    response = client.get(url, secure=True, REMOTE_ADDR=f"10.0.0.{len(region) % 250}")
    assert response.status_code == 200, response.status_code
    return (time.perf_counter() - started) * 1000


def first_plot(client: Client, election_pk: int, region: str) -> float:
    report = ForensicReport.objects.get(election_id=election_pk, region=region)
    with translation.override("de"):
        plot = reverse("elections:plot", args=[election_pk, report.pk, "excess"])
    started = time.perf_counter()
    assert client.get(plot, secure=True).status_code == 200
    return (time.perf_counter() - started) * 1000


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--stations-per-region", type=int, default=600)
    arguments = parser.parse_args()
    setup_test_environment()
    # No collectstatic in a throw-away run: serve static names as they are.
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    call_command("migrate", verbosity=0)
    path = Path(_tmp) / "fictional.csv"
    path.write_text(
        synthetic_csv(stations_per_region=arguments.stations_per_region), encoding="utf-8"
    )
    started = time.perf_counter()
    election = services.election_import(
        path=path,
        info=services.ElectionInfo(name="Fictional assembly", source_name="fictional.csv"),
        created_by=None,
        documents=False,
    )
    total = time.perf_counter() - started
    regions = sorted(
        set(Station.objects.filter(election=election).values_list("region", flat=True))
    )
    regions = [r for r in regions if r]
    # How long the import spent on the regions: the same work again, timed on its own.
    ForensicReport.objects.filter(election=election).exclude(region="").delete()
    started = time.perf_counter()
    services.region_reports_build(election=election)
    regions_s = time.perf_counter() - started
    client = Client()
    now = [visit(client, election.pk, region) for region in regions]
    plots = [first_plot(client, election.pk, region) for region in regions]
    baseline = []
    for region in regions:
        ForensicReport.objects.filter(election=election, region=region).delete()
        baseline.append(visit(client, election.pk, region))
    b, n = statistics.median(baseline), statistics.median(now)
    print(f"load average: {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
    print(
        f"import of {Station.objects.filter(election=election).count()} stations: {total:.1f} s,"
        f" of which analysing {len(regions)} regions: {regions_s:.1f} s"
    )
    print(f"first visit of a region, baseline (on visit): {b:7.0f} ms, max {max(baseline):.0f}")
    print(f"first visit of a region, now (at import):     {n:7.0f} ms, max {max(now):.0f}")
    print(f"first request of a region's plot (drawn then): {statistics.median(plots):.0f} ms")
    verdict = "met" if max(now) <= TARGET_MS else "MISSED"
    print(f"ratio baseline/now: {b / n:.1f}x; target ≤ {TARGET_MS:.0f} ms: {verdict}")


if __name__ == "__main__":
    main()
