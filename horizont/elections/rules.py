"""Who may do what with elections: everyone reads; coordinators with two-factor import.

Check with :func:`can` rather than ``user.has_perm``: Django grants a superuser every
permission before any rule runs, which would skip the two-factor requirement.
"""

from __future__ import annotations

from typing import Any

import rules

from horizont.accounts.rules import is_coordinator

rules.add_perm("elections.import_election", is_coordinator)
rules.add_perm("elections.view_hidden_election", is_coordinator)


def can(user: Any, permission: str, obj: Any = None) -> bool:
    """Whether the rule ``elections.<permission>`` allows ``user`` (no superuser bypass)."""
    return bool(rules.has_perm(f"elections.{permission}", user, obj))
