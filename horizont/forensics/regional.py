"""Regional integer-turnout test: where do the integer peaks come from?

For each region, the registered voters of stations whose turnout lies within the
window of a whole percent, minus those within the window of a half percent
(Kobak et al.). Without manipulation both are expected to be about equal; the
exact binomial null gives each region's expected difference and its spread.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from horizont.forensics.integer import StationFilter, integer_probability, is_integer_percent
from horizont.forensics.model import Results


@dataclass(frozen=True)
class RegionScore:
    """One region's integer-minus-half-percent voter count against its null."""

    region: str
    stations: int
    registered: int
    integer_voters: int
    half_voters: int
    excess_voters: int
    null_mean: float
    null_sd: float
    z: float


@dataclass(frozen=True)
class RegionalTest:
    """Regions ranked by excess voters at integer turnout (highest first)."""

    window: float
    ranking: tuple[RegionScore, ...]

    def above(self, voters: int) -> list[str]:
        """Names of regions whose excess exceeds ``voters``."""
        return [r.region for r in self.ranking if r.excess_voters > voters]


def regional_test(
    results: Results, *, window: float = 0.05, station_filter: StationFilter | None = None
) -> RegionalTest:
    """Rank regions by voters at integer turnout minus voters at half-integer turnout."""
    mask = (station_filter or StationFilter()).mask(results)
    registered = results.registered[mask]
    issued = results.issued[mask]
    region = results.region[mask]
    turnout = issued / registered
    whole = is_integer_percent(issued, registered, window)
    half = is_integer_percent(issued, registered, window, offset=0.5)
    p_whole = integer_probability(registered, turnout, window)
    p_half = integer_probability(registered, turnout, window, offset=0.5)
    names, inverse = np.unique(region, return_inverse=True)
    weight = registered.astype(np.float64)
    k = names.size
    whole_voters = np.bincount(inverse, weight * whole, minlength=k)
    half_voters = np.bincount(inverse, weight * half, minlength=k)
    mean = np.bincount(inverse, weight * (p_whole - p_half), minlength=k)
    # the two indicators are exclusive: Var(I - H) = p + q - (p - q)^2
    variance = np.bincount(
        inverse, weight**2 * (p_whole + p_half - (p_whole - p_half) ** 2), minlength=k
    )
    stations = np.bincount(inverse, minlength=k)
    voters = np.bincount(inverse, weight, minlength=k)
    scores = []
    for i, name in enumerate(names.tolist()):
        sd = math.sqrt(float(variance[i]))
        excess = int(whole_voters[i] - half_voters[i])
        scores.append(
            RegionScore(
                region=str(name),
                stations=int(stations[i]),
                registered=int(voters[i]),
                integer_voters=int(whole_voters[i]),
                half_voters=int(half_voters[i]),
                excess_voters=excess,
                null_mean=float(mean[i]),
                null_sd=sd,
                z=(excess - float(mean[i])) / sd if sd > 0 else 0.0,
            )
        )
    scores.sort(key=lambda s: -s.excess_voters)
    return RegionalTest(window=window, ranking=tuple(scores))
