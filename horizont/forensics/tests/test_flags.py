"""Station flags."""

from __future__ import annotations

import numpy as np

from horizont.forensics.flags import station_flags
from horizont.forensics.tests.synthetic import clean_election, results_from


def test_turnout_99_integer_and_identical_results_are_flagged() -> None:
    election = clean_election(400, seed=61)
    registered = election.registered.copy()
    issued = election.issued.copy()
    votes = election.votes.copy()
    invalid = election.invalid.copy()
    registered[0], issued[0], invalid[0] = 1000, 995, 0
    votes[0] = [900, 50, 30, 15]
    # station 2 copies station 1 in the same TIK
    tik = election.tik.copy()
    region = election.region.copy()
    tik[2], region[2] = tik[1], region[1]
    registered[2], issued[2], invalid[2], votes[2] = (
        registered[1],
        issued[1],
        invalid[1],
        votes[1],
    )
    changed = results_from(registered, issued, invalid, votes, region=region, tik=tik)
    flags = station_flags(changed)
    assert flags.flag("turnout_99")[0]
    assert flags.flag("identical_results")[1] and flags.flag("identical_results")[2]
    assert flags.flag("identical_results").sum() == 2
    assert flags.count[0] >= 1
    assert 0 in flags.flagged()


def test_small_count_anomaly_flags_many_ones_and_twos_without_zeros() -> None:
    rng = np.random.default_rng(62)
    n = 120
    registered = np.full(n, 1000)
    issued = np.full(n, 500)
    tik = np.array(["TIK honest"] * 60 + ["TIK odd"] * 60)
    small = np.concatenate(
        [rng.poisson(1.5, 60), np.array([1, 2] * 30)]  # honest Poisson vs never zero
    )
    leader = 500 - small - 100
    votes = np.column_stack([leader, np.full(n, 100), small])
    result = station_flags(results_from(registered, issued, np.zeros(n, np.int64), votes, tik=tik))
    assert len(result.small_count_groups) == 1
    assert result.small_count_groups[0][0].endswith("TIK odd")
    odd = result.flag("small_count_anomaly")
    assert odd[60:].all() and not odd[:60].any()


def test_clean_election_raises_no_tik_level_flags() -> None:
    flags = station_flags(clean_election(5000, seed=63))
    assert flags.small_count_groups == ()
    assert flags.totals["identical_results"] == 0
    assert flags.totals["turnout_99"] == 0
