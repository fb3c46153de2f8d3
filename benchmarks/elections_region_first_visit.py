"""A region's report page and each of its plots on their first visit after a start
(target ≤ 1 s; issue 15 measured 1.7–5.6 s for the page and ~4.4 s for the first plot).

    .venv/bin/python benchmarks/elections_region_first_visit.py [--stations-per-region N]
    .venv/bin/python benchmarks/elections_region_first_visit.py --file PATH  # e.g. 2021.csv.zip

Imports an election (by default the fictional one of ``elections.synthetic``: three
regions plus stations abroad; ``--file`` takes a real results file) into a fresh SQLite
database with the real engine. The import analyses every region and draws every plot
of the election and of each region in four languages (SVG written directly).

First visit after a start: a fresh Python process (as after a restart) runs what
``horizont.wsgi`` runs before its first request, then times, through the Django test
client, the first visit of a region's page and the first request of each of its five
plots. The baseline, in the same run and in another fresh process, is the former plot
path (until this change): the plot was missing, so its request analysed the region from
the stored stations and drew the plot with matplotlib (SVG and PNG) — the matplotlib
code is taken from git (``BASELINE``), not kept in the tree. The page's own baseline is
the path before issue 15: the region's report is deleted, the visit analyses it.

Import: the drawing the import does now (every plot, every region, four languages) is
timed against the drawing the former import did (the election's five plots in four
languages, SVG and PNG with matplotlib; regions without plots) on the same reports; the
difference is the import-time difference, since nothing else changed. Wall and CPU
times are printed with the load average: the machine may be shared.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from types import ModuleType
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
#: The last commit whose plots were drawn with matplotlib (the baseline's code).
BASELINE = "74f98087213e89cc7a0f52eea2889968bbbde2a2"
TARGET_MS = 1000.0
LANGUAGE = "de"


def _django(folder: str) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "horizont.settings")
    os.environ.setdefault("HORIZONT_VAR_DIR", folder)
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{folder}/bench.sqlite3")
    import django

    django.setup()
    from django.conf import settings
    from django.test.utils import setup_test_environment

    setup_test_environment()
    # No collectstatic in a throw-away run: serve static names as they are.
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


def old_plots() -> ModuleType | None:
    """The matplotlib plots of ``BASELINE``, loaded from git (None without git history)."""
    try:
        source = subprocess.run(
            ["git", "-C", str(ROOT), "show", f"{BASELINE}:horizont/forensics/plots.py"],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
    except (OSError, subprocess.CalledProcessError):
        return None
    path = Path(tempfile.mkdtemp(prefix="horizont-old-plots-")) / "old_plots.py"
    path.write_text(source, encoding="utf-8")
    spec = importlib.util.spec_from_file_location("old_plots", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _clock() -> tuple[float, float]:
    return time.perf_counter(), time.process_time()


def _since(start: tuple[float, float]) -> list[float]:
    wall, cpu = _clock()
    return [(wall - start[0]) * 1000, (cpu - start[1]) * 1000]


def child(mode: str, folder: str, election_pk: int, region: str) -> None:
    """One fresh process: warm up as ``horizont.wsgi`` does, then time first requests."""
    _django(folder)
    from django.test import Client
    from django.urls import reverse
    from django.utils import translation

    from horizont.core.warmup import warm_up
    from horizont.elections import services
    from horizont.elections.models import ForensicReport
    from horizont.forensics.plots import PLOTS

    warm_up()
    report = ForensicReport.objects.get(election_id=election_pk, region=region)
    times: dict[str, list[float]] = {}
    if mode == "now":
        client = Client()
        with translation.override(LANGUAGE):
            page = reverse("elections:region", args=[election_pk, region])
            plots = {n: reverse("elections:plot", args=[election_pk, report.pk, n]) for n in PLOTS}
        start = _clock()
        assert client.get(page, secure=True).status_code == 200
        times["page"] = _since(start)
        for name, url in plots.items():
            start = _clock()
            response = client.get(url, secure=True)
            assert response.status_code == 200 and response.content.startswith(b"<svg")
            times[name] = _since(start)
    else:
        old = old_plots()
        if old is None:
            print(json.dumps({}))
            return
        for name in PLOTS:  # the former path: analyse the region, draw with matplotlib
            start = _clock()
            built = services._build_from_stations(
                report.election, region, mc_draws=report.mc_draws, seed=report.seed
            )
            old.PLOTS[name](built, "svg", LANGUAGE)
            old.PLOTS[name](built, "png", LANGUAGE)
            times[name] = _since(start)
    print(json.dumps(times))


def run_child(mode: str, folder: str, election_pk: int, region: str) -> dict[str, list[float]]:
    out = subprocess.run(
        [sys.executable, __file__, "--child", mode, folder, str(election_pk), region],
        cwd=ROOT,
        check=True,
        stdout=subprocess.PIPE,
        text=True,
    ).stdout
    return dict(json.loads(out.strip().splitlines()[-1]))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--stations-per-region", type=int, default=600)
    parser.add_argument("--file", type=Path, help="a real results file instead of the fiction")
    parser.add_argument("--child", nargs=4, help=argparse.SUPPRESS)
    arguments = parser.parse_args()
    if arguments.child:
        mode, folder, pk, region = arguments.child
        child(mode, folder, int(pk), region)
        return

    folder = tempfile.mkdtemp(prefix="horizont-bench-regions-")
    _django(folder)
    from django.core.management import call_command
    from django.db.models import Sum
    from django.db.models.functions import Length
    from django.test import Client
    from django.urls import reverse
    from django.utils import translation

    from horizont.elections import services
    from horizont.elections.models import ForensicReport, ReportPlot, Station
    from horizont.elections.synthetic import synthetic_csv

    call_command("migrate", verbosity=0)
    path = arguments.file
    if path is None:
        path = Path(folder) / "fictional.csv"
        path.write_text(
            synthetic_csv(stations_per_region=arguments.stations_per_region), encoding="utf-8"
        )
    drawing: list[float] = []
    render = services.plots_render

    def timed_render(*args: Any, **kwargs: Any) -> Any:
        start = _clock()
        try:
            return render(*args, **kwargs)
        finally:
            drawing.append(_since(start)[1])

    services.plots_render = timed_render  # type: ignore[assignment]
    start = _clock()
    election = services.election_import(
        path=path,
        info=services.ElectionInfo(name="Benchmark election", source_name=path.name),
        created_by=None,
        documents=False,
    )
    import_wall, import_cpu = _since(start)
    services.plots_render = render  # type: ignore[assignment]
    stations = Station.objects.filter(election=election).count()
    reports = ForensicReport.objects.filter(election=election)
    plots = ReportPlot.objects.filter(report__election=election)
    stored = plots.aggregate(size=Sum(Length("svg")))["size"] or 0
    regions = sorted(r for r in reports.values_list("region", flat=True) if r)
    # the region with the most stations: the slowest to analyse on the former path
    region = max(regions, key=lambda r: Station.objects.filter(election=election, region=r).count())

    old = old_plots()
    old_drawing_ms = None
    if old is not None:  # the former import drew the election's plots, SVG and PNG
        main_report = services._build_from_stations(election, "")
        start = _clock()
        for language in services.ENGINE_LANGUAGES:
            for draw in old.PLOTS.values():
                draw(main_report, "svg", language)
                draw(main_report, "png", language)
        old_drawing_ms = _since(start)[1]

    now = run_child("now", folder, election.pk, region)
    before = run_child("before", folder, election.pk, region)

    # The page before issue 15: the visit analysed the region (its report deleted first).
    client = Client()
    ForensicReport.objects.filter(election=election, region=region).delete()
    with translation.override(LANGUAGE):
        url = reverse("elections:region", args=[election.pk, region])
    start = _clock()
    assert client.get(url, secure=True).status_code == 200
    page_before = _since(start)

    print(f"load average: {' '.join(f'{v:.1f}' for v in os.getloadavg())} on {os.cpu_count()} CPUs")
    print(
        f"import of {stations:,} stations, {len(regions)} regions: {import_wall / 1000:.1f} s"
        f" (CPU {import_cpu / 1000:.1f} s); {plots.count():,} plots stored, {stored / 1e6:.1f} MB"
    )
    new_drawing = sum(drawing)
    print(f"  drawing now (every plot, every region, 4 languages): CPU {new_drawing / 1000:.2f} s")
    if old_drawing_ms is not None:
        print(
            f"  drawing before (the election's 5 plots, 4 languages, SVG+PNG, matplotlib):"
            f" CPU {old_drawing_ms / 1000:.2f} s"
        )
        print(
            f"  import-time difference now − before: {(new_drawing - old_drawing_ms) / 1000:+.2f} s"
        )
    print(f"first visit after a start, region {region!r}, language {LANGUAGE} (wall / CPU ms):")
    print(f"  {'':12} {'before':>17} {'now':>15} {'ratio':>7}")
    print(
        f"  {'page':12} {page_before[0]:8.0f} /{page_before[1]:6.0f}"
        f" {now['page'][0]:7.0f} /{now['page'][1]:6.0f} {page_before[0] / now['page'][0]:6.1f}x"
        "   (before: analysed on visit)"
    )
    for name in ("comet", "integer", "regional", "excess", "fingerprint"):
        n = now[name]
        b = before.get(name)
        old_text = f"{b[0]:8.0f} /{b[1]:6.0f}" if b else f"{'(no git)':>17}"
        ratio = f"{b[0] / n[0]:6.1f}x" if b else ""
        print(f"  {'plot ' + name:12} {old_text} {n[0]:7.0f} /{n[1]:6.0f} {ratio}")
    slowest = max(v[0] for v in now.values())
    if before:
        print(
            f"  first plot: before {before['comet'][0]:.0f} ms, now {now['comet'][0]:.0f} ms;"
            f" median plot before {statistics.median(v[0] for v in before.values()):.0f} ms,"
            f" now {statistics.median(now[n][0] for n in before):.0f} ms"
        )
    verdict = "met" if slowest <= TARGET_MS else "MISSED"
    print(f"slowest first request now: {slowest:.0f} ms; target ≤ {TARGET_MS:.0f} ms: {verdict}")


if __name__ == "__main__":
    main()
