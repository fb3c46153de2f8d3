"""Demo events: upcoming and past, in several cities and time zones. All fictional."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from django.utils import timezone

from horizont.events.models import Event
from horizont.events.timezones import local_to_utc
from horizont.network.models import Initiative

PLACES = {
    "Berlin": ("DE", "Europe/Berlin", "Oranienstraße 25 (fictional hall)", 52.5010, 13.4200),
    "Warsaw": ("PL", "Europe/Warsaw", "ul. Przykładowa 7 (fictional)", 52.2297, 21.0122),
    "Prague": ("CZ", "Europe/Prague", "Vzorová 3 (fictional)", 50.0755, 14.4378),
    "Vilnius": ("LT", "Europe/Vilnius", "Pavyzdžio g. 1 (fictional)", 54.6872, 25.2797),
    "Tbilisi": ("GE", "Asia/Tbilisi", "Example Avenue 12 (fictional)", 41.7151, 44.8271),
    "Munich": ("DE", "Europe/Berlin", "Beispielweg 4 (fictional)", 48.1351, 11.5820),
}

# (title, kind, days from today, local hour, hours long, capacity, online)
PROGRAMME = [
    ("Newcomers' evening: how the network works", Event.Kind.MEETING, 6, 19, 2, 40, False),
    ("Film night: documentaries from the diaspora", Event.Kind.CULTURAL, 13, 20, 3, 80, False),
    ("Training: safe communication for activists", Event.Kind.TRAINING, 20, 11, 4, 2, False),
    ("Online briefing: elections abroad", Event.Kind.ONLINE, 9, 18, 1, None, True),
    ("Entrepreneurs' breakfast", Event.Kind.BUSINESS, 27, 9, 2, 30, False),
    ("Solidarity rally for political prisoners", Event.Kind.PROTEST, -21, 14, 2, None, False),
    ("Reading evening with exiled writers", Event.Kind.CULTURAL, -45, 19, 2, 60, False),
]


# The Warsaw partner house's own meetings: the past one has a report in four languages
# (written by the publications demo, which links it here).
WARSAW_PARTNER = "demo-warsaw-partner"
WARSAW_MEETINGS = [
    ("Partners' meeting in Warsaw: plans for the spring", Event.Kind.MEETING, 10, 18, 3, 50),
    ("Partners' meeting in Warsaw", Event.Kind.MEETING, -14, 17, 3, 50),
]


def _demo_initiatives() -> list[Initiative]:
    initiatives = list(Initiative.objects.public().order_by("pk")[:6])
    if initiatives:
        return initiatives
    initiative, _created = Initiative.objects.get_or_create(
        slug="demo-events-circle",
        defaults={
            "name": "Demo Events Circle (fictional)",
            "description": "A fictional initiative that organizes the demo events.",
            "language": "en",
            "country": "DE",
            "city": "Berlin",
            "status": Initiative.Status.APPROVED,
        },
    )
    return [initiative]


def load() -> str:
    initiatives = _demo_initiatives()
    cities = list(PLACES)
    today = timezone.localdate()
    created = 0
    for number, (title, kind, days, hour, hours, capacity, online) in enumerate(PROGRAMME):
        initiative = initiatives[number % len(initiatives)]
        city = initiative.city if initiative.city in PLACES else cities[number % len(cities)]
        country, zone_name, address, latitude, longitude = PLACES[city]
        if Event.objects.filter(initiative=initiative, title=title).exists():
            continue
        day = today + dt.timedelta(days=days)
        start = local_to_utc(dt.datetime.combine(day, dt.time(hour)), ZoneInfo(zone_name))
        past = days < 0
        Event.objects.create(
            initiative=initiative,
            title=title,
            description="A fictional demo event. Everyone is welcome; pseudonyms are fine.",
            kind=kind,
            start=start,
            end=start + dt.timedelta(hours=hours),
            timezone=zone_name,
            address="" if online else address,
            city="" if online else city,
            country="" if online else country,
            latitude=None if online else latitude,
            longitude=None if online else longitude,
            online_url="https://meet.example.org/demo-briefing" if online else "",
            capacity=capacity,
            report_url=f"https://example.org/reports/demo-{number}" if past else "",
            report_title="Report (fictional)" if past else "",
        )
        created += 1
    created += _warsaw_meetings(today)
    return f"{created} events created ({Event.objects.count()} in all)"


def _warsaw_meetings(today: dt.date) -> int:
    initiative = Initiative.objects.public().filter(slug=WARSAW_PARTNER).first()
    if initiative is None:
        return 0
    country, zone_name, address, latitude, longitude = PLACES["Warsaw"]
    created = 0
    for title, kind, days, hour, hours, capacity in WARSAW_MEETINGS:
        if Event.objects.filter(initiative=initiative, title=title).exists():
            continue
        day = today + dt.timedelta(days=days)
        start = local_to_utc(dt.datetime.combine(day, dt.time(hour)), ZoneInfo(zone_name))
        Event.objects.create(
            initiative=initiative,
            title=title,
            description="A fictional demo meeting of partner initiatives from several countries.",
            kind=kind,
            start=start,
            end=start + dt.timedelta(hours=hours),
            timezone=zone_name,
            address=address,
            city="Warsaw",
            country=country,
            latitude=latitude,
            longitude=longitude,
            capacity=capacity,
        )
        created += 1
    return created
