"""Reports of proposals and statements and their moderation; e-mail to participants about
new decisions and polls (in their language, with a link to stop them); forum threads of
proposals are answered on the proposal page."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from horizont.audit.models import AuditEntry
from horizont.core import moderation
from horizont.positions import services
from horizont.positions.models import Mute, Proposal, Report, Statement

pytestmark = pytest.mark.django_db


@pytest.fixture
def proposal(process, member):
    return services.proposal_create(
        author=member, process=process, versions={"en": ("Only white-blue-white", "Text")}
    )


@pytest.fixture
def statement(process):
    return Statement.objects.create(process=process, author_key="someone", text="No flags at all")


def _report_url(process, kind, pk):
    return f"/en/positions/{process.slug}/{kind}/{pk}/report/"


def test_reader_reports_a_proposal(client, process, proposal, outsider):
    client.force_login(outsider)
    page = client.get(proposal.get_absolute_url()).content.decode()
    assert _report_url(process, "proposals", proposal.pk) in page
    response = client.post(_report_url(process, "proposals", proposal.pk), {"reason": "Insult"})
    assert response.status_code == 302
    report = Report.objects.get()
    assert report.proposal == proposal and report.reporter == outsider
    assert report.status == "open" and report.process == process


def test_report_without_reason_is_refused_in_the_users_language(
    client, process, proposal, outsider
):
    client.force_login(outsider)
    url = "/ru" + _report_url(process, "proposals", proposal.pk)[3:]
    response = client.post(url, {"reason": "  "})
    assert response.status_code == 200
    assert "Обязательное поле." in response.content.decode()
    assert not Report.objects.exists()


def test_anonymous_visitor_cannot_report(client, process, proposal):
    response = client.post(_report_url(process, "proposals", proposal.pk), {"reason": "x"})
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert not Report.objects.exists()


def test_unknown_kind_is_not_found(client, process, proposal, outsider):
    client.force_login(outsider)
    response = client.post(_report_url(process, "polls", proposal.pk), {"reason": "x"})
    assert response.status_code == 404


def test_participant_reports_the_offered_statement(client, process, statement, member):
    client.force_login(member)
    page = client.get(f"/en/positions/{process.slug}/statements/").content.decode()
    assert _report_url(process, "statements", statement.pk) in page
    client.post(_report_url(process, "statements", statement.pk), {"reason": "Spam"})
    client.post(_report_url(process, "statements", statement.pk), {"reason": "Spam, really"})
    report = Report.objects.get()  # a second report of the same reader replaces the reason
    assert report.statement == statement and report.reason == "Spam, really"


def test_only_moderators_moderate(client, process, proposal, member, facilitator):
    moderation.report_file(target=proposal, reporter=member, reason="Insult", process=process)
    url = f"/en/positions/{process.slug}/moderation/"
    for user in (member, facilitator):
        client.force_login(user)
        assert client.get(url).status_code == 403
        assert client.post(url, {"proposal": proposal.pk, "action": "hide"}).status_code == 403
        assert client.get("/en/positions/moderation/").status_code == 403
    proposal.refresh_from_db()
    assert not proposal.is_hidden


def test_moderation_of_what_no_button_sends_is_not_found(client, process, proposal, moderator):
    client.force_login(moderator)
    url = f"/en/positions/{process.slug}/moderation/"
    for odd in ("word", "²", "9" * 30, "-1"):
        for field in ("proposal", "statement"):
            assert client.post(url, {field: odd, "action": "hide"}).status_code == 404
    assert client.post(url, {"action": "hide"}).status_code == 404
    proposal.refresh_from_db()
    assert not proposal.is_hidden


def test_moderator_hides_a_reported_proposal(client, process, proposal, member, moderator):
    moderation.report_file(target=proposal, reporter=member, reason="Insult", process=process)
    client.force_login(moderator)
    overview = client.get("/en/positions/moderation/").content.decode()
    assert f"/en/positions/{process.slug}/moderation/" in overview
    url = f"/en/positions/{process.slug}/moderation/"
    assert "Insult" in client.get(url).content.decode()
    client.post(url, {"proposal": proposal.pk, "action": "hide"})
    proposal.refresh_from_db()
    assert proposal.is_hidden
    assert Report.objects.get().status == "hidden"
    assert AuditEntry.objects.filter(action="positions.proposal_hide").exists()
    client.force_login(member)
    assert "Only white-blue-white" not in client.get(process.get_absolute_url()).content.decode()
    page = client.get(proposal.get_absolute_url()).content.decode()
    assert "hidden by a moderator" in page and "Text" not in page.split("hidden by")[1]
    assert "Withdraw support" not in page and ">Support<" not in page  # no more support
    response = client.post(f"{proposal.get_absolute_url()}support/")
    assert response.status_code == 404 and not proposal.supports.exists()
    client.force_login(moderator)
    client.post(url, {"proposal": proposal.pk, "action": "restore"})
    proposal.refresh_from_db()
    assert not proposal.is_hidden


def test_moderator_dismisses_reports_of_a_statement(client, process, statement, member, moderator):
    moderation.report_file(target=statement, reporter=member, reason="Spam", process=process)
    client.force_login(moderator)
    client.post(
        f"/en/positions/{process.slug}/moderation/",
        {"statement": statement.pk, "action": "dismiss"},
    )
    statement.refresh_from_db()
    assert not statement.is_hidden and Report.objects.get().status == "dismissed"
    entry = AuditEntry.objects.get(action="positions.statement_reports_dismiss")
    assert entry.actor == moderator and entry.details == {}


def test_forum_thread_of_a_proposal_links_to_the_proposal_instead_of_a_reply_form(
    client, proposal, outsider
):
    client.force_login(outsider)
    page = client.get(f"/en/forum/t/{proposal.thread_id}/").content.decode()
    assert proposal.get_absolute_url() in page
    assert "Publish reply" not in page


def test_new_decision_mails_participants_in_their_language(
    client, process, facilitator, member, django_capture_on_commit_callbacks
):
    member.language = "de"
    member.save(update_fields=["language"])
    client.force_login(facilitator)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/en/positions/{process.slug}/decisions/new/",
            {"title": "Adopt?", "details": "", "closes_at": "2099-01-01T10:00", "quorum": "3"},
        )
    assert response.status_code == 302
    assert [m.to for m in mail.outbox] == [[member.email]]  # not the facilitator who opened it
    message = mail.outbox[0]
    assert "Neue Entscheidung" in message.subject and "Adopt?" in message.subject
    assert "http://testserver/en/positions/flags/decisions/" in message.body
    assert "/positions/flags/mute/" in message.body


def test_new_poll_mails_participants_and_muted_ones_get_nothing(
    client, process, facilitator, member, django_capture_on_commit_callbacks
):
    token = services.mute_token(process=process, user=member)
    url = f"/en/positions/{process.slug}/mute/{token}/"
    assert "Stop these e-mails" in client.get(url).content.decode()
    assert not Mute.objects.exists()  # a GET (a link scanner) changes nothing
    client.post(url)
    assert Mute.objects.filter(user=member, process=process).exists()
    with django_capture_on_commit_callbacks(execute=True):
        services.poll_create(
            creator=facilitator,
            process=process,
            options=["A", "B"],
            question="Which?",
            kind="single",
            closes_at=timezone.now() + timedelta(days=1),
        )
    assert mail.outbox == []


def test_forged_mute_link_is_refused(client, process, member):
    token = services.mute_token(process=process, user=member)
    response = client.post(f"/en/positions/{process.slug}/mute/{token}x/")
    assert response.status_code == 400 and not Mute.objects.exists()


def test_outcome_mail_reaches_members_who_took_no_position(
    process, facilitator, member, django_capture_on_commit_callbacks
):
    decision = services.decision_create(
        creator=facilitator,
        process=process,
        proposal=None,
        title="Adopt",
        details="",
        closes_at=timezone.now() + timedelta(days=1),
        quorum=1,
    )
    with django_capture_on_commit_callbacks(execute=True):
        services.decision_outcome_record(
            facilitator=facilitator, decision=decision, statement="Adopted."
        )
    assert [m.to for m in mail.outbox] == [[member.email]]
    assert "Adopted." in mail.outbox[0].body


def test_hidden_amendment_is_not_listed(client, process, proposal, member, moderator):
    amendment = services.proposal_create(
        author=member, process=process, versions={"en": ("Amended version", "")}, amends=proposal
    )
    client.force_login(member)
    assert "Amended version" in client.get(proposal.get_absolute_url()).content.decode()
    moderation.content_moderate(
        moderator=moderator,
        target=amendment,
        action="hide",
        audit=services.AUDIT_NAMES[Proposal],
    )
    assert Proposal.objects.get(pk=amendment.pk).is_hidden
    assert "Amended version" not in client.get(proposal.get_absolute_url()).content.decode()


def test_export_and_erasure_cover_reports_and_mutes(process, statement, member):
    from horizont.positions.services import user_positions_erase, user_positions_export

    moderation.report_file(target=statement, reporter=member, reason="Spam", process=process)
    services.mute(process=process, user=member)
    exported = user_positions_export(member)["positions"]
    assert exported["reports"] == [
        {"process": "flags", "target": "No flags at all", "reason": "Spam", "status": "open"}
    ]
    assert exported["muted_processes"] == ["flags"]
    user_positions_erase(member)
    assert Report.objects.get().reporter is None
