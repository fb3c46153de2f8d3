"""The election fingerprint of Klimek, Yegorov, Hanel & Thurner (PNAS 2012).

The two-dimensional histogram of turnout × leader share is compared with a model in
which clean stations scatter normally around the clean peak, a fraction ``f_i`` of
stations add *incremental* fraud (a small fraction ``x ~ |N(0, 0.075)|`` of the
non-voters' ballots and of the other parties' votes go to the leader) and a fraction
``f_e`` *extreme* fraud (almost all of them: ``x ~ 1 − |N(0, 0.075)|``). The fitted
fractions minimise the squared difference of the normalised histograms over a fine
grid; bootstrap over stations gives their intervals. The clean peak's parameters are
estimated once from the data (mode and the spread of its low side) and held fixed.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from horizont.forensics.model import BoolArray, FloatArray, Results

FRAUD_SPREAD = 0.075
GRID_STEP = 0.005
BINS = 50


@dataclass(frozen=True)
class Fingerprint:
    """Fitted fraud fractions with bootstrap intervals, and the histograms to draw."""

    stations: int
    clean_turnout: float
    clean_turnout_sd: float
    clean_share: float
    clean_share_sd: float
    incremental: float
    incremental_low: float
    incremental_high: float
    extreme: float
    extreme_low: float
    extreme_high: float
    bootstrap: int
    observed: FloatArray
    model: FloatArray
    edges: FloatArray


def _clean_peak(turnout: FloatArray, share: FloatArray) -> tuple[float, float, float, float]:
    edges = np.linspace(0, 1, 101)
    hist, _ = np.histogram(turnout, edges)
    smooth = np.convolve(hist, np.ones(5) / 5.0, mode="same")
    centres = (edges[:-1] + edges[1:]) / 2
    smooth[(centres < 0.05) | (centres > 0.9)] = -1
    t0 = float(centres[int(np.argmax(smooth))])
    low = turnout[turnout < t0]
    sd_t = float(np.sqrt(np.mean((low - t0) ** 2))) if low.size > 10 else 0.05
    near = np.abs(turnout - t0) <= max(sd_t, 0.01)
    v_near = share[near] if near.sum() > 10 else share
    hist_v, _ = np.histogram(v_near, edges)
    smooth_v = np.convolve(hist_v, np.ones(5) / 5.0, mode="same")
    v0 = float(centres[int(np.argmax(smooth_v))])
    low_v = v_near[v_near < v0]
    sd_v = float(np.sqrt(np.mean((low_v - v0) ** 2))) if low_v.size > 10 else 0.05
    return t0, max(sd_t, 0.005), v0, max(sd_v, 0.005)


def _bin(turnout: FloatArray, share: FloatArray) -> npt.NDArray[np.int64]:
    ti = np.clip((turnout * BINS).astype(np.int64), 0, BINS - 1)
    vi = np.clip((share * BINS).astype(np.int64), 0, BINS - 1)
    return ti * BINS + vi


def _versions(
    n: int, t0: float, sd_t: float, v0: float, sd_v: float, rng: np.random.Generator
) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64], npt.NDArray[np.int64], FloatArray]:
    """Bin of every simulated station when clean, with incremental and with extreme fraud."""
    t = np.clip(rng.normal(t0, sd_t, n), 0.0, 1.0)
    v = np.clip(rng.normal(v0, sd_v, n), 0.0, 1.0)
    x_inc = np.clip(np.abs(rng.normal(0.0, FRAUD_SPREAD, n)), 0.0, 1.0)
    x_ext = np.clip(1.0 - np.abs(rng.normal(0.0, FRAUD_SPREAD, n)), 0.0, 1.0)

    def stuffed(x: FloatArray) -> tuple[FloatArray, FloatArray]:
        turnout = t + x * (1.0 - t)
        leader = v * t + x * (1.0 - t) + x * (1.0 - v) * t
        return turnout, np.divide(leader, turnout, out=np.zeros(n), where=turnout > 0)

    order_u = rng.random(n)
    return (
        _bin(t, v),
        _bin(*stuffed(x_inc)),
        _bin(*stuffed(x_ext)),
        order_u,
    )


def _prefix_histograms(cell: npt.NDArray[np.int64], n_cuts: int, weight: FloatArray) -> FloatArray:
    """Histogram of the stations with ``u < cut`` for every cut: shape (cuts, BINS²).

    ``cell`` = segment of ``u`` among the cuts × BINS² + histogram bin.
    """
    cells = BINS * BINS
    counts = np.bincount(cell, weights=weight, minlength=(n_cuts + 1) * cells)
    per_segment = counts.reshape(n_cuts + 1, cells)
    # prefix[c] = stations with u < cuts[c] = segments 0..c
    return np.cumsum(per_segment[:n_cuts], axis=0)


def _fit(
    observed: FloatArray,
    clean: FloatArray,
    inc: FloatArray,
    ext: FloatArray,
    cuts: FloatArray,
) -> tuple[int, int, FloatArray]:
    """Best (extreme cut, extreme+incremental cut) indices minimising squared error."""
    total_clean = clean[-1]
    a = ext - inc  # extreme part minus what those stations would give as incremental
    b = inc - clean + total_clean - observed
    loss = (
        np.einsum("ij,ij->i", a, a)[:, None] + np.einsum("ij,ij->i", b, b)[None, :] + 2.0 * a @ b.T
    )
    e_idx, s_idx = np.meshgrid(np.arange(cuts.size), np.arange(cuts.size), indexing="ij")
    loss[(s_idx < e_idx) | (cuts[e_idx] > 0.5)] = np.inf
    best = int(np.argmin(loss))
    e, s = divmod(best, cuts.size)
    model = a[e] + b[s] + observed
    return e, s, model


def fingerprint(
    results: Results,
    *,
    mask: BoolArray | None = None,
    bootstrap: int = 30,
    seed: int = 0,
) -> Fingerprint:
    """Fit the Klimek et al. fraud model; intervals from ``bootstrap`` resamples."""
    keep = (results.registered >= 1) & (results.issued > 0) & (results.cast > 0)
    keep &= ~results.remote
    if mask is not None:
        keep &= mask
    turnout = np.clip(results.issued[keep] / results.registered[keep], 0.0, 1.0)
    share = np.clip(results.leader_votes[keep] / results.cast[keep], 0.0, 1.0)
    n = int(turnout.size)
    rng = np.random.default_rng(seed)
    t0, sd_t, v0, sd_v = _clean_peak(turnout, share)
    # several simulated stations per real one smooth the model histogram
    replicas = 2
    clean_bin, inc_bin, ext_bin, u = _versions(n * replicas, t0, sd_t, v0, sd_v, rng)
    cuts = np.round(np.arange(0.0, 1.0 + GRID_STEP / 2, GRID_STEP), 6)
    scale = np.full(n * replicas, 1.0 / replicas)
    obs_bins = _bin(turnout, share)

    # segment s holds u in [cuts[s-1], cuts[s]); prefix up to s = stations with u < cuts[s]
    segment = np.searchsorted(cuts, u, side="right") * (BINS * BINS)
    cells = [segment + b for b in (clean_bin, inc_bin, ext_bin)]

    def histograms(weight: FloatArray) -> tuple[FloatArray, FloatArray, FloatArray]:
        clean_h, inc_h, ext_h = (_prefix_histograms(c, cuts.size, weight) for c in cells)
        return clean_h, inc_h, ext_h

    clean, inc, ext = histograms(scale)
    observed = np.bincount(obs_bins, minlength=BINS * BINS).astype(np.float64)
    e, s, model = _fit(observed, clean, inc, ext, cuts)
    f_e, f_i = float(cuts[e]), float(cuts[s] - cuts[e])
    boot_e: list[float] = []
    boot_i: list[float] = []
    for _ in range(bootstrap):
        pick = np.bincount(rng.integers(0, n, n), minlength=n).astype(np.float64)
        obs_b = np.bincount(obs_bins, weights=pick, minlength=BINS * BINS).astype(np.float64)
        sim_weight = np.repeat(pick, replicas) / replicas
        cb, ib, eb = histograms(sim_weight)
        eb_i, sb_i, _ = _fit(obs_b, cb, ib, eb, cuts)
        boot_e.append(float(cuts[eb_i]))
        boot_i.append(float(cuts[sb_i] - cuts[eb_i]))

    def interval(values: list[float], point: float) -> tuple[float, float]:
        if not values:
            return point, point
        low, high = np.percentile(values, [2.5, 97.5])
        return float(low), float(high)

    i_low, i_high = interval(boot_i, f_i)
    e_low, e_high = interval(boot_e, f_e)
    return Fingerprint(
        stations=n,
        clean_turnout=t0,
        clean_turnout_sd=sd_t,
        clean_share=v0,
        clean_share_sd=sd_v,
        incremental=f_i,
        incremental_low=i_low,
        incremental_high=i_high,
        extreme=f_e,
        extreme_low=e_low,
        extreme_high=e_high,
        bootstrap=bootstrap,
        observed=observed.reshape(BINS, BINS),
        model=model.reshape(BINS, BINS),
        edges=np.linspace(0.0, 1.0, BINS + 1),
    )
