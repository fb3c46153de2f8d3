"""In a real browser: without a tile server the map and the pin picker draw country borders
served by this site (Natural Earth), under the markers."""

import pytest

from horizont.network.tests.factories import make_initiative
from horizont.testing.e2e import log_in
from horizont.testing.personas import make_user

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

BORDERS = ".leaflet-basemap-pane path"


def test_map_draws_borders_under_the_markers(page, settings):
    settings.MAP_TILE_URL = ""
    make_initiative("Berlin Borders Circle")
    page.goto("/en/initiatives/map/")
    page.locator(".js-initiative-map.map-has-borders").wait_for()
    assert page.locator(BORDERS).count() > 100  # one path per country
    marker = page.locator(".leaflet-overlay-pane path")
    marker.first.wait_for()
    assert marker.count() == 1
    pane_z = page.evaluate(
        "[getComputedStyle(document.querySelector('.leaflet-basemap-pane')).zIndex,"
        " getComputedStyle(document.querySelector('.leaflet-overlay-pane')).zIndex]"
    )
    assert int(pane_z[0]) < int(pane_z[1])
    assert "Natural Earth" in page.locator(".leaflet-control-attribution").inner_text()
    # Zoomed in on one initiative: large cities nearby are named under the marker.
    page.locator(".map-city", has_text="Hamburg").wait_for()
    for _ in range(3):  # one step at a time: Leaflet ignores clicks during the animation
        page.get_by_role("button", name="Zoom out").click()
        page.wait_for_timeout(400)
    page.locator(".map-city", has_text="Hamburg").wait_for(state="hidden")


def test_pin_picker_draws_borders(page, settings):
    settings.MAP_TILE_URL = ""
    make_user("pin@example.org")
    log_in(page, "pin@example.org")
    page.goto("/en/initiatives/new/")
    page.locator(".js-pin-map.map-has-borders").wait_for()
    assert page.locator(BORDERS).count() > 100
    page.locator(".js-pin-map").click()
    assert page.locator("#id_latitude").input_value() != ""


def test_configured_tiles_replace_the_borders(page, settings):
    settings.MAP_TILE_URL = "/static/tiles/{z}/{x}/{y}.png"
    make_initiative("Berlin Tiles Circle")
    page.goto("/en/initiatives/map/")
    page.locator(".leaflet-tile-pane").wait_for(state="attached")
    page.locator(".leaflet-overlay-pane path").first.wait_for()
    assert page.locator(BORDERS).count() == 0
