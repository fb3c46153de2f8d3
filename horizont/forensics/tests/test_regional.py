"""The regional integer-turnout ranking."""

from __future__ import annotations

import pytest

from horizont.forensics.model import Results
from horizont.forensics.regional import regional_test
from horizont.forensics.tests.synthetic import clean_election, with_rounded_turnout


@pytest.mark.slow
def test_2021_ranking_puts_the_four_regions_above_200000(results_2021: Results) -> None:
    result = regional_test(results_2021)
    above = result.above(200_000)
    for region in ("Татарстан", "Башкортостан", "Ставропольский", "Краснодарский"):
        assert any(region in name for name in above), region
    assert "Татарстан" in result.ranking[0].region
    assert result.ranking[0].z > 5


def test_region_with_planted_rounding_ranks_first_and_clean_regions_do_not_stand_out() -> None:
    election = clean_election(12_000, seed=21, regions=4)
    rounded, _ = with_rounded_turnout(election, 0.04, seed=2, region="Region C")
    result = regional_test(rounded)
    assert result.ranking[0].region == "Region C"
    assert result.ranking[0].z > 5
    for score in result.ranking[1:]:
        assert abs(score.z) < 4
