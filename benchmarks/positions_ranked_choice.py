"""Benchmark: ranked-choice results for 100,000 ballots × 10 options (issue 16: ≤ 2 s).

Ours: ``horizont.lib.voting.instant_runoff`` and ``schulze`` (numpy; equal ballots counted
once with a weight). Baseline, in the same run on the same ballots: a naive pure-Python
count (a loop over ballots per round for instant-runoff; a loop over ballots and option
pairs for Schulze's pairwise matrix). Ballots are drawn so that they resemble real ones:
options have different popularity, ballots rank 1 … 10 options, many ballots repeat.
Both must agree on the winners. Run: ``python benchmarks/positions_ranked_choice.py``.
"""

from __future__ import annotations

import argparse
import time

import numpy as np

from horizont.lib import voting


def make_ballots(n: int, k: int, seed: int = 0) -> np.ndarray:
    rng = np.random.default_rng(seed)
    popularity = rng.dirichlet(np.ones(k) * 2)
    # Plackett–Luce orderings by Gumbel noise on log-popularity.
    keys = np.log(popularity)[None, :] + rng.gumbel(size=(n, k))
    order = np.argsort(-keys, axis=1)
    lengths = rng.integers(1, k + 1, size=n)
    order[np.arange(k)[None, :] >= lengths[:, None]] = -1
    return order.astype(np.int64)


def naive(ballots: list[list[int]], k: int) -> tuple[int | None, list[int]]:
    continuing = set(range(k))
    winner = None
    while continuing:
        counts = dict.fromkeys(continuing, 0)
        for ballot in ballots:
            for option in ballot:
                if option in continuing:
                    counts[option] += 1
                    break
        active = sum(counts.values())
        leader = max(sorted(counts), key=lambda o: counts[o])
        if counts[leader] * 2 > active or len(continuing) == 1:
            winner = leader
            break
        lowest = min(counts.values())
        continuing.remove(max(o for o in counts if counts[o] == lowest))
    d = [[0] * k for _ in range(k)]
    for ballot in ballots:
        place = {o: i for i, o in enumerate(ballot)}
        for a in range(k):
            for b in range(k):
                if a != b and place.get(a, k) < place.get(b, k):
                    d[a][b] += 1
    p = [[d[i][j] if d[i][j] > d[j][i] else 0 for j in range(k)] for i in range(k)]
    for i in range(k):
        for j in range(k):
            if i != j:
                for m in range(k):
                    if i != m and j != m:
                        p[j][m] = max(p[j][m], min(p[j][i], p[i][m]))
    winners = [a for a in range(k) if all(p[a][b] >= p[b][a] for b in range(k) if b != a)]
    return winner, winners


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--ballots", type=int, default=100_000)
    parser.add_argument("--options", type=int, default=10)
    args = parser.parse_args()
    ballots = make_ballots(args.ballots, args.options)
    as_lists = [[int(o) for o in row if o >= 0] for row in ballots]
    print(
        f"{args.ballots:,} ballots × {args.options} options, "
        f"{len(np.unique(ballots, axis=0)):,} different ballots"
    )

    start = time.perf_counter()
    runoff = voting.instant_runoff(ballots, args.options)
    schulze = voting.schulze(ballots, args.options)
    ours = time.perf_counter() - start

    start = time.perf_counter()
    naive_runoff, naive_schulze = naive(as_lists, args.options)
    base = time.perf_counter() - start

    assert runoff.winner == naive_runoff, (runoff.winner, naive_runoff)
    assert list(schulze.winners) == naive_schulze, (schulze.winners, naive_schulze)
    print(
        f"instant-runoff winner {runoff.winner} after {len(runoff.rounds)} rounds; "
        f"Schulze winners {schulze.winners}"
    )
    print(f"ours (numpy, IRV + Schulze):      {ours:8.3f} s   (target ≤ 2 s)")
    print(f"baseline (naive pure Python):     {base:8.3f} s")
    print(f"ratio baseline / ours:            {base / ours:8.1f}×")


if __name__ == "__main__":
    main()
