"""REST API of the observers app (mounted at /api/observers/), read only and aggregate.

A programme's dashboard figures, with stable keys and labels in the request's language:
the public version (figures resting on fewer than five polling stations withheld as null)
for programmes whose coordinators published it, the full version for coordinators with
two-factor. Never part of the API: volunteers, their contacts, assignments, single
reports, incidents or photos.
"""

from __future__ import annotations

from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Router, Schema

from horizont.observers import services
from horizont.observers.models import ChecklistForm, Incident, Programme

router = Router(tags=["observers"])


class ProgrammeOut(Schema):
    id: int
    name: str
    election: str
    status: str
    public_dashboard: bool
    url: str


class Count(Schema):
    key: str
    label: str
    count: int | None


class IncidentRow(Schema):
    category: str
    label: str
    total: int | None
    by_status: list[Count]


class TurnoutRow(Schema):
    hour: str
    stations: int
    turnout: float | None


class DashboardOut(Schema):
    programme: int
    public: bool
    minimum_stations: int
    stations: int
    covered: int | None
    copies: int | None
    agreed: int | None
    differing: int | None
    reports: list[Count]
    incidents: list[IncidentRow]
    turnout_by_hour: list[TurnoutRow]
    official_final_turnout: float | None
    note: str


def _readable(request: HttpRequest, programme: Programme) -> bool:
    return bool(request.user.has_perm("observers.manage_programme", programme))


@router.get("/programmes", response=list[ProgrammeOut], summary="Observer programmes")
def programmes(request: HttpRequest) -> list[dict]:
    """Programmes with a published dashboard; coordinators with two-factor see all."""
    rows = Programme.objects.select_related("election")
    if not request.user.has_perm("observers.add_programme"):
        rows = rows.filter(public_dashboard=True)
    return [
        {
            "id": p.pk,
            "name": p.name,
            "election": p.election.name,
            "status": p.status,
            "public_dashboard": p.public_dashboard,
            "url": p.get_absolute_url(),
        }
        for p in rows
    ]


@router.get(
    "/programmes/{programme_id}/dashboard",
    response=DashboardOut,
    summary="Dashboard figures of a programme",
)
def dashboard(request: HttpRequest, programme_id: int) -> dict:
    programme = get_object_or_404(Programme.objects.select_related("election"), pk=programme_id)
    full = _readable(request, programme)
    if not full and not programme.public_dashboard:
        raise Http404
    data = services.programme_dashboard(programme, public=not full)
    return {
        "programme": programme.pk,
        "public": not full,
        "minimum_stations": data["minimum"],
        "stations": data["stations"],
        "covered": data["covered"],
        "copies": data["copies"],
        "agreed": data["agreed"],
        "differing": data["differing"],
        "reports": [
            {"key": key, "label": str(label), "count": n}
            for key, (label, n) in zip(ChecklistForm.Kind.values, data["reports"], strict=True)
        ],
        "incidents": [
            {
                "category": key,
                "label": str(row["label"]),
                "total": row["total"],
                "by_status": [
                    {"key": status, "label": str(label), "count": n}
                    for status, (label, n) in zip(
                        Incident.Status.values, row["by_status"], strict=True
                    )
                ],
            }
            for key, row in zip(Incident.Category.values, data["incidents"], strict=True)
        ],
        "turnout_by_hour": data["turnout"]["rows"],
        "official_final_turnout": data["turnout"]["official"],
        "note": "Official results have no hourly turnout: turnout_by_hour is what observers "
        "reported; official_final_turnout is the final official turnout of the same stations.",
    }
