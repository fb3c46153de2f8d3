"""Roles and the permissions that go with them.

Roles: site administrator (superuser), moderator and coordinator (groups), initiative
organizer (per initiative, in the network app) and member (any signed-in user). A role
that lets someone see or change other people's data only counts once the user has
turned on two-factor authentication.
"""

from __future__ import annotations

from typing import Any

import rules

from horizont.accounts.models import COORDINATOR, MODERATOR


@rules.predicate
def has_mfa(user: Any) -> bool:
    return bool(user.is_authenticated and user.has_mfa)


@rules.predicate
def in_moderator_group(user: Any) -> bool:
    return bool(user.is_authenticated and user.groups.filter(name=MODERATOR).exists())


@rules.predicate
def in_coordinator_group(user: Any) -> bool:
    return bool(user.is_authenticated and user.groups.filter(name=COORDINATOR).exists())


@rules.predicate
def is_superuser_account(user: Any) -> bool:
    return bool(user.is_authenticated and user.is_superuser)


@rules.predicate
def is_self(user: Any, other: Any) -> bool:
    return bool(user.is_authenticated and other is not None and user.pk == other.pk)


is_site_admin = is_superuser_account & has_mfa
is_moderator = (in_moderator_group | is_superuser_account) & has_mfa
is_coordinator = (in_coordinator_group | is_superuser_account) & has_mfa

rules.add_perm("accounts.moderate", is_moderator)
rules.add_perm("accounts.coordinate", is_coordinator)
rules.add_perm("accounts.export_user_data", is_self)
rules.add_perm("accounts.delete_user", is_self)
