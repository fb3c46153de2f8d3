"""Workflows of the network app: initiatives, memberships and links between initiatives."""

from __future__ import annotations

import secrets
from collections.abc import Iterable
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from horizont.audit.services import audit_record
from horizont.lib.images import CleanImage
from horizont.network.models import (
    Initiative,
    InitiativeLanguage,
    InitiativeTranslation,
    Link,
    Membership,
    Topic,
)

# Paths under /initiatives/ that are pages, not initiatives.
RESERVED_SLUGS = {"map", "graph", "new", "review", "mine", "links", "api", "near"}


def initiatives_organized_by(user: Any) -> QuerySet[Initiative]:
    """Initiatives where ``user`` is an active organizer (pending ones included).

    Other apps (events, publications) use this to offer "publish as …" choices; filter
    with ``.public()`` where only approved initiatives may act.
    """
    return Initiative.objects.organized_by(user)


def _unique_slug(name: str) -> str:
    base = slugify(name)[:60].strip("-") or "initiative"
    if base in RESERVED_SLUGS:
        base = f"{base}-initiative"
    slug = base
    while Initiative.objects.filter(slug=slug).exists():
        slug = f"{base}-{secrets.token_hex(2)}"
    return slug


def _store_logo(initiative: Initiative, logo: CleanImage | None) -> None:
    if logo is None:
        return
    if initiative.logo:
        initiative.logo.delete(save=False)
    name = f"{secrets.token_hex(8)}.{logo.extension}"
    initiative.logo.save(name, ContentFile(logo.content), save=False)


def _set_languages(initiative: Initiative, codes: Iterable[str]) -> None:
    wanted = set(codes)
    initiative.working_languages.exclude(code__in=wanted).delete()
    have = set(initiative.working_languages.values_list("code", flat=True))
    InitiativeLanguage.objects.bulk_create(
        InitiativeLanguage(initiative=initiative, code=code) for code in sorted(wanted - have)
    )


@transaction.atomic
def initiative_create(
    *,
    user: Any,
    fields: dict[str, Any],
    topics: Iterable[Topic] = (),
    languages: Iterable[str] = (),
    logo: CleanImage | None = None,
) -> Initiative:
    """A new initiative, waiting for approval, with ``user`` as its first organizer."""
    initiative = Initiative(**fields)
    initiative.slug = _unique_slug(initiative.name)
    initiative.status = Initiative.Status.PENDING
    initiative.created_by = user
    _store_logo(initiative, logo)
    initiative.save()
    initiative.topics.set(topics)
    _set_languages(initiative, languages)
    Membership.objects.create(
        initiative=initiative,
        user=user,
        role=Membership.Role.ORGANIZER,
        status=Membership.Status.ACTIVE,
    )
    audit_record(actor=user, action="network.initiative_create", target=initiative)
    return initiative


@transaction.atomic
def initiative_update(
    *,
    initiative: Initiative,
    user: Any,
    fields: dict[str, Any],
    topics: Iterable[Topic] = (),
    languages: Iterable[str] = (),
    logo: CleanImage | None = None,
    remove_logo: bool = False,
) -> Initiative:
    for name, value in fields.items():
        setattr(initiative, name, value)
    if remove_logo and initiative.logo:
        initiative.logo.delete(save=False)
        initiative.logo = ""
    _store_logo(initiative, logo)
    initiative.save()
    initiative.topics.set(topics)
    _set_languages(initiative, languages)
    audit_record(actor=user, action="network.initiative_update", target=initiative)
    return initiative


@transaction.atomic
def initiative_translation_save(
    *, initiative: Initiative, user: Any, language: str, name: str, description: str
) -> InitiativeTranslation | None:
    """Save (or, with an empty name, remove) the translation into ``language``."""
    if language == initiative.language:
        raise ValidationError(_("This is the original language of the initiative."))
    if not name.strip():
        initiative.translations.filter(language=language).delete()
        return None
    translation, _created = InitiativeTranslation.objects.update_or_create(
        initiative=initiative,
        language=language,
        defaults={"name": name.strip(), "description": description.strip()},
    )
    audit_record(
        actor=user,
        action="network.translation_save",
        target=initiative,
        details={"language": language},
    )
    return translation


@transaction.atomic
def initiative_review(
    *, initiative: Initiative, moderator: Any, approve: bool, note: str = ""
) -> Initiative:
    """A moderator approves (makes public) or rejects an initiative."""
    if not moderator.has_perm("network.approve_initiative", initiative):
        raise PermissionDenied
    initiative.status = Initiative.Status.APPROVED if approve else Initiative.Status.REJECTED
    initiative.reviewed_by = moderator
    initiative.reviewed_at = timezone.now()
    initiative.review_note = note
    initiative.save(update_fields=["status", "reviewed_by", "reviewed_at", "review_note"])
    audit_record(
        actor=moderator,
        action="network.initiative_approve" if approve else "network.initiative_reject",
        target=initiative,
        details={"note": note} if note else None,
    )
    return initiative


@transaction.atomic
def membership_request(*, initiative: Initiative, user: Any) -> Membership:
    if not user.has_perm("network.join_initiative", initiative):
        raise PermissionDenied
    membership, _created = Membership.objects.get_or_create(
        initiative=initiative,
        user=user,
        defaults={"role": Membership.Role.MEMBER, "status": Membership.Status.REQUESTED},
    )
    return membership


@transaction.atomic
def membership_decide(*, membership: Membership, organizer: Any, action: str) -> Membership | None:
    """``approve`` or ``decline`` a request; ``remove`` a member; ``promote``/``demote``."""
    initiative = membership.initiative
    if not organizer.has_perm("network.manage_members", initiative):
        raise PermissionDenied
    if action == "approve":
        membership.status = Membership.Status.ACTIVE
        membership.save(update_fields=["status"])
    elif action in ("decline", "remove"):
        if membership.role == Membership.Role.ORGANIZER and _last_organizer(membership):
            raise ValidationError(_("An initiative needs at least one organizer."))
        membership.delete()
    elif action == "promote":
        membership.role = Membership.Role.ORGANIZER
        membership.status = Membership.Status.ACTIVE
        membership.save(update_fields=["role", "status"])
    elif action == "demote":
        if _last_organizer(membership):
            raise ValidationError(_("An initiative needs at least one organizer."))
        membership.role = Membership.Role.MEMBER
        membership.save(update_fields=["role"])
    else:
        raise ValidationError(_("Unknown action."))
    audit_record(
        actor=organizer,
        action=f"network.membership_{action}",
        target=initiative,
        details={"membership": membership.pk or None},
    )
    return None if action in ("decline", "remove") else membership


def _last_organizer(membership: Membership) -> bool:
    return (
        not membership.initiative.memberships.filter(
            role=Membership.Role.ORGANIZER, status=Membership.Status.ACTIVE
        )
        .exclude(pk=membership.pk)
        .exists()
    )


@transaction.atomic
def link_propose(*, source: Initiative, target: Initiative, kind: str, user: Any) -> Link:
    """An organizer of ``source`` proposes a link; it counts only once ``target`` confirms."""
    if not user.has_perm("network.propose_link", source):
        raise PermissionDenied
    if source.pk == target.pk:
        raise ValidationError(_("An initiative cannot be linked to itself."))
    if not target.is_public:
        raise ValidationError(_("Links can only be made to public initiatives."))
    if kind not in Link.Kind.values:
        raise ValidationError(_("Unknown kind of link."))
    if Link.objects.filter(source=source, target=target, kind=kind).exists():
        raise ValidationError(_("This link already exists or waits for confirmation."))
    link = Link.objects.create(source=source, target=target, kind=kind, proposed_by=user)
    audit_record(actor=user, action="network.link_propose", target=link)
    return link


@transaction.atomic
def link_confirm(*, link: Link, user: Any) -> Link:
    if not user.has_perm("network.confirm_link", link):
        raise PermissionDenied
    link.status = Link.Status.CONFIRMED
    link.confirmed_by = user
    link.confirmed_at = timezone.now()
    link.save(update_fields=["status", "confirmed_by", "confirmed_at"])
    audit_record(actor=user, action="network.link_confirm", target=link)
    return link


@transaction.atomic
def link_end(*, link: Link, user: Any) -> None:
    """Either side ends a link (or withdraws or declines a proposal)."""
    if not user.has_perm("network.end_link", link):
        raise PermissionDenied
    audit_record(
        actor=user,
        action="network.link_end",
        target=link,
        details={"source": link.source_id, "target": link.target_id, "kind": link.kind},
    )
    link.delete()


def user_network_export(user: Any) -> dict[str, Any]:
    """What the network app holds about ``user``: memberships and initiatives created."""
    return {
        "network_memberships": [
            {
                "initiative": m.initiative.name,
                "slug": m.initiative.slug,
                "role": m.role,
                "status": m.status,
                "since": m.created_at.isoformat(),
            }
            for m in Membership.objects.filter(user=user).select_related("initiative")
        ],
        "network_initiatives_created": list(
            Initiative.objects.filter(created_by=user).values_list("slug", flat=True)
        ),
    }


def user_network_erase(user: Any) -> None:
    """Before ``user``'s account goes: no initiative may be left without an organizer.

    Where ``user`` is the last active organizer, the longest-standing active member takes
    over as organizer; where there is no other member, the initiative is archived (hidden
    from the directory, kept for the links and events that point to it). Both are audited.
    """
    led = Initiative.objects.filter(
        memberships__user=user,
        memberships__role=Membership.Role.ORGANIZER,
        memberships__status=Membership.Status.ACTIVE,
    ).distinct()
    for initiative in led:
        active = initiative.memberships.filter(status=Membership.Status.ACTIVE).exclude(user=user)
        if active.filter(role=Membership.Role.ORGANIZER).exists():
            continue
        successor = active.order_by("created_at", "pk").first()
        if successor is not None:
            successor.role = Membership.Role.ORGANIZER
            successor.save(update_fields=["role"])
            audit_record(
                actor=None,
                action="initiative.handed_over",
                target=initiative,
                details={"to_user": successor.user_id, "reason": "organizer account deleted"},
            )
        else:
            initiative.status = Initiative.Status.ARCHIVED
            initiative.save(update_fields=["status"])
            audit_record(
                actor=None,
                action="initiative.archived",
                target=initiative,
                details={"reason": "last organizer's account deleted"},
            )
