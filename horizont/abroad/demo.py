"""Demo of votes abroad: a fictional upcoming vote with stations in German and Polish
consulate cities (addresses plainly marked as demo data), pledges, rides and queue
reports; and the stations abroad of the 2021 State Duma election with their official
results, when the elections demo imported the shared 2021 file."""

from __future__ import annotations

import datetime as dt
import random

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from horizont.abroad import services
from horizont.abroad.models import Pledge, QueueReport, Ride, Station, Vote
from horizont.network import gazetteer

DEMO_SLUG = "demo-fictional-vote"
DUMA_2021_SLUG = "duma-2021"
# Addresses and notes are written in the station's country's language, as real ones are.
DEMO_ADDRESS = {
    "DE": "Demo-Adresse: bitte beim Konsulat erfragen",
    "PL": "Adres demonstracyjny: prosimy sprawdzić w konsulacie",
}
DEMO_ACCESSIBILITY = {
    "DE": "Demo: ob der Eingang stufenlos ist, wird noch bestätigt.",
    "PL": "Demo: wejście bez schodów czeka na potwierdzenie.",
}
# (number, city, country, host, time zone): cities with a Russian embassy or consulate.
STATIONS = [
    (8101, "Berlin", "DE", "embassy", "Europe/Berlin"),
    (8102, "Bonn", "DE", "consulate", "Europe/Berlin"),
    (8103, "Hamburg", "DE", "consulate", "Europe/Berlin"),
    (8104, "Leipzig", "DE", "consulate", "Europe/Berlin"),
    (8105, "Munich", "DE", "consulate", "Europe/Berlin"),
    (8106, "Frankfurt am Main", "DE", "consulate", "Europe/Berlin"),
    (8201, "Warsaw", "PL", "embassy", "Europe/Warsaw"),
    (8202, "Gdańsk", "PL", "consulate", "Europe/Warsaw"),
    (8203, "Kraków", "PL", "consulate", "Europe/Warsaw"),
    (8204, "Poznań", "PL", "consulate", "Europe/Warsaw"),
]
GUIDANCE = {
    "ru": "Возьмите российский паспорт (заграничный или внутренний). Демо-текст.",
    "en": "Bring your Russian passport (international or domestic). Demo text.",
    "de": "Bringen Sie Ihren russischen Pass mit (Reise- oder Inlandspass). Demotext.",
    "pl": "Zabierz rosyjski paszport (zagraniczny lub wewnętrzny). Tekst demonstracyjny.",
}


def _demo_user(email: str, name: str) -> object:
    user_model = get_user_model()
    user = user_model.objects.filter(email=email).first()
    return user or user_model.objects.create_user(email, None, display_name=name)


def _fictional() -> str:
    if Vote.objects.filter(slug=DEMO_SLUG).exists():
        return ""
    first = timezone.now().date() + dt.timedelta(days=21)
    with transaction.atomic():
        vote = Vote.objects.create(
            name="Вымышленные выборы 2030 (fictional demo)",
            slug=DEMO_SLUG,
            first_day=first,
            last_day=first + dt.timedelta(days=2),
            is_demo=True,
            **{f"guidance_{code}": text for code, text in GUIDANCE.items()},
        )
        rng = random.Random(12)
        stations = []
        for number, city, country, host, zone in STATIONS:
            place = gazetteer.find_city(city, country)
            stations.append(
                Station.objects.create(
                    vote=vote,
                    number=number,
                    slug=f"{vote.slug}-{number}",
                    city=city,
                    country=country,
                    host=host,
                    timezone=zone,
                    address=DEMO_ADDRESS[country],
                    latitude=place.latitude if place else None,
                    longitude=place.longitude if place else None,
                    accessibility=DEMO_ACCESSIBILITY[country],
                    region="Demo",
                )
            )
        pledges = []
        for station in stations:
            for i in range(rng.randint(5, 40)):
                pledges.append(
                    Pledge(
                        vote=vote, station=station, status=Pledge.Status.CONFIRMED,
                        guest_email=f"demo-{station.number}-{i}@example.org",
                        guest_email_digest=f"demo-{station.number}-{i}", language="ru",
                        confirmed_at=timezone.now(),
                    )
                )  # fmt: skip
        Pledge.objects.bulk_create(pledges)
        services.pledge_counts_refresh(vote=vote)
        driver = _demo_user("demo-driver@example.org", "Demo driver")
        rider = _demo_user("demo-rider@example.org", "Demo rider")
        by_number = {s.number: s for s in stations}
        Ride.objects.create(
            station=by_number[8101], day=first, kind=Ride.Kind.OFFER, departure_city="Leipzig",
            departure_time=dt.time(7, 30), seats=3, note="Demo ride", author=driver,
        )  # fmt: skip
        Ride.objects.create(
            station=by_number[8201], day=first, kind=Ride.Kind.REQUEST, departure_city="Łódź",
            departure_time=dt.time(8, 0), seats=1, note="Demo request", author=rider,
        )  # fmt: skip
        QueueReport.objects.create(
            station=by_number[8101], people=120, wait_minutes=60, comment="Demo report"
        )
    return f"created the fictional vote abroad with {len(stations)} stations"


def _duma_2021() -> str:
    from horizont.elections.demo import real_2021_election

    election = real_2021_election()
    if election is None:
        return "2021 results not imported by the elections demo: no 2021 stations abroad"
    vote = Vote.objects.filter(slug=DUMA_2021_SLUG).first()
    if vote is None:
        vote = Vote.objects.create(
            name="Государственная Дума 2021",
            slug=DUMA_2021_SLUG,
            first_day=dt.date(2021, 9, 17),
            last_day=dt.date(2021, 9, 19),
            results=election,
            **{f"guidance_{code}": text for code, text in GUIDANCE.items()},
        )
    created, _updated = services.stations_import_results(vote=vote, actor=None)
    return f"2021 stations abroad: {created} created"


def load() -> str:
    return "; ".join(part for part in (_fictional(), _duma_2021()) if part)
