"""Workflows of the forum and the entrepreneurs' directory."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core import signing
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from horizont import tasks
from horizont.core import moderation
from horizont.core.links import site_base_url
from horizont.forum.models import (
    BusinessProfile,
    Category,
    ContactRequest,
    Post,
    Report,
    Subscription,
    Thread,
)

UNSUBSCRIBE_SALT = "horizont.forum.unsubscribe"


# --- Threads and posts ----------------------------------------------------------------


def thread_create(
    *,
    author: Any,
    category: Category,
    title: str,
    body: str,
    subscribe: bool = True,
    base_url: str = "",
) -> Thread:
    with transaction.atomic():
        now = timezone.now()
        thread = Thread.objects.create(
            category=category, title=title, author=author, last_post_at=now
        )
        post = Post.objects.create(thread=thread, author=author, body=body)
        if subscribe:
            Subscription.objects.get_or_create(user=author, thread=thread)
    _notify_later(post, base_url)
    return thread


def post_reply(*, author: Any, thread: Thread, body: str, base_url: str = "") -> Post:
    with transaction.atomic():
        post = Post.objects.create(thread=thread, author=author, body=body)
        Thread.objects.filter(pk=thread.pk).update(last_post_at=post.created_at)
    _notify_later(post, base_url)
    return post


def _notify_later(post: Post, base_url: str) -> None:
    tasks.enqueue(
        notify_subscribers,
        label=f"forum: notify subscribers of post {post.pk}",
        post_id=post.pk,
        base_url=base_url,
    )


def unsubscribe_token(subscription: Subscription) -> str:
    return signing.dumps(subscription.pk, salt=UNSUBSCRIBE_SALT)


def subscription_from_token(token: str) -> Subscription | None:
    try:
        pk = signing.loads(token, salt=UNSUBSCRIBE_SALT)
    except signing.BadSignature:
        return None
    return Subscription.objects.select_related("thread", "category").filter(pk=pk).first()


def _recipients(post: Post) -> list[Subscription]:
    """Thread subscribers hear of replies; category subscribers hear of new threads."""
    opening = post.thread.posts.order_by("created_at", "pk").values_list("pk", flat=True)[:1]
    if list(opening) == [post.pk]:
        subscriptions = Subscription.objects.filter(category_id=post.thread.category_id)
    else:
        subscriptions = Subscription.objects.filter(thread_id=post.thread_id)
    subscriptions = subscriptions.select_related("user", "thread", "category")
    return [s for s in subscriptions.exclude(user_id=post.author_id) if s.user.is_active]


@tasks.task
def notify_subscribers(progress: Any, *, post_id: int, base_url: str = "") -> dict[str, int]:
    """E-mail the subscribers of a new post, each in their own language."""
    post = Post.objects.select_related("thread__category", "author").filter(pk=post_id).first()
    if post is None or post.is_hidden:
        return {"sent": 0}
    recipients = _recipients(post)
    base = base_url.rstrip("/") or site_base_url()
    sent = 0
    for done, subscription in enumerate(recipients):
        user = subscription.user
        with translation.override(user.language or settings.LANGUAGE_CODE):
            context = {
                "post": post,
                "thread": post.thread,
                "subscription": subscription,
                "author_name": post.author.public_name if post.author else None,
                "excerpt": post.body[:600],
                "post_url": base + post.get_absolute_url(),
                "unsubscribe_url": base
                + reverse("forum:unsubscribe", args=[unsubscribe_token(subscription)]),
            }
            subject = render_to_string("forum/email/new_post_subject.txt", context)
            body = render_to_string("forum/email/new_post.txt", context)
        sent += send_mail(" ".join(subject.split()), body, None, [user.email], fail_silently=True)
        progress.update(done + 1, len(recipients))
    return {"sent": sent}


# --- Reports and moderation -----------------------------------------------------------


#: Reports go through ``horizont.core.moderation``; these are the forum's audit entries.
POST_AUDIT = moderation.AuditNames(
    hide="forum.post_hide",
    restore="forum.post_restore",
    dismiss="forum.reports_dismiss",
    count_dismissed=True,
)


# --- Entrepreneurs' directory ---------------------------------------------------------


def _mail_user(user: Any, template: str, context: dict[str, Any]) -> None:
    with translation.override(user.language or settings.LANGUAGE_CODE):
        subject = render_to_string(f"forum/email/{template}_subject.txt", context)
        body = render_to_string(f"forum/email/{template}.txt", context)
    send_mail(" ".join(subject.split()), body, None, [user.email], fail_silently=True)


def contact_request_create(
    *, requester: Any, profile: BusinessProfile, message: str, base_url: str = ""
) -> ContactRequest:
    with transaction.atomic():
        request, created = ContactRequest.objects.get_or_create(
            profile=profile, requester=requester, defaults={"message": message}
        )
    if created:
        _mail_user(
            profile.owner,
            "contact_request",
            {
                "profile": profile,
                "requester_name": requester.public_name,
                "message": message,
                "url": base_url.rstrip("/") + reverse("forum:contact_requests"),
            },
        )
    return request


def contact_request_decide(
    *, request: ContactRequest, approve: bool, base_url: str = ""
) -> ContactRequest:
    with transaction.atomic():
        request.status = (
            ContactRequest.Status.APPROVED if approve else ContactRequest.Status.DECLINED
        )
        request.decided_at = timezone.now()
        request.save(update_fields=["status", "decided_at"])
    if approve:
        _mail_user(
            request.requester,
            "contact_approved",
            {
                "profile": request.profile,
                "url": base_url.rstrip("/") + request.profile.get_absolute_url(),
            },
        )
    return request


# --- Data export and erasure ----------------------------------------------------------


def user_forum_export(user: Any) -> dict[str, Any]:
    posts = Post.objects.filter(author=user).select_related("thread")
    return {
        "forum_posts": [
            {
                "thread": post.thread.title,
                "created_at": post.created_at.isoformat(),
                "body": post.body,
                "hidden": post.is_hidden,
            }
            for post in posts
        ],
        "forum_subscriptions": [
            str(s.target) for s in user.forum_subscriptions.select_related("thread", "category")
        ],
        "forum_reports": [
            {"post": r.post_id, "reason": r.reason, "created_at": r.created_at.isoformat()}
            for r in user.forum_reports.all()
        ],
        "business_profiles": [
            {
                "name": p.name,
                "sector": p.sector,
                "country": p.country,
                "city": p.city,
                "offers": p.offers,
                "seeks": p.seeks,
                "contact": p.contact,
            }
            for p in user.business_profiles.all()
        ],
        "business_contact_requests": [
            {"profile": r.profile.name, "status": r.status, "message": r.message}
            for r in user.business_contact_requests.select_related("profile")
        ],
    }


def user_forum_erase(user: Any) -> None:
    """Posts stay for the discussion's sake, shown as by a deleted user; profiles go."""
    Post.objects.filter(author=user).update(author=None)
    Thread.objects.filter(author=user).update(author=None)
    Report.objects.filter(reporter=user).update(reporter=None)
    user.business_profiles.all().delete()
    user.business_contact_requests.all().delete()
    user.forum_subscriptions.all().delete()
