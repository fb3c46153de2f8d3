"""In a real browser: the network graph shows readable labels, zooms, and filters by link type."""

import pytest

from horizont.network.tests.factories import make_initiative, make_link

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

LABEL_BOXES = """() => [...document.querySelectorAll('.js-network-graph .graph-label')]
  .map((t) => t.getBoundingClientRect())
  .map((b) => [b.left, b.top, b.right, b.bottom])"""


def _overlap(a, b):
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def test_graph_labels_are_readable_zoomable_and_filtered(page):
    hub = make_initiative("Berlin Central Diaspora House")
    for i, city in enumerate(("Hamburg", "Munich", "Cologne", "Leipzig", "Dresden", "Bremen")):
        make_link(hub, make_initiative(f"{city} Free Russia Circle", city=city), kind="partner")
        if i % 2:
            make_link(make_initiative(f"{city} Observers Group", city=city), hub, kind="supports")
    page.set_viewport_size({"width": 1366, "height": 900})
    page.goto("/en/initiatives/graph/")
    page.locator(".js-network-graph svg circle").first.wait_for()
    svg = page.locator(".js-network-graph svg").bounding_box()
    boxes = page.evaluate(LABEL_BOXES)
    assert len(boxes) == 10
    for box in boxes:  # no label cut off at the edge
        assert svg["x"] <= box[0] and box[2] <= svg["x"] + svg["width"]
    overlapping = [(a, b) for i, a in enumerate(boxes) for b in boxes[i + 1 :] if _overlap(a, b)]
    assert not overlapping

    before = page.locator(".js-network-graph svg").get_attribute("viewBox")
    page.get_by_role("button", name="Zoom in").click()
    assert page.locator(".js-network-graph svg").get_attribute("viewBox") != before
    page.get_by_role("button", name="Whole graph").click()
    assert page.locator(".js-network-graph svg").get_attribute("viewBox") == before

    page.locator("#g-kind").select_option("supports")
    page.get_by_role("button", name="Show").click()
    page.locator(".js-network-graph svg circle").first.wait_for()
    assert page.locator(".js-network-graph .graph-link-supports").count() == 3
    assert page.locator(".js-network-graph .graph-link-partner").count() == 0
    assert page.locator("table tbody tr").count() == 3
