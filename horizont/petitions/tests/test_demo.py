import pytest

from horizont.petitions import demo
from horizont.petitions.models import Petition
from horizont.petitions.tests.conftest import make_initiative, make_organizer
from horizont.sanctions.demo import DEMO_CASE_TITLE
from horizont.sanctions.models import Case

pytestmark = pytest.mark.django_db


def test_demo_petition_is_linked_to_the_demo_aircraft_case_and_idempotent():
    # What the network demo provides (loading all of it takes seconds).
    make_organizer(demo.DEMO_ORGANIZER_EMAIL, make_initiative(demo.DEMO_INITIATIVE))
    case = Case.objects.create(title=DEMO_CASE_TITLE)
    first = demo.load()
    assert "linked to the demo aircraft case" in first
    petition = Petition.objects.get()
    assert petition.case == case and petition.status == "open"
    assert petition.signature_count == 3 == petition.signatures.confirmed().count()
    assert {t.language for t in petition.texts.all()} == {"de", "en", "ru"}
    assert "BAFA" in petition.addressees.first().institution
    demo.load()
    assert Petition.objects.count() == 1
