"""Processes: phases in frozen time, who takes part, linked partners only."""

from __future__ import annotations

from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone

from horizont.network.tests.factories import make_initiative
from horizont.positions import services
from horizont.positions.models import Process
from horizont.testing.personas import make_user

pytestmark = pytest.mark.django_db


def test_phases_follow_the_dates(process):
    start = process.collect_from
    with time_machine.travel(start - timedelta(seconds=1), tick=False):
        assert process.phase == Process.Phase.UPCOMING and not process.is_open
    with time_machine.travel(start, tick=False):
        assert process.phase == Process.Phase.COLLECT and process.is_open
    with time_machine.travel(process.discuss_from + timedelta(hours=1), tick=False):
        assert process.phase == Process.Phase.DISCUSS
    with time_machine.travel(process.decide_from, tick=False):
        assert process.phase == Process.Phase.DECIDE
    with time_machine.travel(process.outcome_from, tick=False):
        assert process.phase == Process.Phase.OUTCOME and not process.is_open


def test_member_of_partner_initiative_takes_part(process, member):
    assert member.has_perm("positions.participate", process)


def test_outsider_is_refused_in_members_only_process(process, outsider):
    assert outsider.has_perm("positions.view_process", process)
    assert not outsider.has_perm("positions.participate", process)
    assert not outsider.has_perm("positions.facilitate", process)


def test_confirmed_email_rule(process, outsider):
    process.participation = Process.Participation.CONFIRMED
    process.save()
    unconfirmed = make_user("new@example.org", verified=False)
    assert outsider.has_perm("positions.participate", process)
    assert not unconfirmed.has_perm("positions.participate", process)


def test_nobody_takes_part_after_the_outcome_phase_began(process, member):
    with time_machine.travel(process.outcome_from + timedelta(minutes=1), tick=False):
        assert not member.has_perm("positions.participate", process)


def test_facilitator_is_organizer_of_leading_initiative(process, facilitator, member):
    assert facilitator.has_perm("positions.facilitate", process)
    assert not member.has_perm("positions.facilitate", process)


def test_partner_must_be_linked(facilitator, berlin):
    stranger = make_initiative("Unlinked Group")
    now = timezone.now()
    with pytest.raises(services.NotAllowed):
        services.process_create(
            creator=facilitator,
            initiative=berlin,
            partners=[stranger],
            slug="x",
            language="en",
            title="T",
            body="",
            participation="members",
            collect_from=now,
            discuss_from=now,
            decide_from=now,
            outcome_from=now,
        )
    assert not Process.objects.exists()


def test_process_of_unapproved_initiative_is_hidden(client, process, outsider):
    process.initiative.status = "pending"
    process.initiative.save()
    client.force_login(outsider)
    assert client.get(process.get_absolute_url()).status_code == 404


def test_process_page_lists_everything(client, process, member):
    client.force_login(member)
    response = client.get(process.get_absolute_url())
    assert response.status_code == 200
    assert "Flags at our protests" in response.content.decode()
    assert client.get("/en/positions/").status_code == 200
