"""In a real browser: create an initiative, get it approved, link it and have the link confirmed."""

import re

import pytest

from horizont.network.models import Initiative, Link
from horizont.network.tests.factories import make_initiative
from horizont.testing.e2e import log_in
from horizont.testing.personas import make_user

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def _log_out(page) -> None:
    page.goto("/en/initiatives/")
    page.get_by_role("button", name="Log out").first.click()
    if "/logout/" in page.url:
        page.get_by_role("button", name="Sign Out").click()


def test_create_approve_link_and_confirm(page):
    make_user("founder@example.org")
    moderator = make_user("mod@example.org", roles=("moderator",), mfa=True)
    warsaw_organizer = make_user("warsaw@example.org")
    warsaw = make_initiative(
        "Warsaw Partner House",
        organizer=warsaw_organizer,
        country="PL",
        city="Warsaw",
        latitude=52.23,
        longitude=21.01,
    )

    log_in(page, "founder@example.org")
    page.goto("/en/initiatives/new/")
    page.locator("#id_name").fill("Berlin Newcomers Circle")
    page.locator("#id_description").fill("A fictional circle for people who just arrived.")
    page.locator("#id_language").select_option("en")
    page.locator("#id_country").select_option("DE")
    page.locator("#id_city").fill("Berlin")
    page.get_by_role("button", name="Save").click()
    page.get_by_text("A moderator will check it").wait_for()
    initiative = Initiative.objects.get(name="Berlin Newcomers Circle")
    assert initiative.status == "pending" and initiative.latitude is not None
    _log_out(page)

    # Not public yet.
    page.goto(f"/en/initiatives/{initiative.slug}/")
    assert page.get_by_role("heading", name="Berlin Newcomers Circle").count() == 0

    log_in(page, moderator.email, mfa=True)
    page.goto("/en/initiatives/review/")
    page.get_by_role("button", name="Approve").click()
    page.get_by_text("is now public").wait_for()
    initiative.refresh_from_db()
    assert initiative.status == "approved"
    _log_out(page)

    log_in(page, "founder@example.org")
    page.goto(f"/en/initiatives/{initiative.slug}/links/")
    # Found by a part of its name, without JavaScript, then chosen among the matches.
    page.get_by_label("Find the other initiative by name").fill("partner")
    page.get_by_role("button", name="Search").click()
    page.get_by_label("Warsaw Partner House, Warsaw").check()
    page.locator("#id_kind").select_option("partner")
    page.get_by_role("button", name="Propose").click()
    page.get_by_text("It appears once the other initiative confirms it").wait_for()
    assert Link.objects.get().status == "proposed"
    _log_out(page)

    page.goto(f"/en/initiatives/{initiative.slug}/")
    assert page.get_by_role("link", name="Warsaw Partner House").count() == 0

    log_in(page, "warsaw@example.org")
    page.goto(f"/en/initiatives/{warsaw.slug}/links/")
    page.get_by_role("button", name="Confirm").click()
    page.get_by_text("The link is confirmed").wait_for()
    _log_out(page)

    page.goto(f"/en/initiatives/{initiative.slug}/")
    page.get_by_role("link", name="Warsaw Partner House").click()
    page.wait_for_url(re.compile(rf"/initiatives/{warsaw.slug}/"))

    # The map finds it near Berlin, with markers drawn from the local Leaflet.
    page.goto("/en/initiatives/map/?near=Berlin")
    page.locator(".js-initiative-map .leaflet-interactive").first.wait_for()
    assert page.locator(".initiative-list").get_by_text("Berlin Newcomers Circle").is_visible()

    page.goto("/en/initiatives/graph/")
    page.locator(".js-network-graph svg circle").first.wait_for()
