"""Synthetic elections with known amounts of planted fraud, for the engine's tests."""

from __future__ import annotations

from dataclasses import replace

import numpy as np

from horizont.forensics.model import Results


def results_from(
    registered: np.ndarray,
    issued: np.ndarray,
    invalid: np.ndarray,
    votes: np.ndarray,
    *,
    region: np.ndarray | None = None,
    tik: np.ndarray | None = None,
    party_names: tuple[str, ...] | None = None,
) -> Results:
    n = registered.size
    zeros = np.zeros(n, dtype=np.int64)
    valid = votes.sum(axis=1)
    return Results(
        source="synthetic",
        region=region if region is not None else np.full(n, "Region A"),
        oik=np.full(n, ""),
        tik=tik if tik is not None else np.full(n, "TIK 1"),
        uik=np.arange(1, n + 1, dtype=np.int64),
        registered=registered.astype(np.int64),
        received=registered.astype(np.int64),
        issued_early=zeros,
        issued_on_premises=issued.astype(np.int64),
        issued_outside=zeros,
        in_portable=zeros,
        in_stationary=(valid + invalid).astype(np.int64),
        invalid=invalid.astype(np.int64),
        valid=valid.astype(np.int64),
        votes=votes.astype(np.int64),
        party_names=party_names or tuple(f"Party {i + 1}" for i in range(votes.shape[1])),
        abroad=np.zeros(n, dtype=bool),
        remote=np.zeros(n, dtype=bool),
        rows=np.arange(2, n + 2, dtype=np.int64),
        title="synthetic",
    )


def clean_election(
    stations: int = 5000,
    *,
    seed: int = 0,
    regions: int = 4,
    tiks_per_region: int = 10,
    turnout: float = 0.5,
    turnout_sd: float = 0.08,
    share: float = 0.4,
    share_sd: float = 0.07,
    min_registered: int = 300,
    max_registered: int = 3000,
) -> Results:
    """An honest election: every count is binomial around smooth station rates."""
    rng = np.random.default_rng(seed)
    registered = rng.integers(min_registered, max_registered, stations)
    t = np.clip(rng.normal(turnout, turnout_sd, stations), 0.05, 0.95)
    s = np.clip(rng.normal(share, share_sd, stations), 0.02, 0.95)
    issued = rng.binomial(registered, t)
    cast = issued - rng.binomial(issued, 0.003)
    invalid = rng.binomial(cast, 0.015)
    valid = cast - invalid
    leader = rng.binomial(valid, s)
    rest = rng.multinomial(valid - leader, [0.5, 0.3, 0.2])
    votes = np.column_stack([leader, rest])
    region_index = rng.integers(0, regions, stations)
    region = np.array([f"Region {chr(65 + r)}" for r in region_index])
    tik_index = rng.integers(0, tiks_per_region, stations)
    tik = np.array([f"TIK {r}-{k}" for r, k in zip(region_index, tik_index, strict=True)])
    return results_from(registered, issued, invalid, votes, region=region, tik=tik)


def with_rounded_turnout(
    results: Results, fraction: float, *, seed: int = 1, region: str | None = None
) -> tuple[Results, np.ndarray]:
    """Rewrite ``fraction`` of the stations (≥ 1,000 voters) to a whole-percent turnout.

    Returns the new results and the indices of the rewritten stations.
    """
    rng = np.random.default_rng(seed)
    eligible = results.registered >= 1000
    if region is not None:
        eligible &= results.region == region
    candidates = np.flatnonzero(eligible)
    chosen = rng.choice(candidates, int(fraction * len(results)), replace=False)
    registered = results.registered
    issued = results.issued.copy()
    percent = np.rint(issued[chosen] / registered[chosen] * 100)
    new_issued = np.rint(registered[chosen] * percent / 100).astype(np.int64)
    delta = new_issued - issued[chosen]
    issued[chosen] = new_issued
    votes = results.votes.copy()
    votes[chosen, 0] = np.maximum(votes[chosen, 0] + delta, 0)  # the difference goes to the leader
    changed = replace(
        results,
        issued_on_premises=issued,
        issued_early=np.zeros_like(issued),
        issued_outside=np.zeros_like(issued),
        votes=votes,
        valid=votes.sum(axis=1),
        in_stationary=votes.sum(axis=1) + results.invalid,
    )
    return changed, chosen


def with_stuffing(
    results: Results, fraction: float, *, seed: int = 2, amount: float = 0.5
) -> tuple[Results, int]:
    """At ``fraction`` of the stations add ``amount`` of the non-voters as leader ballots.

    Returns the new results and the number of ballots added.
    """
    rng = np.random.default_rng(seed)
    chosen = rng.choice(len(results), int(fraction * len(results)), replace=False)
    issued = results.issued.copy()
    added = np.rint(amount * (results.registered[chosen] - issued[chosen])).astype(np.int64)
    issued[chosen] += added
    votes = results.votes.copy()
    votes[chosen, 0] += added
    changed = replace(
        results,
        issued_on_premises=issued,
        issued_early=np.zeros_like(issued),
        issued_outside=np.zeros_like(issued),
        votes=votes,
        valid=votes.sum(axis=1),
        in_stationary=votes.sum(axis=1) + results.invalid,
    )
    return changed, int(added.sum())


def klimek_election(
    stations: int = 20000,
    *,
    incremental: float = 0.0,
    extreme: float = 0.0,
    seed: int = 3,
    turnout: float = 0.45,
    turnout_sd: float = 0.07,
    share: float = 0.35,
    share_sd: float = 0.06,
) -> Results:
    """An election made by the fingerprint model with known fraud fractions."""
    rng = np.random.default_rng(seed)
    registered = rng.integers(800, 2500, stations)
    t = np.clip(rng.normal(turnout, turnout_sd, stations), 0.02, 0.98)
    v = np.clip(rng.normal(share, share_sd, stations), 0.02, 0.98)
    u = rng.random(stations)
    x = np.zeros(stations)
    inc = (u >= extreme) & (u < extreme + incremental)
    ext = u < extreme
    x[inc] = np.clip(np.abs(rng.normal(0, 0.075, inc.sum())), 0, 1)
    x[ext] = np.clip(1 - np.abs(rng.normal(0, 0.075, ext.sum())), 0, 1)
    new_t = t + x * (1 - t)
    leader_fraction = v * t + x * (1 - t) + x * (1 - v) * t
    issued = np.rint(registered * new_t).astype(np.int64)
    leader = np.minimum(np.rint(registered * leader_fraction).astype(np.int64), issued)
    others = issued - leader
    invalid = np.zeros(stations, dtype=np.int64)
    # the others split over three parties, each smaller than the leader
    first = others // 3
    second = (others - first) // 2
    votes = np.column_stack([leader, first, second, others - first - second])
    return results_from(registered, issued, invalid, votes)


def write_csv(results: Results, path: str, *, header_registered: bool = True) -> None:
    """Write results as a CEC-style CSV (Russian protocol column names)."""
    columns = ["region", "tik", "uik"]
    if header_registered:
        columns.append("Число избирателей, внесенных в список избирателей")
    columns += [
        "Число избирательных бюллетеней, выданных избирателям, проголосовавшим досрочно",
        "Число избирательных бюллетеней, выданных в помещении для голосования",
        "Число избирательных бюллетеней, выданных вне помещения для голосования",
        "Число недействительных избирательных бюллетеней",
        "Число действительных избирательных бюллетеней",
        *[f"{i + 1}. Партия {name}" for i, name in enumerate(results.party_names)],
    ]
    lines = [",".join(f'"{c}"' for c in columns)]
    for i in range(len(results)):
        row = [results.region[i], results.tik[i], str(results.uik[i])]
        if header_registered:
            row.append(str(results.registered[i]))
        row += [
            str(results.issued_early[i]),
            str(results.issued_on_premises[i]),
            str(results.issued_outside[i]),
            str(results.invalid[i]),
            str(results.valid[i]),
            *[str(v) for v in results.votes[i]],
        ]
        lines.append(",".join(f'"{c}"' for c in row))
    with open(path, "w", encoding="utf-8") as handle:
        handle.write("\n".join(lines) + "\n")
