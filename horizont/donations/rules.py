"""Who may do what with donations.

Bank details of a public initiative are public. Only its organizers add or change its
accounts and record its books; the individual transactions (and statement imports, which
carry donors' names until they are stripped) are for organizers with two-factor on.
"""

from __future__ import annotations

import rules

from horizont.accounts.rules import has_mfa
from horizont.network.rules import is_initiative_organizer, is_public_initiative

# The object of every permission is the initiative.
rules.add_perm("donations.view_donations", is_public_initiative | is_initiative_organizer)
rules.add_perm("donations.manage_accounts", is_initiative_organizer)
rules.add_perm("donations.record_entries", is_initiative_organizer)
rules.add_perm("donations.view_transactions", is_initiative_organizer & has_mfa)
rules.add_perm("donations.import_statement", is_initiative_organizer & has_mfa)
