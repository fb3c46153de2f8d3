"""Excess votes for the leader, in the spirit of Sergey Shpilkin's estimate.

Assumptions (reported with the result, and checked): at stations without manipulation
turnout clusters around one "clean" peak — the lowest-turnout prominent peak of the
smoothed voter-weighted turnout distribution, because where most stations are inflated
the highest peak lies inside the stuffed region; there the leader's votes stand to the other
parties' in a clean ratio; the other parties' votes are not touched by fraud. Every
leader vote above that ratio at stations whose turnout lies above the clean peak is
counted as excess. The estimate is repeated over reasonable settings (histogram bin
width, width of the peak window, smoothing) to give a sensitivity range. When no
prominent low peak exists or the leader's share is not flat around it, the result says
so in ``problems``.
Remote electronic voting has no paper turnout and is left out.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from horizont.forensics.model import BoolArray, FloatArray, Results

ASSUMPTIONS = (
    "Turnout at stations without manipulation clusters around one clean peak.",
    "At the clean peak the leader's votes stand to the other parties' in the clean ratio.",
    "The other parties' votes are not changed by fraud.",
    "Leader votes above that ratio at stations with turnout above the peak are excess.",
)


#: The clean peak is searched between these turnouts (percent).
MIN_PEAK = 5.0
MAX_PEAK = 90.0
#: The voter-weighted turnout histogram is smoothed with a Gaussian of this spread (pp).
SMOOTHING = 2.0
#: A peak counts as prominent if it is at least this high and stands out at least this
#: much from the valleys beside it (both relative to the highest point).
PEAK_HEIGHT = 0.25
PEAK_PROMINENCE = 0.10
#: Around the clean peak (± this many points of turnout) the leader's share must be flat:
#: rise by less than ``FLAT_SLOPE`` points of share per point of turnout.
FLAT_WINDOW = 5.0
FLAT_SLOPE = 0.75


@dataclass(frozen=True)
class CleanPeak:
    """The clean cluster: the lowest-turnout prominent peak of the turnout distribution.

    Fraud moves stations to higher turnout; where most stations are inflated the highest
    peak lies inside the stuffed region, so the clean peak is the *lowest-turnout* peak
    that is prominent, not the global mode. ``share_slope`` is the leader's share
    (points) per point of turnout within ``FLAT_WINDOW`` of the peak.
    """

    turnout: float
    global_mode: float
    peaks: tuple[float, ...]
    share_slope: float
    voters_near: float

    @property
    def flat(self) -> bool:
        return abs(self.share_slope) < FLAT_SLOPE


def _peaks(values: FloatArray, min_height: float = 0.0) -> list[tuple[int, float]]:
    """Local maxima of ``values`` (at least ``min_height``) with their topographic
    prominence, left to right.

    The prominence of a peak is its height above the higher of the two lowest points
    between it and the nearest higher point on each side (or the end of the series).
    """
    out = []
    n = values.size
    inner = values[1:-1]
    maxima = np.flatnonzero((inner > values[:-2]) & (inner >= values[2:]) & (inner >= min_height))
    for i in (maxima + 1).tolist():
        bases = []
        for step in (-1, 1):
            j, low = i, values[i]
            while 0 <= j + step < n and values[j + step] <= values[i]:
                j += step
                low = min(low, values[j])
            bases.append(low)
        out.append((i, float(values[i] - max(bases))))
    return out


def clean_peak(
    turnout: FloatArray,
    weights: FloatArray,
    share: FloatArray | None = None,
    *,
    bin_width: float = 1.0,
    smoothing: float = SMOOTHING,
) -> CleanPeak:
    """Find the clean peak of ``turnout`` (percent) weighted by ``weights``."""
    bins = np.arange(0.0, 100.0 + bin_width, bin_width)
    centres = (bins[:-1] + bins[1:]) / 2.0
    histogram, _ = np.histogram(turnout, bins, weights=weights)
    half = int(np.ceil(3 * smoothing / bin_width))
    kernel = np.exp(-0.5 * (np.arange(-half, half + 1) * bin_width / smoothing) ** 2)
    smooth = np.convolve(histogram, kernel / kernel.sum(), mode="same")
    inside = (centres >= MIN_PEAK) & (centres <= MAX_PEAK)
    top = float(smooth[inside].max()) if inside.any() else 0.0
    if top <= 0:
        return CleanPeak(float("nan"), float("nan"), (), float("nan"), 0.0)
    prominent = [
        p
        for p, prominence in _peaks(smooth, PEAK_HEIGHT * top)
        if inside[p] and smooth[p] >= PEAK_HEIGHT * top and prominence >= PEAK_PROMINENCE * top
    ]
    # the position is refined on a light (3-bin) smoothing, which keeps the peak's own
    # shape: the broad Gaussian only decides which peaks are prominent
    light = np.convolve(histogram, np.ones(3) / 3.0, mode="same")
    light[~inside] = -1.0
    mode = float(centres[int(np.argmax(light))])
    peak = mode
    if prominent:
        around = np.abs(centres - centres[prominent[0]]) <= 2 * smoothing
        peak = float(centres[int(np.argmax(np.where(around, light, -1.0)))])
    near = np.abs(turnout - peak) <= FLAT_WINDOW
    slope = float("nan")
    if share is not None and near.sum() >= 10:
        w = weights[near]
        t = turnout[near]
        s = share[near] * 100.0
        mt = np.average(t, weights=w)
        var = np.average((t - mt) ** 2, weights=w)
        if var > 0:
            slope = float(np.average((t - mt) * (s - np.average(s, weights=w)), weights=w) / var)
    return CleanPeak(
        turnout=peak,
        global_mode=mode,
        peaks=tuple(float(centres[p]) for p in prominent),
        share_slope=slope,
        voters_near=float(weights[near].sum() / max(weights.sum(), 1.0)),
    )


@dataclass(frozen=True)
class ExcessSetting:
    bin_width: float
    peak_window: float
    smoothing: float
    clean_turnout: float
    clean_share: float
    clean_ratio: float
    excess_votes: float


@dataclass(frozen=True)
class ExcessVotes:
    """The estimate (central setting), its range over settings, and the curve to plot.

    ``assumptions_hold`` is False when the clean peak could not be found as a genuine
    low-turnout mode or the leader's share is not flat around it; ``problems`` says why.
    The number is then printed with that warning, never as if the assumptions held.
    """

    leader: str
    leader_votes: int
    clean_turnout: float
    clean_share: float
    clean_ratio: float
    excess_votes: float
    range_low: float
    range_high: float
    settings: tuple[ExcessSetting, ...]
    assumptions: tuple[str, ...]
    curve_turnout: FloatArray
    curve_leader: FloatArray
    curve_others: FloatArray
    curve_expected_leader: FloatArray
    peak: CleanPeak | None = None
    problems: tuple[str, ...] = ()

    @property
    def assumptions_hold(self) -> bool:
        return not self.problems


def _estimate(
    turnout: FloatArray,
    leader: FloatArray,
    others: FloatArray,
    peak: float,
    setting: tuple[float, float, float],
) -> ExcessSetting:
    bin_width, peak_window, smoothing = setting
    near = np.abs(turnout - peak) <= peak_window
    ratio = float(leader[near].sum() / max(others[near].sum(), 1.0))
    share = float(leader[near].sum() / max((leader[near] + others[near]).sum(), 1.0))
    above = turnout > peak
    excess = float((leader[above] - ratio * others[above]).sum())
    return ExcessSetting(bin_width, peak_window, smoothing, peak, share, ratio, excess)


def peak_problems(peak: CleanPeak) -> tuple[str, ...]:
    """Why the clean-peak assumptions fail for ``peak`` (empty when they hold)."""
    problems = []
    if not peak.peaks:
        problems.append(
            "no prominent turnout peak between "
            f"{MIN_PEAK:.0f} and {MAX_PEAK:.0f} %: there is no clean cluster to compare with"
        )
    if math.isfinite(peak.share_slope) and not peak.flat:
        problems.append(
            f"the leader's share is not flat around the clean peak ({peak.turnout:.1f} %): "
            f"it changes by {peak.share_slope:.2f} points per point of turnout "
            f"(the method assumes less than {FLAT_SLOPE})"
        )
    if peak.voters_near < 0.05:
        problems.append(
            f"only {peak.voters_near:.1%} of voters live near the clean peak: too few to "
            "measure the clean ratio"
        )
    return tuple(problems)


def excess_votes(
    results: Results,
    *,
    bin_width: float = 1.0,
    peak_window: float = 2.5,
    smoothing: float = SMOOTHING,
    mask: BoolArray | None = None,
) -> ExcessVotes:
    """Estimate the leader's excess votes, with a range over alternative settings."""
    keep = (results.registered > 0) & (results.issued > 0) & (results.cast > 0)
    keep &= ~results.remote
    if mask is not None:
        keep &= mask
    registered = results.registered[keep].astype(np.float64)
    turnout = results.issued[keep] / registered * 100.0
    leader = results.leader_votes[keep].astype(np.float64)
    others = results.votes[keep].sum(axis=1) - leader
    # the peak depends on the histogram's bins and smoothing only: found once for each
    peaks = {
        (bw, sm): clean_peak(turnout, registered, bin_width=bw, smoothing=sm).turnout
        for bw in {0.5, 1.0, 2.0, bin_width}
        for sm in {1.5, 2.0, 3.0, smoothing}
    }
    central = _estimate(
        turnout, leader, others, peaks[bin_width, smoothing], (bin_width, peak_window, smoothing)
    )
    settings = [
        _estimate(turnout, leader, others, peaks[bw, sm], (bw, win, sm))
        for bw in (0.5, 1.0, 2.0)
        for win in (1.5, 2.5, 5.0)
        for sm in (1.5, 2.0, 3.0)
    ]
    values = [s.excess_votes for s in settings]
    with np.errstate(divide="ignore", invalid="ignore"):
        share = np.where(leader + others > 0, leader / (leader + others), 0.0)
    peak = clean_peak(turnout, registered, share, bin_width=bin_width, smoothing=smoothing)
    bins = np.arange(0.0, 100.0 + bin_width, bin_width)
    centres = (bins[:-1] + bins[1:]) / 2.0
    curve_leader, _ = np.histogram(turnout, bins, weights=leader)
    curve_others, _ = np.histogram(turnout, bins, weights=others)
    return ExcessVotes(
        leader=results.leader_name,
        leader_votes=int(results.leader_votes.sum()),
        clean_turnout=central.clean_turnout,
        clean_share=central.clean_share,
        clean_ratio=central.clean_ratio,
        excess_votes=central.excess_votes,
        range_low=float(min(values)),
        range_high=float(max(values)),
        settings=tuple(settings),
        assumptions=ASSUMPTIONS,
        curve_turnout=centres,
        curve_leader=curve_leader.astype(np.float64),
        curve_others=curve_others.astype(np.float64),
        curve_expected_leader=np.where(
            centres > central.clean_turnout, central.clean_ratio * curve_others, curve_leader
        ).astype(np.float64),
        peak=peak,
        problems=peak_problems(peak),
    )
