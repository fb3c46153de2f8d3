"""What the home page shows: events near the reader, the latest publications, elections."""

from __future__ import annotations

from collections import Counter
from typing import Any
from urllib.parse import unquote

from django.http import HttpRequest
from django.utils import timezone

from horizont.abroad.models import Vote
from horizont.elections.models import Election
from horizont.events.models import Event
from horizont.network.models import Initiative
from horizont.publications.models import Article

CITY_COOKIE = "horizont_city"
EVENTS = 5
ARTICLES = 4
ELECTIONS = 3


def _profile_city(user: Any) -> str:
    """The city of the initiatives the reader belongs to (the profile holds no address)."""
    if not user.is_authenticated:
        return ""
    cities = Initiative.objects.filter(
        memberships__user=user, memberships__status="active"
    ).values_list("city", flat=True)
    counted = Counter(city for city in cities if city)
    return counted.most_common(1)[0][0] if counted else ""


def reader_city(request: HttpRequest) -> tuple[str, str]:
    """(city, where it came from): chosen now, chosen before (cookie), or the profile's."""
    if "city" in request.GET:
        return " ".join(request.GET["city"].split())[:120], "chosen"
    remembered = unquote(request.COOKIES.get(CITY_COOKIE, ""))
    if remembered:
        return remembered[:120], "chosen"
    city = _profile_city(request.user)
    return city, "profile" if city else ""


def upcoming_events(city: str) -> tuple[list[Event], bool]:
    """Upcoming events in ``city``; all upcoming ones when the city has none (flag False)."""
    events = Event.objects.public().upcoming(timezone.now()).select_related("initiative")
    if city:
        near = list(events.in_city(city)[:EVENTS])
        if near:
            return near, True
    return list(events[:EVENTS]), False


def latest_articles() -> list[Article]:
    return list(
        Article.objects.published()
        .select_related("initiative")
        .prefetch_related("translations")
        .order_by("-published_at", "-pk")[:ARTICLES]
    )


def active_elections() -> dict[str, list[Any]]:
    """Votes abroad that are not over yet, and the latest published official results."""
    today = timezone.localdate()
    return {
        "votes": list(Vote.objects.filter(last_day__gte=today).order_by("first_day")[:ELECTIONS]),
        "results": list(
            Election.objects.published()
            .only("pk", "name", "date", "country")
            .order_by("-date", "-pk")[:ELECTIONS]
        ),
    }
