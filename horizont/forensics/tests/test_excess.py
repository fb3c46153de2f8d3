"""Excess votes for the leader."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest

from horizont.forensics.excess import excess_votes
from horizont.forensics.model import Results
from horizont.forensics.tests.synthetic import clean_election, results_from, with_stuffing


@pytest.mark.slow
def test_2021_united_russia_excess_lies_in_the_published_range(results_2021: Results) -> None:
    result = excess_votes(results_2021)
    assert 13e6 <= result.excess_votes <= 15.5e6
    assert 13e6 <= result.range_low <= result.excess_votes <= result.range_high <= 15.5e6
    assert 35 < result.clean_turnout < 40
    assert len(result.assumptions) >= 3


def test_planted_stuffing_is_recovered() -> None:
    election = clean_election(20_000, seed=31, turnout=0.4, turnout_sd=0.06, share_sd=0.04)
    stuffed, planted = with_stuffing(election, 0.2, amount=0.4, seed=4)
    result = excess_votes(stuffed)
    assert result.excess_votes == pytest.approx(planted, rel=0.15)


def test_clean_election_has_hardly_any_excess() -> None:
    election = clean_election(20_000, seed=32, turnout=0.4, turnout_sd=0.06, share_sd=0.04)
    result = excess_votes(election)
    assert abs(result.excess_votes) < 0.02 * election.leader_votes.sum()


def test_when_most_stations_are_stuffed_the_clean_peak_is_the_low_mode() -> None:
    election = clean_election(20_000, seed=33, turnout=0.4, turnout_sd=0.05, share_sd=0.04)
    rng = np.random.default_rng(5)
    # 80 % of stations get 20-90 % of their non-voters as leader ballots
    added = np.where(
        rng.random(len(election)) < 0.8,
        np.rint(rng.uniform(0.2, 0.9, len(election)) * (election.registered - election.issued)),
        0,
    ).astype(np.int64)
    votes = election.votes.copy()
    votes[:, 0] += added
    stuffed = replace(
        election,
        issued_on_premises=election.issued_on_premises + added,
        votes=votes,
        valid=votes.sum(axis=1),
    )
    result = excess_votes(stuffed)
    assert result.peak is not None
    assert result.peak.global_mode > 60  # the highest peak lies in the stuffed region
    assert 37 <= result.clean_turnout <= 43
    assert result.excess_votes == pytest.approx(added.sum(), rel=0.05)
    assert result.assumptions_hold


def test_a_share_rising_through_the_peak_is_reported_as_failed_assumption() -> None:
    rng = np.random.default_rng(34)
    n = 20_000
    registered = rng.integers(500, 2500, n)
    turnout = np.clip(rng.normal(0.5, 0.1, n), 0.05, 0.95)
    issued = np.rint(registered * turnout).astype(np.int64)
    share = np.clip(0.1 + 1.2 * (turnout - 0.3), 0.02, 0.98)  # 1.2 points per point
    leader = rng.binomial(issued, share)
    votes = np.column_stack([leader, issued - leader])
    result = excess_votes(results_from(registered, issued, np.zeros(n, np.int64), votes))
    assert not result.assumptions_hold
    assert any("not flat" in p for p in result.problems)
