"""Who may do what in the forum and the entrepreneurs' directory."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import rules

from horizont.accounts.rules import is_moderator


@rules.predicate
def is_profile_owner(user: Any, profile: Any) -> bool:
    return bool(user.is_authenticated and profile is not None and profile.owner_id == user.pk)


@rules.predicate
def has_approved_contact_request(user: Any, profile: Any) -> bool:
    if not user.is_authenticated or profile is None:
        return False
    return profile.contact_requests.filter(requester=user, status="approved").exists()


# Categories whose threads another app manages (comments on proposals in `positions`):
# replies go through that app, which checks who may take part. Apps add their slug.
MANAGED_CATEGORIES: set[str] = set()
# Where a managed thread is answered: category slug → function(thread) → URL (or None).
MANAGED_THREAD_URLS: dict[str, Callable[[Any], str | None]] = {}


@rules.predicate
def is_unmanaged_thread(user: Any, thread: Any) -> bool:
    return thread is None or thread.category.slug not in MANAGED_CATEGORIES


rules.add_perm("forum.add_post", rules.is_authenticated)
rules.add_perm("forum.reply_thread", rules.is_authenticated & is_unmanaged_thread)
rules.add_perm("forum.moderate", is_moderator)
rules.add_perm("forum.add_businessprofile", rules.is_authenticated)
rules.add_perm("forum.change_businessprofile", is_profile_owner)
rules.add_perm("forum.view_contact", is_profile_owner | has_approved_contact_request)
rules.add_perm("forum.request_contact", rules.is_authenticated & ~is_profile_owner)
