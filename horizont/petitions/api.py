"""REST API of the petitions app (mounted at /api/petitions/): public petitions and their
counts, read only. Signers never appear in the API."""

from __future__ import annotations

import datetime as dt

from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.utils import translation
from ninja import Router, Schema

from horizont.petitions.models import Petition

router = Router(tags=["petitions"])


class PetitionOut(Schema):
    id: int
    title: str
    initiative: str
    status: str
    goal: int
    signatures: int
    deadline: dt.datetime
    languages: list[str]


def _out(petition: Petition) -> PetitionOut:
    text = petition.text_for(translation.get_language())
    return PetitionOut(
        id=petition.pk,
        title=text.title if text else "",
        initiative=petition.initiative.slug,
        status=petition.status,
        goal=petition.goal,
        signatures=petition.signature_count,
        deadline=petition.deadline,
        languages=[t.language for t in petition.texts.all()],
    )


@router.get("/", response=list[PetitionOut], summary="Public petitions")
def petition_list(request: HttpRequest) -> list[PetitionOut]:
    petitions = Petition.objects.public().select_related("initiative").prefetch_related("texts")
    return [_out(p) for p in petitions[:200]]


@router.get("/{petition_id}", response=PetitionOut, summary="One public petition")
def petition_get(request: HttpRequest, petition_id: int) -> PetitionOut:
    petition = get_object_or_404(
        Petition.objects.public().select_related("initiative"), pk=petition_id
    )
    return _out(petition)
