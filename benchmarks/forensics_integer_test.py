"""Benchmark: the integer-percentage test on the 2021 State Duma election.

Baseline: the published notebook's method (Kobak et al.) — a Python loop over polling
stations drawing 1,000 binomials each for turnout and for the leader's share, then
counting integer percentages on float arrays under four weights. Ours: the exact
binomial null (no sampling), and the same plus a 1,000-draw Monte Carlo.
Prints wall time, peak memory and the ratio. Run: ``python benchmarks/forensics_integer_test.py``
(``--baseline-stations N`` runs the baseline on N stations only and extrapolates, for a
quick look; the default runs it on every station and prints the true ratio).
"""

from __future__ import annotations

import argparse
import gc
import resource
import time
import tracemalloc
from collections.abc import Callable
from typing import Any

import numpy as np

from horizont.forensics.integer import StationFilter, integer_test
from horizont.forensics.io import read_results
from horizont.lib.shared_data import shared_data_path


def baseline(
    voters: np.ndarray,
    given: np.ndarray,
    received: np.ndarray,
    leader: np.ndarray,
    nsim: int = 1000,
    seed: int = 0,
) -> dict[tuple[str, str], np.ndarray]:
    """The published notebook's Monte Carlo, as written there (loop, float arrays)."""
    np.random.seed(seed)
    n = voters.size
    turnout_sim = np.zeros((n, nsim))
    result_sim = np.zeros((n, nsim))
    for i in range(n):
        turnout_sim[i] = np.random.binomial(voters[i], given[i] / voters[i], nsim) / voters[i] * 100
        result_sim[i] = (
            np.random.binomial(received[i], leader[i] / received[i], nsim) / received[i] * 100
        )
    int_t = np.abs(turnout_sim - np.round(turnout_sim)) < 0.05
    int_s = np.abs(result_sim - np.round(result_sim)) < 0.05
    weights = {
        "stations": np.ones(n),
        "registered": voters.astype(float),
        "ballots": given.astype(float),
        "leader": leader.astype(float),
    }
    counts = {}
    for condition, indicator in (("turnout", int_t), ("share", int_s), ("either", int_t | int_s)):
        as_float = indicator.astype(float)
        for weight, w in weights.items():
            counts[(condition, weight)] = w @ as_float
    return counts


def measure(fn: Callable[[], Any], repeat: int = 1) -> tuple[float, float, Any]:
    """Best wall time of ``repeat`` untraced runs, then peak traced memory (MB) of one more.

    Tracing slows Python code, so time and memory come from separate runs.
    """
    best = float("inf")
    value: Any = None
    for _ in range(repeat):
        gc.collect()
        start = time.perf_counter()
        value = fn()
        best = min(best, time.perf_counter() - start)
    gc.collect()
    tracemalloc.start()
    fn()
    peak = tracemalloc.get_traced_memory()[1] / 2**20
    tracemalloc.stop()
    return best, peak, value


def measure_once(fn: Callable[[], Any]) -> tuple[float, float, Any]:
    """Wall time and growth of the process's peak RSS (MB) of one run (for the slow baseline)."""
    gc.collect()
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    start = time.perf_counter()
    value = fn()
    seconds = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return seconds, after - before, value


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--path", default=str(shared_data_path("elections", "ru", "2021.csv.zip")))
    parser.add_argument("--baseline-stations", type=int, default=0, metavar="N")
    args = parser.parse_args()

    results = read_results(args.path)
    mask = StationFilter().mask(results)
    idx = np.flatnonzero(mask)
    voters, given = results.registered[idx], results.issued[idx]
    received, leader = results.cast[idx], results.leader_votes[idx]
    print(f"data: {args.path}: {len(results):,} stations, {idx.size:,} after the 2016 filter")

    exact_t, exact_mem, exact = measure(lambda: integer_test(results, mc_draws=0), repeat=5)
    with_mc_t, with_mc_mem, with_mc = measure(
        lambda: integer_test(results, mc_draws=1000, mc_method="bernoulli"), repeat=3
    )
    binom_t, binom_mem, binom = measure(
        lambda: integer_test(results, mc_draws=1000, mc_method="binomial"), repeat=1
    )

    n_base = args.baseline_stations or idx.size
    sub = slice(0, n_base)
    base_t, base_mem, base = measure_once(
        lambda: baseline(voters[sub], given[sub], received[sub], leader[sub])
    )
    scale = idx.size / n_base
    base_t_full = base_t * scale
    label = "" if n_base == idx.size else f" (on {n_base:,} stations, extrapolated x{scale:.1f})"

    cell = exact.cell("either", "stations")
    print(
        f"observed either/stations {cell.observed:,.0f}; exact null {cell.null_mean:,.1f} "
        f"± {cell.null_sd:.1f}; excess {cell.excess:,.1f} (paper 1,309.8), p {cell.p_value:.1e}"
    )
    if n_base == idx.size:
        draws = base[("either", "stations")]
        print(
            f"baseline Monte Carlo null {draws.mean():,.1f} ± {draws.std(ddof=1):.1f}; "
            f"excess {cell.observed - draws.mean():,.1f}"
        )
    base_mem_full = base_mem * (scale if label else 1)
    print(
        f"baseline (published method, 1,000 draws){label}: "
        f"{base_t_full:8.2f} s  peak +{base_mem_full:7.0f} MB RSS"
    )
    print(f"integer test, exact null:                {exact_t:8.3f} s  peak {exact_mem:8.0f} MB")
    print(
        f"exact + 1,000-draw MC (bernoulli):       {with_mc_t:8.3f} s  peak {with_mc_mem:8.0f} MB"
    )
    print(f"exact + 1,000-draw MC (binomial redraw): {binom_t:8.3f} s  peak {binom_mem:8.0f} MB")
    print(f"MC means either/stations: bernoulli {with_mc.cell('either', 'stations').mc_mean:,.1f}, "
          f"binomial {binom.cell('either', 'stations').mc_mean:,.1f}")  # fmt: skip
    print(
        f"ratio baseline / exact integer test:     {base_t_full / exact_t:8.1f}x  (target >= 30x)"
    )
    print(f"ratio baseline / exact + MC (bernoulli): {base_t_full / with_mc_t:8.1f}x")


if __name__ == "__main__":
    main()
