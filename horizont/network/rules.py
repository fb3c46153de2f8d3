"""Who may do what with initiatives. Other apps (events, publications) reuse these."""

from __future__ import annotations

from typing import Any

import rules

from horizont.accounts.rules import has_mfa, is_moderator


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


@rules.predicate
def is_public_initiative(user: Any, initiative: Any) -> bool:
    return initiative is not None and initiative.status == "approved"


@rules.predicate
def organizes_link_source(user: Any, link: Any) -> bool:
    return link is not None and is_initiative_organizer(user, link.source)


@rules.predicate
def organizes_link_target(user: Any, link: Any) -> bool:
    return link is not None and is_initiative_organizer(user, link.target)


@rules.predicate
def is_unconfirmed(user: Any, link: Any) -> bool:
    return link is not None and link.status == "proposed"


rules.add_perm("network.add_initiative", rules.is_authenticated)
rules.add_perm(
    "network.view_initiative", is_public_initiative | is_initiative_organizer | is_moderator
)
rules.add_perm("network.change_initiative", is_initiative_organizer)
rules.add_perm("network.approve_initiative", is_moderator)
# Member lists are other people's data: organizers see them once two-factor is on.
rules.add_perm("network.view_members", (is_initiative_organizer & has_mfa) | is_moderator)
rules.add_perm("network.manage_members", is_initiative_organizer & has_mfa)
rules.add_perm("network.join_initiative", rules.is_authenticated & is_public_initiative)
# Links: an organizer of one side proposes, an organizer of the other side confirms,
# an organizer of either side ends (or withdraws/declines) a link.
rules.add_perm("network.propose_link", is_initiative_organizer & is_public_initiative)
rules.add_perm("network.confirm_link", organizes_link_target & is_unconfirmed)
rules.add_perm("network.end_link", organizes_link_source | organizes_link_target)
