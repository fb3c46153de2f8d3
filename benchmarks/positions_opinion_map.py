"""Benchmark: the opinion map for 10,000 participants × 1,000 statements, 30 % of votes
present (issue 16: ≤ 10 s on 2 cores and ≤ 1 GB).

Ours: ``horizont.lib.opinion.compute_map`` (sparse centred matrix, truncated SVD, k-means
for k = 2 … 5 with a sampled silhouette, repness and consensus from sparse group sums).
Baseline, in the same run on the same votes: the textbook dense route — build the full
participants × statements matrix, impute missing votes with the column mean, full SVD
(``numpy.linalg.svd``), then the same clustering. Prints time, peak resident memory of
each (measured in a fresh child process) and the ratio.
Run: ``python benchmarks/positions_opinion_map.py`` (``--participants``/``--statements``
to scale down for a quick look).
"""

from __future__ import annotations

import argparse
import multiprocessing
import resource
import time

import numpy as np

from horizont.lib import opinion


def _votes(n: int, m: int, density: float):
    return opinion.simulate(n, m, density=density, groups=3, consensus=20, seed=7)


def run_ours(n: int, m: int, density: float, queue) -> None:
    who, what, values, camp = _votes(n, m, density)
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    start = time.perf_counter()
    result = opinion.compute_map(who, what, values, n_participants=n, n_statements=m)
    elapsed = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    queue.put(("ours", elapsed, peak / 1024, before / 1024, opinion.summary_line(result)))


def run_baseline(n: int, m: int, density: float, queue) -> None:
    who, what, values, camp = _votes(n, m, density)
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    start = time.perf_counter()
    dense = np.full((n, m), np.nan)
    dense[who, what] = values
    means = np.nanmean(dense, axis=0)
    filled = np.where(np.isnan(dense), means[None, :], dense) - means[None, :]
    _u, _s, vt = np.linalg.svd(filled, full_matrices=False)
    points = filled @ vt[:2].T
    best = -1.0
    for k in range(2, 6):
        labels, _c, _i = opinion.kmeans(points, k, seed=k)
        best = max(best, opinion.silhouette(points, labels))
    elapsed = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    queue.put(("baseline", elapsed, peak / 1024, before / 1024, f"silhouette {best:.2f}"))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--participants", type=int, default=10_000)
    parser.add_argument("--statements", type=int, default=1_000)
    parser.add_argument("--density", type=float, default=0.3)
    args = parser.parse_args()
    shape = (args.participants, args.statements, args.density)
    results = {}
    for target in (run_ours, run_baseline):
        queue: multiprocessing.Queue = multiprocessing.Queue()
        child = multiprocessing.Process(target=target, args=(*shape, queue))
        child.start()
        name, elapsed, peak, before, note = queue.get()
        child.join()
        results[name] = elapsed
        print(
            f"{name:9s} {elapsed:7.2f} s   peak RSS {peak:7.0f} MB "
            f"(votes alone {before:5.0f} MB)   {note}"
        )
    print(
        f"{args.participants:,} × {args.statements:,}, {args.density:.0%} of votes present; "
        f"target ≤ 10 s and ≤ 1 GB"
    )
    print(f"ratio baseline / ours: {results['baseline'] / results['ours']:.1f}×")


if __name__ == "__main__":
    main()
