"""Security headers every response carries, and query strings checked at the edge."""

from __future__ import annotations

import re
from collections.abc import Callable
from urllib.parse import urlsplit

from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _


def _content_security_policy() -> str:
    img_sources = ["'self'", "data:"]
    if settings.MAP_TILE_URL:
        parts = urlsplit(settings.MAP_TILE_URL.replace("{s}", "a"))
        if parts.scheme and parts.netloc:
            host = (
                parts.netloc.replace("a.", "*.", 1)
                if "{s}" in settings.MAP_TILE_URL
                else parts.netloc
            )
            img_sources.append(f"{parts.scheme}://{host}")
    return "; ".join(
        [
            "default-src 'self'",
            "script-src 'self'",
            "style-src 'self'",
            f"img-src {' '.join(img_sources)}",
            "font-src 'self'",
            "connect-src 'self'",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            "frame-ancestors 'none'",
        ]
    )


class SecurityHeadersMiddleware:
    """Strict Content-Security-Policy (no inline scripts) and a closed permissions policy."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response
        self.csp = _content_security_policy()

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        response.headers.setdefault("Content-Security-Policy", self.csp)
        response.headers.setdefault(
            "Permissions-Policy", "camera=(), microphone=(), geolocation=(), interest-cohort=()"
        )
        return response


#: Query parameters that count rows or pages, in every list page and API operation
#: (``p`` is the admin's page number).
COUNTING_PARAMETERS = frozenset({"page", "p", "limit", "offset", "page_size", "per_page"})
#: Far beyond any real list, far below the 2**63 at which databases overflow.
MAX_COUNT = 2**31 - 1
_INTEGER = re.compile(r"\s*[+-]?\d+\s*")


def query_parameter_problem(query: dict[str, list[str]]) -> str | None:
    """Why a query string cannot be answered (a message naming the parameter), or None.

    Only what no page can use is refused here: NUL characters (PostgreSQL cannot even
    compare them) and row or page counts beyond :data:`MAX_COUNT`. Everything else is
    each view's business.
    """
    for name, values in query.items():
        shown = name.replace("\x00", "")[:40] or "?"
        if "\x00" in name or any("\x00" in value for value in values):
            return _("The parameter “%(name)s” contains a NUL character.") % {"name": shown}
        if name in COUNTING_PARAMETERS:
            for value in values:
                if _INTEGER.fullmatch(value) and abs(int(value)) > MAX_COUNT:
                    return _("The parameter “%(name)s” must be a number up to %(max)s.") % {
                        "name": shown,
                        "max": MAX_COUNT,
                    }
    return None


class QueryParametersMiddleware:
    """Answers a query string that no page can use with a 400 and a message (JSON for the
    API), before any view or database sees it."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        problem = query_parameter_problem(dict(request.GET.lists()))
        if problem is None:
            return self.get_response(request)
        if request.path.startswith("/api/"):
            return JsonResponse({"detail": problem}, status=400)
        return render(request, "400.html", {"problem": problem}, status=400)
