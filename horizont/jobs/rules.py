"""Who may watch a background job: its owner, and site administrators with two-factor."""

from __future__ import annotations

from typing import Any

import rules

from horizont.accounts.rules import is_site_admin


@rules.predicate
def is_job_owner(user: Any, job: Any) -> bool:
    return bool(user.is_authenticated and job is not None and job.owner_id == user.pk)


rules.add_perm("jobs.view_job", is_job_owner | is_site_admin)
