"""Shared fixtures: the real results, parsed once per test session (slow tests only).

Engine tests need no Django: the project's autouse fixtures that touch Django's
settings and cache are overridden here with no-ops, so the suite also runs with
``-p no:django``.
"""

from __future__ import annotations

import pytest

from horizont.forensics.io import read_results
from horizont.forensics.model import Results
from horizont.testing.data import shared_data


@pytest.fixture(autouse=True)
def _isolated_media() -> None:
    """No media files in the engine."""


@pytest.fixture(autouse=True)
def _clear_cache() -> None:
    """No Django cache in the engine."""


_READ: dict[str, Results] = {}


def real_results(year: str) -> Results:
    """The shared file of ``year`` (read once per session; skips when absent)."""
    if year not in _READ:
        _READ[year] = read_results(shared_data("elections", "ru", f"{year}.csv.zip"))
    return _READ[year]


@pytest.fixture(scope="session")
def results_2021() -> Results:
    return real_results("2021")
