"""Distributions and the turnout–share correlation."""

from __future__ import annotations

import numpy as np

from horizont.forensics.distributions import correlation, distributions
from horizont.forensics.tests.synthetic import clean_election, with_stuffing


def test_histograms_cover_every_usable_station_in_tenth_point_bins() -> None:
    election = clean_election(2000, seed=81)
    d = distributions(election)
    assert d.edges.size == 1001 and d.edges[1] == 0.1
    assert d.turnout_stations.sum() == 2000
    assert d.turnout_voters.sum() == election.registered.sum()
    assert d.comet.sum() == election.registered.sum()
    smooth = distributions(election, dequantize=True, seed=1)
    assert smooth.dequantized and smooth.share_stations.sum() == 2000


def test_stuffing_makes_the_share_rise_with_turnout() -> None:
    election = clean_election(10_000, seed=82)
    clean = correlation(election)
    assert abs(clean.pearson_r) < 0.05
    stuffed, _ = with_stuffing(election, 0.2, amount=0.5, seed=3)
    dirty = correlation(stuffed)
    assert dirty.pearson_r > 0.3
    assert dirty.slope > 0.2
    assert np.isfinite(dirty.slope_voter_weighted)
