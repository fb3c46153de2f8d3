"""The integer-percentage test: exact null, Monte Carlo, synthetic and real elections."""

from __future__ import annotations

import numpy as np
import pytest
from scipy.stats import binom

from horizont.forensics.integer import (
    CONDITIONS,
    WEIGHTS,
    StationFilter,
    integer_probability,
    integer_test,
    is_integer_percent,
)
from horizont.forensics.model import Results
from horizont.forensics.tests.synthetic import clean_election, with_rounded_turnout


def test_whole_percent_window_is_plus_minus_five_hundredths() -> None:
    k = np.array([500, 501, 500, 1, 7, 0])
    n = np.array([1000, 1000, 1001, 3, 10, 0])
    # 50.0 %, 50.1 %, 49.95 % (edge), 33.3 %, 70 %, undefined
    assert is_integer_percent(k, n).tolist() == [True, False, True, False, True, False]
    assert is_integer_percent([1010, 1005], [2000, 2000], offset=0.5).tolist() == [True, False]


def test_exact_probability_equals_brute_force_sum() -> None:
    rng = np.random.default_rng(0)
    n = np.concatenate([rng.integers(1, 400, 60), rng.integers(1000, 6000, 20), [100, 200, 0]])
    p = np.concatenate([rng.uniform(0, 1, 80), [0.0, 1.0, 0.5]])
    for offset in (0.0, 0.5):
        fast = integer_probability(n, p, offset=offset)
        for i in range(n.size):
            k = np.arange(n[i] + 1)
            mask = is_integer_percent(k, np.full(k.size, n[i]), offset=offset)
            slow = binom.pmf(k[mask], n[i], p[i]).sum() if n[i] else 0.0
            assert fast[i] == pytest.approx(slow, abs=1e-9)


def test_clean_election_shows_no_anomaly() -> None:
    # per cell the one-sided test has the error rate it states: judge at alpha = 0.001
    election = clean_election(20_000, seed=11)
    result = integer_test(election, mc_draws=0)
    for cell in result.cells:
        assert cell.p_value > 0.001, cell


def test_clean_elections_reject_at_the_stated_rate() -> None:
    rejections = 0
    trials = 60
    for seed in range(trials):
        result = integer_test(clean_election(2000, seed=100 + seed), mc_draws=0)
        rejections += result.cell("either", "stations").p_value < 0.05
    # 5 % expected; allow sampling noise (binomial 60 x 0.05: P(>= 10) < 1 %)
    assert rejections < 10


def test_planted_rounding_is_recovered() -> None:
    election = clean_election(20_000, seed=12)
    rounded, chosen = with_rounded_turnout(election, 0.05, seed=3)
    result = integer_test(rounded, mc_draws=0)
    cell = result.cell("turnout", "stations")
    # stations already integer by chance stay integer; the rest become integer
    planted = chosen.size * (1 - 0.1)
    assert cell.excess == pytest.approx(planted, abs=4 * cell.null_sd + 0.02 * planted)
    assert cell.p_value < 1e-6
    assert result.cell("share", "stations").p_value > 0.001


def test_monte_carlo_agrees_with_the_exact_null() -> None:
    election = clean_election(5000, seed=13)
    for method in ("binomial", "bernoulli"):
        result = integer_test(election, mc_draws=400, seed=1, mc_method=method)  # type: ignore[arg-type]
        for cell in result.cells:
            assert cell.mc_mean is not None and cell.mc_sd is not None
            assert cell.mc_mean == pytest.approx(cell.null_mean, abs=5 * cell.null_sd / 20)
            assert cell.mc_sd == pytest.approx(cell.null_sd, rel=0.2)


def test_monte_carlo_is_reproducible_whatever_the_number_of_threads() -> None:
    election = clean_election(3000, seed=14)
    one = integer_test(election, mc_draws=60, seed=7, workers=1, mc_method="binomial")
    two = integer_test(election, mc_draws=60, seed=7, workers=2, mc_method="binomial")
    other = integer_test(election, mc_draws=60, seed=8, workers=2, mc_method="binomial")
    key = "either/registered"
    np.testing.assert_array_equal(one.mc_counts[key], two.mc_counts[key])
    assert not np.array_equal(one.mc_counts[key], other.mc_counts[key])


def test_filter_of_the_2016_paper() -> None:
    election = clean_election(100, seed=15)
    f = StationFilter()
    mask = f.mask(election)
    turnout = election.issued / election.registered
    assert (election.registered[mask] >= 100).all()
    assert (turnout[mask] <= 0.99).all()


@pytest.mark.slow
def test_2021_integer_counts_and_excess_match_the_paper(results_2021: Results) -> None:
    result = integer_test(results_2021, mc_draws=1000, seed=0)
    assert result.n_stations == 90_821
    assert int(result.integer_turnout.sum()) == 9_949
    assert int(result.integer_share.sum()) == 10_173
    assert int((result.integer_turnout | result.integer_share).sum()) == 18_879
    cell = result.cell("either", "stations")
    # the published 1,309.8 comes from 1,000 draws: its Monte Carlo error is sd / sqrt(1000)
    mc_error = cell.null_sd / np.sqrt(1000)
    assert abs(cell.excess - 1309.8) < 3 * mc_error
    assert cell.p_value < 0.001
    assert cell.mc_p_value is not None and cell.mc_p_value < 0.001
    assert cell.mc_mean == pytest.approx(cell.null_mean, abs=4 * mc_error)
    assert {(c.condition, c.weight) for c in result.cells} == {
        (c, w) for c in CONDITIONS for w in WEIGHTS
    }


def test_conditional_null_agrees_with_its_monte_carlo() -> None:
    election = clean_election(1500, seed=16)
    result = integer_test(election, mc_draws=300, seed=2, mc_method="binomial", null="conditional")
    independent = integer_test(election, mc_draws=0)
    for cell in result.cells:
        assert cell.mc_mean is not None
        assert cell.mc_mean == pytest.approx(cell.null_mean, abs=5 * cell.null_sd / np.sqrt(300))
    # the turnout part of the null does not depend on how the share is redrawn
    assert result.cell("turnout", "stations").null_mean == pytest.approx(
        independent.cell("turnout", "stations").null_mean, rel=1e-9
    )
    assert result.null == "conditional"
