"""REST API of the positions app (mounted at /api/positions/): public processes and the
live tallies of decisions, read only. Nobody's individual votes are part of the API."""

from __future__ import annotations

import datetime as dt

from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Router, Schema

from horizont.positions import services
from horizont.positions.models import Process

router = Router(tags=["positions"])


class ProcessOut(Schema):
    slug: str
    title: str
    initiative: str
    partners: list[str]
    phase: str
    collect_from: dt.datetime
    discuss_from: dt.datetime
    decide_from: dt.datetime
    outcome_from: dt.datetime
    url: str


class TallyOut(Schema):
    agree: int
    abstain: int
    disagree: int
    block: int
    total: int
    quorum: int
    quorum_reached: bool
    open: bool


def _visible(request: HttpRequest, slug: str) -> Process:
    process = get_object_or_404(Process.objects.select_related("initiative"), slug=slug)
    if not request.user.has_perm("positions.view_process", process):
        raise Http404
    return process


@router.get("/processes", response=list[ProcessOut], summary="Joint processes")
def processes(request: HttpRequest) -> list[dict]:
    rows = Process.objects.filter(initiative__status="approved").select_related("initiative")
    return [
        {
            "slug": p.slug,
            "title": p.text()["title"],
            "initiative": p.initiative.slug,
            "partners": [i.slug for i in p.partners.all()],
            "phase": p.phase,
            "collect_from": p.collect_from,
            "discuss_from": p.discuss_from,
            "decide_from": p.decide_from,
            "outcome_from": p.outcome_from,
            "url": p.get_absolute_url(),
        }
        for p in rows.prefetch_related("partners")
    ]


@router.get(
    "/processes/{slug}/decisions/{decision_id}/tally",
    response=TallyOut,
    summary="Live tally of a decision",
)
def decision_tally(request: HttpRequest, slug: str, decision_id: int) -> dict:
    process = _visible(request, slug)
    decision = get_object_or_404(process.decisions, pk=decision_id)
    summary = services.decision_summary(decision)
    return {
        **summary["tally"],
        "total": summary["total"],
        "quorum": decision.quorum,
        "quorum_reached": summary["quorum_reached"],
        "open": decision.is_open,
    }
