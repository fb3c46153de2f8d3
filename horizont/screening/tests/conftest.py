"""Shared, session-scoped indexes over the real lists (skipped when data is absent)."""

from __future__ import annotations

from pathlib import Path

import pytest

from horizont.screening import Entity, Index, load_lists
from horizont.testing.data import shared_data

FIXTURES = Path(__file__).parent / "fixtures"

ALL_LISTS = (
    ("sanctions", "us-ofac-sdn-2021-07-07"),
    ("sanctions", "us-ofac-non-sdn-2025"),
    ("sanctions", "un-consolidated-2026-02-27", "consolidated.xml"),
    ("registries", "ru-minjust-foreign-agents-2025-08-15.xlsx"),
    ("registries", "ru-undesirable-organizations-2024-09-05.json"),
)


# Engine tests need no Django: these override the project's autouse fixtures (media
# root, cache) so the package also runs with ``-p no:django``.
@pytest.fixture(autouse=True)
def _isolated_media() -> None:
    return None


@pytest.fixture(autouse=True)
def _clear_cache() -> None:
    return None


@pytest.fixture(scope="session")
def sdn_entities() -> list[Entity]:
    return load_lists([shared_data("sanctions", "us-ofac-sdn-2021-07-07")])


@pytest.fixture(scope="session")
def sdn_index(sdn_entities: list[Entity]) -> Index:
    return Index(sdn_entities)


@pytest.fixture(scope="session")
def all_entities() -> list[Entity]:
    return load_lists([shared_data(*parts) for parts in ALL_LISTS])


@pytest.fixture(scope="session")
def full_index(all_entities: list[Entity]) -> Index:
    return Index(all_entities)
