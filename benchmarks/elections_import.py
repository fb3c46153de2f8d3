"""Importing the 2021 State Duma results into a fresh SQLite database (target ≤ 15 s).

    .venv/bin/python benchmarks/elections_import.py [--full]

Measures the import steps on ``../shared/data/elections/ru/2021.csv.zip``
(``services.election_read`` and ``services.election_store``): reading the file with the
engine, flagging stations and storing all 96,325 of them (one
prepared INSERT run with ``executemany`` in batches, inside one transaction). ``--full``
also times the whole background job (forensic report with a 1,000-draw Monte Carlo, plots
in four languages). The baseline stores a sample of stations one by one with ``.save()``
— the simple way — and extrapolates to the whole file; ``bulk_create`` in batches is
timed on a sample too. DATABASE_URL may point elsewhere (default: a fresh SQLite file in
a temporary folder).
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

_tmp = tempfile.mkdtemp(prefix="horizont-bench-elections-")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "horizont.settings")
os.environ.setdefault("HORIZONT_VAR_DIR", _tmp)
os.environ.setdefault("DATABASE_URL", f"sqlite:///{_tmp}/bench.sqlite3")
os.environ.setdefault("TASKS_BACKEND", "immediate")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402

from horizont.elections import services  # noqa: E402
from horizont.elections.models import Election, Station  # noqa: E402
from horizont.forensics.flags import station_flags  # noqa: E402
from horizont.forensics.io import read_results  # noqa: E402
from horizont.lib.shared_data import shared_data_path  # noqa: E402

TARGET_SECONDS = 15.0
SAMPLE = 2000


def main() -> int:
    path = shared_data_path("elections", "ru", "2021.csv.zip")
    if not path.exists():
        print(f"skipped: {path} not found (place ../shared/data beside the project)")
        return 0
    call_command("migrate", verbosity=0)
    print(f"database: {connection.vendor} ({os.environ['DATABASE_URL']})")

    start = time.perf_counter()
    info = services.ElectionInfo(name="State Duma 2021", source_name=path.name)
    results = services.election_read(path=path, info=info)
    flags = station_flags(results)
    election = services.election_store(
        results=results,
        info=info,
        sha256=services.file_sha256(path),
        created_by=None,
        flags=flags,
        bundle=None,
    )
    seconds = time.perf_counter() - start
    stations = Station.objects.filter(election=election).count()
    print(
        f"import (read + flag + store {stations:,} stations): {seconds:.2f} s "
        f"(target ≤ {TARGET_SECONDS:.0f} s: {'met' if seconds <= TARGET_SECONDS else 'MISSED'})"
    )

    # Baselines on the same rows, reading timed separately: .save() one by one, and
    # Django's bulk_create in batches of 2,000.
    start = time.perf_counter()
    results = read_results(path)
    read_seconds = time.perf_counter() - start
    values = services._station_values(election, results, station_flags(results))[:SAMPLE]
    names = [f"{n}_id" if n == "election" else n for n in services.STATION_FIELDS]
    sample = [Station(**dict(zip(names, v, strict=True))) for v in values]
    start = time.perf_counter()
    with transaction.atomic():
        for station in sample:
            station.save()
    save_per_row = (time.perf_counter() - start) / len(sample)
    sample = [Station(**dict(zip(names, v, strict=True))) for v in values]
    start = time.perf_counter()
    with transaction.atomic():
        Station.objects.bulk_create(sample, batch_size=2000)
    bulk_per_row = (time.perf_counter() - start) / len(sample)
    baseline = read_seconds + save_per_row * len(results)
    bulk = read_seconds + bulk_per_row * len(results)
    print(
        f"baseline (read, then .save() per station; {SAMPLE:,} saved, extrapolated): "
        f"{baseline:.2f} s"
    )
    print(f"ratio baseline / import: {baseline / seconds:.1f}x")
    print(
        f"for comparison: read, then bulk_create in batches ({SAMPLE:,} stored, "
        f"extrapolated): {bulk:.2f} s; ratio {bulk / seconds:.1f}x"
    )

    if "--full" in sys.argv:
        start = time.perf_counter()
        full = services.election_import(
            path=path,
            info=services.ElectionInfo(name="State Duma 2021 (full)", source_name=path.name),
            created_by=None,
        )
        print(
            f"full import job (read, report with 1,000 Monte Carlo draws, plots in 4 "
            f"languages, store): {time.perf_counter() - start:.2f} s; "
            f"{Election.objects.count()} elections, report stored: {full.reports.exists()}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
