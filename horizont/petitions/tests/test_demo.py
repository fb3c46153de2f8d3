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


def test_rerun_finds_a_retitled_petition_and_its_case_by_their_keys():
    from horizont.core.demo_keys import demo_remember
    from horizont.petitions.models import PetitionText
    from horizont.sanctions.demo import DEMO_CASE_KEY

    make_organizer(demo.DEMO_ORGANIZER_EMAIL, make_initiative(demo.DEMO_INITIATIVE))
    case = Case.objects.create(title="Jet case (a later demo's title)")
    demo_remember(case, DEMO_CASE_KEY)
    assert "linked to the demo aircraft case" in demo.load()
    assert Petition.objects.get().case == case
    PetitionText.objects.update(title="Festsetzen! (an older demo's title)")
    demo.load()
    assert Petition.objects.count() == 1
