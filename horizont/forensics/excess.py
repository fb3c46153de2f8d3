"""Excess votes for the leader, in the spirit of Sergey Shpilkin's estimate.

Assumptions (reported with the result): at stations without manipulation turnout
clusters around one "clean" peak; there the leader's votes stand to the other
parties' in a clean ratio; the other parties' votes are not touched by fraud. Every
leader vote above that ratio at stations whose turnout lies above the clean peak is
counted as excess. The estimate is repeated over reasonable settings (histogram bin
width, width of the peak window, weighting) to give a sensitivity range.
Remote electronic voting has no paper turnout and is left out.
"""

from __future__ import annotations

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


@dataclass(frozen=True)
class ExcessSetting:
    bin_width: float
    peak_window: float
    weighting: str
    clean_turnout: float
    clean_share: float
    clean_ratio: float
    excess_votes: float


@dataclass(frozen=True)
class ExcessVotes:
    """The estimate (central setting), its range over settings, and the curve to plot."""

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


def _estimate(
    turnout: FloatArray,
    leader: FloatArray,
    others: FloatArray,
    registered: FloatArray,
    bin_width: float,
    peak_window: float,
    weighting: str,
) -> ExcessSetting:
    bins = np.arange(0.0, 100.0 + bin_width, bin_width)
    weights = registered if weighting == "voters" else np.ones_like(registered)
    histogram, _ = np.histogram(turnout, bins, weights=weights)
    smooth = np.convolve(histogram, np.ones(3) / 3.0, mode="same")
    centres = (bins[:-1] + bins[1:]) / 2.0
    # the clean peak is the mode of ordinary turnouts: near-100 % stations are not it
    smooth[(centres < MIN_PEAK) | (centres > MAX_PEAK)] = -1.0
    peak_bin = int(np.argmax(smooth))
    peak = float((bins[peak_bin] + bins[peak_bin + 1]) / 2.0)
    near = np.abs(turnout - peak) <= peak_window
    ratio = float(leader[near].sum() / max(others[near].sum(), 1.0))
    share = float(leader[near].sum() / max((leader[near] + others[near]).sum(), 1.0))
    above = turnout > peak
    excess = float((leader[above] - ratio * others[above]).sum())
    return ExcessSetting(bin_width, peak_window, weighting, peak, share, ratio, excess)


def excess_votes(
    results: Results,
    *,
    bin_width: float = 1.0,
    peak_window: float = 2.5,
    weighting: str = "voters",
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
    central = _estimate(turnout, leader, others, registered, bin_width, peak_window, weighting)
    settings = [
        _estimate(turnout, leader, others, registered, bw, win, how)
        for bw in (0.5, 1.0, 2.0)
        for win in (1.5, 2.5, 5.0)
        for how in ("voters", "stations")
    ]
    values = [s.excess_votes for s in settings]
    bins = np.arange(0.0, 100.0 + bin_width, bin_width)
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
        curve_turnout=(bins[:-1] + bins[1:]) / 2.0,
        curve_leader=curve_leader.astype(np.float64),
        curve_others=curve_others.astype(np.float64),
        curve_expected_leader=np.where(
            (bins[:-1] + bins[1:]) / 2.0 > central.clean_turnout,
            central.clean_ratio * curve_others,
            curve_leader,
        ).astype(np.float64),
    )
