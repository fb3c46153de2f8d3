"""Station flags: simple, explainable reasons to look closer at a polling station.

A flag is not proof of fraud; it marks a station whose numbers are unusual in a way
that fraud often produces and honest counting rarely does.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
from scipy.stats import poisson

from horizont.forensics.integer import is_integer_percent
from horizont.forensics.model import BoolArray, IntArray, Results

FLAG_NAMES = (
    "turnout_99",
    "integer_turnout",
    "integer_share",
    "identical_results",
    "small_count_anomaly",
)

#: stations below this size are not flagged for integer percentages or identical
#: results: small denominators make both common by chance
MIN_REGISTERED = 100


@dataclass(frozen=True)
class StationFlags:
    """One boolean column per flag (in ``FLAG_NAMES`` order) and their count per station."""

    names: tuple[str, ...]
    matrix: npt.NDArray[np.bool_]
    count: IntArray
    totals: dict[str, int]
    small_count_groups: tuple[tuple[str, str, int, int, int], ...]

    def flag(self, name: str) -> BoolArray:
        return np.asarray(self.matrix[:, self.names.index(name)], dtype=bool)

    def flagged(self) -> IntArray:
        """Indices of flagged stations, most flags first."""
        idx = np.flatnonzero(self.count > 0)
        return idx[np.argsort(-self.count[idx], kind="stable")]


def _identical(results: Results, tik_code: IntArray, eligible: BoolArray) -> BoolArray:
    """Stations of one TIK whose turnout and every party's share agree to 0.1 point."""
    with np.errstate(divide="ignore", invalid="ignore"):
        turnout = np.rint(results.issued / results.registered * 1000)
        shares = np.rint(results.votes / results.cast[:, None] * 1000)
    key = np.column_stack([tik_code, turnout, shares]).astype(np.float64)
    key = key[eligible]
    out = np.zeros(len(results), dtype=bool)
    if key.shape[0] == 0:
        return out
    _, inverse, counts = np.unique(key, axis=0, return_inverse=True, return_counts=True)
    out[np.flatnonzero(eligible)] = counts[inverse.ravel()] > 1
    return out


def _small_counts(
    results: Results, tik_code: IntArray, tik_names: npt.NDArray[np.str_]
) -> tuple[BoolArray, list[tuple[str, str, int, int, int]]]:
    """TIK × party groups with many 1s and 2s but too few 0s for Poisson-like counts.

    For Poisson counts P(0)·P(2) = P(1)²/2, so the expected number of zeros is about
    n1² / (2 n2); a group is flagged when zeros are far fewer (p < 1e-4, with
    n2 taken at the top of its range). Mixtures of Poisson counts only have *more* zeros.
    """
    votes = results.votes
    out = np.zeros(len(results), dtype=bool)
    groups: list[tuple[str, str, int, int, int]] = []
    n_tik = int(tik_code.max()) + 1 if tik_code.size else 0
    for party in range(votes.shape[1]):
        column = votes[:, party]
        n0 = np.bincount(tik_code, column == 0, minlength=n_tik)
        n1 = np.bincount(tik_code, column == 1, minlength=n_tik)
        n2 = np.bincount(tik_code, column == 2, minlength=n_tik)
        # n2 is itself noisy: take it at the top of its ~95 % range (conservative)
        n2_high = n2 + 2.0 * np.sqrt(n2) + 1.0
        expected0 = n1**2 / (2.0 * n2_high)
        suspicious = (n1 >= 5) & (n2 >= 5) & (poisson.cdf(n0, expected0) < 1e-4)
        for t in np.flatnonzero(suspicious):
            groups.append(
                (str(tik_names[t]), results.party_names[party], int(n0[t]), int(n1[t]), int(n2[t]))
            )
        hit = suspicious[tik_code] & ((column == 1) | (column == 2))
        out |= hit
    return out, groups


def station_flags(results: Results, *, window: float = 0.05) -> StationFlags:
    """Flag every station; see ``FLAG_NAMES`` for the reasons."""
    registered = results.registered
    big = registered >= MIN_REGISTERED
    with np.errstate(divide="ignore", invalid="ignore"):
        turnout = results.issued / registered
    turnout_99 = (turnout >= 0.99) & (registered > 0)
    int_turnout = big & is_integer_percent(results.issued, registered, window)
    int_share = big & is_integer_percent(results.leader_votes, results.cast, window)
    tik_key = np.char.add(np.char.add(results.region, "\x1f"), results.tik)
    tik_names, tik_code = np.unique(tik_key, return_inverse=True)
    tik_code = tik_code.ravel().astype(np.int64)
    identical = _identical(results, tik_code, big & (results.cast > 0) & ~results.remote)
    small, groups = _small_counts(results, tik_code, np.char.replace(tik_names, "\x1f", " / "))
    matrix = np.column_stack([turnout_99, int_turnout, int_share, identical, small])
    count = matrix.sum(axis=1).astype(np.int64)
    return StationFlags(
        names=FLAG_NAMES,
        matrix=matrix,
        count=count,
        totals={name: int(matrix[:, i].sum()) for i, name in enumerate(FLAG_NAMES)},
        small_count_groups=tuple(groups),
    )
