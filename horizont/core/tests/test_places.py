"""Country and time-zone names in the reader's language (issue 15, item 4)."""

from __future__ import annotations

import pytest
from django.utils import translation

from horizont.core import places
from horizont.network.models import Initiative

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("language", "germany", "poland"),
    [("en", "Germany", "Poland"), ("de", "Deutschland", "Polen"), ("ru", "Германия", "Польша"),
     ("pl", "Niemcy", "Polska")],
)  # fmt: skip
def test_country_names_follow_the_active_language(language, germany, poland):
    with translation.override(language):
        assert places.country_name("DE") == germany
        choices = dict(places.country_choices())
    assert choices["PL"] == poland
    assert 240 <= len(choices) <= 260


def test_country_choices_are_alphabetical_in_the_readers_language():
    names = [name for _code, name in places.country_choices("de")]
    assert names.index("Österreich") < names.index("Polen")  # Ö sorts as O
    polish = [name for _code, name in places.country_choices("pl")]
    assert polish.index("Łotwa") < polish.index("Malta")  # Ł sorts as L
    assert "Netherlands Antilles" not in [name for _c, name in places.country_choices("ru")]


def test_zones_are_a_short_list_per_country_most_people_first():
    assert places.country_zones("PL") == ("Europe/Warsaw",)
    assert places.country_zones("DE") == ("Europe/Berlin",)  # no Büsingen
    assert places.country_zones("US")[0] == "America/New_York"
    assert places.zone_name("Europe/Warsaw", "de") == "Polen"
    assert places.zone_name("America/Chicago", "ru") == "Соединенные Штаты — Чикаго"
    groups = dict(places.grouped_zone_choices("pl"))
    assert groups["Polska"] == [("Europe/Warsaw", "Polska")]


def test_a_zone_left_out_stays_choosable_for_objects_that_have_it():
    flat = [
        z for _n, opts in places.grouped_zone_choices("en", keep="Europe/Busingen") for z, _ in opts
    ]
    assert "Europe/Busingen" in flat
    assert "Europe/Busingen" not in [
        z for _n, opts in places.grouped_zone_choices("en") for z, _ in opts
    ]


@pytest.mark.parametrize(
    ("prefix", "germany", "any_country"),
    [("/de/", "Deutschland", ">alle<"), ("/ru/", "Германия", ">любая<"),
     ("/pl/", "Niemcy", ">dowolny<")],
)  # fmt: skip
def test_directory_names_countries_in_the_readers_language(client, prefix, germany, any_country):
    Initiative.objects.create(
        name="Free Voices", slug="free-voices", language="en", country="DE", city="Berlin",
        status=Initiative.Status.APPROVED,
    )  # fmt: skip
    page = client.get(prefix + "initiatives/").content.decode()
    assert f"Berlin, {germany}" in page
    assert f'<option value="DE">{germany}</option>' in page
    assert '<option value="">' + any_country.strip("><") in page
    assert "Berlin, Germany" not in page and "Berlin, DE" not in page


def test_stored_zone_order_matches_the_cities_it_was_made_from():
    # scripts/zone_order.py wrote it; rerun the script when this fails after an upgrade.
    for code in ("US", "RU", "DE", "PL", "BR"):
        assert places.country_zones(code) == places.zone_order_from_population(code), code
