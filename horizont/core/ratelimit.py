"""Rate limits for views that post or sign (``HORIZONT_RATE_LIMITS``), and the keyed
form in which client addresses reach the cache.

A client address is never stored: rate-limit keys hold an HMAC of it, keyed with a key
derived from ``SECRET_KEY`` and a random salt that changes every
``HORIZONT_ADDRESS_SALT_SECONDS`` (a day by default). The salt lives only in the cache and
expires two periods later, so once it is gone not even someone holding ``SECRET_KEY``
and a copy of Redis can test candidate addresses against old keys. Allauth's own
limits use the same keying (see ``horizont.accounts.adapter``).
"""

from __future__ import annotations

import secrets
import time
from collections.abc import Callable
from functools import wraps
from typing import Any

from allauth.core.internal.httpkit import get_client_ip
from allauth.core.internal.ratelimit import truncate_ip
from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.crypto import salted_hmac

from horizont.lib.ratelimit import hit


class RateLimited(Exception):
    """Raised by a view when a client used up a limit; answered with the 429 page."""


class RateLimitedMiddleware:
    """Turns :class:`RateLimited` into the translated "too many attempts" page."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if isinstance(exception, RateLimited):
            return render(request, "429.html", status=429)
        return None


def _current_salt(now: float | None = None) -> str:
    period_seconds = settings.HORIZONT_ADDRESS_SALT_SECONDS
    period = int((time.time() if now is None else now) // period_seconds)
    key = f"horizont:address-salt:{period}"
    salt = cache.get(key)
    if salt is None:
        cache.add(key, secrets.token_hex(16), timeout=2 * period_seconds)
        salt = cache.get(key)
    if salt is None:  # a cache that keeps nothing (DummyCache): fall back to a derived salt
        salt = salted_hmac("horizont.address-salt", str(period), secret=settings.SECRET_KEY)
        salt = salt.hexdigest()
    return str(salt)


def keyed(value: str, *, rotating: bool = True) -> str:
    """An HMAC of ``value`` under a key derived from ``SECRET_KEY`` (and, when
    ``rotating``, the salt of the current period): what rate-limit keys hold instead of
    addresses, account names or user ids."""
    salt = _current_salt() if rotating else ""
    digest = salted_hmac(
        "horizont.rate-limit-key", f"{salt}|{value}", secret=settings.SECRET_KEY, algorithm="sha256"
    )
    return digest.hexdigest()[:40]


def address_key(request: HttpRequest) -> str:
    """The client's address as a keyed, salted hash (IPv6 addresses by their /64
    network, as one household or device usually holds a whole one)."""
    address = get_client_ip(request)
    if not address:
        return "unknown"
    return "addr-" + keyed(truncate_ip(address))


def client_key(request: HttpRequest) -> str:
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return f"user:{keyed(str(user.pk))}"
    return f"ip:{address_key(request)}"


def allow(request: HttpRequest, action: str) -> bool:
    limit, window = settings.HORIZONT_RATE_LIMITS[action]
    return hit(cache, action=action, who=client_key(request), limit=limit, window=window)


def rate_limited(
    action: str,
) -> Callable[[Callable[..., HttpResponse]], Callable[..., HttpResponse]]:
    """Refuse POSTs beyond the limit for ``action`` with a 429 page in the user's language."""

    def decorator(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
        @wraps(view)
        def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            if request.method == "POST" and not allow(request, action):
                return render(request, "429.html", status=429)
            return view(request, *args, **kwargs)

        return wrapped

    return decorator
