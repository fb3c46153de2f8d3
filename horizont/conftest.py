"""Fixtures shared by every app's tests: personas and service checks."""

from __future__ import annotations

from typing import Any

import pytest

from horizont.testing.personas import make_user


@pytest.fixture(autouse=True)
def _isolated_media(settings: Any, tmp_path: Any) -> None:
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PRIVATE_ROOT = tmp_path / "private"


@pytest.fixture(autouse=True)
def _default_language() -> Any:
    """Each test starts in the site's default language, as in a fresh process: the test
    client runs the locale middleware in this thread, so a request of an earlier test
    would otherwise leave its language active (and ``reverse`` would follow it)."""
    from django.utils import translation

    translation.deactivate()
    yield
    translation.deactivate()


@pytest.fixture(autouse=True)
def _clear_cache() -> Any:
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def client() -> Any:
    """The test client; its ``force_login`` signs in as after a complete login, with
    two-factor where the user has an authenticator (horizont.testing.personas)."""
    from django.test import Client

    from horizont.testing.personas import SignedInClient

    class _Client(SignedInClient, Client):
        pass

    return _Client()


@pytest.fixture
def member(db: Any) -> Any:
    return make_user("member@example.org", display_name="Lena")


@pytest.fixture
def outsider(db: Any) -> Any:
    """A signed-up user with no role anywhere: must be refused everything private."""
    return make_user("outsider@example.org", display_name="Outsider")


@pytest.fixture
def moderator(db: Any) -> Any:
    return make_user("moderator@example.org", roles=("moderator",), mfa=True)


@pytest.fixture
def moderator_without_mfa(db: Any) -> Any:
    return make_user("moderator-nomfa@example.org", roles=("moderator",))


@pytest.fixture
def coordinator(db: Any) -> Any:
    return make_user("coordinator@example.org", roles=("coordinator",), mfa=True)


@pytest.fixture
def site_admin(db: Any) -> Any:
    return make_user("root@example.org", superuser=True, mfa=True)


@pytest.fixture
def site_admin_without_mfa(db: Any) -> Any:
    return make_user("root-nomfa@example.org", superuser=True)
