"""The issue's "done when", in a real browser: open a case about an aircraft, attach a
note and a photo, and download the letter to BAFA as a PDF."""

from __future__ import annotations

import io
import re

import pytest
from PIL import Image
from playwright.sync_api import expect
from pypdf import PdfReader

from horizont.sanctions.models import Case, Evidence
from horizont.testing.personas import current_code, make_user

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]
PASSWORD = "correct-horse-battery"


def _log_in_with_two_factor(page, email: str) -> None:
    page.goto("/en/accounts/login/")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign In").click()
    page.wait_for_url(re.compile(r"/2fa/authenticate/"))
    page.get_by_label("Code").fill(current_code())
    page.get_by_role("button", name="Sign In").click()
    page.wait_for_url(re.compile(r"/(en|de|ru|pl)/$"))  # the start page after login


def test_case_about_an_aircraft_with_evidence_and_a_letter_to_bafa(page, real_lists, tmp_path):
    make_user("volunteer@example.org", mfa=True, display_name="Volunteer")
    _log_in_with_two_factor(page, "volunteer@example.org")

    page.goto("/en/sanctions/")
    page.get_by_label("Name or identifier").fill("RA02791")
    page.get_by_role("button", name="Search").click()
    page.get_by_role("link", name="RA-02791").first.click()
    expect(page.get_by_role("link", name="PRIGOZHIN, Yevgeniy Viktorovich").first).to_be_visible()

    page.get_by_role("link", name="Open a case about this entity").click()
    page.get_by_label("Title").fill("Jet RA-02791 under repair")
    page.get_by_label("Summary").fill("Seen in a maintenance hangar.")
    page.get_by_role("button", name="Open the case").click()
    page.wait_for_url(re.compile(r"/sanctions/cases/\d+/$"))
    expect(page.get_by_role("heading", name="Jet RA-02791 under repair")).to_be_visible()

    page.get_by_label("Kind").select_option("note")
    page.get_by_label("Title").fill("Hangar observation")
    page.get_by_label("Description").fill("Engines covered, registration visible.")
    page.get_by_label("Date").fill("2021-07-01")
    page.get_by_label("Place").fill("Schönefeld")
    page.get_by_role("button", name="Add evidence").click()
    expect(page.get_by_role("heading", name="Hangar observation")).to_be_visible()

    photo = tmp_path / "jet.jpg"
    buffer = io.BytesIO()
    Image.new("RGB", (60, 40), "white").save(buffer, format="JPEG")
    photo.write_bytes(buffer.getvalue())
    page.get_by_label("Kind").select_option("photo")
    page.get_by_label("Title").fill("Photo of the tail")
    page.get_by_label("Photo", exact=True).set_input_files(str(photo))
    page.get_by_role("button", name="Add evidence").click()
    expect(page.get_by_role("img", name="Photo of the tail")).to_be_visible()
    assert Evidence.objects.filter(kind="photo").count() == 1

    page.get_by_label("Authority").select_option("bafa")
    page.get_by_label("Language of the letter").select_option("de")
    page.get_by_role("button", name="Draft a letter from this case").click()
    page.wait_for_url(re.compile(r"/letters/\d+/$"))
    assert "Hangar observation" in page.get_by_label("Text of the letter").input_value()
    # An edit not yet saved reaches the PDF: the button saves the form first.
    page.get_by_label("Place and date").fill("Leipzig, 2.7.2021")
    with page.expect_download() as download_info:
        page.get_by_role("button", name="Save and download as PDF").click()
    path = download_info.value.path()
    with open(path, "rb") as handle:
        data = handle.read()
    assert data.startswith(b"%PDF")
    pages = PdfReader(io.BytesIO(data)).pages
    assert "Leipzig, 2.7.2021" in pages[0].extract_text()
    assert len(pages) == 2  # the letter, then the photo as its annex
    assert "Photo of the tail" in pages[1].extract_text()
    assert Case.objects.get().subjects.get().caption == "RA-02791"


def test_screening_works_without_javascript(browser, live_server, real_lists):
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    page = context.new_page()
    page.goto("/en/sanctions/")
    page.get_by_label("Name or identifier").fill("Jewgeni Prigoschin")
    page.get_by_role("button", name="Search").click()
    expect(page.get_by_role("link", name="PRIGOZHIN, Yevgeniy Viktorovich").first).to_be_visible()
    context.close()
