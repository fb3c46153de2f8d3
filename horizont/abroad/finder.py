"""Reads for the finder, the live page and the QR code: few queries, whatever the size."""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass, field
from typing import Any

import segno
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from horizont.abroad.models import Notice, QueueReport, Ride, Station, Vote
from horizont.network import gazetteer

PAGE_SIZE = 20
QUEUE_MAX_AGE = dt.timedelta(hours=3)


def default_vote(now: dt.datetime | None = None) -> Vote | None:
    """The next vote that is not over, else the latest one."""
    today = (now or timezone.now()).date()
    upcoming = Vote.objects.filter(last_day__gte=today).order_by("first_day").first()
    return upcoming or Vote.objects.order_by("-first_day").first()


def _summary(vote: Vote) -> list[tuple[str, str, int]]:
    """(country, city, pledges) of every station of the vote: one small query per request
    answers the country list, the number of matches and the pledge total."""
    cached = getattr(vote, "_station_summary", None)
    if cached is None:
        cached = list(vote.stations.order_by().values_list("country", "city", "pledge_count"))
        vote._station_summary = cached  # type: ignore[attr-defined]
    return cached


def countries(vote: Vote) -> list[tuple[str, str]]:
    codes = {country for country, _city, _n in _summary(vote) if country}
    return sorted(((c, gazetteer.country_name(c)) for c in codes), key=lambda item: item[1])


def near_city(name: str, country: str = "") -> gazetteer.City | None:
    name = name.strip()[:120]
    if not name:
        return None
    return gazetteer.find_city(name, country) or gazetteer.find_city(name)


@dataclass(frozen=True)
class Query:
    country: str = ""
    city: str = ""
    near: str = ""
    page: int = 1
    # "Use my location": rounded to 0.1° in the browser and again here.
    lat: float | None = None
    lon: float | None = None

    @classmethod
    def from_form(cls, form: Any) -> Query:
        if not form.is_bound or not form.is_valid():
            return cls()
        data = form.cleaned_data
        try:
            page = max(1, int(form.data.get("page", 1)))
        except (TypeError, ValueError):
            page = 1
        lat = lon = None
        try:
            lat, lon = round(float(form.data["lat"]), 1), round(float(form.data["lon"]), 1)
            if not (-90 <= lat <= 90 and -180 <= lon <= 180):
                lat = lon = None
        except (KeyError, TypeError, ValueError):
            pass
        return cls(
            country=data["country"],
            city=data["city"].strip(),
            near=data["near"],
            page=page,
            lat=lat,
            lon=lon,
        )

    @property
    def near_city(self) -> gazetteer.City | None:
        if self.lat is not None and self.lon is not None and not self.near.strip():
            return gazetteer.City(str(_("your location")), "", self.lat, self.lon, 0)
        return near_city(self.near, self.country)


@dataclass
class Row:
    station: Station
    pledges: int = 0
    distance: float | None = None
    has_rides: bool = False


@dataclass
class Found:
    rows: list[Row] = field(default_factory=list)
    total: int = 0
    page: int = 1
    pages: int = 1
    center: tuple[float, float] = (51.0, 15.0)
    near: gazetteer.City | None = None
    unknown_near: bool = False
    pledges_total: int = 0


def _distance(near: gazetteer.City, station: Station) -> float:
    return gazetteer.distance_km(near.latitude, near.longitude, station.latitude, station.longitude)


def search(vote: Vote, query: Query) -> Found:
    """Stations of a vote by country and city, or by distance from a city."""
    stations = vote.stations.all()
    if query.country:
        stations = stations.filter(country=query.country)
    if query.city:
        stations = stations.filter(city__iexact=query.city)
    stations = stations.only(
        "pk", "slug", "number", "country", "city", "host", "address", "latitude", "longitude",
        "vote_id", "pledge_count",
    )  # fmt: skip
    found = Found()
    near = query.near_city
    found.near = near
    found.unknown_near = bool(query.near.strip()) and near is None
    if near is not None:
        located = [s for s in stations if s.has_location]
        rows = [
            Row(
                s,
                distance=gazetteer.distance_km(
                    near.latitude, near.longitude, s.latitude, s.longitude
                ),
            )
            for s in located
        ]
        rows.sort(key=lambda r: r.distance or 0.0)
        found.center = (near.latitude, near.longitude)
        found.total = len(rows)
        selected = rows[:PAGE_SIZE]
    else:
        city = query.city.casefold()
        found.total = sum(
            1
            for country, name, _n in _summary(vote)
            if (not query.country or country == query.country)
            and (not city or name.casefold() == city)
        )
        found.pages = max(1, -(-found.total // PAGE_SIZE))
        found.page = min(query.page, found.pages)
        start = (found.page - 1) * PAGE_SIZE
        selected = [Row(s) for s in stations[start : start + PAGE_SIZE]]
        located = [r.station for r in selected if r.station.has_location]
        if located:
            found.center = (
                sum(s.latitude for s in located) / len(located),
                sum(s.longitude for s in located) / len(located),
            )
    ids = [r.station.pk for r in selected]
    with_rides = set(
        Ride.objects.filter(station_id__in=ids, hidden=False).values_list("station_id", flat=True)
    )
    for row in selected:
        row.pledges = row.station.pledge_count
        row.has_rides = row.station.pk in with_rides
    found.rows = selected
    found.pledges_total = sum(
        n for country, _city, n in _summary(vote) if not query.country or country == query.country
    )
    return found


@dataclass
class LiveRow:
    station: Station
    pledges: int
    latest: QueueReport | None
    notices: list[Any]


def live_rows(stations: list[Station]) -> list[LiveRow]:
    """Latest queue report (of the last three hours) and pinned notices per station."""
    ids = [s.pk for s in stations]
    since = timezone.now() - QUEUE_MAX_AGE
    latest_ids = (
        QueueReport.objects.filter(station_id__in=ids, created_at__gte=since)
        .values("station_id")
        .annotate(last=Max("pk"))
        .values_list("last", flat=True)
    )
    latest = {q.station_id: q for q in QueueReport.objects.filter(pk__in=list(latest_ids))}
    notices: dict[int, list[Any]] = {}
    for notice in Notice.objects.filter(station_id__in=ids):
        notices.setdefault(notice.station_id, []).append(notice)
    return [LiveRow(s, s.pledge_count, latest.get(s.pk), notices.get(s.pk, [])) for s in stations]


def qr_svg(url: str) -> bytes:
    """An SVG QR code of a page address, for printed flyers."""
    buffer = io.BytesIO()
    segno.make(url, error="m").save(buffer, kind="svg", scale=4, border=2, xmldecl=False)
    return buffer.getvalue()
