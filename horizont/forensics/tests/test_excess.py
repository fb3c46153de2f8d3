"""Excess votes for the leader."""

from __future__ import annotations

import pytest

from horizont.forensics.excess import excess_votes
from horizont.forensics.model import Results
from horizont.forensics.tests.synthetic import clean_election, with_stuffing


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
