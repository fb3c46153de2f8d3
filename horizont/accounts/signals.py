"""Side effects of allauth's two-factor events on our own state."""

from __future__ import annotations

from typing import Any

from allauth.mfa import signals as mfa_signals

from horizont.accounts.limits import login_failure_record


def record_failed_code(sender: Any, request: Any, user: Any, **kwargs: Any) -> None:
    """A wrong two-factor code counts for the per-address limit like a wrong password
    (once per account); the per-account back-off is allauth's own ``login_failed``."""
    if request is not None:
        login_failure_record(request, account=user.email)


def forget_enrolment(sender: Any, user: Any, **kwargs: Any) -> None:
    if hasattr(user, "forget_mfa_enrolment"):
        user.forget_mfa_enrolment()


def connect() -> None:
    mfa_signals.authentication_failed.connect(record_failed_code, dispatch_uid="accounts-mfa-fail")
    for signal in (mfa_signals.authenticator_added, mfa_signals.authenticator_removed):
        signal.connect(forget_enrolment, dispatch_uid=f"accounts-mfa-cache-{id(signal)}")
