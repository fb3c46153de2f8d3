"""Counting ballots: known answers, and properties checked against naive counts."""

from __future__ import annotations

import random

import numpy as np
import pytest

from horizont.lib import voting
from horizont.lib.voting import BallotError


def ballots(spec: list[tuple[int, list[int]]], n_options: int) -> np.ndarray:
    rankings = [ranking for count, ranking in spec for _ in range(count)]
    return voting.ranked_array(rankings, n_options)


def naive_irv(rankings: list[list[int]], n_options: int) -> int | None:
    continuing = set(range(n_options))
    history: list[list[int]] = []
    while continuing:
        counts = [0] * n_options
        for ranking in rankings:
            for option in ranking:
                if option in continuing:
                    counts[option] += 1
                    break
        history.append(counts)
        active = sum(counts)
        if active == 0:
            return None
        leader = max(sorted(continuing), key=lambda o: counts[o])
        if counts[leader] * 2 > active or len(continuing) == 1:
            return leader
        lowest = min(counts[o] for o in continuing)
        tied = [o for o in continuing if counts[o] == lowest]
        for earlier in reversed(history[:-1]):
            if len(tied) == 1:
                break
            fewest = min(earlier[o] for o in tied)
            tied = [o for o in tied if earlier[o] == fewest]
        continuing.remove(max(tied))
    return None


def naive_pairwise(rankings: list[list[int]], n_options: int) -> list[list[int]]:
    d = [[0] * n_options for _ in range(n_options)]
    for ranking in rankings:
        place = {o: i for i, o in enumerate(ranking)}
        for a in range(n_options):
            for b in range(n_options):
                if a != b and place.get(a, n_options) < place.get(b, n_options):
                    d[a][b] += 1
    return d


def random_rankings(rng: random.Random, n: int, n_options: int) -> list[list[int]]:
    result = []
    for _ in range(n):
        options = list(range(n_options))
        rng.shuffle(options)
        result.append(options[: rng.randint(1, n_options)])
    return result


def test_repeated_option_is_refused():
    with pytest.raises(BallotError, match="repeated"):
        voting.check_ranking([1, 2, 1], 3)
    with pytest.raises(BallotError, match="repeated"):
        voting.instant_runoff(np.array([[0, 0, -1]]), 3)


def test_unknown_option_and_gap_are_refused():
    with pytest.raises(BallotError, match="unknown"):
        voting.check_ranking([0, 5], 3)
    with pytest.raises(BallotError, match="gap"):
        voting.schulze(np.array([[0, -1, 1]]), 3)


def test_instant_runoff_transfers_votes_round_by_round():
    result = voting.instant_runoff(ballots([(40, [0, 1]), (35, [1, 0]), (25, [2, 1])], 3), 3)
    assert result.winner == 1
    first, second = result.rounds
    assert first.counts == (40, 35, 25) and first.eliminated == (2,)
    assert second.counts == (40, 60, 0) and second.elected == 1


def test_condorcet_winner_can_lose_instant_runoff_but_wins_schulze():
    spec = [(30, [1, 0, 2]), (35, [2, 0, 1]), (6, [0, 1, 2])]
    assert voting.instant_runoff(ballots(spec, 3), 3).winner == 1
    assert voting.schulze(ballots(spec, 3), 3).winners == (0,)


def test_schulze_wikipedia_example():
    a, b, c, d, e = range(5)
    spec = [
        (5, [a, c, b, e, d]),
        (5, [a, d, e, c, b]),
        (8, [b, e, d, a, c]),
        (3, [c, a, b, e, d]),
        (7, [c, a, e, b, d]),
        (2, [c, b, a, d, e]),
        (7, [d, c, e, b, a]),
        (8, [e, b, a, d, c]),
    ]
    result = voting.schulze(ballots(spec, 5), 5)
    assert result.winners == (e,)
    assert result.order == (e, a, c, b, d)
    assert result.pairwise[a][b] == 20 and result.paths[a][b] == 28


def test_exhausted_ballots_are_counted_as_such():
    result = voting.instant_runoff(ballots([(3, [0]), (2, [1]), (2, [2])], 3), 3)
    assert result.rounds[0].eliminated == (2,)  # tie 1-2 goes to the later option
    assert result.rounds[0].tie_broken
    assert result.rounds[1].exhausted == 2
    assert result.winner == 0


def test_no_ballots_no_winner():
    empty = np.zeros((0, 3), dtype=np.int64)
    assert voting.instant_runoff(empty, 3).winner is None
    assert voting.schulze(empty, 3).winners == ()


@pytest.mark.parametrize("seed", range(25))
def test_properties_against_naive_counts(seed):
    rng = random.Random(seed)
    n_options = rng.randint(2, 6)
    rankings = random_rankings(rng, rng.randint(1, 60), n_options)
    array = voting.ranked_array(rankings, n_options)
    assert voting.instant_runoff(array, n_options).winner == naive_irv(rankings, n_options)
    pairwise = naive_pairwise(rankings, n_options)
    result = voting.schulze(array, n_options)
    assert [list(row) for row in result.pairwise] == pairwise
    # A Condorcet winner is always the Schulze winner.
    for a in range(n_options):
        if all(pairwise[a][b] > pairwise[b][a] for b in range(n_options) if b != a):
            assert result.winners == (a,)
    # Order of ballots does not matter.
    shuffled = array[np.random.default_rng(seed).permutation(len(array))]
    assert voting.instant_runoff(shuffled, n_options) == voting.instant_runoff(array, n_options)
    # An option ranked first by a majority wins both.
    firsts = [r[0] for r in rankings]
    for option in set(firsts):
        if firsts.count(option) * 2 > len(rankings):
            assert voting.instant_runoff(array, n_options).winner == option
            assert voting.schulze(array, n_options).winners == (option,)


def test_single_multiple_and_score_counts():
    single = voting.count_single(np.array([0, 2, 2, 1]), 3)
    assert single.counts == (1, 1, 2) and single.winners == (2,) and single.share(2) == 0.5
    with pytest.raises(BallotError):
        voting.count_single(np.array([3]), 3)
    multiple = voting.count_multiple(np.array([[1, 1, 0], [0, 1, 0]], dtype=bool), 2)
    assert multiple.counts == (1, 2, 0) and multiple.winners == (1,)
    with pytest.raises(BallotError, match="too many"):
        voting.count_multiple(np.array([[1, 1, 1]], dtype=bool), 2)
    scores = voting.count_scores(np.array([[5, np.nan], [3, 4]]), 0, 5)
    assert scores.means == (4.0, 4.0) and scores.counts == (2, 1) and scores.winners == (0, 1)
    with pytest.raises(BallotError, match="range"):
        voting.count_scores(np.array([[6.0]]), 0, 5)
