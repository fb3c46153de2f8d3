"""Rate limits for views that post or sign (``HORIZONT_RATE_LIMITS``)."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from allauth.core.internal.httpkit import get_client_ip
from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

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


def client_key(request: HttpRequest) -> str:
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return f"user:{user.pk}"
    return f"ip:{get_client_ip(request)}"


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
