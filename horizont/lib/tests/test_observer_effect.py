"""Observer effect: a planted difference within commissions is found with an interval
that covers it; no difference gives no signal; commission-level differences are not
mistaken for an effect."""

import numpy as np

from horizont.lib.observer_effect import observer_effect


def _synthetic(effect: float, *, seed: int = 3, commissions: int = 150, per: int = 30):
    rng = np.random.default_rng(seed)
    commission = np.repeat(np.arange(commissions), per)
    n = commission.size
    base = rng.uniform(0.3, 0.8, commissions)[commission]  # commissions differ a lot
    observed = rng.random(n) < 0.2 + 0.3 * (base > 0.6)  # and observers go where turnout is high
    turnout = np.clip(base + rng.normal(0, 0.03, n) - effect * observed, 0.05, 0.95)
    registered = np.full(n, 2000)
    issued = np.round(turnout * registered).astype(np.int64)
    cast = issued
    leader = np.round(issued * np.clip(0.5 - effect * observed + rng.normal(0, 0.03, n), 0, 1))
    return commission, observed, registered, issued, cast, leader.astype(np.int64)


def _within_difference(commission, observed, values):
    """The fixed-effects slope written out: within-commission differences, weighted."""
    top = bottom = 0.0
    for g in np.unique(commission):
        m = commission == g
        d, y = observed[m], values[m]
        if 0 < d.sum() < d.size:
            w = d.size * d.mean() * (1 - d.mean())
            top += w * (y[d].mean() - y[~d].mean())
            bottom += w
    return top / bottom


def test_planted_effect_is_found_within_commissions():
    data = _synthetic(0.05)
    result = observer_effect(*data, permutations=200)
    assert result.turnout is not None and result.leader_share is not None
    assert result.turnout.low < -0.05 < result.turnout.high
    assert result.turnout.p_value < 0.01
    expected = _within_difference(data[0], data[1], data[3] / data[2])
    assert abs(result.turnout.estimate - expected) < 1e-9
    # the plain comparison is fooled by where observers went; the within one is not
    naive = result.turnout.observed_mean - result.turnout.unobserved_mean
    assert naive > 0 > result.turnout.estimate


def test_no_effect_gives_no_signal():
    result = observer_effect(*_synthetic(0.0), permutations=200)
    assert result.turnout.low < 0 < result.turnout.high
    assert result.turnout.p_value > 0.05
    assert result.leader_share.low < 0 < result.leader_share.high


def test_commissions_without_both_kinds_are_left_out():
    commission = np.array([1, 1, 2, 2])
    observed = np.array([True, False, True, True])
    ones = np.array([100, 100, 100, 100])
    result = observer_effect(commission, observed, ones, np.array([50, 60, 70, 80]), ones, ones)
    assert result.commissions == 1 and result.stations == 2 and result.observed == 1
    assert abs(result.turnout.estimate - (-0.1)) < 1e-12


def test_nothing_observed():
    ones = np.ones(3, dtype=np.int64)
    result = observer_effect(np.zeros(3), np.zeros(3, dtype=bool), ones, ones, ones, ones)
    assert result.turnout is None and result.commissions == 0
