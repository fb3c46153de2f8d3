"""Benchmark: the full forensic report of the 2021 State Duma election.

Reads the file and runs every analysis — exact integer test plus a 1,000-draw Monte
Carlo, regional test, excess votes, fingerprint with bootstrap, digit tests, flags —
and prints wall time and peak memory against the targets (10 s, 1 GB on 2 cores), and
the ratio to the baseline of the integer test alone done the published way (measured
on a sample of stations in this run and extrapolated; see forensics_integer_test.py
for the full baseline). Run: ``python benchmarks/forensics_report.py``.
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
import tracemalloc
from pathlib import Path

import numpy as np

from horizont.forensics.integer import StationFilter
from horizont.forensics.io import read_results
from horizont.forensics.report import build_report, report_to_json
from horizont.lib.shared_data import shared_data_path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--path", default=str(shared_data_path("elections", "ru", "2021.csv.zip")))
    parser.add_argument("--mc", type=int, default=1000)
    parser.add_argument("--baseline-stations", type=int, default=5000, metavar="N")
    args = parser.parse_args()

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
    print(f"full report:          {total_s:6.2f} s   (target <= 10 s; {total_s / 10:.0%} of it)")
    peak = max(traced_peak, rss_peak)
    print(
        f"peak memory:          {peak:6.0f} MB (traced {traced_peak:.0f} MB, "
        f"process RSS {rss_peak:.0f} MB; target < 1024 MB)"
    )

    # baseline: the published integer-test method on a sample, extrapolated
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from forensics_integer_test import baseline

    idx = np.flatnonzero(StationFilter().mask(results))
    n = min(args.baseline_stations, idx.size) or idx.size
    sample = idx[:n]
    start = time.perf_counter()
    baseline(
        results.registered[sample],
        results.issued[sample],
        results.cast[sample],
        results.leader_votes[sample],
    )
    base_s = (time.perf_counter() - start) * idx.size / n
    print(f"baseline integer test alone (published method, extrapolated from {n:,} stations): "
          f"{base_s:.1f} s")  # fmt: skip
    print(f"ratio baseline integer test / full report: {base_s / total_s:.1f}x")


if __name__ == "__main__":
    main()
