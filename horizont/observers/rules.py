"""Who may do what in observer programmes.

Coordinators (the site role, with two-factor) open programmes, accept volunteers,
assign them and read everything. Lawyers of a programme (accepted volunteers with the
lawyer role, with two-factor) read its reports and incidents. A volunteer sees only
their own assignments and sends reports for them.
"""

from __future__ import annotations

from typing import Any

import rules

from horizont.accounts.rules import has_mfa, is_coordinator


@rules.predicate
def is_accepted_volunteer(user: Any, programme: Any) -> bool:
    if programme is None or not user.is_authenticated:
        return False
    return programme.volunteers.accepted().filter(user=user).exists()


@rules.predicate
def is_programme_lawyer(user: Any, programme: Any) -> bool:
    if programme is None or not user.is_authenticated:
        return False
    return programme.volunteers.accepted().filter(user=user, role="lawyer").exists()


@rules.predicate
def is_open_programme(user: Any, programme: Any) -> bool:
    return programme is not None and programme.status == "open"


rules.add_perm("observers.add_programme", is_coordinator)
rules.add_perm("observers.manage_programme", is_coordinator)
rules.add_perm("observers.apply", rules.is_authenticated & is_open_programme)
rules.add_perm("observers.volunteer", is_accepted_volunteer)
# Reports and incidents are other people's data: coordinators and lawyers, with two-factor.
rules.add_perm("observers.view_reports", is_coordinator | (is_programme_lawyer & has_mfa))
