"""Who may do what with petitions.

Organizers of the petition's initiative run it. Whatever shows signers' data (the
signature list, exports, the delivery package with names) needs two-factor.
"""

from __future__ import annotations

from typing import Any

import rules

from horizont.accounts.rules import has_mfa, is_moderator
from horizont.network.rules import is_initiative_organizer


@rules.predicate
def organizes_petition(user: Any, petition: Any) -> bool:
    return petition is not None and is_initiative_organizer(user, petition.initiative)


@rules.predicate
def is_public_petition(user: Any, petition: Any) -> bool:
    return (
        petition is not None
        and petition.status != "draft"
        and petition.initiative.status == "approved"
    )


rules.add_perm("petitions.add_petition", is_initiative_organizer)
rules.add_perm("petitions.view_petition", is_public_petition | organizes_petition | is_moderator)
rules.add_perm("petitions.change_petition", organizes_petition)
rules.add_perm("petitions.sign_petition", is_public_petition)
rules.add_perm("petitions.view_signatures", (organizes_petition & has_mfa) | is_moderator)
rules.add_perm("petitions.void_signature", organizes_petition & has_mfa)
rules.add_perm("petitions.export_signatures", organizes_petition & has_mfa)
rules.add_perm("petitions.deliver_petition", organizes_petition & has_mfa)
rules.add_perm("petitions.view_private_files", organizes_petition & has_mfa)
