"""In a real browser: a shared address is not locked out by one account's wrong codes;
display names that impersonate are refused in the user's language."""

import re

import pytest

from horizont.testing.personas import current_code, make_user

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

PASSWORD = "correct-horse-battery"


def _password_step(page, email: str) -> None:
    page.goto("/ru/accounts/login/")
    page.locator("#id_login").fill(email)
    page.locator("#id_password").fill(PASSWORD)
    page.locator("form[action$='/accounts/login/'] button[type=submit]").click()


def test_wrong_codes_for_one_account_leave_the_neighbour_free_to_sign_in(page):
    make_user("attacked@example.org", mfa=True)
    make_user("neighbour@example.org", mfa=True)
    _password_step(page, "attacked@example.org")
    page.wait_for_url(re.compile(r"/2fa/authenticate/"))
    wrong = "000000" if current_code() != "000000" else "111111"
    for _ in range(7):
        page.locator("#id_code").fill(wrong)
        page.locator("form:has(#id_code) button[type=submit]").click()
        page.wait_for_load_state()
    assert "Слишком много неудачных попыток" in page.content()  # this account backs off

    page.context.clear_cookies()  # someone else at the same address (same browser even)
    _password_step(page, "neighbour@example.org")
    page.wait_for_url(re.compile(r"/2fa/authenticate/"))
    page.locator("#id_code").fill(current_code())
    page.locator("form:has(#id_code) button[type=submit]").click()
    page.wait_for_url(re.compile(r"/ru/$"))


def test_profile_refuses_an_impersonating_name_and_keeps_a_good_one(page):
    make_user("lena@example.org", display_name="Lena")
    make_user("me@example.org", display_name="Zarya", mfa=False)
    _password_step(page, "me@example.org")
    page.wait_for_url(re.compile(r"/ru/$"))
    page.goto("/ru/me/profile/")
    name = page.locator("#id_display_name")
    save = "form:has(#id_display_name) button[type=submit]"

    name.fill("Модератор")
    page.locator(save).click()
    assert page.get_by_text("Имя не может присваивать себе роль").is_visible()

    name = page.locator("#id_display_name")
    name.fill("Lеna")  # Cyrillic е
    page.locator(save).click()
    assert page.get_by_text("похоже на имя другого участника").is_visible()

    name = page.locator("#id_display_name")
    name.fill("Заря")
    page.locator(save).click()
    page.wait_for_load_state()
    assert page.locator("#id_display_name").input_value() == "Заря"
