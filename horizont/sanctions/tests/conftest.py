"""Fixtures of the sanctions tests: a list store with the real OFAC SDN 2021 list and
the two Russian registers, built once per test session (the index takes seconds)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from horizont.screening import ListStore
from horizont.testing.data import shared_data

SDN = ("sanctions", "us-ofac-sdn-2021-07-07")
FOREIGN_AGENTS = ("registries", "ru-minjust-foreign-agents-2025-08-15.xlsx")
UNDESIRABLE = ("registries", "ru-undesirable-organizations-2024-09-05.json")


@pytest.fixture(scope="session")
def real_lists_dir(tmp_path_factory: Any) -> Path:
    """A list store holding the real lists (skips where ../shared/data is absent)."""
    root = tmp_path_factory.mktemp("lists")
    store = ListStore(root)
    for parts in (SDN, FOREIGN_AGENTS, UNDESIRABLE):
        store.add(shared_data(*parts))
    return root


@pytest.fixture
def real_lists(real_lists_dir: Path, settings: Any) -> Path:
    """Point the site at the real lists; the index over them is built once and cached."""
    settings.HORIZONT_LISTS_DIR = real_lists_dir
    from horizont.sanctions.services import screening_index

    screening_index()
    return real_lists_dir


@pytest.fixture
def two_versions(tmp_path: Path, settings: Any) -> Path:
    """A store with two versions of the undesirable-organizations list: the real one and
    an invented older one lacking two entries and with one entry renamed."""
    source = shared_data(*UNDESIRABLE)
    entries = json.loads(source.read_text(encoding="utf-8"))
    older = [dict(e) for e in entries[2:]]
    older[0]["fullName"] = "Old name of the organization (renamed since)"
    older.append({**entries[0], "id": "99999", "fullName": "Removed Foundation (invented)"})
    old_file = tmp_path / "old" / "ru-undesirable-organizations-2024-01-01.json"
    old_file.parent.mkdir()
    old_file.write_text(json.dumps(older, ensure_ascii=False), encoding="utf-8")
    new_file = tmp_path / "new" / source.name
    new_file.parent.mkdir()
    shutil.copy(source, new_file)
    store = ListStore(tmp_path / "store")
    store.add(old_file, version="2024-01-01")
    store.add(new_file)
    settings.HORIZONT_LISTS_DIR = store.root
    return store.root
