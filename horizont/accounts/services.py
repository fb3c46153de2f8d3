"""Account workflows: data export and account deletion."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.db import transaction
from django.utils import timezone

from horizont.accounts.models import User

# Apps add what they hold about a user: ``register_export(fn)`` with ``fn(user) -> dict``
# and ``register_erasure(fn)`` with ``fn(user) -> None`` (anonymize or remove content).
_EXPORTERS: list[Callable[[User], dict[str, Any]]] = []
_ERASERS: list[Callable[[User], None]] = []


def register_export(fn: Callable[[User], dict[str, Any]]) -> Callable[[User], dict[str, Any]]:
    _EXPORTERS.append(fn)
    return fn


def register_erasure(fn: Callable[[User], None]) -> Callable[[User], None]:
    _ERASERS.append(fn)
    return fn


def user_export_data(*, user: User) -> dict[str, Any]:
    """Everything Horizont keeps about ``user``, as JSON-ready data."""
    from allauth.account.models import EmailAddress
    from allauth.mfa.models import Authenticator

    data: dict[str, Any] = {
        "exported_at": timezone.now().isoformat(),
        "account": {
            "id": user.pk,
            "email": user.email,
            "display_name": user.display_name,
            "language": user.language,
            "contact": user.contact,
            "date_joined": user.date_joined.isoformat(),
            "last_login": user.last_login.isoformat() if user.last_login else None,
            "roles": sorted(user.groups.values_list("name", flat=True)),
        },
        "email_addresses": [
            {"email": e.email, "verified": e.verified, "primary": e.primary}
            for e in EmailAddress.objects.filter(user=user)
        ],
        "two_factor": [
            {"type": a.type, "created_at": a.created_at.isoformat()}
            for a in Authenticator.objects.filter(user=user)
        ],
        "jobs": _jobs_export(user),
    }
    for exporter in _EXPORTERS:
        data.update(exporter(user))
    return data


def _jobs_export(user: User) -> list[dict[str, Any]]:
    """Background jobs the user started, with what they were given: for a batch screening
    that is every name screened (``arguments.queries``). Jobs go with the account."""
    from horizont.jobs.models import Job

    return [
        {
            "id": str(job.pk),
            "task": job.name,
            "label": job.label,
            "status": job.status,
            "created_at": job.created_at.isoformat(),
            "finished_at": job.finished_at.isoformat() if job.finished_at else None,
            "arguments": job.arguments,
            "result": job.result,
            "error": job.error,
        }
        for job in Job.objects.filter(owner=user).order_by("created_at")
    ]


@transaction.atomic
def user_delete(*, user: User) -> None:
    """Delete the account. Apps anonymize what others still need (e.g. forum replies)."""
    for eraser in _ERASERS:
        eraser(user)
    user.delete()
