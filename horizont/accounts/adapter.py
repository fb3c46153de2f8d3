from __future__ import annotations

from typing import Any

from allauth.account.adapter import DefaultAccountAdapter
from django.http import HttpRequest

from horizont.accounts.limits import login_allowed_from_address, login_failure_record
from horizont.core.ratelimit import address_key, keyed


def _login_of(credentials: dict[str, Any]) -> str:
    return str(credentials.get("email") or credentials.get("username") or "").lower()


class AccountAdapter(DefaultAccountAdapter):
    """Sign-up can be closed by an operator with ``ACCOUNT_ALLOW_SIGNUP=False``; client
    addresses and account names reach allauth's rate limits only as keyed hashes; failed
    sign-ins are limited per account and per address separately (``accounts.limits``)."""

    def is_open_for_signup(self, request: HttpRequest) -> bool:
        from django.conf import settings

        return bool(getattr(settings, "ACCOUNT_ALLOW_SIGNUP", True))

    def get_client_ip(self, request: HttpRequest) -> str:
        # Allauth uses the address only for rate-limit keys (and notification mails,
        # whose template leaves it out): give it the keyed hash, never the address.
        return address_key(request)

    def _get_login_attempts_cache_key(self, request: HttpRequest, **credentials: Any) -> str:
        # Allauth hashes this with plain SHA-256, which a list of known e-mail
        # addresses reverses; key it with the secret instead.
        return "login-" + keyed(_login_of(credentials), rotating=False)

    def pre_authenticate(self, request: HttpRequest, **credentials: Any) -> None:
        if not login_allowed_from_address(request):
            raise self.validation_error("too_many_login_attempts")
        super().pre_authenticate(request, **credentials)

    def authentication_failed(self, request: HttpRequest, **credentials: Any) -> None:
        login_failure_record(request, account=_login_of(credentials))
