"""Turnout and vote-share distributions, and the turnout–share correlation."""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from horizont.forensics.model import BoolArray, FloatArray, Results

BIN_WIDTH = 0.1  # percentage points
COMET_BINS = 200


@dataclass(frozen=True)
class Distributions:
    """Histograms in 0.1-point bins from 0 to 100 % (the left edges are ``edges[:-1]``).

    ``comet`` is the voter-weighted 2D histogram turnout × share (``comet_bins`` bins
    per axis over 0–100 %). With ``dequantize`` each count is spread uniformly over
    ±0.5 of a ballot before binning, which removes the spikes that small denominators
    make on their own.
    """

    edges: FloatArray
    turnout_stations: FloatArray
    turnout_voters: FloatArray
    share_stations: FloatArray
    share_voters: FloatArray
    dequantized: bool
    comet: FloatArray
    comet_bins: int


@dataclass(frozen=True)
class Correlation:
    """How the leader's share rises with turnout across stations."""

    stations: int
    pearson_r: float
    weighted_r: float
    slope: float
    intercept: float
    slope_voter_weighted: float


def _usable(results: Results, mask: BoolArray | None) -> BoolArray:
    keep = (results.registered > 0) & (results.cast > 0) & ~results.remote
    if mask is not None:
        keep &= mask
    return np.asarray(keep, dtype=bool)


def distributions(
    results: Results,
    *,
    mask: BoolArray | None = None,
    dequantize: bool = False,
    seed: int = 0,
) -> Distributions:
    """Turnout and leader-share histograms weighted by stations and by registered voters."""
    keep = _usable(results, mask)
    registered = results.registered[keep].astype(np.float64)
    issued = results.issued[keep].astype(np.float64)
    cast = results.cast[keep].astype(np.float64)
    leader = results.leader_votes[keep].astype(np.float64)
    if dequantize:
        rng = np.random.default_rng(seed)
        issued = issued + rng.uniform(-0.5, 0.5, issued.size)
        leader = leader + rng.uniform(-0.5, 0.5, leader.size)
    turnout = np.clip(issued / registered * 100.0, 0.0, 100.0)
    share = np.clip(leader / cast * 100.0, 0.0, 100.0)
    edges = np.round(np.arange(0.0, 100.0 + BIN_WIDTH / 2, BIN_WIDTH), 10)
    # bins centred on the 0.1-point grid so that whole percents sit mid-bin
    centred = edges - BIN_WIDTH / 2
    centred = np.append(centred, 100.0 + BIN_WIDTH / 2)

    def hist(x: FloatArray, w: FloatArray | None) -> FloatArray:
        counts, _ = np.histogram(x, centred, weights=w)
        return counts.astype(np.float64)

    comet, _, _ = np.histogram2d(
        turnout, share, bins=COMET_BINS, range=[[0, 100], [0, 100]], weights=registered
    )
    return Distributions(
        comet=comet,
        comet_bins=COMET_BINS,
        edges=edges,
        turnout_stations=hist(turnout, None),
        turnout_voters=hist(turnout, registered),
        share_stations=hist(share, None),
        share_voters=hist(share, registered),
        dequantized=dequantize,
    )


def correlation(results: Results, *, mask: BoolArray | None = None) -> Correlation:
    """Pearson correlation and least-squares slope of leader share on turnout."""
    keep = _usable(results, mask) & (results.issued > 0)
    turnout = results.issued[keep] / results.registered[keep]
    share = results.leader_votes[keep] / results.cast[keep]
    weight = results.registered[keep].astype(np.float64)
    if turnout.size < 3:
        nan = float("nan")
        return Correlation(int(turnout.size), nan, nan, nan, nan, nan)
    r = float(np.corrcoef(turnout, share)[0, 1])
    slope, intercept = np.polyfit(turnout, share, 1)
    mt = np.average(turnout, weights=weight)
    ms = np.average(share, weights=weight)
    cov = np.average((turnout - mt) * (share - ms), weights=weight)
    var_t = np.average((turnout - mt) ** 2, weights=weight)
    var_s = np.average((share - ms) ** 2, weights=weight)
    return Correlation(
        stations=int(turnout.size),
        pearson_r=r,
        weighted_r=float(cov / math.sqrt(var_t * var_s)) if var_t > 0 and var_s > 0 else 0.0,
        slope=float(slope),
        intercept=float(intercept),
        slope_voter_weighted=float(cov / var_t) if var_t > 0 else 0.0,
    )
