"""Readers' reports of abusive content and what moderators do with them, in every app.

An app's report model inherits :class:`Report` and adds a foreign key, with
``related_name="reports"``, to what is reported (a forum post, a proposal …). That
content has an ``is_hidden`` flag, and ``hidden_at``/``hidden_by`` where it records when
and by whom it was hidden. Views file reports with :func:`report_file` and apply a
moderator's decision with :func:`content_moderate`; each app names the audit entries
(:class:`AuditNames`) and checks its own ``moderate`` permission first.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from horizont.audit.services import audit_record

#: What a moderator can do with reported content: hide it (which closes its open
#: reports), show it again, or dismiss its open reports and leave it visible.
ACTIONS = ("hide", "restore", "dismiss")


class Report(models.Model):
    """A reader's report, waiting in the moderation queue until a moderator decides."""

    class Status(models.TextChoices):
        OPEN = "open", _("open")
        HIDDEN = "hidden", _("hidden")
        DISMISSED = "dismissed", _("dismissed")

    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="%(app_label)s_reports",
    )
    reason = models.TextField(_("what is wrong with it"), max_length=1000)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.OPEN, db_index=True
    )
    created_at = models.DateTimeField(auto_now_add=True)
    resolved_at = models.DateTimeField(null=True, blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        abstract = True
        ordering = ["created_at"]
        verbose_name = _("report")
        verbose_name_plural = _("reports")

    def __str__(self) -> str:
        return f"report #{self.pk}"


@dataclass(frozen=True)
class AuditNames:
    """What the audit log calls each action on one kind of content."""

    hide: str
    restore: str
    dismiss: str
    #: Whether the entry of a dismissal records how many reports it closed.
    count_dismissed: bool = False


@transaction.atomic
def report_file(*, target: Any, reporter: Any, reason: str, **fields: Any) -> Any:
    """Report ``target``; a second report of the same reader while the first is open
    replaces its reason instead of adding to the queue. ``fields``: further columns of
    the app's report (set on a new report only)."""
    reason = reason.strip()
    report = target.reports.filter(reporter=reporter, status=Report.Status.OPEN).first()
    if report is not None:
        report.reason = reason
        report.save(update_fields=["reason"])
        return report
    return target.reports.create(reporter=reporter, reason=reason, **fields)


@transaction.atomic
def content_moderate(*, moderator: Any, target: Any, action: str, audit: AuditNames) -> None:
    """Apply one of :data:`ACTIONS` to ``target`` and its open reports, audited."""
    if action not in ACTIONS:
        raise ValueError(action)
    now = timezone.now()
    open_reports = target.reports.filter(status=Report.Status.OPEN)
    details: dict[str, Any] = {}
    if action == "dismiss":
        count = open_reports.update(
            status=Report.Status.DISMISSED, resolved_at=now, resolved_by=moderator
        )
        if audit.count_dismissed:
            details["reports"] = count
    else:
        hide = action == "hide"
        type(target).objects.filter(pk=target.pk).update(
            **_visibility(type(target), hidden=hide, moderator=moderator, now=now)
        )
        if hide:
            open_reports.update(status=Report.Status.HIDDEN, resolved_at=now, resolved_by=moderator)
    audit_record(
        actor=moderator, action=getattr(audit, action), target=target, details=details or None
    )


def _visibility(model: type[models.Model], *, hidden: bool, moderator: Any, now: Any) -> dict:
    values: dict[str, Any] = {"is_hidden": hidden}
    columns = {field.name for field in model._meta.concrete_fields}
    if "hidden_at" in columns:
        values["hidden_at"] = now if hidden else None
    if "hidden_by" in columns:
        values["hidden_by"] = moderator if hidden else None
    return values
