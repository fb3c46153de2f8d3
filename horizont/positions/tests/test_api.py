from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from horizont.positions import services

pytestmark = pytest.mark.django_db


def test_processes_and_live_tally(client, process, member, facilitator):
    decision = services.decision_create(
        creator=facilitator,
        process=process,
        proposal=None,
        title="Adopt",
        details="",
        closes_at=timezone.now() + timedelta(days=1),
        quorum=1,
    )
    services.position_take(user=member, decision=decision, choice="agree", reason="")
    listing = client.get("/api/positions/processes").json()
    assert listing[0]["slug"] == "flags" and listing[0]["partners"] == ["warsaw-house"]
    tally = client.get(f"/api/positions/processes/flags/decisions/{decision.pk}/tally").json()
    assert tally["agree"] == 1 and tally["quorum_reached"] and tally["open"]
    assert "user" not in str(tally) and member.email not in str(tally)
    page = client.get(decision.get_absolute_url()).content.decode()
    assert f"/api/positions/processes/flags/decisions/{decision.pk}/tally" in page


def test_tally_of_hidden_process_is_not_found(client, process, facilitator):
    decision = services.decision_create(
        creator=facilitator,
        process=process,
        proposal=None,
        title="Adopt",
        details="",
        closes_at=timezone.now() + timedelta(days=1),
        quorum=1,
    )
    process.initiative.status = "pending"
    process.initiative.save()
    response = client.get(f"/api/positions/processes/flags/decisions/{decision.pk}/tally")
    assert response.status_code == 404
