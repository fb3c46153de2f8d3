"""REST API of the events app (mounted at /api/events/): public events, read only.

Online links and participants are never part of the API.
"""

from __future__ import annotations

import datetime as dt

from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.utils import timezone
from ninja import Router, Schema
from ninja.pagination import PageNumberPagination, paginate

from horizont.events.models import Event

router = Router(tags=["events"])


class InitiativeRef(Schema):
    slug: str
    name: str


class EventOut(Schema):
    id: int
    title: str
    description: str
    kind: str
    status: str
    start: dt.datetime
    end: dt.datetime
    timezone: str
    local_start: str
    local_end: str
    address: str
    city: str
    country: str
    latitude: float | None
    longitude: float | None
    online: bool
    capacity: int | None
    report_url: str
    initiative: InitiativeRef
    url: str

    @staticmethod
    def resolve_local_start(obj: Event) -> str:
        return obj.local_start.isoformat()

    @staticmethod
    def resolve_local_end(obj: Event) -> str:
        return obj.local_end.isoformat()

    @staticmethod
    def resolve_online(obj: Event) -> bool:
        return bool(obj.online_url) or obj.is_online

    @staticmethod
    def resolve_url(obj: Event) -> str:
        return obj.get_absolute_url()


@router.get("/", response=list[EventOut], summary="Public events")
@paginate(PageNumberPagination)
def list_events(
    request: HttpRequest,
    when: str = "upcoming",
    city: str = "",
    kind: str = "",
    initiative: str = "",
):
    """Upcoming (default) or past events of approved initiatives, filtered by city, kind
    and initiative (its short address)."""
    now = timezone.now()
    events = Event.objects.public().select_related("initiative")
    events = events.past(now) if when == "past" else events.upcoming(now)
    if city:
        events = events.in_city(city)
    if kind:
        events = events.filter(kind=kind)
    if initiative:
        events = events.filter(initiative__slug=initiative)
    return events


@router.get("/{event_id}", response=EventOut, summary="One public event")
def get_event(request: HttpRequest, event_id: int):
    return get_object_or_404(Event.objects.public().select_related("initiative"), pk=event_id)
