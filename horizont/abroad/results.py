"""Official results of the stations abroad, read from the elections app's imported rows.

A station abroad matches the official row with the same number among the election's
stations abroad; the previous election is the latest earlier one with a station abroad
under the same number.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from horizont.abroad.models import Station, Vote
from horizont.elections.models import Election
from horizont.elections.models import Station as ResultStation


def _ratio(part: float, whole: float) -> float | None:
    return part / whole if whole else None


@dataclass
class StationResult:
    official: ResultStation
    parties: list[dict[str, Any]]
    previous: ResultStation | None
    previous_election: Election | None
    pledges: int
    pledges_share: float | None


def station_results(station: Station) -> StationResult | None:
    official = station.official
    if official is None or station.vote.results_id != official.election_id:
        return None
    previous = station.previous_official
    parties = sorted(official.party_results(), key=lambda p: -p["votes"])
    return StationResult(
        official=official,
        parties=parties,
        previous=previous,
        previous_election=previous.election if previous else None,
        pledges=station.pledge_count,
        pledges_share=_ratio(station.pledge_count, official.ballots_issued),
    )


@dataclass
class Row:
    station: Station
    registered: int = 0
    ballots_issued: int = 0
    ballots_cast: int = 0
    turnout: float | None = None
    votes: list[int] = field(default_factory=list)
    pledges: int = 0


@dataclass
class Table:
    parties: list[str]
    rows: list[Row]
    countries: list[tuple[str, int]]
    cities: list[tuple[str, int]] = field(default_factory=list)
    totals: Row | None = None
    chart: list[dict[str, Any]] = field(default_factory=list)


def vote_results(vote: Vote, *, country: str = "", city: str = "") -> Table:
    """One row per station abroad (of a country or city, or all), totals and chart bars."""
    election = vote.results
    assert election is not None
    stations = list(vote.stations.all())
    all_countries: dict[str, int] = {}
    for s in stations:
        all_countries[s.country] = all_countries.get(s.country, 0) + 1
    if country:
        stations = [s for s in stations if s.country == country]
    cities: dict[str, int] = {}
    for s in stations:
        if s.city:
            cities[s.city] = cities.get(s.city, 0) + 1
    if city:
        stations = [s for s in stations if s.city.casefold() == city.casefold()]
    official = {
        r.pk: r
        for r in ResultStation.objects.filter(
            election=election, pk__in=[s.official_id for s in stations if s.official_id]
        ).only("registered", "ballots_issued", "ballots_cast", "votes", "turnout")
    }
    parties = list(election.party_names)
    rows = []
    total = Row(station=Station(number=0), votes=[0] * len(parties))
    for s in stations:
        found = official.get(s.official_id) if s.official_id else None
        row = Row(station=s, pledges=s.pledge_count)
        if found is not None:
            row.registered = found.registered
            row.ballots_issued = found.ballots_issued
            row.ballots_cast = found.ballots_cast
            row.turnout = found.turnout
            row.votes = [int(v) for v in found.votes]
            total.registered += row.registered
            total.ballots_issued += row.ballots_issued
            total.ballots_cast += row.ballots_cast
            total.votes = [a + b for a, b in zip(total.votes, row.votes, strict=False)]
        total.pledges += row.pledges
        rows.append(row)
    total.turnout = _ratio(total.ballots_issued, total.registered)
    top = max(total.votes, default=0)
    chart = [
        {
            "name": name,
            "votes": votes,
            "share": _ratio(votes, total.ballots_cast),
            "width": round(300 * votes / top) if top else 0,
            "y": 22 * i,
        }
        for i, (name, votes) in enumerate(
            sorted(zip(parties, total.votes, strict=False), key=lambda p: -p[1])
        )
    ]
    return Table(
        parties=parties,
        rows=rows,
        countries=sorted(all_countries.items()),
        cities=sorted(cities.items()) if country else [],
        totals=total,
        chart=chart,
    )
