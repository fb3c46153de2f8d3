"""Counting ballots: single and multiple choice, score voting, instant-runoff and Schulze.

No Django here: the functions take numpy arrays of option indices and return frozen
dataclasses that say how the result came about, round by round, so that a results page
can explain it. Options are numbered ``0 … n_options - 1``.

Ranked ballots are an ``int`` array of shape ``(ballots, positions)``: row ``b`` lists the
options ballot ``b`` ranks, most preferred first, padded with ``-1``. Ballots that are
equal are counted once with a weight (``np.unique``), so the cost grows with the number
of *different* ballots rather than with the number of voters.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
from numpy.typing import NDArray

IntArray = NDArray[np.int64]
UNRANKED = -1


class BallotError(ValueError):
    """A ballot that cannot be counted (repeated option, unknown option, gap)."""


# --- Checking ballots ---------------------------------------------------------------


def check_ranking(ranking: list[int], n_options: int) -> list[int]:
    """Return ``ranking`` if it ranks distinct, known options; raise :class:`BallotError`."""
    if not ranking:
        raise BallotError("empty ranking")
    if any(option < 0 or option >= n_options for option in ranking):
        raise BallotError("unknown option")
    if len(set(ranking)) != len(ranking):
        raise BallotError("repeated option")
    return list(ranking)


def ranked_array(rankings: list[list[int]], n_options: int) -> IntArray:
    """Pack checked rankings into the padded ``(ballots, n_options)`` array."""
    array = np.full((len(rankings), max(n_options, 1)), UNRANKED, dtype=np.int64)
    for row, ranking in enumerate(rankings):
        check_ranking(ranking, n_options)
        array[row, : len(ranking)] = ranking
    return array


def _check_array(ballots: IntArray, n_options: int) -> IntArray:
    ballots = np.asarray(ballots, dtype=np.int64)
    if ballots.ndim != 2:
        raise BallotError("ballots must be a two-dimensional array")
    if ballots.size and (ballots.max() >= n_options or ballots.min() < UNRANKED):
        raise BallotError("unknown option")
    ranked = ballots >= 0
    # Padding only at the end: no ranked option after an unranked position.
    if ballots.shape[1] > 1 and np.any(~ranked[:, :-1] & ranked[:, 1:]):
        raise BallotError("gap in ranking")
    # Repeated options: sort each row; equal neighbours that are both ranked.
    ordered = np.sort(ballots, axis=1)
    if np.any((ordered[:, 1:] == ordered[:, :-1]) & (ordered[:, 1:] >= 0)):
        raise BallotError("repeated option")
    return ballots


def _distinct(ballots: IntArray) -> tuple[IntArray, IntArray]:
    if len(ballots) == 0:
        return ballots, np.zeros(0, dtype=np.int64)
    base = int(ballots.max()) + 2
    if base ** ballots.shape[1] < 2**62:
        # One integer per ballot (digits base ``options + 1``): much faster than
        # ``np.unique(axis=0)``, which compares rows as byte strings.
        powers = base ** np.arange(ballots.shape[1], dtype=np.int64)
        keys = (ballots + 1) @ powers
        _keys, first, counts = np.unique(keys, return_index=True, return_counts=True)
        return ballots[first], counts.astype(np.int64)
    unique, counts = np.unique(ballots, axis=0, return_counts=True)
    return unique.astype(np.int64), counts.astype(np.int64)


# --- Single choice, multiple choice, score -----------------------------------------


@dataclass(frozen=True)
class Tally:
    """Votes per option and the winners (all options sharing the top count)."""

    counts: tuple[int, ...]
    ballots: int
    winners: tuple[int, ...]

    def share(self, option: int) -> float:
        return self.counts[option] / self.ballots if self.ballots else 0.0


def _winners(values: NDArray[Any]) -> tuple[int, ...]:
    if len(values) == 0 or not np.any(values > 0):
        return ()
    top = values.max()
    return tuple(int(i) for i in np.flatnonzero(values == top))


def count_single(choices: IntArray, n_options: int) -> Tally:
    """Plurality: each ballot is one option index."""
    choices = np.asarray(choices, dtype=np.int64)
    if choices.size and (choices.min() < 0 or choices.max() >= n_options):
        raise BallotError("unknown option")
    counts = np.bincount(choices, minlength=n_options)
    return Tally(tuple(int(c) for c in counts), int(choices.size), _winners(counts))


def count_multiple(choices: NDArray[np.bool_], max_choices: int | None = None) -> Tally:
    """Approval-style multiple choice: ``choices[b, o]`` is True when ballot b ticks o."""
    choices = np.asarray(choices, dtype=bool)
    if choices.ndim != 2:
        raise BallotError("choices must be a two-dimensional array")
    ticked = choices.sum(axis=1)
    if max_choices is not None and np.any(ticked > max_choices):
        raise BallotError("too many options chosen")
    counts = choices.sum(axis=0)
    return Tally(tuple(int(c) for c in counts), int(choices.shape[0]), _winners(counts))


@dataclass(frozen=True)
class ScoreResult:
    """Score voting: mean and number of scores per option; winners by mean score."""

    means: tuple[float, ...]
    counts: tuple[int, ...]
    winners: tuple[int, ...]


def count_scores(scores: NDArray[np.float64], low: int, high: int) -> ScoreResult:
    """``scores[b, o]`` is ballot b's score for option o, NaN where it gave none."""
    scores = np.asarray(scores, dtype=np.float64)
    if scores.ndim != 2:
        raise BallotError("scores must be a two-dimensional array")
    given = ~np.isnan(scores)
    if np.any((scores[given] < low) | (scores[given] > high)):
        raise BallotError("score out of range")
    counts = given.sum(axis=0)
    sums = np.where(given, scores, 0.0).sum(axis=0)
    means = np.divide(sums, counts, out=np.zeros_like(sums), where=counts > 0)
    ranked = np.where(counts > 0, means, -np.inf)
    winners: tuple[int, ...] = ()
    if np.any(counts > 0):
        winners = tuple(int(i) for i in np.flatnonzero(ranked == ranked.max()))
    return ScoreResult(
        tuple(round(float(m), 4) for m in means), tuple(int(c) for c in counts), winners
    )


# --- Instant-runoff -----------------------------------------------------------------


@dataclass(frozen=True)
class RunoffRound:
    """One round: votes of the options still in the race, who was eliminated and why."""

    number: int
    counts: tuple[int, ...]  # per option; 0 for options already eliminated
    continuing: tuple[int, ...]
    exhausted: int  # ballots that rank none of the continuing options
    eliminated: tuple[int, ...]
    elected: int | None
    tie_broken: bool  # elimination needed a tie-break (earlier rounds, then option order)


@dataclass(frozen=True)
class RunoffResult:
    winner: int | None
    rounds: tuple[RunoffRound, ...]
    ballots: int


def _top_choices(ballots: IntArray, continuing: NDArray[np.bool_]) -> IntArray:
    """For each ballot, its highest-ranked continuing option, or -1."""
    valid = ballots >= 0
    alive = np.zeros(ballots.shape, dtype=bool)
    alive[valid] = continuing[ballots[valid]]
    has = alive.any(axis=1)
    first = alive.argmax(axis=1)
    top = ballots[np.arange(len(ballots)), first]
    return np.where(has, top, UNRANKED)


def instant_runoff(ballots: IntArray, n_options: int) -> RunoffResult:
    """Instant-runoff voting with every round recorded.

    Each round counts every ballot for its highest-ranked continuing option. An option
    with more than half of the ballots that still count wins. Otherwise the option with
    the fewest votes is eliminated; a tie for fewest goes to the option that had fewer
    votes in the latest earlier round where they differed, then to the later option in
    the list (a fixed, published rule rather than chance).
    """
    ballots = _check_array(ballots, n_options)
    unique, weights = _distinct(ballots)
    continuing = np.ones(n_options, dtype=bool)
    history: list[IntArray] = []
    rounds: list[RunoffRound] = []
    total = int(weights.sum())
    winner: int | None = None
    number = 0
    if total == 0:
        return RunoffResult(None, (), 0)
    while continuing.any():
        number += 1
        tops = _top_choices(unique, continuing) if len(unique) else np.zeros(0, np.int64)
        counted = tops >= 0
        counts = np.bincount(tops[counted], weights=weights[counted], minlength=n_options)
        counts = np.rint(counts).astype(np.int64)
        history.append(counts)
        active = int(counts.sum())
        exhausted = total - active
        alive = np.flatnonzero(continuing)
        leader = int(alive[np.argmax(counts[alive])])
        if (active > 0 and counts[leader] * 2 > active) or len(alive) == 1:
            winner = leader if counts[leader] > 0 else None
            rounds.append(
                RunoffRound(
                    number,
                    tuple(int(c) for c in counts),
                    tuple(int(o) for o in alive),
                    exhausted,
                    (),
                    winner,
                    False,
                )
            )
            break
        lowest = counts[alive].min()
        tied = [int(o) for o in alive if counts[o] == lowest]
        tie_broken = len(tied) > 1
        for earlier in reversed(history[:-1]):
            if len(tied) == 1:
                break
            fewest = min(int(earlier[o]) for o in tied)
            tied = [o for o in tied if int(earlier[o]) == fewest]
        loser = max(tied)
        continuing[loser] = False
        rounds.append(
            RunoffRound(
                number,
                tuple(int(c) for c in counts),
                tuple(int(o) for o in alive),
                exhausted,
                (loser,),
                None,
                tie_broken,
            )
        )
    return RunoffResult(winner, tuple(rounds), total)


# --- Schulze ------------------------------------------------------------------------


@dataclass(frozen=True)
class SchulzeResult:
    """Pairwise preferences, strongest paths, the resulting order and the winners.

    ``pairwise[a][b]`` is the number of ballots that rank ``a`` above ``b`` (a ranked
    option is above every unranked one). ``paths[a][b]`` is the strength of the strongest
    path from a to b. ``a`` beats ``b`` when ``paths[a][b] > paths[b][a]``; ``order`` lists
    the options by how many others they beat.
    """

    pairwise: tuple[tuple[int, ...], ...]
    paths: tuple[tuple[int, ...], ...]
    order: tuple[int, ...]
    winners: tuple[int, ...]
    ballots: int


def pairwise_preferences(ballots: IntArray, n_options: int) -> IntArray:
    """Matrix ``d[a, b]``: ballots that prefer option a to option b."""
    ballots = _check_array(ballots, n_options)
    unique, weights = _distinct(ballots)
    d = np.zeros((n_options, n_options), dtype=np.int64)
    if len(unique) == 0:
        return d
    # position[b, o]: where ballot b ranks option o; unranked options share the last place.
    position = np.full((len(unique), n_options), n_options, dtype=np.int64)
    rows, cols = np.nonzero(unique >= 0)
    position[rows, unique[rows, cols]] = cols
    for a in range(n_options):
        prefers = position[:, a, None] < position  # (distinct ballots, options)
        d[a] = weights @ prefers
    return d


def schulze(ballots: IntArray, n_options: int) -> SchulzeResult:
    """The Schulze method (widest paths over the pairwise-defeat graph)."""
    d = pairwise_preferences(ballots, n_options)
    p = np.where(d > d.T, d, 0)
    for i in range(n_options):
        # Widest-path relaxation through i, for all pairs at once.
        p = np.maximum(p, np.minimum(p[:, i, None], p[None, i, :]))
    np.fill_diagonal(p, 0)
    beats = p > p.T
    wins = beats.sum(axis=1)
    order = tuple(int(o) for o in sorted(range(n_options), key=lambda o: (-wins[o], o)))
    winners = tuple(int(o) for o in range(n_options) if not beats[:, o].any())
    if int(np.asarray(ballots).shape[0]) == 0:
        winners = ()
    return SchulzeResult(
        tuple(tuple(int(x) for x in row) for row in d),
        tuple(tuple(int(x) for x in row) for row in p),
        order,
        winners,
        int(np.asarray(ballots).shape[0]),
    )
