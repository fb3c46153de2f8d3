"""In a real browser: download my data, then delete my account."""

import json
import re

import pytest
from django.contrib.auth import get_user_model

from horizont.testing.personas import make_user

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_user_downloads_their_data_and_deletes_the_account(page):
    make_user("leaving@example.org", display_name="Swallow")
    page.goto("/ru/accounts/login/")
    page.locator("#id_login").fill("leaving@example.org")
    page.locator("#id_password").fill("correct-horse-battery")
    page.locator("form[action$='/accounts/login/'] button[type=submit]").click()
    page.wait_for_url(re.compile(r"/ru/$"))
    page.goto("/ru/me/profile/")

    # Just signed in: no second password prompt (the window is 15 minutes).
    with page.expect_download() as download_info:
        page.get_by_role("button", name="Скачать мои данные").click()
    data = json.loads(download_info.value.path().read_text(encoding="utf-8"))
    assert data["account"]["display_name"] == "Swallow"

    page.goto("/ru/me/profile/")
    page.get_by_role("link", name="Удалить учётную запись").first.click()
    page.get_by_label("Введите УДАЛИТЬ для подтверждения").fill("удалить")
    page.get_by_role("button", name="Удалить мою учётную запись навсегда").click()
    page.wait_for_url(re.compile(r"/ru/$"))
    assert page.get_by_text("Ваша учётная запись и ваши данные удалены.").is_visible()
    assert not get_user_model().objects.filter(email="leaving@example.org").exists()
