import pytest

from horizont.audit.models import AuditEntry
from horizont.network.models import Link
from horizont.network.tests.factories import make_initiative, make_link
from horizont.testing.personas import make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def sides(member):
    berlin_organizer = member
    warsaw_organizer = make_user("warsaw@example.org")
    berlin = make_initiative("Berlin House", organizer=berlin_organizer)
    warsaw = make_initiative(
        "Warsaw House",
        organizer=warsaw_organizer,
        country="PL",
        city="Warsaw",
        latitude=52.23,
        longitude=21.01,
    )
    return berlin, warsaw, berlin_organizer, warsaw_organizer


def test_link_is_proposed_confirmed_and_then_public(client, sides):
    berlin, warsaw, berlin_organizer, warsaw_organizer = sides
    client.force_login(berlin_organizer)
    response = client.post(
        f"/en/initiatives/{berlin.slug}/links/", {"kind": "partner", "target": warsaw.slug}
    )
    assert response.status_code == 302
    link = Link.objects.get()
    assert (link.source, link.target, link.status) == (berlin, warsaw, "proposed")

    # Unconfirmed: shown nowhere as a link.
    for url in (
        berlin.get_absolute_url(),
        "/en/initiatives/graph/",
    ):
        assert "Warsaw House" not in client.get(url).content.decode(), url
    assert client.get("/en/initiatives/graph/data.json").json()["links"] == []
    assert client.get("/api/network/links").json()["items"] == []

    # The proposer cannot confirm their own proposal.
    response = client.post(f"/en/initiatives/{berlin.slug}/links/{link.pk}/confirm/")
    assert response.status_code == 403
    link.refresh_from_db()
    assert link.status == "proposed"

    client.force_login(warsaw_organizer)
    assert "Berlin House" in client.get(f"/en/initiatives/{warsaw.slug}/links/").content.decode()
    client.post(f"/en/initiatives/{warsaw.slug}/links/{link.pk}/confirm/")
    link.refresh_from_db()
    assert link.status == "confirmed" and link.confirmed_by == warsaw_organizer
    assert "Warsaw House" in client.get(berlin.get_absolute_url()).content.decode()
    assert len(client.get("/api/network/links").json()["items"]) == 1
    assert AuditEntry.objects.filter(action="network.link_confirm").exists()


def test_either_side_can_end_a_link(client, sides):
    berlin, warsaw, berlin_organizer, warsaw_organizer = sides
    for organizer, initiative in ((berlin_organizer, berlin), (warsaw_organizer, warsaw)):
        link = make_link(berlin, warsaw)
        client.force_login(organizer)
        client.post(f"/en/initiatives/{initiative.slug}/links/{link.pk}/end/")
        assert not Link.objects.filter(pk=link.pk).exists()
    assert AuditEntry.objects.filter(action="network.link_end").count() == 2


def test_outsider_cannot_confirm_or_end_links(client, sides, outsider):
    berlin, warsaw, _b, _w = sides
    own = make_initiative("Outsider Club", organizer=outsider)
    link = make_link(berlin, warsaw, confirmed=False)
    client.force_login(outsider)
    for action in ("confirm", "end"):
        for slug in (warsaw.slug, berlin.slug, own.slug):
            response = client.post(f"/en/initiatives/{slug}/links/{link.pk}/{action}/")
            assert response.status_code in (403, 404)
    link.refresh_from_db()
    assert link.status == "proposed"


def test_organizer_cannot_propose_on_behalf_of_another_initiative(client, sides, outsider):
    berlin, warsaw, _b, _w = sides
    client.force_login(outsider)
    response = client.post(
        f"/en/initiatives/{berlin.slug}/links/", {"kind": "partner", "target": warsaw.slug}
    )
    assert response.status_code == 403
    assert not Link.objects.exists()


@pytest.mark.parametrize(
    ("target", "kind", "message"),
    [
        ("berlin-house", "partner", "cannot be linked to itself"),
        ("nowhere", "partner", "No public initiative has this name."),
        ("warsaw-house", "enemy", "Select a valid choice."),
    ],
)
def test_bad_link_proposals_are_refused(client, sides, target, kind, message):
    berlin, _warsaw, berlin_organizer, _w = sides
    client.force_login(berlin_organizer)
    response = client.post(
        f"/en/initiatives/{berlin.slug}/links/", {"kind": kind, "target": target}
    )
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Link.objects.exists()


def test_duplicate_proposal_is_refused(client, sides):
    berlin, warsaw, berlin_organizer, _w = sides
    make_link(berlin, warsaw, confirmed=False)
    client.force_login(berlin_organizer)
    response = client.post(
        f"/en/initiatives/{berlin.slug}/links/", {"kind": "partner", "target": warsaw.slug}
    )
    assert "already exists" in response.content.decode()
    assert Link.objects.count() == 1


def test_no_links_to_pending_initiatives(client, sides):
    berlin, _warsaw, berlin_organizer, _w = sides
    hidden = make_initiative("Hidden", status="pending")
    client.force_login(berlin_organizer)
    response = client.post(
        f"/en/initiatives/{berlin.slug}/links/", {"kind": "partner", "target": hidden.slug}
    )
    assert "No public initiative" in response.content.decode()
    assert not Link.objects.exists()
