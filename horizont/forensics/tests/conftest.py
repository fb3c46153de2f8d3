"""Shared fixtures: the real 2021 results, parsed once per test session.

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


@pytest.fixture(scope="session")
def results_2021() -> Results:
    return read_results(shared_data("elections", "ru", "2021.csv.zip"))
