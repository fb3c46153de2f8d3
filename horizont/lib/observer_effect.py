"""Observer effect: stations with and without an observer within the same commission.

The estimator is the within-commission (fixed-effects) difference: outcome and treatment
are demeaned per territorial commission (TIK), and the slope of one on the other is the
average difference between observed and unobserved stations of the same commission, as in
the studies of the Moscow 2011 election (Enikolopov et al., PNAS 2013). The 95% interval
uses standard errors clustered by commission; the p-value comes from a permutation test
that reshuffles which stations were observed within each commission.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

IntArray = npt.NDArray[np.int64]
BoolArray = npt.NDArray[np.bool_]
FloatArray = npt.NDArray[np.float64]


@dataclass(frozen=True)
class Effect:
    """Observed minus unobserved, within commissions (a share: 0.05 = 5 points)."""

    estimate: float
    low: float
    high: float
    p_value: float
    observed_mean: float
    unobserved_mean: float


@dataclass(frozen=True)
class ObserverEffect:
    stations: int
    observed: int
    commissions: int
    permutations: int
    turnout: Effect | None
    leader_share: Effect | None


def _demean(values: FloatArray, group: IntArray, groups: int) -> FloatArray:
    counts = np.bincount(group, minlength=groups).astype(np.float64)
    sums = np.bincount(group, weights=values, minlength=groups)
    return values - (sums / np.maximum(counts, 1.0))[group]


def observer_effect(
    commission: IntArray,
    observed: BoolArray,
    registered: IntArray,
    issued: IntArray,
    cast: IntArray,
    leader: IntArray,
    *,
    permutations: int = 200,
    seed: int = 0,
) -> ObserverEffect:
    """Turnout (issued / registered) and leader share (leader / cast), observed minus
    unobserved within commissions. Only commissions with both kinds of station count."""
    commission = np.asarray(commission, dtype=np.int64)
    observed = np.asarray(observed, dtype=np.bool_)
    registered = np.asarray(registered, dtype=np.int64)
    cast = np.asarray(cast, dtype=np.int64)
    usable = (registered > 0) & (cast > 0)
    _codes, group = np.unique(commission[usable], return_inverse=True)
    group = group.astype(np.int64)
    treated = observed[usable].astype(np.float64)
    groups = int(group.max()) + 1 if group.size else 0
    share = np.bincount(group, weights=treated, minlength=groups)
    size = np.bincount(group, minlength=groups)
    mixed_groups = (share > 0) & (share < size)
    keep = mixed_groups[group]
    # renumber the mixed commissions 0..k-1
    _kept, group = np.unique(group[keep], return_inverse=True)
    group = group.astype(np.int64)
    k = int(group.max()) + 1 if group.size else 0
    d = treated[keep]
    outcomes = {
        "turnout": (np.asarray(issued, dtype=np.float64)[usable] / registered[usable])[keep],
        "leader": (np.asarray(leader, dtype=np.float64)[usable] / cast[usable])[keep],
    }
    n_observed = int(d.sum())
    if k == 0 or n_observed == 0:
        return ObserverEffect(int(usable.sum()), int(observed[usable].sum()), 0, 0, None, None)
    d_tilde = _demean(d, group, k)
    s_dd = float(d_tilde @ d_tilde)
    y = np.column_stack([outcomes["turnout"], outcomes["leader"]])
    y_tilde = np.column_stack([_demean(y[:, j], group, k) for j in range(2)])
    beta = (d_tilde @ y_tilde) / s_dd
    # clustered (by commission) standard errors
    residual = y_tilde - np.outer(d_tilde, beta)
    scores = np.column_stack(
        [np.bincount(group, weights=d_tilde * residual[:, j], minlength=k) for j in range(2)]
    )
    n = d.shape[0]
    correction = k / max(k - 1, 1) * (n - 1) / max(n - k - 1, 1)
    se = np.sqrt((scores**2).sum(axis=0) * correction) / s_dd
    # permutation test: shuffle the treatment within commissions. The within-commission
    # means of d do not change, so only d_perm @ y_tilde must be recomputed.
    rng = np.random.default_rng(seed)
    observed_stat = np.abs(d @ y_tilde)
    exceed = np.zeros(2, dtype=np.int64)
    order_by_group = np.argsort(group, kind="stable")
    d_sorted = d[order_by_group]
    group_sorted = group[order_by_group].astype(np.float64)
    y_sorted = y_tilde[order_by_group]
    for _ in range(permutations):
        shuffled = np.argsort(group_sorted + rng.random(n), kind="quicksort")
        stat = np.abs(d_sorted[shuffled] @ y_sorted)
        exceed += stat >= observed_stat - 1e-12
    p_values = (exceed + 1) / (permutations + 1)
    effects = []
    for j, values in enumerate((outcomes["turnout"], outcomes["leader"])):
        effects.append(
            Effect(
                estimate=float(beta[j]),
                low=float(beta[j] - 1.96 * se[j]),
                high=float(beta[j] + 1.96 * se[j]),
                p_value=float(p_values[j]),
                observed_mean=float(values[d == 1].mean()),
                unobserved_mean=float(values[d == 0].mean()),
            )
        )
    return ObserverEffect(
        stations=int(n),
        observed=n_observed,
        commissions=k,
        permutations=permutations,
        turnout=effects[0],
        leader_share=effects[1],
    )
