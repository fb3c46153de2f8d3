"""The demo programme: fictional, on the stations abroad of the demo election, with
copies that differ from the official results and one double-entry mismatch."""

import pytest

from horizont.elections.demo import FICTIONAL
from horizont.elections.models import Station
from horizont.observers import demo, services
from horizont.observers.models import Programme
from horizont.observers.tests.conftest import make_election
from horizont.testing.personas import make_user

pytestmark = pytest.mark.django_db


def test_demo_loads_once_and_marks_itself_as_demo():
    make_election(FICTIONAL, abroad=4)
    make_user(demo.DEMO_ADMIN_EMAIL, superuser=True, mfa=True)
    summary = demo.load()
    assert "2 copies differing" in summary and "1 double-entry mismatch" in summary
    programme = Programme.objects.get()
    assert programme.name.startswith("Демо:") and "ДЕМО-ДАННЫЕ" in programme.description
    assert {lesson.language for lesson in programme.courses.get().lessons.all()} == {
        "ru",
        "en",
        "de",
        "pl",
    }
    question = programme.courses.get().questions.first()
    for language in ("ru", "en", "de", "pl"):
        assert question.text_in(language)
        assert all(c.text_in(language) for c in question.choices.all())
    assert question.text_in("ru").startswith("Может ли") and question.text_in("en") != (
        question.text_in("de")
    )
    assert programme.public_dashboard
    # hourly turnout and count reports, so that the dashboard has turnout to show
    turnout = services.programme_turnout(programme, public=False)
    assert [row["hour"] for row in turnout["rows"]] == ["10:00", "12:00", "15:00", "18:00"]
    assert 0 < turnout["rows"][0]["turnout"] < turnout["rows"][-1]["turnout"] < 1
    assert programme.forms.get(kind="closing").reports.count() == 4
    comparison = services.protocol_comparison(programme)
    assert comparison["differing"] == 2
    assert all(row["copy"].station.abroad for row in comparison["rows"])
    assert demo.load() == "observer programme already loaded"
    assert Programme.objects.count() == 1


def test_demo_puts_its_stations_abroad_on_the_coverage_map(client):
    """The official results carry no place of a station abroad; the demo places its
    stations in the votes-abroad demo's consulate cities, so the map has markers."""
    from horizont.abroad import demo as abroad_demo
    from horizont.abroad.models import Station as AbroadStation

    make_election(FICTIONAL, abroad=4)
    admin = make_user(demo.DEMO_ADMIN_EMAIL, superuser=True, mfa=True)
    assert "4 stations on the coverage map" in demo.load()
    programme = Programme.objects.get()
    abroad = Station.objects.filter(election=programme.election, abroad=True)
    data = services.coverage_map(programme)
    assert sorted(m["slug"] for m in data["markers"]) == sorted(str(s.pk) for s in abroad)
    assert data["table_only"] == 0
    cities = {city for _number, city, _country, _host, _zone in abroad_demo.STATIONS}
    berlin = next(m for m in data["markers"] if m["city"] == "Berlin")
    assert {m["city"] for m in data["markers"]} <= cities
    assert (round(berlin["lat"]), round(berlin["lon"])) == (53, 13)  # from the gazetteer
    # marked as demo data, the real stations' rows are not touched
    assert all(s.vote.is_demo for s in AbroadStation.objects.select_related("vote"))
    assert {"country": "Germany", "stations": 4, "covered": 4} in services.coverage_by_country(
        programme, public=False
    )
    # and the coordinators' map endpoint serves them
    client.force_login(admin)
    served = client.get(f"/en/observers/{programme.pk}/coverage.json").json()["markers"]
    assert len(served) == 4


def test_demo_without_an_election_does_nothing():
    assert "no demo election" in demo.load()
    assert not Programme.objects.exists()


def test_rerun_finds_a_renamed_programme_by_its_key():
    """The programme was found again by its name: renamed by a later version (it was
    English before), a re-run on an older database opened a second programme."""
    from horizont.core.models import DemoKey

    make_election(FICTIONAL, abroad=4)
    make_user(demo.DEMO_ADMIN_EMAIL, superuser=True, mfa=True)
    demo.load()
    Programme.objects.update(name="Observation abroad (an older demo's name)")
    assert demo.load() == "observer programme already loaded"
    DemoKey.objects.filter(key=demo.PROGRAMME_KEY).delete()
    Programme.objects.update(name=demo.OLDER_NAMES[0])
    assert demo.load() == "observer programme already loaded"
    assert Programme.objects.count() == 1
