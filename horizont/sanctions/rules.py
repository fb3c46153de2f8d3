"""Who may do what in the sanctions app.

Screening, entity pages, list versions and the partner-risk check are public. A case
file is seen only by its team until it is published; working on a case needs two-factor
authentication, since it holds evidence others collected. Loading lists is for site
administrators.
"""

from __future__ import annotations

from typing import Any

import rules

from horizont.accounts.rules import has_mfa, is_site_admin


def _team_role(user: Any, case: Any) -> str | None:
    if not user.is_authenticated or case is None:
        return None
    cache = getattr(case, "_team_roles", None)
    if cache is None:
        cache = {}
        case._team_roles = cache
    if user.pk not in cache:
        cache[user.pk] = case.members.filter(user=user).values_list("role", flat=True).first()
    return cache[user.pk]


@rules.predicate
def is_case_team(user: Any, case: Any) -> bool:
    return _team_role(user, case) is not None


@rules.predicate
def is_case_coordinator(user: Any, case: Any) -> bool:
    if case is not None and user.is_authenticated and case.created_by_id == user.pk:
        return True
    return _team_role(user, case) == "coordinator"


@rules.predicate
def is_published_case(user: Any, case: Any) -> bool:
    return case is not None and case.published


rules.add_perm("sanctions.batch_screen", rules.is_authenticated)
rules.add_perm("sanctions.add_case", rules.is_authenticated & has_mfa)
rules.add_perm("sanctions.view_case", is_published_case | (is_case_team & has_mfa))
rules.add_perm("sanctions.change_case", is_case_team & has_mfa)
rules.add_perm("sanctions.manage_case", is_case_team & is_case_coordinator & has_mfa)
rules.add_perm("sanctions.manage_lists", is_site_admin)
