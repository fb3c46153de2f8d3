from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone, translation

from horizont.network.models import Membership
from horizont.network.tests.factories import make_initiative, make_link
from horizont.positions import services
from horizont.positions.models import Poll, PollOption, Process
from horizont.testing.personas import make_user


@pytest.fixture(autouse=True)
def _english() -> Any:
    """URLs from ``get_absolute_url`` start with /en/ (the site default is Russian)."""
    with translation.override("en"):
        yield


@pytest.fixture
def facilitator(db: Any) -> Any:
    return make_user("facilitator@example.org", display_name="Facilitator")


@pytest.fixture
def berlin(facilitator: Any) -> Any:
    return make_initiative("Berlin House", organizer=facilitator)


@pytest.fixture
def warsaw(db: Any) -> Any:
    return make_initiative("Warsaw House", country="PL", city="Warsaw")


@pytest.fixture
def process(facilitator: Any, berlin: Any, warsaw: Any, member: Any) -> Process:
    """A members-only process of Berlin and Warsaw, now in its decision phase; ``member``
    belongs to Warsaw."""
    make_link(berlin, warsaw)
    Membership.objects.create(initiative=warsaw, user=member, status="active")
    now = timezone.now()
    return services.process_create(
        creator=facilitator,
        initiative=berlin,
        partners=[warsaw],
        slug="flags",
        language="en",
        title="Flags at our protests",
        body="Which flags?",
        participation=Process.Participation.MEMBERS,
        collect_from=now - timedelta(days=10),
        discuss_from=now - timedelta(days=5),
        decide_from=now - timedelta(days=1),
        outcome_from=now + timedelta(days=10),
    )


def make_poll(process: Process, kind: str = "ranked", **fields: Any) -> Poll:
    poll = Poll.objects.create(
        process=process,
        question="Which flags?",
        kind=kind,
        closes_at=fields.pop("closes_at", timezone.now() + timedelta(days=3)),
        **fields,
    )
    for i, label in enumerate(["White-blue-white", "No flags", "Any flag"]):
        PollOption.objects.create(poll=poll, label=label, position=i)
    return poll
