"""Public processes: guests take part after confirming an e-mail address, once."""

from __future__ import annotations

import re

import pytest
from django.core import mail

from horizont.positions import services
from horizont.positions.models import Ballot, Process, Statement, StatementVote
from horizont.positions.tests.conftest import make_poll
from horizont.testing.personas import make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def public(process):
    process.participation = Process.Participation.PUBLIC
    process.save()
    return process


def _confirm(client, process, email="guest@example.org"):
    client.post(f"/en/positions/{process.slug}/join/", {"email": email})
    link = re.search(r"https?://\S+/join/\S+/", mail.outbox[-1].body).group(0)
    path = link.split("://", 1)[1].split("/", 1)[1]
    page = client.get("/" + path)
    assert page.status_code == 200 and "Confirm and take part" in page.content.decode()
    return client.post("/" + path)


def test_guest_confirms_and_votes_once(client, public, facilitator):
    statement = services.statement_add(user=facilitator, process=public, text="Together.")
    poll = make_poll(public, "ranked")
    anonymous_vote = client.post(
        f"/en/positions/{public.slug}/statements/", {"statement": statement.pk, "value": 1}
    )
    assert anonymous_vote.status_code == 302 and "/join/" in anonymous_vote["Location"]
    assert not StatementVote.objects.exists()
    assert _confirm(client, public).status_code == 302
    assert "guest@example.org" not in str(dict(client.session))
    client.post(f"/en/positions/{public.slug}/statements/", {"statement": statement.pk, "value": 1})
    client.post(f"/en/positions/{public.slug}/statements/", {"text": "Guests count too."})
    client.post(poll.get_absolute_url(), {"rank_1": "0"})
    guest = services.Guest(services.email_hash("Guest@Example.org "))
    assert StatementVote.objects.get().participant_key == services.participant_key(
        process=public, user=guest
    )
    assert Statement.objects.filter(text="Guests count too.").exists()
    assert Ballot.objects.get().voter is None
    # Signing up later with the same address does not give a second ballot.
    account = make_user("guest@example.org")
    client.force_login(account)
    response = client.post(poll.get_absolute_url(), {"rank_1": "1"}, follow=True)
    assert "You have already answered this poll." in response.content.decode()
    assert Ballot.objects.count() == 1


def test_tampered_or_foreign_link_is_refused(client, public, facilitator, berlin):
    response = client.get(f"/en/positions/{public.slug}/join/not-a-token/")
    assert response.status_code == 400
    other = Process.objects.create(
        slug="other",
        initiative=berlin,
        original_language="en",
        participation=Process.Participation.PUBLIC,
        collect_from=public.collect_from,
        discuss_from=public.discuss_from,
        decide_from=public.decide_from,
        outcome_from=public.outcome_from,
    )
    client.post(f"/en/positions/{other.slug}/join/", {"email": "guest@example.org"})
    token = re.search(r"/join/(\S+)/", mail.outbox[-1].body).group(1)
    assert client.post(f"/en/positions/{public.slug}/join/{token}/").status_code == 400
    assert services.guest_session_key(public) not in client.session


def test_members_only_process_has_no_guest_entry(client, process):
    assert client.get(f"/en/positions/{process.slug}/join/").status_code == 404
    assert not mail.outbox


def test_invalid_email_is_refused(client, public):
    response = client.post(f"/en/positions/{public.slug}/join/", {"email": "not-an-address"})
    assert response.status_code == 200 and not mail.outbox
