"""Demo events: upcoming and past, in several cities and time zones. All fictional."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from django.utils import timezone

from horizont.core.demo_keys import demo_object, demo_remember
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

# (key, titles by language, kind, days from today, local hour, hours long, capacity,
# online). An event is written in the language of its initiative (the templates mark it
# so). The key finds the event again on a later run, whatever its title has become.
PROGRAMME = [
    ("newcomers-evening",
     {"en": "Newcomers' evening: how the network works",
      "ru": "Вечер для новичков: как устроена сеть",
      "de": "Abend für Neuankömmlinge: So funktioniert das Netzwerk",
      "pl": "Wieczór dla nowych: jak działa sieć"}, Event.Kind.MEETING, 6, 19, 2, 40, False),
    ("film-night",
     {"en": "Film night: documentaries from the diaspora",
      "ru": "Киновечер: документальные фильмы диаспоры",
      "de": "Filmabend: Dokumentarfilme aus der Diaspora",
      "pl": "Wieczór filmowy: dokumenty diaspory"}, Event.Kind.CULTURAL, 13, 20, 3, 80, False),
    ("safe-communication-training",
     {"en": "Training: safe communication for activists",
      "ru": "Тренинг: безопасная связь для активистов",
      "de": "Schulung: sichere Kommunikation für Aktive",
      "pl": "Szkolenie: bezpieczna komunikacja dla aktywistów"},
     Event.Kind.TRAINING, 20, 11, 4, 2, False),
    ("elections-abroad-briefing",
     {"en": "Online briefing: elections abroad",
      "ru": "Онлайн-брифинг: выборы за рубежом",
      "de": "Online-Briefing: Wahlen im Ausland",
      "pl": "Spotkanie online: wybory za granicą"}, Event.Kind.ONLINE, 9, 18, 1, None, True),
    ("entrepreneurs-breakfast",
     {"en": "Entrepreneurs' breakfast",
      "ru": "Завтрак предпринимателей",
      "de": "Frühstück für Unternehmer",
      "pl": "Śniadanie przedsiębiorców"}, Event.Kind.BUSINESS, 27, 9, 2, 30, False),
    ("solidarity-rally",
     {"en": "Solidarity rally for political prisoners",
      "ru": "Акция солидарности с политзаключёнными",
      "de": "Solidaritätskundgebung für politische Gefangene",
      "pl": "Wiec solidarności z więźniami politycznymi"},
     Event.Kind.PROTEST, -21, 14, 2, None, False),
    ("reading-evening",
     {"en": "Reading evening with exiled writers",
      "ru": "Литературный вечер с писателями в изгнании",
      "de": "Leseabend mit Schriftstellern im Exil",
      "pl": "Wieczór autorski z pisarzami na emigracji"},
     Event.Kind.CULTURAL, -45, 19, 2, 60, False),
]  # fmt: skip
DESCRIPTION = {
    "en": "A fictional demo event. Everyone is welcome; pseudonyms are fine.",
    "ru": "Вымышленное демо-мероприятие. Приходите все; можно под псевдонимом.",
    "de": "Eine fiktive Demo-Veranstaltung. Alle sind willkommen; Pseudonyme sind in Ordnung.",
    "pl": "Fikcyjne wydarzenie demonstracyjne. Zapraszamy wszystkich; pseudonimy są w porządku.",
}
REPORT_TITLE = {"en": "Report (fictional)", "ru": "Отчёт (вымышленный)",
                "de": "Bericht (fiktiv)", "pl": "Relacja (fikcyjna)"}  # fmt: skip

# The Warsaw partner house's own meetings, in Polish (its language): the past one has a
# report in four languages (written by the publications demo, which links it here).
WARSAW_PARTNER = "demo-warsaw-partner"
# (key, title, kind, days from today, local hour, hours long, capacity)
WARSAW_MEETINGS = [
    ("warsaw-spring-plans", "Spotkanie partnerów w Warszawie: plany na wiosnę",
     Event.Kind.MEETING, 10, 18, 3, 50),
    ("warsaw-partners-meeting", "Spotkanie partnerów w Warszawie",
     Event.Kind.MEETING, -14, 17, 3, 50),
]  # fmt: skip
#: The past Warsaw meeting, whose report the publications demo links.
WARSAW_REPORTED = "events:warsaw-partners-meeting"
#: Titles that earlier versions gave the demo events (before they had keys), so that a
#: database they filled is recognized: English before the events were written in their
#: initiative's language (the programme's English titles are recognized anyway).
OLDER_TITLES = {
    "warsaw-spring-plans": ["Partners' meeting in Warsaw: plans for the spring"],
    "warsaw-partners-meeting": ["Partners' meeting in Warsaw"],
}
WARSAW_DESCRIPTION = "Fikcyjne spotkanie demonstracyjne inicjatyw partnerskich z kilku krajów."


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
    for number, (key, titles, kind, days, hour, hours, capacity, online) in enumerate(PROGRAMME):
        initiative = initiatives[number % len(initiatives)]
        language = initiative.language if initiative.language in titles else "en"
        title = titles[language]
        city = initiative.city if initiative.city in PLACES else cities[number % len(cities)]
        country, zone_name, address, latitude, longitude = PLACES[city]
        if _found(key, initiative, [*titles.values(), *OLDER_TITLES.get(key, [])]):
            continue
        day = today + dt.timedelta(days=days)
        start = local_to_utc(dt.datetime.combine(day, dt.time(hour)), ZoneInfo(zone_name))
        past = days < 0
        event = Event.objects.create(
            initiative=initiative,
            title=title,
            description=DESCRIPTION[language],
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
            report_title=REPORT_TITLE[language] if past else "",
        )
        demo_remember(event, f"events:{key}")
        created += 1
    created += _warsaw_meetings(today)
    return f"{created} events created ({Event.objects.count()} in all)"


def _found(key: str, initiative: Initiative, titles: list[str]) -> bool:
    """Whether the event ``key`` exists: by its key, or (on a database an older version
    filled) by any title it had, which then gets the key."""
    older = Event.objects.filter(initiative=initiative, title__in=titles)
    return demo_object(Event, f"events:{key}", legacy=older) is not None


def _warsaw_meetings(today: dt.date) -> int:
    initiative = Initiative.objects.public().filter(slug=WARSAW_PARTNER).first()
    if initiative is None:
        return 0
    country, zone_name, address, latitude, longitude = PLACES["Warsaw"]
    created = 0
    for key, title, kind, days, hour, hours, capacity in WARSAW_MEETINGS:
        if _found(key, initiative, [title, *OLDER_TITLES.get(key, [])]):
            continue
        day = today + dt.timedelta(days=days)
        start = local_to_utc(dt.datetime.combine(day, dt.time(hour)), ZoneInfo(zone_name))
        event = Event.objects.create(
            initiative=initiative,
            title=title,
            description=WARSAW_DESCRIPTION,
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
        demo_remember(event, f"events:{key}")
        created += 1
    return created
