"""Who may do what with votes abroad.

Everyone reads stations, counts, rides and queues. Coordinators with two-factor create,
import and edit stations, pin notices and hide abusive rides. Members pledge with one
click and offer or ask for rides; a ride's author cannot ask for a seat in it.

Checked with ``user.has_perm``: a permission declared here is decided by these rules
alone, for superusers too (see ``horizont/accounts/models.py``).
"""

from __future__ import annotations

from typing import Any

import rules

from horizont.accounts.rules import is_coordinator


@rules.predicate
def is_member(user: Any) -> bool:
    return bool(user.is_authenticated)


@rules.predicate
def is_ride_author(user: Any, ride: Any) -> bool:
    return bool(user.is_authenticated and ride is not None and ride.author_id == user.pk)


rules.add_perm("abroad.manage_stations", is_coordinator)
rules.add_perm("abroad.pin_notice", is_coordinator)
rules.add_perm("abroad.moderate_rides", is_coordinator)
rules.add_perm("abroad.add_ride", is_member)
rules.add_perm("abroad.contact_ride", is_member & ~is_ride_author)
