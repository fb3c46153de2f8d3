"""Proposals in several languages, threaded comments through the forum, support."""

from __future__ import annotations

import pytest

from horizont.forum.models import Post, Report
from horizont.positions.models import CommentReply, Proposal, Support

pytestmark = pytest.mark.django_db


def _create(client, process, **data):
    return client.post(f"/en/positions/{process.slug}/proposals/new/", data)


def test_member_proposes_in_two_languages(client, process, member):
    client.force_login(member)
    response = _create(
        client,
        process,
        title_en="Only white-blue-white",
        body_en="Text",
        title_ru="Только бело-сине-белый",
        body_ru="Текст",
    )
    proposal = Proposal.objects.get()
    assert response.status_code == 302
    assert proposal.languages() == ["ru", "en"] and proposal.original_language == "ru"
    page = client.get("/ru" + proposal.get_absolute_url()[3:]).content.decode()
    assert "Только бело-сине-белый" in page


def test_proposal_without_any_title_is_refused(client, process, member):
    client.force_login(member)
    response = _create(client, process, body_de="Text ohne Titel")
    assert response.status_code == 200
    assert "at least one language" in response.content.decode()
    assert not Proposal.objects.exists()


def test_outsider_cannot_propose(client, process, outsider):
    client.force_login(outsider)
    assert _create(client, process, title_en="Mine").status_code == 403
    assert not Proposal.objects.exists()


def test_threaded_comments_can_be_reported_in_the_forum(client, process, member, outsider):
    client.force_login(member)
    _create(client, process, title_en="Proposal")
    proposal = Proposal.objects.get()
    url = proposal.get_absolute_url()
    client.post(url + "comment/", {"body": "First"})
    first = Post.objects.get(body="First")
    client.post(url + "comment/", {"body": "Answer", "parent": first.pk})
    answer = Post.objects.get(body="Answer")
    assert CommentReply.objects.get(post=answer).parent == first
    page = client.get(url).content.decode()
    assert 'class="comment depth-1"' in page
    # Reports go into the forum's moderation queue.
    client.force_login(outsider)
    client.post(f"/en/forum/p/{first.pk}/report/", {"reason": "Insulting"})
    assert Report.objects.filter(post=first).exists()
    # An outsider may read but not comment.
    assert client.post(url + "comment/", {"body": "Sneaky"}).status_code == 403


def test_support_toggles(client, process, member):
    client.force_login(member)
    _create(client, process, title_en="Proposal")
    proposal = Proposal.objects.get()
    client.post(proposal.get_absolute_url() + "support/")
    assert Support.objects.filter(proposal=proposal, user=member).exists()
    client.post(proposal.get_absolute_url() + "support/")
    assert not Support.objects.exists()


def test_amendment_links_to_the_proposal(client, process, member):
    client.force_login(member)
    _create(client, process, title_en="Proposal")
    proposal = Proposal.objects.get()
    _create(client, process, title_en="Amendment", amends=proposal.pk)
    assert proposal.amendments.get().text()["title"] == "Amendment"


def test_outsider_cannot_comment_through_the_forum_thread(client, process, member, outsider):
    client.force_login(member)
    _create(client, process, title_en="Proposal")
    thread = Proposal.objects.get().thread
    client.force_login(outsider)
    response = client.post(f"/en/forum/t/{thread.pk}/reply/", {"body": "Around the rule"})
    assert response.status_code == 403
    assert not Post.objects.filter(body="Around the rule").exists()
