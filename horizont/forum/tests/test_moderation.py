"""Reports of abusive posts and the moderation queue."""

import pytest

from horizont.audit.models import AuditEntry
from horizont.forum.models import Report

pytestmark = pytest.mark.django_db


@pytest.fixture
def reported(thread, outsider):
    post = thread.posts.get()
    Report.objects.create(post=post, reporter=outsider, reason="insults")
    return post


def test_member_reports_a_post(client, thread, outsider):
    post = thread.posts.get()
    client.force_login(outsider)
    response = client.post(f"/en/forum/p/{post.pk}/report/", {"reason": "Threatens people"})
    assert response.status_code == 302
    report = Report.objects.get()
    assert report.reporter == outsider and report.status == "open"
    # reporting twice updates the same report instead of flooding the queue
    client.post(f"/en/forum/p/{post.pk}/report/", {"reason": "Still threatening"})
    assert Report.objects.get().reason == "Still threatening"


def test_report_needs_a_reason(client, thread, outsider):
    client.force_login(outsider)
    response = client.post(f"/en/forum/p/{thread.posts.get().pk}/report/", {"reason": ""})
    assert response.status_code == 200 and not Report.objects.exists()


@pytest.mark.parametrize("persona", ["member", "outsider", "moderator_without_mfa"])
def test_non_moderators_cannot_moderate(client, request, reported, persona):
    client.force_login(request.getfixturevalue(persona))
    assert client.get("/en/forum/moderation/").status_code == 403
    response = client.post(f"/en/forum/moderation/p/{reported.pk}/", {"action": "hide"})
    assert response.status_code == 403
    reported.refresh_from_db()
    assert not reported.is_hidden
    assert not AuditEntry.objects.filter(action__startswith="forum.").exists()


def test_anonymous_cannot_moderate(client, reported):
    assert client.get("/en/forum/moderation/").status_code == 403


def test_moderator_hides_and_restores_with_audit(client, moderator, reported, thread):
    client.force_login(moderator)
    queue = client.get("/en/forum/moderation/").content.decode()
    assert "insults" in queue
    client.post(f"/en/forum/moderation/p/{reported.pk}/", {"action": "hide"})
    reported.refresh_from_db()
    assert reported.is_hidden and reported.hidden_by == moderator
    assert Report.objects.get().status == "hidden"
    client.logout()
    page = client.get(thread.get_absolute_url()).content.decode()
    assert "This post was hidden by a moderator." in page and "Hi</p>" not in page
    client.force_login(moderator)
    client.post(f"/en/forum/moderation/p/{reported.pk}/", {"action": "restore"})
    reported.refresh_from_db()
    assert not reported.is_hidden
    entries = AuditEntry.objects.filter(action__startswith="forum.").order_by("created_at")
    assert [e.action for e in entries] == ["forum.post_hide", "forum.post_restore"]
    assert {e.actor for e in entries} == {moderator}
    assert entries[0].target_id == str(reported.pk)


def test_moderator_dismisses_reports(client, moderator, reported):
    client.force_login(moderator)
    client.post(f"/en/forum/moderation/p/{reported.pk}/", {"action": "dismiss"})
    assert Report.objects.get().status == "dismissed"
    entry = AuditEntry.objects.get(action="forum.reports_dismiss", actor=moderator)
    assert entry.details == {"reports": 1} and entry.target_id == str(reported.pk)
    assert "No open reports." in client.get("/en/forum/moderation/").content.decode()


def test_hidden_post_sends_no_notification(thread, member, outsider):
    from django.core import mail

    from horizont.forum import services
    from horizont.forum.models import Subscription

    Subscription.objects.create(user=member, thread=thread)
    post = thread.posts.create(author=outsider, body="spam", is_hidden=True)
    from horizont.tasks import enqueue

    enqueue(services.notify_subscribers, post_id=post.pk, base_url="http://testserver/")
    assert mail.outbox == []
