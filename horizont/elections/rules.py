"""Who may do what with elections: everyone reads; coordinators with two-factor import.

Check with ``user.has_perm("elections.<perm>")``: for permissions declared here the rules
alone decide (no superuser bypass, see ``accounts.models.User.has_perm``).
"""

from __future__ import annotations

import rules

from horizont.accounts.rules import is_coordinator

rules.add_perm("elections.import_election", is_coordinator)
rules.add_perm("elections.view_hidden_election", is_coordinator)
