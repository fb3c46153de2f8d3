"""Who may do what with initiatives. Other apps (events, publications) reuse these."""

from __future__ import annotations

from typing import Any

import rules

from horizont.accounts.rules import is_moderator


@rules.predicate
def is_initiative_organizer(user: Any, initiative: Any) -> bool:
    if not user.is_authenticated or initiative is None:
        return False
    return initiative.memberships.filter(user=user, role="organizer", status="active").exists()


@rules.predicate
def is_initiative_member(user: Any, initiative: Any) -> bool:
    if not user.is_authenticated or initiative is None:
        return False
    return initiative.memberships.filter(user=user, status="active").exists()


rules.add_perm("network.add_initiative", rules.is_authenticated)
rules.add_perm("network.change_initiative", is_initiative_organizer)
rules.add_perm("network.approve_initiative", is_moderator)
rules.add_perm("network.view_members", is_initiative_organizer | is_moderator)
