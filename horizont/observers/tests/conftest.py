"""Fixtures of the observers tests: a small election, a programme, volunteers."""

from __future__ import annotations

import datetime as dt
import io
from typing import Any

import pytest
from PIL import Image

from horizont.elections.models import Election, Station
from horizont.observers import services
from horizont.observers.models import Programme, Volunteer
from horizont.testing.personas import make_user

PARTIES = ['1. Партия "Утренняя роса"', '2. Партия "Зелёный горизонт"']
DAY = dt.date(2030, 9, 15)


def make_election(name: str = "Fictional election", *, shift: int = 0, abroad: int = 2) -> Election:
    election = Election.objects.create(
        name=name,
        date=DAY,
        source_name="fictional.csv",
        source_sha256="0" * 64,
        party_names=PARTIES,
        party_votes=[0, 0],
    )
    rows = []
    for row, (region, uik, is_abroad) in enumerate(
        [("Вымышленная область", 8001 + i, True) for i in range(abroad)]
        + [("Вымышленная область", n, False) for n in range(1, 4)]
        + [("Тестовый край", 1, False)]
    ):
        valid = 500 + uik % 7
        votes = [300 + shift, valid - 300 - shift]
        rows.append(
            Station(
                election=election,
                row=row,
                region=region,
                tik="ТИК №1",
                uik=uik,
                registered=1000,
                ballots_issued=510 + uik % 7,
                ballots_cast=valid + 5,
                valid=valid,
                invalid=5,
                leader_votes=votes[0],
                votes=votes,
                abroad=is_abroad,
            )
        )
    Station.objects.bulk_create(rows)
    return election


def lines_of(station: Station, **changes: Any) -> dict[str, Any]:
    lines = {
        "registered": station.registered,
        "ballots_issued": station.ballots_issued,
        "ballots_cast": station.ballots_cast,
        "invalid": station.invalid,
        "valid": station.valid,
        "votes": list(station.votes),
    }
    lines.update(changes)
    return lines


def jpeg_with_exif() -> bytes:
    image = Image.new("RGB", (40, 30), "red")
    exif = Image.Exif()
    exif[0x010F] = "SecretCameraMaker"
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", exif=exif.tobytes())
    return buffer.getvalue()


@pytest.fixture(autouse=True)
def _english() -> Any:
    """Pages and messages in English, so that tests can read them."""
    from django.utils import translation

    with translation.override("en"):
        yield


@pytest.fixture
def election(db: Any) -> Election:
    return make_election()


@pytest.fixture
def station(election: Election) -> Station:
    return Station.objects.get(election=election, uik=8001)


@pytest.fixture
def other_station(election: Election) -> Station:
    return Station.objects.get(election=election, uik=8002)


@pytest.fixture
def programme(election: Election, coordinator: Any) -> Programme:
    return services.programme_open(actor=coordinator, election=election, name="Watch 2030")


def make_volunteer(
    programme: Programme, email: str, *, role: str = "observer", mfa: bool = False, **kw: Any
) -> Volunteer:
    user = make_user(email, mfa=mfa)
    volunteer = services.volunteer_apply(
        user=user,
        programme=programme,
        pseudonym=email.split("@")[0].capitalize(),
        contact=f"@{email.split('@')[0]}",
        role=role,
        consent=kw.get("consent", False),
    )
    return services.volunteer_decide(actor=None, volunteer=volunteer, accept=True)


@pytest.fixture
def observer(programme: Programme) -> Volunteer:
    return make_volunteer(programme, "anna@example.org")


@pytest.fixture
def second_observer(programme: Programme) -> Volunteer:
    return make_volunteer(programme, "boris@example.org")


@pytest.fixture
def assigned(observer: Volunteer, station: Station, coordinator: Any) -> Volunteer:
    services.assignment_create(
        actor=coordinator, volunteer=observer, station=station, day=DAY, shift="all_day"
    )
    return observer
