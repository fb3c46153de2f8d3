"""Events test data: initiatives with organizers and events at a known place and time."""

from __future__ import annotations

import datetime as dt
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone, translation

from horizont.events.models import Event
from horizont.network.models import Initiative, Membership
from horizont.testing.personas import make_user

BERLIN = ZoneInfo("Europe/Berlin")


def make_initiative(slug: str, *, approved: bool = True, city: str = "Berlin") -> Initiative:
    return Initiative.objects.create(
        name=slug.replace("-", " ").title(),
        slug=slug,
        language="en",
        country="DE",
        city=city,
        status=Initiative.Status.APPROVED if approved else Initiative.Status.PENDING,
    )


def make_organizer(email: str, initiative: Initiative, **fields: Any) -> Any:
    user = make_user(email, **fields)
    Membership.objects.create(initiative=initiative, user=user, role="organizer", status="active")
    return user


def make_event(initiative: Initiative, **fields: Any) -> Event:
    # A fixed hour (17:00 UTC, evening in Europe): what a page shows must not depend on when
    # the suite runs (an event starting at 23:30 would end on the next day).
    default_start = (timezone.now() + dt.timedelta(days=10)).replace(
        hour=17, minute=0, second=0, microsecond=0
    )
    start = fields.pop("start", default_start)
    values: dict[str, Any] = {
        "title": "Film night",
        "kind": Event.Kind.CULTURAL,
        "start": start,
        "end": start + dt.timedelta(hours=2),
        "timezone": "Europe/Berlin",
        "address": "Example street 1",
        "city": "Berlin",
        "country": "DE",
    }
    values.update(fields)
    return Event.objects.create(initiative=initiative, **values)


@pytest.fixture(autouse=True)
def _english() -> Any:
    """Tests read English pages and mails unless they ask for another language."""
    with translation.override("en"):
        yield


@pytest.fixture
def initiative(db: Any) -> Initiative:
    return make_initiative("free-voices")


@pytest.fixture
def organizer(initiative: Initiative) -> Any:
    return make_organizer("organizer@example.org", initiative, display_name="Org")


@pytest.fixture
def other_initiative(db: Any) -> Initiative:
    return make_initiative("other-circle", city="Warsaw")


@pytest.fixture
def other_organizer(other_initiative: Initiative) -> Any:
    """Organizes another initiative: must be refused everything of ``initiative``."""
    return make_organizer("other-organizer@example.org", other_initiative)


@pytest.fixture
def event(initiative: Initiative) -> Event:
    return make_event(initiative, online_url="https://meet.example.org/secret-room")
