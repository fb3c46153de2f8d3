"""A coordinator imports an election in a real browser and reads the report in two languages."""

from __future__ import annotations

import io
import re

import pytest
from django.conf import settings as django_settings
from django.test import Client
from PIL import Image

from horizont.forensics.explanations import explanation
from horizont.testing.personas import record_complete_login

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def _log_in(page, live_server, user) -> None:
    client = Client()
    client.force_login(user)
    record_complete_login(client, user)  # two-factor passed, as at a real sign-in
    cookie = client.cookies[django_settings.SESSION_COOKIE_NAME]
    page.context.add_cookies([{"name": cookie.key, "value": cookie.value, "url": live_server.url}])


def test_coordinator_uploads_watches_progress_opens_report_and_switches_language(
    page, live_server, coordinator, synthetic_file, fast_engine
):
    _log_in(page, live_server, coordinator)
    page.goto("/en/elections/")
    page.get_by_role("link", name="Import an election").click()
    page.get_by_label("Name of the election").fill("Fictional assembly")
    page.get_by_label("Results file").set_input_files(str(synthetic_file))
    page.get_by_role("button", name="Start the import").click()

    page.wait_for_url(re.compile(r"/en/jobs/"))
    assert page.get_by_text("finished").is_visible()
    page.get_by_role("link", name="Open the result").click()
    page.wait_for_url(re.compile(r"/en/elections/\d+/$"))
    assert page.get_by_role("heading", name="Fictional assembly").is_visible()

    page.get_by_role("link", name="Read the forensic report").click()
    page.wait_for_url(re.compile(r"/en/elections/\d+/report/$"))
    english = explanation("integer", "en")
    assert page.get_by_role("heading", name=english.title).is_visible()
    assert page.get_by_text(english.cannot_prove).is_visible()
    plots = page.locator("img.plot")
    assert plots.count() == 5
    for plot in plots.all():
        plot.scroll_into_view_if_needed()
        assert plot.evaluate("img => img.decode().then(() => img.naturalWidth)") > 0
    # The comet's heat map is a PNG inside the SVG: where no station lies it is the
    # colour map's darkest colour, not the page's white (nothing blocked it).
    comet = page.locator("#comet img.plot")
    comet.scroll_into_view_if_needed()
    picture = Image.open(io.BytesIO(comet.screenshot())).convert("RGB")
    width, height = picture.size
    assert sum(picture.getpixel((int(width * 0.2), int(height * 0.2)))) < 60

    page.get_by_label("Language", exact=True).select_option("ru")
    page.wait_for_url(re.compile(r"/ru/elections/\d+/report/$"))
    russian = explanation("integer", "ru")
    assert page.get_by_role("heading", name=russian.title).is_visible()
    assert page.get_by_text(russian.cannot_prove).is_visible()
    assert page.locator("html").get_attribute("lang") == "ru"
