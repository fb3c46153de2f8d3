"""Who may do what in joint processes."""

from __future__ import annotations

from typing import Any

import rules

from horizont.accounts.rules import is_moderator


def _initiatives_filter(process: Any) -> Any:
    """Memberships in the leading initiative or a partner, as one condition (one query)."""
    from django.db.models import Q

    return Q(initiative_id=process.initiative_id) | Q(
        initiative__positions_partner_processes=process
    )


@rules.predicate
def is_visible_process(user: Any, process: Any) -> bool:
    return process is not None and process.initiative.status == "approved"


def membership_of_viewer(user: Any) -> Any:
    """For a process query: whether ``user`` is an active member of the process's
    initiatives (the leading one or a partner), as an annotation; the views load a process
    with it and :func:`remember_membership`, which spares the permission its own query."""
    from django.db.models import Exists, OuterRef, Q

    from horizont.network.models import Membership

    return Exists(
        Membership.objects.filter(user=user, status="active").filter(
            Q(initiative_id=OuterRef("initiative_id"))
            | Q(initiative__positions_partner_processes=OuterRef("pk"))
        )
    )


def remember_membership(process: Any, user: Any, is_member: bool) -> None:
    process._membership_of_viewer = (user.pk, bool(is_member))


@rules.predicate
def is_member_of_process_initiatives(user: Any, process: Any) -> bool:
    if not user.is_authenticated or process is None:
        return False
    known = getattr(process, "_membership_of_viewer", None)
    if known is not None and known[0] == user.pk:  # loaded with the process, this request
        return bool(known[1])
    return user.memberships.filter(_initiatives_filter(process), status="active").exists()


@rules.predicate
def has_confirmed_email(user: Any) -> bool:
    if not user.is_authenticated:
        return False
    from allauth.account.models import EmailAddress

    return EmailAddress.objects.filter(user=user, verified=True).exists()


@rules.predicate
def meets_participation_rule(user: Any, process: Any) -> bool:
    """Members of the process's initiatives; or, for open processes, any account with a
    confirmed e-mail address (the public process asks newcomers to confirm theirs)."""
    if process is None or not user.is_authenticated:
        return False
    if process.participation == "members":
        return bool(is_member_of_process_initiatives(user, process))
    return bool(has_confirmed_email(user))


@rules.predicate
def is_process_open(user: Any, process: Any) -> bool:
    return process is not None and process.is_open


@rules.predicate
def is_facilitator(user: Any, process: Any) -> bool:
    if not user.is_authenticated or process is None:
        return False
    if process.facilitator_id == user.pk:
        return True
    return process.initiative.memberships.filter(
        user=user, role="organizer", status="active"
    ).exists()


@rules.predicate
def organizes_a_public_initiative(user: Any) -> bool:
    if not user.is_authenticated:
        return False
    return user.memberships.filter(
        role="organizer", status="active", initiative__status="approved"
    ).exists()


rules.add_perm("positions.add_process", organizes_a_public_initiative)
rules.add_perm("positions.view_process", is_visible_process | is_facilitator | is_moderator)
rules.add_perm(
    "positions.participate", is_visible_process & meets_participation_rule & is_process_open
)
rules.add_perm("positions.facilitate", is_facilitator)
rules.add_perm("positions.moderate", is_moderator)
