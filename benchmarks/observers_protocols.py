"""Benchmark: 10,000 observers' protocol copies against the official results of the
2021 State Duma election (~96,000 stations).

Ours: ``horizont.lib.protocols.compare_protocols`` (keys matched with a sort and a binary
search, differences as one matrix subtraction). Baseline in the same run: the plain
approach, a dictionary from station to its official lines and a Python loop over the
copies and their lines. Both include building the station keys from region and number.
A twentieth of the copies get votes moved between the first two parties, so both must
find the same number of differing copies. Run: ``python benchmarks/observers_protocols.py``
(without ../shared/data it uses 96,000 synthetic stations and says so).
"""

from __future__ import annotations

import time

import numpy as np

from horizont.lib.protocols import compare_protocols
from horizont.lib.shared_data import shared_data_path

COPIES = 10_000


def official_tables() -> tuple[str, np.ndarray, np.ndarray, np.ndarray]:
    path = shared_data_path("elections", "ru", "2021.csv.zip")
    if path.exists():
        from horizont.forensics.io import read_results

        r = read_results(path)
        lines = np.column_stack(
            [r.registered, r.issued, r.invalid + r.valid, r.invalid, r.valid, r.votes]
        ).astype(np.int64)
        return f"{path.name} ({len(r)} stations)", r.region, r.uik.astype(np.int64), lines
    rng = np.random.default_rng(0)
    n = 96_000
    region = np.array([f"region {i % 90}" for i in range(n)])
    uik = np.arange(n, dtype=np.int64) // 90
    lines = rng.integers(0, 3000, size=(n, 19)).astype(np.int64)
    return "synthetic (../shared/data absent)", region, uik, lines


def keys_of(region: np.ndarray, uik: np.ndarray) -> np.ndarray:
    _names, code = np.unique(region, return_inverse=True)
    return code.astype(np.int64) * 1_000_000 + uik


def ours(region, uik, lines, copy_region, copy_uik, copy_lines):  # type: ignore[no-untyped-def]
    both = np.concatenate([region, copy_region])
    keys = keys_of(both, np.concatenate([uik, copy_uik]))
    official_keys, copy_keys = keys[: len(region)], keys[len(region) :]
    return compare_protocols(copy_keys, copy_lines, official_keys, lines).differing


def naive(region, uik, lines, copy_region, copy_uik, copy_lines):  # type: ignore[no-untyped-def]
    official = {}
    for i in range(len(region)):
        official[(str(region[i]), int(uik[i]))] = [int(x) for x in lines[i]]
    differing = 0
    for i in range(len(copy_region)):
        row = official.get((str(copy_region[i]), int(copy_uik[i])))
        if row is None:
            continue
        diff = [o - int(c) for o, c in zip(row, copy_lines[i], strict=True)]
        if any(diff):
            differing += 1
    return differing


def main() -> None:
    source, region, uik, lines = official_tables()
    # station numbers repeat across regions only; keep stations with a unique key
    keys = keys_of(region, uik)
    _unique, first, counts = np.unique(keys, return_index=True, return_counts=True)
    keep = np.sort(first[counts == 1])
    region, uik, lines = region[keep], uik[keep], lines[keep]
    rng = np.random.default_rng(42)
    pick = rng.choice(len(region), size=COPIES, replace=False)
    copy_region, copy_uik, copy_lines = region[pick], uik[pick], lines[pick].copy()
    moved = rng.choice(COPIES, size=COPIES // 20, replace=False)
    copy_lines[moved, 5] -= 10
    copy_lines[moved, 6] += 10
    args = (region, uik, lines, copy_region, copy_uik, copy_lines)
    timings = {}
    results = {}
    for name, fn in (("vectorised", ours), ("naive loop", naive)):
        best = float("inf")
        for _ in range(3):
            start = time.perf_counter()
            results[name] = fn(*args)
            best = min(best, time.perf_counter() - start)
        timings[name] = best
    assert results["vectorised"] == results["naive loop"], results
    print(f"official results: {source}; {len(region)} stations with a unique key")
    print(f"copies: {COPIES}, differing found: {results['vectorised']}")
    for name, seconds in timings.items():
        print(f"{name:>11}: {seconds:.3f} s (best of 3)")
    print(f"ratio naive / vectorised: {timings['naive loop'] / timings['vectorised']:.1f}x")


if __name__ == "__main__":
    main()
