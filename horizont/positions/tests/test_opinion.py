"""Statements and the opinion map: checks, pseudonymous votes, groups, SVG."""

from __future__ import annotations

from datetime import timedelta

import numpy as np
import pytest

from horizont.lib import opinion
from horizont.positions import services
from horizont.positions.models import OpinionMapResult, Process, Statement, StatementVote

pytestmark = pytest.mark.django_db


def _url(process, rest=""):
    return f"/en/positions/{process.slug}/{rest}"


def _other_process(process):
    """A second process of the same initiative, with the same dates."""
    return Process.objects.create(
        slug="other",
        initiative=process.initiative,
        original_language="en",
        collect_from=process.collect_from,
        discuss_from=process.discuss_from,
        decide_from=process.decide_from,
        outcome_from=process.outcome_from,
    )


def test_statement_over_140_characters_is_refused(client, process, member):
    client.force_login(member)
    response = client.post(_url(process, "statements/"), {"text": "x" * 141})
    assert "at most 140 characters" in response.content.decode()
    assert not Statement.objects.exists()


def test_statement_with_link_is_refused(client, process, member):
    client.force_login(member)
    response = client.post(_url(process, "statements/"), {"text": "See example.org now"})
    assert "cannot contain links" in response.content.decode()
    assert not Statement.objects.exists()


def test_statement_is_stored_under_a_pseudonym(client, process, member):
    client.force_login(member)
    client.post(_url(process, "statements/"), {"text": "Flags divide, slogans unite."})
    statement = Statement.objects.get()
    assert statement.author_key == services.participant_key(process=process, user=member)
    other = _other_process(process)
    # A different pseudonym in every process: votes cannot be linked across processes.
    assert services.participant_key(process=other, user=member) != statement.author_key


def test_vote_on_offered_statement_and_not_twice(client, process, member, facilitator):
    other = services.statement_add(user=facilitator, process=process, text="We march together.")
    client.force_login(member)
    page = client.get(_url(process, "statements/")).content.decode()
    assert "We march together." in page
    client.post(_url(process, "statements/"), {"statement": other.pk, "value": "1"})
    vote = StatementVote.objects.get()
    assert vote.value == 1
    assert vote.participant_key == services.participant_key(process=process, user=member)
    response = client.post(
        _url(process, "statements/"), {"statement": other.pk, "value": "-1"}, follow=True
    )
    assert "already voted" in response.content.decode()
    assert StatementVote.objects.get().value == 1
    assert "You have voted on every statement" in response.content.decode()


def test_own_statements_are_not_offered(process, member):
    services.statement_add(user=member, process=process, text="My own statement.")
    assert services.statement_next(user=member, process=process) is None


def test_outsider_cannot_vote_or_add(client, process, outsider, facilitator):
    statement = services.statement_add(user=facilitator, process=process, text="Hello all.")
    client.force_login(outsider)
    assert client.post(_url(process, "statements/"), {"text": "Mine"}).status_code == 403
    response = client.post(_url(process, "statements/"), {"statement": statement.pk, "value": 1})
    assert response.status_code == 403
    assert Statement.objects.count() == 1 and not StatementVote.objects.exists()


def _simulate(process, participants=60, statements=12):
    rows = [
        Statement(process=process, author_key="sim", text=f"Statement {i}")
        for i in range(statements)
    ]
    rows = Statement.objects.bulk_create(rows)
    who, what, values, _camp = opinion.simulate(
        participants, statements, density=0.8, groups=2, consensus=2, seed=3
    )
    StatementVote.objects.bulk_create(
        StatementVote(statement=rows[s], participant_key=f"sim-{p}", value=v)
        for p, s, v in zip(who.tolist(), what.tolist(), values.tolist(), strict=True)
    )
    return rows


def test_map_shows_groups_consensus_and_my_group(client, process, member, facilitator):
    rows = _simulate(process)
    for statement in rows:  # the member votes like camp 0 would
        StatementVote.objects.create(
            statement=statement,
            participant_key=services.participant_key(process=process, user=member),
            value=1,
        )
    client.force_login(facilitator)
    client.post(_url(process, "map/refresh/"))
    stored = OpinionMapResult.objects.get(process=process)
    assert len(stored.data["groups"]) >= 2
    assert set(stored.data["consensus"]) == {rows[0].pk, rows[1].pk}
    assert all(group["size"] >= 5 for group in stored.data["groups"])
    client.force_login(member)
    page = client.get(_url(process, "map/")).content.decode()
    assert "Statement 0" in page and "You are in Group" in page
    svg = client.get(_url(process, "map.svg"))
    assert svg["Content-Type"] == "image/svg+xml"
    body = svg.content.decode()
    assert body.count('r="7"') == 1  # the member's own ring
    assert "sim-" not in body  # no pseudonyms leave the server


def test_only_facilitator_recomputes(client, process, member):
    client.force_login(member)
    assert client.post(_url(process, "map/refresh/")).status_code == 403


def test_map_task_via_votes(process, member, facilitator, settings):
    settings.TASKS_BACKEND = "immediate"
    _simulate(process, participants=20, statements=8)
    statement = services.statement_add(user=facilitator, process=process, text="New one.")
    services.statement_vote(user=member, statement=statement, value=0)
    services.opinion_map_refresh_later(process=process)
    stored = OpinionMapResult.objects.get(process=process)
    assert len(stored.data["participants"]) == 21
    assert np.array(stored.data["coordinates"]).shape == (21, 2)


def test_map_recomputation_is_debounced_and_catches_up_when_viewed(
    client, process, member, facilitator
):
    from datetime import timedelta

    import time_machine

    _simulate(process, participants=20, statements=8)
    assert services.opinion_map_refresh_later(process=process)
    first = OpinionMapResult.objects.get(process=process).computed_at
    statement = services.statement_add(user=facilitator, process=process, text="Late one.")
    with time_machine.travel(first + timedelta(seconds=5), tick=False):
        services.statement_vote(user=member, statement=statement, value=1)
        assert not services.opinion_map_refresh_later(process=process)  # too soon
        assert services.opinion_map_is_stale(process)
        client.force_login(member)
        client.get(_url(process, "map/"))  # viewing the map brings it up to date
    stored = OpinionMapResult.objects.get(process=process)
    assert stored.computed_at > first and not services.opinion_map_is_stale(process)
    assert len(stored.data["participants"]) == 21


def test_export_and_erasure_cover_pseudonymous_votes(process, member, facilitator):
    from horizont.positions.services import user_positions_erase, user_positions_export

    statement = services.statement_add(user=facilitator, process=process, text="Together.")
    services.statement_add(user=member, process=process, text="Mine.")
    services.statement_vote(user=member, statement=statement, value=-1)
    exported = user_positions_export(member)["positions"]
    assert exported["statements"] == [{"process": "flags", "text": "Mine."}]
    assert exported["statement_votes"] == [{"statement": "Together.", "value": -1}]
    user_positions_erase(member)
    assert not StatementVote.objects.exists()
    assert user_positions_export(facilitator)["positions"]["statement_votes"] == []


def test_statement_errors_in_the_users_language(client, process, member):
    client.force_login(member)
    german = client.post(f"/de/positions/{process.slug}/statements/", {"text": "x" * 150})
    assert "Eine Aussage hat höchstens 140 Zeichen (diese hat 150)." in german.content.decode()
    polish = client.post(f"/pl/positions/{process.slug}/statements/", {"text": "www.example.org"})
    assert "Stwierdzenie nie może zawierać linków." in polish.content.decode()
    assert not Statement.objects.exists()


def test_vote_after_the_process_ended_is_refused_in_the_users_language(client, process, member):
    import time_machine

    statement = Statement.objects.create(process=process, author_key="x", text="Flags unite.")
    client.force_login(member)
    with time_machine.travel(process.outcome_from + timedelta(seconds=1), tick=False):
        response = client.post(
            "/ru" + _url(process, "statements/")[3:], {"statement": statement.pk, "value": 1}
        )
    assert response.status_code == 403
    assert "Участие в этом процессе завершено." in response.content.decode()
    assert not StatementVote.objects.exists()


def test_a_new_statement_starts_with_the_priority_of_one_without_votes(process):
    from horizont.positions.models import NEW_STATEMENT_PRIORITY

    zero = np.zeros(1, dtype=np.int64)
    assert NEW_STATEMENT_PRIORITY == pytest.approx(opinion.statement_priority(zero, zero, zero)[0])
    statement = Statement.objects.create(process=process, author_key="x", text="New.")
    assert statement.priority == NEW_STATEMENT_PRIORITY
    assert statement.priority >= opinion.statement_priority(zero + 3, zero + 3, zero)[0]


def test_offer_follows_the_priorities_stored_by_the_map(process, member, facilitator):
    # Statement 0: everyone agrees (little to learn); 1: divides; 2–4: few votes.
    rows = Statement.objects.bulk_create(
        Statement(process=process, author_key="sim", text=f"S{i}") for i in range(5)
    )
    votes = [(0, 1)] * 12 + [(1, 1)] * 6 + [(1, -1)] * 6 + [(2, 1), (3, -1), (4, 0)]
    StatementVote.objects.bulk_create(
        StatementVote(statement=rows[s], participant_key=f"sim-{i}", value=v)
        for i, (s, v) in enumerate(votes)
    )
    services.opinion_map_compute(process=process)
    stored = {s.pk: s.priority for s in Statement.objects.all()}
    counts = np.array(
        [
            [sum(1 for s, v in votes if s == i and v == value) for value in (1, -1, 0)]
            for i in range(5)
        ]
    )
    expected = opinion.statement_priority(counts[:, 0], counts[:, 1], counts[:, 2])
    assert [stored[r.pk] for r in rows] == pytest.approx(expected.tolist())
    # The offered one is among the three of highest priority; the consensus one is not.
    best = {rows[i].pk for i in np.argsort(-expected, kind="stable")[:3]}
    offered, voted = services.statement_offer(user=member, process=process)
    assert offered.pk in best and offered.pk != rows[0].pk and voted == 0
    # Every offer is one of the three of highest priority left; a statement added later
    # starts with the novelty boost, ahead of those people have voted on a lot.
    new = services.statement_add(user=facilitator, process=process, text="Brand new.")
    stored[new.pk] = new.priority
    assert new.priority > max(stored[rows[i].pk] for i in (0, 1))
    services.statement_vote(user=member, statement=offered, value=1)
    left = set(stored) - {offered.pk}
    seen = 1
    while (offer := services.statement_offer(user=member, process=process))[0] is not None:
        assert offer[1] == seen  # the count of one's votes comes with the offer
        assert offer[0].pk in sorted(left, key=lambda pk: (-stored[pk], pk))[:3]
        services.statement_vote(user=member, statement=offer[0], value=0)
        left.remove(offer[0].pk)
        seen += 1
    assert not left and seen == 6


def test_vote_on_a_hidden_or_foreign_statement_saves_nothing(client, process, member, facilitator):
    hidden = services.statement_add(user=facilitator, process=process, text="Hidden one.")
    Statement.objects.filter(pk=hidden.pk).update(is_hidden=True)
    other = _other_process(process)
    foreign = Statement.objects.create(process=other, author_key="x", text="Elsewhere.")
    client.force_login(member)
    url = _url(process, "statements/")
    response = client.post(url, {"statement": hidden.pk, "value": 1}, follow=True)
    assert "hidden by a moderator" in response.content.decode()
    assert client.post(url, {"statement": foreign.pk, "value": 1}).status_code == 404
    assert client.post(url, {"statement": 10**30, "value": 1}).status_code == 404
    assert client.post(url, {"statement": -1, "value": 1}).status_code == 404
    assert not StatementVote.objects.exists()


def test_a_vote_and_the_statements_page_take_few_queries(
    client, process, member, facilitator, django_assert_max_num_queries
):
    statements = [
        services.statement_add(user=facilitator, process=process, text=f"Statement {i}.")
        for i in range(30)
    ]
    client.force_login(member)
    url = _url(process, "statements/")
    client.get(url)
    client.post(url, {"statement": statements[0].pk, "value": 1})  # first map refresh
    # Session, user, the process with the user's membership, the offer with the count.
    with django_assert_max_num_queries(4):
        assert client.get(url).status_code == 200
    # Session, user, the process with the user's membership, one INSERT that checks the
    # statement.
    with django_assert_max_num_queries(4):
        assert client.post(url, {"statement": statements[1].pk, "value": -1}).status_code == 302
    assert StatementVote.objects.count() == 2


@pytest.mark.django_db(transaction=True)
def test_only_the_vote_itself_commits_without_waiting_for_the_disk(process, member, facilitator):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    statement = services.statement_add(user=facilitator, process=process, text="Together.")
    with CaptureQueriesContext(connection) as captured:
        services.statement_vote(user=member, statement=statement, value=1)
    assert StatementVote.objects.get().value == 1
    if connection.vendor == "postgresql":
        (insert,) = captured.captured_queries
        assert "set_config('synchronous_commit', 'off', true)" in insert["sql"]
        with connection.cursor() as cursor:  # the setting ended with the vote's statement
            cursor.execute("SHOW synchronous_commit")
            assert cursor.fetchone()[0] == "on"
    with pytest.raises(services.NotAllowed, match="already voted"):
        services.statement_vote(user=member, statement=statement, value=-1)
    assert StatementVote.objects.get().value == 1


def test_membership_loaded_with_the_process_counts_for_that_user_only(
    process, member, facilitator, outsider
):
    from horizont.network.models import Membership
    from horizont.positions import rules

    def loaded_for(user):
        found = Process.objects.annotate(viewer_is_member=rules.membership_of_viewer(user)).get(
            pk=process.pk
        )
        rules.remember_membership(found, user, found.viewer_is_member)
        return found

    # The member belongs to the partner (Warsaw), the facilitator to the leading initiative.
    for_member = loaded_for(member)
    assert for_member.viewer_is_member and loaded_for(facilitator).viewer_is_member
    assert member.has_perm("positions.participate", for_member)
    # Loaded for the member, the process grants nothing to someone else.
    assert not outsider.has_perm("positions.participate", for_member)
    assert not loaded_for(outsider).viewer_is_member
    Membership.objects.filter(user=member).update(status="requested")
    assert not loaded_for(member).viewer_is_member
    assert not member.has_perm("positions.participate", loaded_for(member))
