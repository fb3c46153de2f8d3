"""Side effects of allauth's two-factor events on our own state."""

from __future__ import annotations

from typing import Any

from allauth.account import signals as account_signals
from allauth.mfa import signals as mfa_signals
from django.contrib import messages
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _

from horizont.accounts.limits import login_failure_record


def record_failed_code(sender: Any, request: Any, user: Any, **kwargs: Any) -> None:
    """A wrong two-factor code counts for the per-address limit like a wrong password
    (once per account); the per-account back-off is allauth's own ``login_failed``."""
    if request is not None:
        login_failure_record(request, account=user.email)


def forget_enrolment(sender: Any, user: Any, **kwargs: Any) -> None:
    if hasattr(user, "forget_mfa_enrolment"):
        user.forget_mfa_enrolment()


def needs_two_factor(user: Any) -> bool:
    """A role that works only with two-factor: staff, moderators, coordinators and
    organizers of an initiative (their participant and member lists need it)."""
    from horizont.network.models import Membership

    if user.is_privileged:
        return True
    return Membership.objects.filter(
        user=user, role=Membership.Role.ORGANIZER, status=Membership.Status.ACTIVE
    ).exists()


def invite_to_two_factor(sender: Any, request: Any, user: Any, **kwargs: Any) -> None:
    """After a sign-in, people whose role needs two-factor and who have not turned it on
    are invited to, with a link to the set-up (shown wherever they land)."""
    if request is None or user.mfa_enrolled or not needs_two_factor(user):
        return
    messages.warning(
        request,
        format_html(
            '{} <a href="{}">{}</a>',
            _(
                "Your role needs two-factor authentication: without it participant and "
                "member lists stay hidden from you."
            ),
            reverse("mfa_activate_totp"),
            _("Turn on two-factor authentication"),
        ),
    )


def connect() -> None:
    account_signals.user_logged_in.connect(invite_to_two_factor, dispatch_uid="accounts-mfa-invite")
    mfa_signals.authentication_failed.connect(record_failed_code, dispatch_uid="accounts-mfa-fail")
    for signal in (mfa_signals.authenticator_added, mfa_signals.authenticator_removed):
        signal.connect(forget_enrolment, dispatch_uid=f"accounts-mfa-cache-{id(signal)}")
