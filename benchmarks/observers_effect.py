"""Benchmark: the observer-effect analysis on the 2021 State Duma election with 5,000
stations marked as observed (at random, so the true effect is zero).

Ours: ``horizont.lib.observer_effect`` (fixed effects by commission with clustered
errors, 200 within-commission permutations, all vectorised). Baseline in the same run:
the same analysis written as a loop over commissions, shuffling each commission's
stations with ``numpy.random.permutation`` for every permutation (as a notebook would).
Both report the same estimates. Run: ``python benchmarks/observers_effect.py``.
"""

from __future__ import annotations

import time

import numpy as np

from horizont.forensics.io import read_results
from horizont.lib.observer_effect import observer_effect
from horizont.lib.shared_data import shared_data_path

OBSERVED = 5_000
PERMUTATIONS = 200


def naive(commission, observed, registered, issued, cast, leader, permutations, seed=0):  # type: ignore[no-untyped-def]
    rng = np.random.default_rng(seed)
    usable = (registered > 0) & (cast > 0)
    turnout = issued[usable] / registered[usable]
    share = leader[usable] / cast[usable]
    commission, observed = commission[usable], observed[usable]
    groups = []
    for g in np.unique(commission):
        m = np.flatnonzero(commission == g)
        d = observed[m]
        if 0 < d.sum() < d.size:
            groups.append((m, d))
    results = []
    for values in (turnout, share):
        top = bottom = 0.0
        for m, d in groups:
            w = d.size * d.mean() * (1 - d.mean())
            top += w * (values[m][d].mean() - values[m][~d].mean())
            bottom += w
        estimate = top / bottom
        exceed = 0
        for _ in range(permutations):
            ptop = 0.0
            for m, d in groups:
                dp = rng.permutation(d)
                w = d.size * d.mean() * (1 - d.mean())
                ptop += w * (values[m][dp].mean() - values[m][~dp].mean())
            exceed += abs(ptop / bottom) >= abs(estimate)
        results.append((estimate, (exceed + 1) / (permutations + 1)))
    return results


def main() -> None:
    path = shared_data_path("elections", "ru", "2021.csv.zip")
    if not path.exists():
        raise SystemExit(f"{path} not found: this benchmark needs the real 2021 results")
    r = read_results(path)
    keep = ~r.remote
    _names, commission = np.unique(
        np.char.add(r.region[keep].astype(str), r.tik[keep].astype(str)), return_inverse=True
    )
    rng = np.random.default_rng(1)
    observed = np.zeros(int(keep.sum()), dtype=bool)
    observed[rng.choice(observed.size, OBSERVED, replace=False)] = True
    leader = r.votes[keep].max(axis=1)
    args = (commission, observed, r.registered[keep], r.issued[keep], r.cast[keep], leader)
    start = time.perf_counter()
    ours = observer_effect(*args, permutations=PERMUTATIONS)
    ours_time = time.perf_counter() - start
    start = time.perf_counter()
    base = naive(*args, permutations=PERMUTATIONS)
    base_time = time.perf_counter() - start
    assert ours.turnout is not None and ours.leader_share is not None
    assert abs(ours.turnout.estimate - base[0][0]) < 1e-9
    assert abs(ours.leader_share.estimate - base[1][0]) < 1e-9
    print(
        f"{path.name}: {len(r)} stations, {ours.stations} in {ours.commissions} commissions "
        f"with both kinds, {ours.observed} observed, {PERMUTATIONS} permutations"
    )
    t, s = ours.turnout, ours.leader_share
    print(f"turnout effect {t.estimate:+.4f} [{t.low:+.4f}, {t.high:+.4f}] p={t.p_value:.3f}")
    print(f"leader effect  {s.estimate:+.4f} [{s.low:+.4f}, {s.high:+.4f}] p={s.p_value:.3f}")
    print(f" vectorised: {ours_time:.2f} s")
    print(f"naive loop: {base_time:.2f} s")
    print(f"ratio naive / vectorised: {base_time / ours_time:.1f}x")


if __name__ == "__main__":
    main()
