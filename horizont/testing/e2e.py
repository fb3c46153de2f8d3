"""End-to-end fixtures: Debian's Chromium driven by Playwright against a live server.

Tests marked ``@pytest.mark.e2e`` take the ``page`` fixture (a fresh browser context whose
base URL is the live server). Without Chromium they are skipped with a reason, except
when ``HORIZONT_REQUIRE_E2E=1`` (CI), where a missing browser is a failure.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from typing import Any

import pytest

# Playwright's sync API runs an event loop in this thread; the ORM calls made by the
# test itself (creating users, reading the mail outbox) are still synchronous.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


def chromium_path() -> str | None:
    configured = os.environ.get("HORIZONT_CHROMIUM")
    if configured:
        return configured
    for name in ("chromium", "chromium-browser"):
        found = shutil.which(name)
        if found:
            return found
    return "/usr/bin/chromium" if os.path.exists("/usr/bin/chromium") else None


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    executable = chromium_path()
    if executable is None:
        message = "Chromium not found: install Debian's 'chromium' package (bash .ci/run does)"
        if os.environ.get("HORIZONT_REQUIRE_E2E"):
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(
            executable_path=executable, headless=True, args=CHROMIUM_FLAGS
        )
        yield instance
        instance.close()


@pytest.fixture
def page(browser: Any, live_server: Any, settings: Any) -> Iterator[Any]:
    # The live server speaks plain HTTP on localhost.
    settings.SESSION_COOKIE_SECURE = False
    settings.CSRF_COOKIE_SECURE = False
    settings.LANGUAGE_COOKIE_SECURE = False
    context = browser.new_context(base_url=live_server.url, locale="en-US")
    context.set_default_timeout(15_000)
    tab = context.new_page()
    external: list[str] = []
    tab.on(
        "request",
        lambda request: (
            external.append(request.url)
            if not request.url.startswith((live_server.url, "data:", "blob:"))
            else None
        ),
    )
    yield tab
    context.close()
    assert not external, f"pages requested other hosts: {external}"


def sign_in(page: Any, live_server: Any, user: Any) -> None:
    """Put the cookie of a complete sign-in (two-factor included where ``user`` has an
    authenticator) into the browser, without going through the forms."""
    from django.conf import settings as django_settings
    from django.test import Client

    from horizont.testing.personas import record_complete_login

    client = Client()
    client.force_login(user)
    record_complete_login(client, user)
    cookie = client.cookies[django_settings.SESSION_COOKIE_NAME]
    page.context.add_cookies([{"name": cookie.key, "value": cookie.value, "url": live_server.url}])


def log_in(
    page: Any,
    email: str,
    *,
    password: str = "correct-horse-battery",
    mfa: bool = False,
    language: str = "en",
) -> None:
    """Sign in through the real forms (two-factor code too where ``mfa``), in any language,
    and wait for the page after sign-in."""
    import re

    from horizont.testing.personas import current_code

    page.goto(f"/{language}/accounts/login/")
    page.locator("input[name=login]").fill(email)
    page.locator("input[name=password]").fill(password)
    page.locator("form button[type=submit]").last.click()
    if mfa:
        page.wait_for_url(re.compile(r"/2fa/authenticate/"))
        page.locator("input[name=code]").fill(current_code())
        page.locator("form button[type=submit]").last.click()
    page.wait_for_url(re.compile(rf"/{language}/$"))  # the start page after sign-in
