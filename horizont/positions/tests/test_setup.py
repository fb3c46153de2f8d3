"""Organizers start processes and open polls; moderators hide statements."""

from __future__ import annotations

import pytest

from horizont.audit.models import AuditEntry
from horizont.network.tests.factories import make_initiative
from horizont.positions import services
from horizont.positions.models import Poll, Process, Statement

pytestmark = pytest.mark.django_db

DATES = {
    "collect_from": "2026-12-01T10:00",
    "discuss_from": "2026-12-08T10:00",
    "decide_from": "2026-12-15T10:00",
    "outcome_from": "2026-12-22T10:00",
}


def _process_data(lead, partners, **extra):
    return {
        "initiative": lead.pk,
        "partners": [p.pk for p in partners],
        "slug": "joint-flags",
        "language": "en",
        "title": "Joint flags",
        "body": "",
        "participation": "members",
        **DATES,
        **extra,
    }


def test_organizer_starts_a_process_with_a_linked_partner(client, process, facilitator):
    berlin, warsaw = process.initiative, process.partners.get()
    client.force_login(facilitator)
    response = client.post("/en/positions/new/", _process_data(berlin, [warsaw]))
    created = Process.objects.get(slug="joint-flags")
    assert response.status_code == 302
    assert list(created.partners.all()) == [warsaw] and created.facilitator == facilitator
    assert created.phase_at(created.collect_from) == "collect"


def test_unlinked_partner_cannot_be_chosen(client, process, facilitator):
    stranger = make_initiative("Stranger House")
    client.force_login(facilitator)
    response = client.post("/en/positions/new/", _process_data(process.initiative, [stranger]))
    assert response.status_code == 200
    assert not Process.objects.filter(slug="joint-flags").exists()


def test_phases_out_of_order_are_refused(client, process, facilitator):
    client.force_login(facilitator)
    data = _process_data(process.initiative, [], decide_from="2026-11-01T10:00")
    response = client.post("/en/positions/new/", data)
    assert "must follow each other in time" in response.content.decode()
    assert not Process.objects.filter(slug="joint-flags").exists()


def test_member_without_organizer_role_cannot_start_a_process(client, process, member):
    client.force_login(member)
    assert client.get("/en/positions/new/").status_code == 403
    response = client.post("/en/positions/new/", _process_data(process.initiative, []))
    assert response.status_code == 403
    assert not Process.objects.filter(slug="joint-flags").exists()


def test_facilitator_opens_a_ranked_poll(client, process, facilitator):
    client.force_login(facilitator)
    response = client.post(
        f"/en/positions/{process.slug}/polls/new/",
        {
            "question": "Which flags?",
            "kind": "ranked",
            "anonymous": "on",
            "results": "live",
            "closes_at": "2030-01-01T10:00",
            "max_choices": "0",
            "score_max": "5",
            "options_text": "White-blue-white\nNo flags\n\nAny flag",
        },
    )
    poll = Poll.objects.get()
    assert response.status_code == 302
    assert [o.label for o in poll.options.all()] == ["White-blue-white", "No flags", "Any flag"]
    assert AuditEntry.objects.filter(action="positions.poll_create").exists()


def test_poll_with_one_option_is_refused(client, process, facilitator):
    client.force_login(facilitator)
    response = client.post(
        f"/en/positions/{process.slug}/polls/new/",
        {
            "question": "Q",
            "kind": "single",
            "results": "live",
            "closes_at": "2030-01-01T10:00",
            "max_choices": "0",
            "score_max": "5",
            "options_text": "Only one",
        },
    )
    assert "between 2 and 10 options" in response.content.decode()
    assert not Poll.objects.exists()


def test_member_cannot_open_a_poll(client, process, member):
    client.force_login(member)
    assert client.get(f"/en/positions/{process.slug}/polls/new/").status_code == 403


def test_moderator_hides_a_statement(
    client, process, member, moderator, moderator_without_mfa, outsider
):
    statement = services.statement_add(user=member, process=process, text="Rude words here.")
    url = f"/en/positions/{process.slug}/statements/moderate/"
    for refused in (outsider, moderator_without_mfa):
        client.force_login(refused)
        assert client.post(url, {"statement": statement.pk, "action": "hide"}).status_code == 403
    statement.refresh_from_db()
    assert not statement.is_hidden
    client.force_login(moderator)
    response = client.post(url, {"statement": statement.pk, "action": "hide"})
    statement.refresh_from_db()
    assert response.status_code == 302 and statement.is_hidden
    assert AuditEntry.objects.filter(action="positions.statement_hide").exists()
    assert services.statement_next(user=outsider, process=process) is None
    assert Statement.objects.filter(is_hidden=False).count() == 0
