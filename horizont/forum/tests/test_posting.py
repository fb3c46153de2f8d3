"""Threads, replies, subscriptions by e-mail and rate limits."""

import re

import pytest
from django.core import mail

from horizont.forum.models import Post, Subscription, Thread
from horizont.testing.personas import make_user

from .conftest import make_thread

pytestmark = pytest.mark.django_db


def test_member_starts_a_thread_and_category_subscribers_hear_of_it(client, category, member):
    reader = make_user("reader@example.org", language="de")
    Subscription.objects.create(user=reader, category=category)
    client.force_login(member)
    response = client.post(
        f"/en/forum/c/{category.slug}/new/",
        {"title": "Tax advice", "body": "Who knows a **good** adviser?", "subscribe": "on"},
    )
    thread = Thread.objects.get()
    assert response.status_code == 302 and response["Location"] == thread.get_absolute_url()
    assert thread.posts.get().author == member
    assert Subscription.objects.filter(user=member, thread=thread).exists()
    assert [m.to for m in mail.outbox] == [["reader@example.org"]]
    assert "Tax advice" in mail.outbox[0].subject
    assert "Neues Thema" in mail.outbox[0].subject  # in the reader's language
    page = client.get(thread.get_absolute_url()).content.decode()
    assert "<strong>good</strong>" in page


def test_reply_notifies_thread_subscribers_but_not_the_author(client, thread, member, outsider):
    Subscription.objects.create(user=member, thread=thread)
    Subscription.objects.create(user=outsider, thread=thread)
    client.force_login(outsider)
    response = client.post(f"/en/forum/t/{thread.pk}/reply/", {"body": "Try the tenants' club."})
    assert response.status_code == 302
    assert thread.posts.count() == 2
    assert [m.to for m in mail.outbox] == [["member@example.org"]]
    body = mail.outbox[0].body
    assert "Try the tenants' club." in body
    assert f"/forum/t/{thread.pk}/" in body
    # the unsubscribe link works without signing in, after a confirmation
    client.logout()
    link = re.search(r"https?://[^/\s]+(/\S+/forum/unsubscribe/\S+/)", body).group(1)
    assert client.get(link).status_code == 200
    assert Subscription.objects.filter(user=member).exists()
    client.post(link)
    assert not Subscription.objects.filter(user=member).exists()


def test_tampered_unsubscribe_token_does_nothing(client, thread, member):
    Subscription.objects.create(user=member, thread=thread)
    response = client.post("/en/forum/unsubscribe/forged:token/")
    assert response.status_code == 302
    assert Subscription.objects.count() == 1


def test_subscribe_toggle(client, thread, outsider):
    client.force_login(outsider)
    client.post("/en/forum/subscriptions/", {"kind": "thread", "id": thread.pk})
    assert Subscription.objects.filter(user=outsider, thread=thread).exists()
    client.post("/en/forum/subscriptions/", {"kind": "thread", "id": thread.pk})
    assert not Subscription.objects.filter(user=outsider).exists()
    assert client.post("/en/forum/subscriptions/", {"kind": "user", "id": 1}).status_code == 404


def test_anonymous_cannot_post(client, thread, category):
    response = client.post(f"/en/forum/t/{thread.pk}/reply/", {"body": "spam"})
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    client.post(f"/en/forum/c/{category.slug}/new/", {"title": "x", "body": "spam"})
    assert Post.objects.count() == 1


def test_empty_reply_shows_a_field_error(client, thread, member):
    client.force_login(member)
    response = client.post(f"/de/forum/t/{thread.pk}/reply/", {"body": ""})
    assert response.status_code == 200
    assert "Dieses Feld ist zwingend erforderlich." in response.content.decode()
    assert thread.posts.count() == 1


def test_hostile_post_renders_inert(client, category, member):
    thread = make_thread(
        category,
        member,
        body='<script>alert(1)</script>[x](javascript:alert(1)) <b onclick="x">b</b>',
    )
    page = client.get(thread.get_absolute_url()).content.decode()
    assert "alert(1)" not in page and "onclick" not in page


def test_posting_is_rate_limited(client, settings, thread, member):
    settings.HORIZONT_RATE_LIMITS = {**settings.HORIZONT_RATE_LIMITS, "post": (3, 600)}
    client.force_login(member)
    codes = [
        client.post(f"/en/forum/t/{thread.pk}/reply/", {"body": f"reply {n}"}).status_code
        for n in range(5)
    ]
    assert codes == [302, 302, 302, 429, 429]
    assert thread.posts.count() == 4


def test_deleted_users_posts_stay_as_deleted_user(client, thread, member):
    from horizont.forum.services import user_forum_erase

    # account deletion runs the erasure first, then deletes the user
    user_forum_erase(member)
    page = client.get(thread.get_absolute_url().replace("/ru/", "/en/", 1)).content.decode()
    assert "deleted user" in page
    assert Post.objects.filter(thread=thread).count() == 1
