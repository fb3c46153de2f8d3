"""Benchmark: the full forensic report of the 2021 State Duma election.

Reads the file and runs every analysis — exact integer test plus a 1,000-draw Monte
Carlo, regional test, excess votes, fingerprint with bootstrap, digit tests, flags —
and prints wall time and peak memory against the targets (10 s, 1 GB on 2 cores), and
the ratio to the baseline of the integer test alone done the published way (measured
on a sample of stations in this run and extrapolated; see forensics_integer_test.py
for the full baseline). Run: ``python benchmarks/forensics_report.py``.

``--all`` reads and reports every shared federal election (2004-2021) instead, against
the target of 6 s per file, and prints each year's key figures (turnout, leader's share,
integer-test excess against the published one, clean peak, excess votes, fingerprint)
with the same extrapolated baseline per file.
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
import tracemalloc
from pathlib import Path

import numpy as np

from horizont.forensics.integer import StationFilter, integer_test
from horizont.forensics.io import read_results
from horizont.forensics.model import Results
from horizont.forensics.report import build_report, report_to_json
from horizont.lib.shared_data import shared_data_path

#: Published integer-test excess ("either", stations) from the data README.
PUBLISHED_INTEGER = {
    "2004": 933.7, "2011": 1003.5, "2012": 1159.6,
    "2016": 1502.4, "2020": 3610.9, "2021": 1309.8,
}  # fmt: skip


def _baseline_seconds(results: Results, stations: int) -> float:
    """The published integer-test method on a sample, extrapolated to every station."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from forensics_integer_test import baseline

    idx = np.flatnonzero(StationFilter().mask(results))
    n = min(stations, idx.size) or idx.size
    sample = idx[:n]
    start = time.perf_counter()
    baseline(
        results.registered[sample],
        results.issued[sample],
        results.cast[sample],
        results.leader_votes[sample],
    )
    return (time.perf_counter() - start) * idx.size / n


def every_year(mc: int, baseline_stations: int) -> None:
    print("year  read+report  target  baseline(int)  turnout  leader   integer(pub)      "
          "clean peak  excess votes (range)        fingerprint inc / ext")  # fmt: skip
    worst = 0.0
    for year in sorted(PUBLISHED_INTEGER):
        path = shared_data_path("elections", "ru", f"{year}.csv.zip")
        if not path.exists():
            print(f"{year}  missing: {path}")
            continue
        start = time.perf_counter()
        results = read_results(path)
        report = build_report(results, mc_draws=mc, seed=0)
        report_to_json(report)
        seconds = time.perf_counter() - start
        worst = max(worst, seconds)
        base = _baseline_seconds(results, baseline_stations)
        t, ex, fp = report.totals, report.excess, report.fingerprint
        integer = integer_test(
            results, mc_draws=0, turnout_from="cast" if year == "2020" else "issued"
        ).cell("either", "stations")
        print(
            f"{year}  {seconds:8.2f} s  {seconds / 6:5.0%}  {base:9.1f} s    "
            f"{t.turnout:6.2%}  {t.leader_share:6.2%}  {integer.excess:7.1f} "
            f"({PUBLISHED_INTEGER[year]:7.1f})  {ex.clean_turnout:5.1f} %    "
            f"{ex.excess_votes / 1e6:5.2f} M ({ex.range_low / 1e6:5.2f}-"
            f"{ex.range_high / 1e6:5.2f}){' !' if ex.problems else '  '}   "
            f"{fp.incremental:.3f} [{fp.incremental_low:.3f}, {fp.incremental_high:.3f}] / "
            f"{fp.extreme:.3f} [{fp.extreme_low:.3f}, {fp.extreme_high:.3f}]"
        )
        print(f"      ratio baseline integer test / full read+report: {base / seconds:.1f}x")
    print(f"slowest file: {worst:.2f} s (target <= 6 s per file)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--path", default=str(shared_data_path("elections", "ru", "2021.csv.zip")))
    parser.add_argument("--mc", type=int, default=1000)
    parser.add_argument("--baseline-stations", type=int, default=5000, metavar="N")
    parser.add_argument("--all", action="store_true", help="every shared election, 6 s each")
    args = parser.parse_args()
    if args.all:
        every_year(args.mc, args.baseline_stations)
        return

    # time untraced (tracing slows Python code), then trace memory in a second run
    start = time.perf_counter()
    results = read_results(args.path)
    read_s = time.perf_counter() - start
    report = build_report(results, mc_draws=args.mc, seed=0)
    report_to_json(report)
    total_s = time.perf_counter() - start
    rss_peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    timings = report.timings
    del results, report
    tracemalloc.start()
    results = read_results(args.path)
    report_to_json(build_report(results, mc_draws=args.mc, seed=0))
    traced_peak = tracemalloc.get_traced_memory()[1] / 2**20
    tracemalloc.stop()

    print(f"data: {args.path}: {len(results):,} stations")
    print(f"read:                 {read_s:6.2f} s")
    for step, seconds in timings.items():
        print(f"{step + ':':22s}{seconds:6.2f} s")
    print(f"full report:          {total_s:6.2f} s   (target <= 3 s; {total_s / 3:.0%} of it)")
    peak = max(traced_peak, rss_peak)
    print(
        f"peak memory:          {peak:6.0f} MB (traced {traced_peak:.0f} MB, "
        f"process RSS {rss_peak:.0f} MB; target < 1024 MB)"
    )

    base_s = _baseline_seconds(results, args.baseline_stations)
    print(f"baseline integer test alone (published method, extrapolated from "
          f"{args.baseline_stations:,} stations): {base_s:.1f} s")  # fmt: skip
    print(f"ratio baseline integer test / full report: {base_s / total_s:.1f}x")


if __name__ == "__main__":
    main()
