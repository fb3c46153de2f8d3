"""Issue 11's "done when", in a real browser: a listed person is found from his name
written in Arabic and in Greek."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from horizont.screening.tests.names_in_scripts import NAMES, SCRIPTS

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("script", ["arabic", "greek"])
def test_a_name_in_another_script_finds_the_listed_person(page, real_lists, script):
    spelling = NAMES["prigozhin"][SCRIPTS.index(script)]
    page.goto("/en/sanctions/")
    page.get_by_label("Name or identifier").fill(spelling)
    page.get_by_role("button", name="Search").click()
    first = page.locator("ol.matches > li").first
    expect(first.get_by_role("link", name="PRIGOZHIN, Yevgeniy Viktorovich")).to_be_visible()
    expect(first).to_contain_text("as of 2021-07-07")
