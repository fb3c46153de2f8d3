"""REST API of the sanctions app (mounted at /api/sanctions/): screening search, entity
details and batch screening."""

from __future__ import annotations

from typing import Any, Literal
from uuid import UUID

from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.utils.translation import get_language
from ninja import File, Query, Router, Schema, Status
from ninja.errors import HttpError
from ninja.files import UploadedFile
from ninja.security import django_auth

from horizont.core.ratelimit import allow
from horizont.jobs.models import Job
from horizont.sanctions import services
from horizont.screening import Entity, Match

router = Router(tags=["sanctions"])


class SearchParams(Schema):
    q: str
    kind: Literal["person", "organization", "vessel", "aircraft"] | None = None
    list: str | None = None
    country: str | None = None
    birth_year: int | None = None
    limit: int = 10


class ChainStepOut(Schema):
    kinds: list[str]
    entity_id: str
    caption: str


class MatchOut(Schema):
    entity_id: str
    caption: str
    kind: str
    list_id: str
    list_version: str
    score: float
    band: str
    matched_name: str | None
    matched_identifier: str | None
    explanation: list[str]
    chains: list[list[ChainStepOut]]


class NameOut(Schema):
    value: str
    kind: str
    quality: str


class IdentifierOut(Schema):
    type: str
    value: str
    country: str | None
    valid: bool


class LinkOut(Schema):
    kinds: list[str]
    entity_id: str
    caption: str


class EntityOut(Schema):
    id: str
    kind: str
    caption: str
    list_id: str
    list_version: str
    source_id: str
    names: list[NameOut]
    identifiers: list[IdentifierOut]
    birth_dates: list[str]
    nationalities: list[str]
    addresses: list[str]
    programs: list[str]
    links_from: list[LinkOut]
    links_to: list[LinkOut]
    remarks: str | None


class BatchJobOut(Schema):
    job_id: UUID
    status: str
    done: int
    total: int | None
    error: str
    result_csv: str | None
    rows: list[dict[str, str]] | None


def _match_out(match: Match) -> dict[str, Any]:
    return {
        "entity_id": match.entity.id,
        "caption": match.entity.caption,
        "kind": match.entity.schema.value,
        "list_id": match.entity.list_id,
        "list_version": match.entity.source.version,
        "score": match.score,
        "band": match.band.value,
        "matched_name": match.matched_name.value if match.matched_name else None,
        "matched_identifier": match.identifier.identifier.value if match.identifier else None,
        "explanation": match.explain(),
        "chains": [
            [
                {
                    "kinds": [str(k) for k in s.kinds],
                    "entity_id": s.entity.id,
                    "caption": s.entity.caption,
                }
                for s in chain.steps
            ]
            for chain in match.chains
        ],
    }


@router.get("/search", response=list[MatchOut], summary="Screen a name or identifier")
def search(request: HttpRequest, params: Query[SearchParams]) -> list[dict[str, Any]]:
    """Matches across every loaded list, best first, each with its explanation and the
    chains of links that show why it matters. ``kind`` is person, organization,
    vessel or aircraft; ``list`` a list id."""
    query = params.q.strip()
    if not query:
        raise HttpError(422, "q must not be empty")
    matches = services.entities_search(
        services.SearchRequest(
            query=query,
            schema=params.kind,
            list_id=params.list,
            country=params.country,
            birth_year=params.birth_year,
            limit=max(1, min(params.limit, 50)),
        )
    )
    return [_match_out(m) for m in matches]


def _link_out(entity: Entity, kinds: tuple[Any, ...]) -> dict[str, Any]:
    return {"kinds": [str(k) for k in kinds], "entity_id": entity.id, "caption": entity.caption}


@router.get("/entities/{path:entity_id}", response=EntityOut, summary="One listed entity")
def entity_detail(request: HttpRequest, entity_id: str) -> dict[str, Any]:
    """Everything the list says about an entity, with its direct links both ways."""
    entity = services.entity_get(entity_id)
    if entity is None:
        raise HttpError(404, "no such entity")
    graph = services.screening_index().graph
    index = services.screening_index()
    return {
        "id": entity.id,
        "kind": entity.schema.value,
        "caption": entity.caption,
        "list_id": entity.list_id,
        "list_version": entity.source.version,
        "source_id": entity.source.source_id,
        "names": [
            {"value": n.value, "kind": n.kind.value, "quality": n.quality.value}
            for n in entity.names
        ],
        "identifiers": [
            {"type": i.type.value, "value": i.value, "country": i.country, "valid": i.valid}
            for i in entity.identifiers
        ],
        "birth_dates": [str(d) for d in entity.birth_dates],
        "nationalities": entity.nationalities,
        "addresses": [str(a) for a in entity.addresses],
        "programs": entity.programs,
        "links_from": [_link_out(index.get(e.target), e.kinds) for e in graph.outgoing(entity.id)],
        "links_to": [_link_out(index.get(e.source), e.kinds) for e in graph.incoming(entity.id)],
        "remarks": entity.remarks,
    }


def _job_out(request: HttpRequest, job: Job) -> dict[str, Any]:
    from django.urls import reverse

    finished = job.status == Job.Status.DONE
    return {
        "job_id": job.pk,
        "status": job.status,
        "done": job.done,
        "total": job.total,
        "error": job.error,
        "result_csv": (reverse("sanctions:batch_result", args=[job.pk]) + "?format=csv")
        if finished
        else None,
        "rows": services.batch_rows(job.pk) if finished else None,
    }


@router.post(
    "/batch", response={202: BatchJobOut}, auth=django_auth, summary="Start a batch screening"
)
def batch_start(request: HttpRequest, file: File[UploadedFile]) -> Status:
    """Upload a CSV (UTF-8; a column headed ``name`` or the first column) and get a job
    id; poll ``GET /batch/{job_id}`` for progress and the best match per name."""
    if not allow(request, "post"):
        raise HttpError(429, "too many uploads; try again later")
    if file.size > 2 * 1024 * 1024:
        raise HttpError(422, "the file is larger than 2 MB")
    try:
        queries = services.batch_queries_parse(file.read())
    except ValidationError as error:
        raise HttpError(422, " ".join(error.messages)) from error
    job = services.batch_screen_start(user=request.user, queries=queries, language=get_language())
    job.refresh_from_db()
    return Status(202, _job_out(request, job))


@router.get("/batch/{job_id}", response=BatchJobOut, auth=django_auth, summary="Batch status")
def batch_status(request: HttpRequest, job_id: UUID) -> dict[str, Any]:
    """Progress of a batch screening, and its rows once it is done."""
    job = get_object_or_404(Job, pk=job_id, owner=request.user, name__endswith="batch_screen_task")
    return _job_out(request, job)
