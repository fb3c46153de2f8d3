from __future__ import annotations

import logging
import re
from urllib.parse import quote

from django.conf import settings
from django.db import connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import check_for_language
from django.views.decorators.http import require_POST

from horizont.core import home as home_data

logger = logging.getLogger(__name__)


def home(request: HttpRequest) -> HttpResponse:
    city, city_source = home_data.reader_city(request)
    events, events_near = home_data.upcoming_events(city)
    context = {
        "city": city,
        "city_source": city_source,
        "events": events,
        "events_near": events_near,
        "articles": home_data.latest_articles(),
        "elections": home_data.active_elections(),
    }
    response = render(request, "core/home.html", context)
    if "city" in request.GET:
        if city:
            response.set_cookie(
                home_data.CITY_COOKIE, quote(city), max_age=365 * 24 * 3600, samesite="Lax"
            )
        else:
            response.delete_cookie(home_data.CITY_COOKIE)
    return response


def search(request: HttpRequest) -> HttpResponse:
    """One search box across initiatives, events and publications."""
    from horizont.core.search import search as run_search

    query = request.GET.get("q", "")
    results = run_search(query)
    return render(request, "core/search.html", {"results": results, "query": results.query})


def healthz(request: HttpRequest) -> JsonResponse:
    """Liveness and database check for load balancers and monitoring."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception:
        logger.exception("health check: database unreachable")
        return JsonResponse({"status": "error", "database": "unreachable"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})


def error_403(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "403.html", status=403)


def error_404(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "404.html", status=404)


def error_500(request: HttpRequest) -> HttpResponse:
    return render(request, "500.html", status=500)


@require_POST
def set_language(request: HttpRequest) -> HttpResponse:
    """Switch the interface language and stay on the same page (works without JavaScript).

    Django's own view only translates ``next`` when it is in the active language; here
    any language prefix is replaced, so the switcher works from every page.
    """
    language = request.POST.get("language", "")
    next_url = request.POST.get("next", "/")
    if not url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        next_url = "/"
    if not check_for_language(language) or language not in dict(settings.LANGUAGES):
        return redirect(next_url)
    codes = "|".join(code for code, _name in settings.LANGUAGES)
    path = re.sub(rf"^/({codes})(/|$)", "/", next_url)
    response = redirect(f"/{language}{path}")
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        language,
        max_age=settings.LANGUAGE_COOKIE_AGE,
        path=settings.LANGUAGE_COOKIE_PATH,
        secure=settings.LANGUAGE_COOKIE_SECURE,
        httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
        samesite=settings.LANGUAGE_COOKIE_SAMESITE,
    )
    return response
