"""Demo content: the lists from ../shared/data and a fictional case about an aircraft."""

from __future__ import annotations

import datetime

from django.contrib.auth import get_user_model

from horizont.core.demo_keys import demo_object, demo_remember
from horizont.lib.shared_data import shared_data_root
from horizont.sanctions import services
from horizont.sanctions.models import Case, CaseMember, CaseSubject, Evidence, Letter

DEMO_CASE_TITLE = "Demo: business jet RA-02791 seen at a German airport (fictional)"
DEMO_CASE_KEY = "sanctions:jet-case"
DEMO_ADMIN_EMAIL = "admin@example.org"


def demo_case() -> Case | None:
    """The demo's aircraft case (by its key; by its title if an older version made it)."""
    return demo_object(Case, DEMO_CASE_KEY, legacy=Case.objects.filter(title=DEMO_CASE_TITLE))


def load() -> str:
    parts = []
    root = shared_data_root()
    if services.list_paths(root):
        outcome = services.lists_load(root)
        added = sum(1 for o in outcome if o["status"] in ("added", "replaced"))
        parts.append(f"{len(outcome)} lists ({added} newly stored)")
    else:
        parts.append(f"no lists loaded: {root} not found")
    admin = get_user_model().objects.filter(email=DEMO_ADMIN_EMAIL).first()
    if admin is None:
        return "; ".join([*parts, "no demo administrator, no demo case"])
    case = demo_case()
    if case is None:
        case = services.case_create(
            user=admin,
            title=DEMO_CASE_TITLE,
            summary=(
                "Fictional example for the demo. A volunteer reports that a Hawker 800XP "
                "with the registration RA-02791 stood in a maintenance hangar for several "
                "days. The aircraft is on the OFAC SDN list, operated by Beratex Group "
                "Limited, which is linked to a listed person."
            ),
        )
        demo_remember(case, DEMO_CASE_KEY)
    else:
        CaseMember.objects.get_or_create(
            case=case, user=admin, defaults={"role": CaseMember.Role.COORDINATOR}
        )
    if not case.sender:
        # A fictional sender, so that the demo letter shows the DIN 5008 sender block.
        case.sender = "Sanctions Watch Hamburg (demo)\nMusterstraße 1\n20095 Hamburg"
        case.sender_place = "Hamburg"
        case.save(update_fields=["sender", "sender_place"])
    matches = services.screening_index().search("RA-02791", limit=1, with_chains=False)
    if matches and not CaseSubject.objects.filter(case=case, entity_id=matches[0].entity.id):
        services.case_subject_add(case=case, user=admin, entity_id=matches[0].entity.id)
    if not case.evidence.exists():
        services.evidence_add(
            case=case,
            user=admin,
            fields={
                "kind": Evidence.Kind.NOTE,
                "title": "Observation at the maintenance hangar (fictional)",
                "text": (
                    "Fictional demo note: the aircraft was seen with its registration "
                    "painted over except for the last digits; staff referred to it by "
                    "its Mode S code 140AE7."
                ),
                "observed_on": datetime.date(2021, 7, 1),
                "place": "Example Airport, Germany",
            },
        )
    if not case.letters.exists():
        services.letter_create(
            case=case, user=admin, template=Letter.Template.BAFA, language=Letter.Language.DE
        )
    parts.append(f"demo case #{case.pk} with {case.evidence.count()} evidence item(s)")
    return "; ".join(parts)
