"""Shared test personas: a member, an outsider who must be refused, a moderator …"""

from __future__ import annotations

import time
from typing import Any

from horizont.lib.totp import totp_code

TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DP"


def make_user(
    email: str,
    *,
    password: str = "correct-horse-battery",
    roles: tuple[str, ...] = (),
    mfa: bool = False,
    verified: bool = True,
    superuser: bool = False,
    **fields: Any,
) -> Any:
    from allauth.account.models import EmailAddress
    from allauth.mfa.totp.internal.auth import TOTP
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    user_model = get_user_model()
    if superuser:
        user = user_model.objects.create_superuser(email, password, **fields)
    else:
        user = user_model.objects.create_user(email, password, **fields)
    EmailAddress.objects.create(user=user, email=email, verified=verified, primary=True)
    for role in roles:
        user.groups.add(Group.objects.get_or_create(name=role)[0])
    if mfa:
        TOTP.activate(user, TOTP_SECRET)
        # The persona stands for someone signed in with two-factor: rules checked on
        # this object directly see what they would see for ``request.user``.
        user.mfa_session_passed = True
    return user


#: A code is typed only when at least this many seconds of its 30-second window remain:
#: the server accepts only the current window (allauth's MFA_TOTP_TOLERANCE 0), and a
#: browser test on a busy machine can take seconds from typing to the server's check.
FRESH_CODE_SECONDS = 8.0


def current_code() -> str:
    left = 30 - time.time() % 30
    if left < FRESH_CODE_SECONDS:
        time.sleep(left + 0.05)
    return totp_code(TOTP_SECRET)


def enable_mfa(user: Any) -> Any:
    """Turn on two-factor (TOTP) for an existing test user. Like enrolling in a real
    session, this alone grants no privileged power: sign in again (``force_login``)."""
    from allauth.mfa.totp.internal.auth import TOTP

    TOTP.activate(user, TOTP_SECRET)
    return user


def record_complete_login(client: Any, user: Any) -> None:
    """Write into ``client``'s session what a complete sign-in leaves there: a password
    step and, when the user has an authenticator, a two-factor step, both just now."""
    import time

    from allauth.account.internal.flows.login import (
        _AUTHENTICATION_METHODS_USER_SESSION_KEY,
        AUTHENTICATION_METHODS_SESSION_KEY,
    )
    from allauth.mfa.models import Authenticator

    now = time.time()
    records: list[dict[str, Any]] = [{"method": "password", "at": now, "email": user.email}]
    totp = Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).first()
    if totp is not None:
        records.append({"method": "mfa", "at": now, "id": totp.pk, "type": "totp"})
    session = client.session
    session[AUTHENTICATION_METHODS_SESSION_KEY] = records
    session[_AUTHENTICATION_METHODS_USER_SESSION_KEY] = str(user.pk)
    session.save()


def age_login(client: Any, seconds: float) -> None:
    """Make this session's sign-in steps ``seconds`` older, as if signed in long ago."""
    from allauth.account.internal.flows.login import AUTHENTICATION_METHODS_SESSION_KEY

    session = client.session
    records = session.get(AUTHENTICATION_METHODS_SESSION_KEY, [])
    session[AUTHENTICATION_METHODS_SESSION_KEY] = [{**r, "at": r["at"] - seconds} for r in records]
    session.save()


class SignedInClient:
    """Mixin for the test client: ``force_login`` signs in as a complete login would,
    two-factor included where the user has it. Tests of the sign-in itself post to the
    login and two-factor forms instead (or use ``django.test.Client``)."""

    def force_login(self, user: Any, backend: str | None = None) -> None:
        super().force_login(user, backend)  # type: ignore[misc]
        record_complete_login(self, user)


def reauthenticate(client: Any, password: str = "correct-horse-battery") -> None:
    """Confirm the password again, as asked before data export and account deletion."""
    response = client.post("/en/accounts/reauthenticate/", {"password": password})
    assert response.status_code == 302, "re-authentication failed"
