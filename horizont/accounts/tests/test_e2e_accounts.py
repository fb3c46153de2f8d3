"""A new user's first visit, in a real browser: sign up, confirm, two-factor, language."""

import re

import pytest
from django.core import mail

from horizont.lib.totp import totp_code

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

PASSWORD = "a-long-secret-phrase-42"


def _confirmation_path(message) -> str:
    match = re.search(r"https?://[^/\s]+(/\S+/accounts/confirm-email/\S+/)", message.body)
    assert match, message.body
    return match.group(1)


def test_sign_up_confirm_enable_two_factor_log_in_with_code_and_switch_language(page):
    page.goto("/en/accounts/signup/")
    page.get_by_label("Email").fill("newcomer@example.org")
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_label("Password (again)").fill(PASSWORD)
    page.get_by_role("button", name="Sign Up").click()
    page.wait_for_url(re.compile(r"/accounts/confirm-email/"))
    assert len(mail.outbox) == 1

    page.goto(_confirmation_path(mail.outbox[0]))
    page.get_by_role("button", name="Confirm").click()
    page.wait_for_url(re.compile(r"/accounts/login/"))

    page.get_by_label("Email").fill("newcomer@example.org")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign In").click()
    page.wait_for_url(re.compile(r"/en/$"))  # the start page, not the profile form

    page.goto("/en/accounts/2fa/totp/activate/")
    if "/reauthenticate/" in page.url:
        page.get_by_label("Password").fill(PASSWORD)
        page.get_by_role("button", name="Confirm").click()
        page.wait_for_url(re.compile(r"/2fa/totp/activate/"))
    secret = page.locator("#authenticator_secret").input_value()
    page.get_by_label("Authenticator code").fill(totp_code(secret))
    page.get_by_role("button", name="Activate").click()
    page.wait_for_url(re.compile(r"/2fa/"))

    page.get_by_role("button", name="Log out").first.click()
    if "/logout/" in page.url:
        page.get_by_role("button", name="Sign Out").click()
    page.goto("/en/accounts/login/")
    page.get_by_label("Email").fill("newcomer@example.org")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign In").click()
    page.wait_for_url(re.compile(r"/2fa/authenticate/"))
    page.get_by_label("Code").fill(totp_code(secret))
    page.get_by_role("button", name="Sign In").click()
    page.wait_for_url(re.compile(r"/en/$"))
    page.goto("/en/me/profile/")
    assert page.get_by_role("heading", name="Your profile").is_visible()

    page.get_by_label("Language", exact=True).select_option("de")
    page.wait_for_url(re.compile(r"/de/me/profile/"))
    assert page.get_by_role("heading", name="Ihr Profil").is_visible()
    assert page.locator("html").get_attribute("lang") == "de"


def test_language_switch_works_without_javascript(browser, live_server):
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    page = context.new_page()
    page.goto("/en/")
    page.get_by_label("Language", exact=True).select_option("pl")
    page.get_by_role("button", name="Switch").click()
    page.wait_for_url(re.compile(r"/pl/$"))
    assert page.get_by_role("heading", name="Twoje bezpieczeństwo").is_visible()
    context.close()
