"""Every shared federal election against its published figures (full data: slow).

Published figures: the data README (Kobak, Shpilkin & Pshenichnikov's notebooks) for
turnout, the leader's share and the integer-percentage excess; Shpilkin's estimates for
the excess votes; Klimek et al. (PNAS 2012) for the fingerprint of 2011 and 2012.
"""

from __future__ import annotations

import numpy as np
import pytest

from horizont.forensics.excess import excess_votes
from horizont.forensics.fingerprint import fingerprint
from horizont.forensics.integer import integer_test
from horizont.forensics.tests.conftest import real_results

pytestmark = pytest.mark.slow

YEARS = ("2004", "2011", "2012", "2016", "2020", "2021")
ROWS = {
    "2004": 95_779, "2011": 95_225, "2012": 95_415,
    "2016": 96_871, "2020": 96_765, "2021": 96_325,
}  # fmt: skip
#: (turnout %, leader's share of ballots in the boxes %, a word of the leader's name)
TOTALS = {
    "2004": (64.39, 71.31, "Путин"),
    "2011": (60.21, 49.31, "ЕДИНАЯ РОССИЯ"),
    "2012": (65.34, 63.60, "Путин"),
    "2016": (47.88, 54.20, "ЕДИНАЯ РОССИЯ"),
    "2020": (67.69, 78.15, "ДА"),
    "2021": (51.72, 49.82, "ЕДИНАЯ РОССИЯ"),
}
#: integer-percentage excess, "either", stations (AOAS filter, 1,000 draws, seed 42)
INTEGER_EXCESS = {
    "2004": 933.7, "2011": 1_003.5, "2012": 1_159.6,
    "2016": 1_502.4, "2020": 3_610.9, "2021": 1_309.8,
}  # fmt: skip


@pytest.mark.parametrize("year", YEARS)
def test_every_year_is_read_by_meaning_with_the_published_totals(year: str) -> None:
    r = real_results(year)
    assert len(r) == ROWS[year]
    turnout, share, leader = TOTALS[year]
    assert round(100 * r.issued.sum() / r.registered.sum(), 2) == turnout
    assert round(100 * r.leader_votes.sum() / r.cast.sum(), 2) == share
    assert leader in r.leader_name
    assert not [w for w in r.warnings if w.level == "implausible"]
    mapping = {m.line: m for m in r.column_mapping}
    for line in ("registered", "invalid"):
        assert mapping[line].used and len(mapping[line].columns) == 1
    assert mapping["issued_on_premises"].used or mapping["issued_total"].used
    assert r.abroad.sum() > 200


def test_2004_sums_the_three_ballots_issued_columns() -> None:
    r = real_results("2004")
    mapping = {m.line: m.columns for m in r.column_mapping}
    assert "досрочно" in mapping["issued_early"][0]
    assert "в день голосования" in mapping["issued_on_premises"][0]
    assert "вне помещения" in mapping["issued_outside"][0]
    assert int(r.issued_early.sum()) > 0 and int(r.issued_outside.sum()) > 0


@pytest.mark.parametrize("year", YEARS)
def test_integer_excess_matches_the_published_figure(year: str) -> None:
    # the published notebook measures the 2020 vote's turnout by the ballots in the boxes
    result = integer_test(
        real_results(year), mc_draws=0, turnout_from="cast" if year == "2020" else "issued"
    )
    cell = result.cell("either", "stations")
    # the published figure comes from 1,000 draws: its Monte Carlo error is sd / sqrt(1000)
    mc_error = cell.null_sd / np.sqrt(1000)
    assert abs(cell.excess - INTEGER_EXCESS[year]) < 4 * mc_error
    assert cell.p_value < 0.001


def test_2021_excess_votes_stay_where_they_were() -> None:
    result = excess_votes(real_results("2021"))
    assert 13.8e6 <= result.excess_votes <= 14.2e6
    assert 13.8e6 <= result.range_low <= result.range_high <= 14.25e6
    assert result.assumptions_hold


def test_2020_clean_peak_is_the_low_mode_not_the_stuffed_one() -> None:
    result = excess_votes(real_results("2020"))
    assert result.peak is not None
    assert result.peak.global_mode > 75  # the highest peak lies in the stuffed region
    assert 38 <= result.clean_turnout <= 47
    # Shpilkin: about 22 million, the amendments passed "by the votes of 29% of voters"
    assert 18e6 <= result.excess_votes <= 32e6
    assert result.range_low > 15e6
    honest_yes = result.leader_votes - result.excess_votes
    assert 0.25 <= honest_yes / real_results("2020").registered.sum() <= 0.34


@pytest.mark.parametrize("year", YEARS)
def test_fingerprint_intervals_have_width(year: str) -> None:
    result = fingerprint(real_results(year), bootstrap=10)
    assert result.incremental_high > result.incremental_low
    assert result.extreme_high > result.extreme_low


def test_2020_fingerprint_finds_massive_fraud() -> None:
    result = fingerprint(real_results("2020"), bootstrap=10)
    assert result.clean_turnout < 0.5
    assert result.incremental > 0.3
    assert result.incremental_low > 0.2


@pytest.mark.parametrize(
    ("year", "incremental", "extreme"),
    # Klimek et al. 2012: 0.64 / 0.033 and 0.39 / 0.021; ours differ by the amounts
    # explained in docs/forensics.md ("Fingerprint against the paper")
    [("2011", 0.69, 0.05), ("2012", 0.46, 0.035)],
)
def test_fingerprint_of_2011_and_2012_as_documented(
    year: str, incremental: float, extreme: float
) -> None:
    result = fingerprint(real_results(year), bootstrap=10)
    assert result.incremental == pytest.approx(incremental, abs=0.02)
    assert result.extreme == pytest.approx(extreme, abs=0.01)
