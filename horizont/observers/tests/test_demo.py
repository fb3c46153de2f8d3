"""The demo programme: fictional, on the stations abroad of the demo election, with
copies that differ from the official results and one double-entry mismatch."""

import pytest

from horizont.elections.demo import FICTIONAL
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
    assert programme.name.startswith("Demo:") and "DEMO DATA" in programme.description
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
    comparison = services.protocol_comparison(programme)
    assert comparison["differing"] == 2
    assert all(row["copy"].station.abroad for row in comparison["rows"])
    assert demo.load() == "observer programme already loaded"
    assert Programme.objects.count() == 1


def test_demo_without_an_election_does_nothing():
    assert "no demo election" in demo.load()
    assert not Programme.objects.exists()
