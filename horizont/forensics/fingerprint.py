"""The election fingerprint of Klimek, Yegorov, Hanel & Thurner (PNAS 2012).

The two-dimensional histogram of turnout × leader share is compared with a model in
which clean stations scatter normally around the clean peak, a fraction ``f_i`` of
stations add *incremental* fraud (a small fraction ``x ~ |N(0, 0.075)|`` of the
non-voters' ballots and of the other parties' votes go to the leader) and a fraction
``f_e`` *extreme* fraud (almost all of them: ``x ~ 1 − |N(0, 0.075)|``). The fitted
fractions minimise the squared difference of the normalised histograms over a fine
grid; bootstrap over stations gives their intervals. The clean peak's centre is the
mode, lowered in small steps where that fits better (fraud pushes the mode up), and
its spread is measured on the low side, which fraud does not reach; the chosen peak
is held fixed in the bootstrap. On model-made elections the fit recovers planted
fractions to about ±0.05 up to 30 % incremental fraud and underestimates larger ones.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from horizont.forensics.excess import clean_peak
from horizont.forensics.model import BoolArray, FloatArray, Results

FRAUD_SPREAD = 0.075
CENTRE_SHIFTS = (0.0, 0.005, 0.01, 0.015, 0.02)
GRID_STEP = 0.01
BINS = 40


@dataclass(frozen=True)
class Fingerprint:
    """Fitted fraud fractions with bootstrap intervals, and the histograms to draw.

    ``peak_found`` is False when the turnout distribution has no clean peak (no voters
    between 5 and 90 % turnout): the model is then centred on a guess and says nothing.
    """

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
    peak_found: bool = True


def _mode(values: FloatArray, near: float | None = None, width: float = 0.04) -> float:
    """Mode of ``values`` (stations), searched within ``width`` of ``near`` if given."""
    edges = np.linspace(0, 1, 201)
    hist, _ = np.histogram(values, edges)
    smooth = np.convolve(hist, np.ones(7) / 7.0, mode="same")
    centres = (edges[:-1] + edges[1:]) / 2
    smooth[(centres < 0.05) | (centres > 0.9)] = -1
    if near is not None:
        smooth[np.abs(centres - near) > width] = -1
    return float(centres[int(np.argmax(smooth))])


def _low_side_sd(values: FloatArray, centre: float) -> float:
    """Spread measured on the side fraud does not reach (below the centre)."""
    low = values[values < centre]
    return max(float(np.sqrt(np.mean((low - centre) ** 2))), 0.005) if low.size > 10 else 0.05


def _clean_peak(
    turnout: FloatArray, share: FloatArray, t_peak: float, dt: float = 0.0, dv: float = 0.0
) -> tuple[float, float, float, float]:
    """Centre and spread of the clean peak; ``dt``/``dv`` lower the centres."""
    t0 = t_peak - dt
    sd_t = _low_side_sd(turnout, t0)
    near = np.abs(turnout - t0) <= max(sd_t, 0.01)
    v_near = share[near] if near.sum() > 10 else share
    v0 = _mode(v_near) - dv
    return t0, sd_t, v0, _low_side_sd(v_near, v0)


def _bin(turnout: FloatArray, share: FloatArray) -> npt.NDArray[np.int64]:
    ti = np.clip((turnout * BINS).astype(np.int64), 0, BINS - 1)
    vi = np.clip((share * BINS).astype(np.int64), 0, BINS - 1)
    return ti * BINS + vi


@dataclass(frozen=True)
class _Noise:
    """Random draws shared by every candidate model (common random numbers)."""

    zt: FloatArray
    zv: FloatArray
    x_inc: FloatArray
    x_ext: FloatArray
    u: FloatArray

    @classmethod
    def draw(cls, n: int, rng: np.random.Generator) -> _Noise:
        return cls(
            zt=rng.standard_normal(n),
            zv=rng.standard_normal(n),
            x_inc=np.clip(np.abs(rng.normal(0.0, FRAUD_SPREAD, n)), 0.0, 1.0),
            x_ext=np.clip(1.0 - np.abs(rng.normal(0.0, FRAUD_SPREAD, n)), 0.0, 1.0),
            u=rng.random(n),
        )


def _versions(
    noise: _Noise, t0: float, sd_t: float, v0: float, sd_v: float
) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64], npt.NDArray[np.int64]]:
    """Bin of every simulated station when clean, with incremental and with extreme fraud."""
    t = np.clip(t0 + sd_t * noise.zt, 0.0, 1.0)
    v = np.clip(v0 + sd_v * noise.zv, 0.0, 1.0)

    def stuffed(x: FloatArray) -> tuple[FloatArray, FloatArray]:
        turnout = t + x * (1.0 - t)
        leader = v * t + x * (1.0 - t) + x * (1.0 - v) * t
        share = np.divide(leader, turnout, out=np.zeros(t.size), where=turnout > 0)
        return turnout, share

    return _bin(t, v), _bin(*stuffed(noise.x_inc)), _bin(*stuffed(noise.x_ext))


def _prefix_histograms(cell: npt.NDArray[np.int64], n_cuts: int, weight: FloatArray) -> FloatArray:
    """Histogram of the stations with ``u < cut`` for every cut: shape (cuts, BINS²).

    ``cell`` = segment of ``u`` among the cuts × BINS² + histogram bin.
    """
    cells = BINS * BINS
    counts = np.bincount(cell, weights=weight, minlength=(n_cuts + 1) * cells)
    per_segment = counts.reshape(n_cuts + 1, cells)
    # prefix[c] = stations with u < cuts[c] = segments 0..c
    return np.cumsum(per_segment[:n_cuts], axis=0)


def _vertex(loss: FloatArray, i: int) -> float:
    """Offset (in grid steps, within ±0.5) of the parabola's minimum through i-1, i, i+1.

    The grid fixes the fractions to steps of ``GRID_STEP``; without this, resamples that
    differ by less than a step all land on the same point and the interval has no width.
    """
    if i <= 0 or i >= loss.size - 1:
        return 0.0
    left, mid, right = float(loss[i - 1]), float(loss[i]), float(loss[i + 1])
    curvature = left - 2.0 * mid + right
    if not (np.isfinite(left) and np.isfinite(right)) or curvature <= 0:
        return 0.0
    return float(np.clip(0.5 * (left - right) / curvature, -0.5, 0.5))


class _Fitter:
    """Least-squares choice of (extreme, extreme + incremental) cuts for any observed histogram.

    With ``a = ext − inc`` and ``b = inc − clean + clean_total``, the model histogram for
    cuts (e, s) is ``a[e] + b[s]``; the squared error expands into terms computed once.
    Products use ``einsum`` (no BLAS threads, which stall on a busy machine).
    """

    def __init__(self, clean: FloatArray, inc: FloatArray, ext: FloatArray, cuts: FloatArray):
        self.a = ext - inc
        self.b = inc - clean + clean[-1]
        self.aa = np.einsum("ij,ij->i", self.a, self.a)
        self.bb = np.einsum("ij,ij->i", self.b, self.b)
        self.ab = np.einsum("ik,jk->ij", self.a, self.b, optimize=False)
        self.refined = (0.0, 0.0)
        e_idx, s_idx = np.meshgrid(np.arange(cuts.size), np.arange(cuts.size), indexing="ij")
        self.invalid = (s_idx < e_idx) | (cuts[e_idx] > 0.5)

    def fit(self, observed: FloatArray) -> tuple[int, int, FloatArray, float]:
        """Best cut indices, the model histogram and its squared error."""
        a_obs = np.einsum("ik,k->i", self.a, observed)
        b_obs = np.einsum("ik,k->i", self.b, observed)
        loss = (
            self.aa[:, None]
            + (self.bb - 2.0 * b_obs)[None, :]
            + 2.0 * (self.ab - a_obs[:, None])
            + float(observed @ observed)
        )
        loss[self.invalid] = np.inf
        best = int(np.argmin(loss))
        e, s = divmod(best, loss.shape[1])
        self.refined = (e + _vertex(loss[:, s], e), s + _vertex(loss[e, :], s))
        return e, s, self.a[e] + self.b[s], float(loss[e, s])


def _fractions(refined: tuple[float, float]) -> tuple[float, float]:
    """(extreme, incremental) from refined grid positions of the two cuts."""
    extreme = max(refined[0] * GRID_STEP, 0.0)
    return extreme, max(refined[1] * GRID_STEP - extreme, 0.0)


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
    # the same robust clean centre as the excess-vote estimate (lowest prominent peak)
    # (which peak: voter-weighted; where exactly: the stations' own mode near it)
    lowest = clean_peak(turnout * 100.0, results.registered[keep].astype(np.float64))
    t_peak = _mode(turnout, lowest.turnout / 100.0) if np.isfinite(lowest.turnout) else 0.5
    rng = np.random.default_rng(seed)
    # several simulated stations per real one smooth the model histogram
    replicas = 2
    noise = _Noise.draw(n * replicas, rng)
    cuts = np.round(np.arange(0.0, 1.0 + GRID_STEP / 2, GRID_STEP), 6)
    scale = np.full(n * replicas, 1.0 / replicas)
    obs_bins = _bin(turnout, share)
    observed = np.bincount(obs_bins, minlength=BINS * BINS).astype(np.float64)
    # segment s holds u in [cuts[s-1], cuts[s]); prefix up to s = stations with u < cuts[s]
    segment = np.searchsorted(cuts, noise.u, side="right") * (BINS * BINS)

    def cells_for(
        t_c: float, sd_tc: float, v_c: float, sd_vc: float
    ) -> list[npt.NDArray[np.int64]]:
        return [segment + b for b in _versions(noise, t_c, sd_tc, v_c, sd_vc)]

    def histograms(
        cells: list[npt.NDArray[np.int64]], weight: FloatArray
    ) -> tuple[FloatArray, FloatArray, FloatArray]:
        clean_h, inc_h, ext_h = (_prefix_histograms(c, cuts.size, weight) for c in cells)
        return clean_h, inc_h, ext_h

    # fraud moves stations up and right: the mode sits at or above the clean centre;
    # try the centre a little lower (spread measured from it) and keep the best fit
    # (one axis at a time: first the turnout centre, then the share centre)
    def loss_of(dt: float, dv: float) -> tuple[float, tuple[float, float, float, float]]:
        params = _clean_peak(turnout, share, t_peak, dt, dv)
        fitter = _Fitter(*histograms(cells_for(*params), scale), cuts)
        return fitter.fit(observed)[3], params

    best_dt = min(CENTRE_SHIFTS, key=lambda dt: loss_of(dt, 0.0)[0])
    best_dv = min(CENTRE_SHIFTS, key=lambda dv: loss_of(best_dt, dv)[0])
    t0, sd_t, v0, sd_v = _clean_peak(turnout, share, t_peak, best_dt, best_dv)
    cells = cells_for(t0, sd_t, v0, sd_v)
    fitter = _Fitter(*histograms(cells, scale), cuts)
    e, s_idx, model, _ = fitter.fit(observed)
    f_e, f_i = _fractions(fitter.refined)
    boot_e: list[float] = []
    boot_i: list[float] = []
    # resample the stations; the model (simulated independently of them) stays fixed
    for _ in range(bootstrap):
        pick = rng.integers(0, n, n)
        obs_b = np.bincount(obs_bins[pick], minlength=BINS * BINS).astype(np.float64)
        fitter.fit(obs_b)
        e_b, i_b = _fractions(fitter.refined)
        boot_e.append(e_b)
        boot_i.append(i_b)

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
        peak_found=bool(np.isfinite(lowest.turnout)),
    )
