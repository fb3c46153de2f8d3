"""The Klimek et al. fingerprint fit."""

from __future__ import annotations

import pytest

from horizont.forensics.fingerprint import fingerprint
from horizont.forensics.tests.synthetic import klimek_election


def test_planted_fraud_fractions_are_recovered() -> None:
    election = klimek_election(20_000, incremental=0.25, extreme=0.05, seed=41)
    result = fingerprint(election, bootstrap=10, seed=1)
    assert result.incremental == pytest.approx(0.25, abs=0.05)
    assert result.extreme == pytest.approx(0.05, abs=0.02)
    assert result.incremental_low <= result.incremental <= result.incremental_high
    assert result.extreme_low <= result.extreme <= result.extreme_high


def test_clean_election_shows_no_fraud() -> None:
    election = klimek_election(20_000, seed=42)
    result = fingerprint(election, bootstrap=10, seed=1)
    assert result.incremental < 0.05
    assert result.extreme < 0.01
    assert result.clean_turnout == pytest.approx(0.45, abs=0.03)
    assert result.clean_share == pytest.approx(0.35, abs=0.03)


def test_bootstrap_intervals_are_not_stuck_on_the_grid() -> None:
    election = klimek_election(20_000, incremental=0.25, extreme=0.05, seed=43)
    result = fingerprint(election, bootstrap=10, seed=2)
    assert result.incremental_high > result.incremental_low
    assert result.extreme_high > result.extreme_low
    # sub-grid estimates: not every value is a multiple of the 0.01 grid step
    assert abs(result.incremental * 100 - round(result.incremental * 100)) > 1e-9
