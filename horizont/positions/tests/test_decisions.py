"""Decisions: positions, a reason for a block, deadline, quorum, outcome and mail."""

from __future__ import annotations

from datetime import timedelta

import pytest
import time_machine
from django.core import mail
from django.utils import timezone

from horizont.audit.models import AuditEntry
from horizont.positions import services
from horizont.positions.models import Position

pytestmark = pytest.mark.django_db


@pytest.fixture
def decision(process, facilitator):
    return services.decision_create(
        creator=facilitator,
        process=process,
        proposal=None,
        title="Adopt the flags rule",
        details="",
        closes_at=timezone.now() + timedelta(days=2),
        quorum=2,
    )


def test_member_takes_a_position_and_sees_the_tally(client, decision, member):
    client.force_login(member)
    response = client.post(decision.get_absolute_url(), {"choice": "agree", "reason": ""})
    assert response.status_code == 302
    assert Position.objects.get().choice == "agree"
    page = client.get(decision.get_absolute_url()).content.decode()
    assert "Your position:" in page and "not reached yet" in page


def test_block_without_reason_is_refused(client, decision, member):
    client.force_login(member)
    response = client.post(decision.get_absolute_url(), {"choice": "block", "reason": " "})
    assert response.status_code == 200
    assert "A block needs a reason." in response.content.decode()
    assert not Position.objects.exists()


def test_block_reason_error_in_russian(client, decision, member):
    client.force_login(member)
    url = "/ru" + decision.get_absolute_url()[3:]
    response = client.post(url, {"choice": "block", "reason": ""})
    assert "Блокировка требует обоснования." in response.content.decode()


def test_second_position_is_refused(client, decision, member):
    client.force_login(member)
    client.post(decision.get_absolute_url(), {"choice": "agree"})
    response = client.post(decision.get_absolute_url(), {"choice": "disagree"}, follow=True)
    assert "already taken a position" in response.content.decode()
    assert Position.objects.get().choice == "agree"


def test_position_after_the_deadline_is_refused(client, decision, member):
    client.force_login(member)
    with time_machine.travel(decision.closes_at + timedelta(seconds=1), tick=False):
        response = client.post(decision.get_absolute_url(), {"choice": "agree"}, follow=True)
    assert "This decision is closed." in response.content.decode()
    assert not Position.objects.exists()


def test_outsider_cannot_take_a_position(client, decision, outsider):
    client.force_login(outsider)
    client.post(decision.get_absolute_url(), {"choice": "agree"})
    assert not Position.objects.exists()


def test_facilitator_records_outcome_and_participants_get_mail(
    client, decision, member, facilitator, django_capture_on_commit_callbacks
):
    services.position_take(user=member, decision=decision, choice="block", reason="Not yet")
    client.force_login(facilitator)
    url = decision.get_absolute_url() + "outcome/"
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, {"statement": "We discuss again in May."})
    decision.refresh_from_db()
    assert decision.outcome == "We discuss again in May." and not decision.is_open
    assert len(mail.outbox) == 1 and mail.outbox[0].to == [member.email]
    assert "We discuss again in May." in mail.outbox[0].body
    assert AuditEntry.objects.filter(action="positions.outcome_record").exists()


def test_member_cannot_record_outcome(client, decision, member):
    client.force_login(member)
    response = client.post(decision.get_absolute_url() + "outcome/", {"statement": "Mine"})
    assert response.status_code == 403
    decision.refresh_from_db()
    assert decision.outcome == ""


def test_facilitator_puts_a_proposal_to_a_decision(client, process, facilitator, member):
    from horizont.positions.models import Decision

    proposal = services.proposal_create(
        author=member, process=process, versions={"en": ("Only white-blue-white", "")}
    )
    url = f"/en/positions/{process.slug}/decisions/new/?proposal={proposal.pk}"
    client.force_login(member)
    assert client.get(url).status_code == 403
    client.force_login(facilitator)
    assert "Only white-blue-white" in client.get(url).content.decode()
    response = client.post(
        url, {"title": "Adopt?", "details": "", "closes_at": "2099-01-01T10:00", "quorum": "3"}
    )
    decision = Decision.objects.get()
    assert response.status_code == 302 and decision.proposal == proposal
    assert decision.quorum == 3 and decision.is_open
