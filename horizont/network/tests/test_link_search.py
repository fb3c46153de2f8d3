"""Linking initiatives by name: a plain search form, then a choice among the matches."""

import pytest

from horizont.network.models import Link
from horizont.network.tests.factories import make_initiative
from horizont.testing.personas import make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def berlin(member):
    return make_initiative("Berlin House", organizer=member)


def test_search_by_name_lists_public_initiatives_to_choose(client, member, berlin):
    make_initiative("Warsaw Partner House", country="PL", city="Warsaw")
    make_initiative("Warsaw Secret House", status="pending")
    client.force_login(member)
    page = client.get(f"/en/initiatives/{berlin.slug}/links/?find=house").content.decode()
    assert 'type="radio" name="target" value="warsaw-partner-house"' in page
    assert "Warsaw Partner House, Warsaw" in page
    assert "warsaw-secret-house" not in page  # not public
    assert 'value="berlin-house"' not in page  # not itself
    assert " checked" in page  # the only match is chosen already


def test_choosing_a_match_proposes_the_link(client, member, berlin):
    warsaw = make_initiative("Warsaw Partner House", country="PL", city="Warsaw")
    client.force_login(member)
    response = client.post(
        f"/en/initiatives/{berlin.slug}/links/?find=warsaw",
        {"kind": "partner", "target": warsaw.slug},
    )
    assert response.status_code == 302
    link = Link.objects.get()
    assert (link.source, link.target, link.status) == (berlin, warsaw, "proposed")


def test_exact_name_typed_without_search_works(client, member, berlin):
    warsaw = make_initiative("Warsaw Partner House", country="PL", city="Warsaw")
    client.force_login(member)
    client.post(
        f"/en/initiatives/{berlin.slug}/links/",
        {"kind": "coalition", "target": "  warsaw partner HOUSE "},
    )
    assert Link.objects.get().target == warsaw


def test_ambiguous_name_is_refused(client, member, berlin):
    first = make_initiative("Free Choir", city="Hamburg")
    first.slug = "free-choir-hamburg"
    first.save()
    make_initiative("Free Choir", city="Munich")
    client.force_login(member)
    response = client.post(
        f"/en/initiatives/{berlin.slug}/links/", {"kind": "partner", "target": "Free Choir"}
    )
    assert "Several public initiatives have this name" in response.content.decode()
    assert not Link.objects.exists()


def test_search_without_match_says_so(client, member, berlin):
    client.force_login(member)
    page = client.get(f"/en/initiatives/{berlin.slug}/links/?find=zzzz").content.decode()
    assert "No public initiative matches “zzzz”." in page
    assert 'type="radio"' not in page


def test_outsider_cannot_search_from_someone_elses_links_page(client, berlin):
    client.force_login(make_user("outsider@example.org"))
    response = client.get(f"/en/initiatives/{berlin.slug}/links/?find=house")
    assert response.status_code in (403, 404)
