"""Record privileged actions that happen outside our own services: the Django admin and
changes of roles."""

from __future__ import annotations

from typing import Any

from django.contrib.admin.models import LogEntry
from django.contrib.auth import get_user_model
from django.db.models.signals import m2m_changed, post_save
from django.dispatch import receiver

from horizont.audit.services import audit_record

_ADMIN_ACTIONS = {1: "admin.add", 2: "admin.change", 3: "admin.delete"}


@receiver(post_save, sender=LogEntry)
def record_admin_action(sender: Any, instance: LogEntry, created: bool, **kwargs: Any) -> None:
    if not created:
        return
    content_type = instance.content_type
    audit_record(
        actor=instance.user,
        action=_ADMIN_ACTIONS.get(instance.action_flag, "admin.other"),
        details={
            "object_type": content_type.model if content_type else "",
            "object_id": instance.object_id or "",
            "object": instance.object_repr,
            "change": instance.get_change_message(),
        },
    )


def record_role_change(sender: Any, instance: Any, action: str, pk_set: Any, **kwargs: Any) -> None:
    if action not in ("post_add", "post_remove", "post_clear"):
        return
    from django.contrib.auth.models import Group

    names = sorted(Group.objects.filter(pk__in=pk_set or []).values_list("name", flat=True))
    audit_record(
        actor=None,
        action=f"roles.{action.removeprefix('post_')}",
        target=instance,
        details={"roles": names},
    )


def record_authenticator_change(sender: Any, user: Any, authenticator: Any, **kwargs: Any) -> None:
    """Two-factor enrolled, removed or its recovery codes renewed: audited (allauth mails
    the account about it, ``ACCOUNT_EMAIL_NOTIFICATIONS``)."""
    from allauth.mfa import signals as mfa_signals

    action = {
        mfa_signals.authenticator_added: "mfa.added",
        mfa_signals.authenticator_removed: "mfa.removed",
        mfa_signals.authenticator_reset: "mfa.reset",
    }[kwargs["signal"]]
    audit_record(actor=user, action=action, target=user, details={"type": str(authenticator.type)})


def connect() -> None:
    from allauth.mfa import signals as mfa_signals

    for name in ("authenticator_added", "authenticator_removed", "authenticator_reset"):
        getattr(mfa_signals, name).connect(
            record_authenticator_change, dispatch_uid=f"audit-{name}"
        )
    m2m_changed.connect(
        record_role_change, sender=get_user_model().groups.through, dispatch_uid="audit-roles"
    )
