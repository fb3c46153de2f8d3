"""Fixtures of the votes-abroad tests: a vote, stations in Germany and Poland, results."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from horizont.abroad.models import Station, Vote
from horizont.elections.tests.conftest import fast_engine  # noqa: F401 - shared fixture


def make_vote(
    slug: str = "duma-2030", first: dt.date | None = None, days: int = 1, **kw: Any
) -> Vote:
    first = first or dt.date(2030, 9, 15)
    return Vote.objects.create(
        name=kw.pop("name", "Fictional Duma 2030"),
        slug=slug,
        first_day=first,
        last_day=first + dt.timedelta(days=days - 1),
        guidance_en="Bring your Russian passport.",
        guidance_de="Bringen Sie Ihren russischen Reisepass mit.",
        guidance_ru="Возьмите с собой российский паспорт.",
        guidance_pl="Zabierz rosyjski paszport.",
        **kw,
    )


def make_station(vote: Vote, number: int, city: str, country: str, zone: str, **kw: Any) -> Station:
    from horizont.network import gazetteer

    place = gazetteer.find_city(city, country)
    return Station.objects.create(
        vote=vote,
        number=number,
        slug=f"{vote.slug}-{number}",
        city=city,
        country=country,
        timezone=zone,
        latitude=place.latitude if place else None,
        longitude=place.longitude if place else None,
        host=kw.pop("host", "consulate"),
        address=kw.pop("address", f"Example street {number}"),
        **kw,
    )


@pytest.fixture(autouse=True)
def _english() -> Any:
    """Pages in English unless a test asks for another language in the address."""
    from django.utils import translation

    with translation.override("en"):
        yield


@pytest.fixture
def vote(db: Any) -> Vote:
    return make_vote()


@pytest.fixture
def stations(vote: Vote) -> dict[str, Station]:
    return {
        "berlin": make_station(vote, 8101, "Berlin", "DE", "Europe/Berlin", host="embassy"),
        "munich": make_station(vote, 8102, "Munich", "DE", "Europe/Berlin"),
        "warsaw": make_station(vote, 8201, "Warsaw", "PL", "Europe/Warsaw", host="embassy"),
    }


@pytest.fixture
def results_election(db: Any, tmp_path: Path, request: pytest.FixtureRequest) -> Any:
    """The fictional election of the elections app; its stations 8001–8008 are abroad."""
    request.getfixturevalue("fast_engine")  # fewer draws, a stand-in HTML: seconds saved
    from horizont.elections import services
    from horizont.elections.synthetic import synthetic_csv

    path = tmp_path / "fictional.csv"
    path.write_text(synthetic_csv(stations_per_region=12, abroad=4), encoding="utf-8")
    return services.election_import(
        path=path,
        info=services.ElectionInfo(
            name="Fictional results", source_name="fictional.csv", date=dt.date(2030, 9, 15)
        ),
        created_by=None,
        mc_draws=10,
        documents=False,
    )


@pytest.fixture
def sent(django_capture_on_commit_callbacks: Any) -> Any:
    """``with sent(): ...`` runs the on-commit mail-outs of the block at its end."""
    return lambda: django_capture_on_commit_callbacks(execute=True)
