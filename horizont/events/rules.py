"""Who may do what with events.

Only the organizers of an event's initiative create, change or cancel it and see who
registered. Events of initiatives that are not approved yet are seen by their organizers
only. The online link is for confirmed participants and organizers.
"""

from __future__ import annotations

from typing import Any

import rules

from horizont.accounts.rules import has_mfa
from horizont.network.rules import is_initiative_organizer


@rules.predicate
def is_event_organizer(user: Any, event: Any) -> bool:
    if event is None:
        return False
    return bool(is_initiative_organizer(user, event.initiative))


@rules.predicate
def is_public_event(user: Any, event: Any) -> bool:
    return event is not None and event.initiative.is_public


@rules.predicate
def is_confirmed_participant(user: Any, event: Any) -> bool:
    if event is None or not user.is_authenticated:
        return False
    return event.registrations.filter(user=user, status="confirmed").exists()


# The object of add_event is the initiative that would organize it.
rules.add_perm("events.add_event", is_initiative_organizer)
rules.add_perm("events.view_event", is_public_event | is_event_organizer)
rules.add_perm("events.change_event", is_event_organizer)
# Participant lists are other people's data: organizers see them once two-factor is on.
rules.add_perm("events.view_registrations", is_event_organizer & has_mfa)
rules.add_perm("events.view_online_link", is_event_organizer | is_confirmed_participant)
