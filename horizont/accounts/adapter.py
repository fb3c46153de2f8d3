from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from allauth.account.adapter import DefaultAccountAdapter
from django.http import HttpRequest

from horizont.accounts.limits import login_allowed_from_address, login_failure_record
from horizont.core.ratelimit import address_key, keyed


def _login_of(credentials: dict[str, Any]) -> str:
    return str(credentials.get("email") or credentials.get("username") or "").lower()


@dataclass(frozen=True)
class SiteIdentity:
    """What mails call the site: ``SITE_NAME`` and the host of ``HORIZONT_SITE_URL``,
    never the address a request happened to use ("127.0.0.1:8000")."""

    name: str
    domain: str


def site_identity() -> SiteIdentity:
    from django.conf import settings

    url = urlsplit(str(settings.HORIZONT_SITE_URL))
    return SiteIdentity(name=str(settings.SITE_NAME), domain=url.netloc or url.path)


def signed_in_recently() -> bool:
    """Whether this session's latest sign-in step (password, code or re-authentication)
    lies within ``ACCOUNT_REAUTHENTICATION_TIMEOUT``."""
    import time

    from allauth.account.authentication import get_authentication_records
    from allauth.core import context
    from django.conf import settings

    request = context.request
    if request is None or not request.user.is_authenticated:
        return False
    records = get_authentication_records(request, request.user)
    latest = max((float(r.get("at", 0)) for r in records), default=0.0)
    return time.time() - latest < int(settings.ACCOUNT_REAUTHENTICATION_TIMEOUT)


class AccountAdapter(DefaultAccountAdapter):
    """Sign-up can be closed by an operator with ``ACCOUNT_ALLOW_SIGNUP=False``; client
    addresses and account names reach allauth's rate limits only as keyed hashes; failed
    sign-ins are limited per account and per address separately (``accounts.limits``)."""

    def is_open_for_signup(self, request: HttpRequest) -> bool:
        from django.conf import settings

        return bool(getattr(settings, "ACCOUNT_ALLOW_SIGNUP", True))

    def send_mail(self, template_prefix: str, email: str, context: dict[str, Any]) -> None:
        # Allauth greets with the Sites framework's name, which without that app is the
        # request's host: "Hello from 127.0.0.1:8000!". Greet with the site's name.
        super().send_mail(template_prefix, email, {**context, "current_site": site_identity()})

    def is_reauthentication_required(self, *, app: str, **kwargs: Any) -> bool:
        """Security settings (two-factor, account deletion, data export) ask for the
        password again only when the last sign-in or confirmation of this session is older
        than ``ACCOUNT_REAUTHENTICATION_TIMEOUT`` — allauth alone would ask right after
        a sign-in, since it counts only explicit re-authentications."""
        if signed_in_recently():
            return False
        return bool(super().is_reauthentication_required(app=app, **kwargs))

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
