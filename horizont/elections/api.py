"""REST API of the elections app (mounted at /api/elections/): public, read-only."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.urls import reverse
from ninja import Field, Router, Schema
from ninja.pagination import PageNumberPagination, paginate

from horizont.elections.models import Election, Station

router = Router(tags=["elections"])


class PartyOut(Schema):
    name: str
    votes: int
    share: float | None


class ElectionOut(Schema):
    id: int
    name: str
    date: date | None
    country: str
    kind: str
    stations: int
    registered: int
    ballots_issued: int
    ballots_cast: int
    turnout: float | None
    leader: str
    leader_share: float | None
    url: str
    report_url: str
    flagged_csv_url: str


class ElectionDetailOut(ElectionOut):
    source_name: str
    source_sha256: str
    parties: list[PartyOut]
    abroad: dict[str, Any]
    warnings: list[dict[str, Any]]


class StationOut(Schema):
    id: int
    row: int
    region: str
    oik: str
    tik: str
    uik: int
    registered: int
    ballots_issued: int
    ballots_cast: int
    valid: int
    invalid: int
    votes: list[int]
    turnout: float | None
    leader_share: float | None
    abroad: bool
    remote: bool
    flags: list[str] = Field(default_factory=list)


def _visible(request: HttpRequest) -> Any:
    elections = Election.objects.all()
    if not request.user.has_perm("elections.view_hidden_election"):
        elections = elections.published()
    return elections


def _out(election: Election, *, detail: bool = False) -> dict[str, Any]:
    out: dict[str, Any] = {
        "id": election.pk,
        "name": election.name,
        "date": election.date,
        "country": election.country,
        "kind": election.kind,
        "stations": election.stations,
        "registered": election.registered,
        "ballots_issued": election.ballots_issued,
        "ballots_cast": election.ballots_cast,
        "turnout": election.turnout,
        "leader": election.leader,
        "leader_share": election.leader_share,
        "url": election.get_absolute_url(),
        "report_url": reverse("api:elections_report", args=[election.pk]),
        "flagged_csv_url": reverse("elections:flagged_csv", args=[election.pk]),
    }
    if detail:
        out.update(
            source_name=election.source_name,
            source_sha256=election.source_sha256,
            parties=election.party_results(),
            abroad=election.abroad,
            warnings=election.warnings,
        )
    return out


@router.get("/", response=list[ElectionOut], summary="Imported elections")
@paginate(PageNumberPagination)
def elections(request: HttpRequest) -> list[dict[str, Any]]:
    return [_out(e) for e in _visible(request)]


@router.get("/{int:pk}", response=ElectionDetailOut, summary="One election with party results")
def election(request: HttpRequest, pk: int) -> dict[str, Any]:
    return _out(get_object_or_404(_visible(request), pk=pk), detail=True)


@router.get(
    "/{int:pk}/stations",
    response=list[StationOut],
    summary="Polling stations (filters: region, tik, flagged, abroad)",
)
@paginate(PageNumberPagination)
def stations(
    request: HttpRequest,
    pk: int,
    region: str = "",
    tik: str = "",
    flagged: bool = False,
    abroad: bool | None = None,
) -> Any:
    election = get_object_or_404(_visible(request), pk=pk)
    found = Station.objects.filter(election=election).order_by("row")
    if region:
        found = found.filter(region=region)
    if tik:
        found = found.filter(tik=tik)
    if flagged:
        found = found.flagged()
    if abroad is not None:
        found = found.filter(abroad=abroad)
    return found


@router.get(
    "/{int:pk}/report",
    url_name="elections_report",
    summary="The forensic report as JSON (schema horizont.forensics.report/1)",
)
def report(request: HttpRequest, pk: int, region: str = "") -> dict[str, Any]:
    from horizont.elections import services

    election = get_object_or_404(_visible(request), pk=pk)
    if region:
        try:
            return services.region_report_get(election=election, region=region).data
        except Exception as err:  # noqa: BLE001 - unknown region
            from ninja.errors import HttpError

            raise HttpError(404, "no such region") from err
    stored = get_object_or_404(election.reports, region="")
    return stored.data
