"""Shared test personas: a member, an outsider who must be refused, a moderator …"""

from __future__ import annotations

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
    return user


def current_code() -> str:
    return totp_code(TOTP_SECRET)


def enable_mfa(user: Any) -> Any:
    """Turn on two-factor (TOTP) for an existing test user."""
    from allauth.mfa.totp.internal.auth import TOTP

    TOTP.activate(user, TOTP_SECRET)
    return user
