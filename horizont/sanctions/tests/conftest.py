"""Fixtures of the sanctions tests: a list store with part of the real OFAC SDN 2021
list and the two Russian registers, built once per test session."""

from __future__ import annotations

import csv
import io
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


# SDN entries the tests name (the aircraft RA-02791, its operator, Prigozhin and the
# companies linked to him, Kim Jong Un, Chen Quanguo) are kept whole; of the others every 20th, so
# that the index holds look-alikes but builds in a blink.
_SDN_KEEP_WORDS = (
    "PRIGOZHIN", "BERATEX", "RA-02791", "CONCORD", "INTERNET RESEARCH", "KIM, JONG UN",
    "CHEN, QUANGUO",
)  # fmt: skip


def _sdn_subset(source: Path, target: Path) -> None:
    """Copy the real SDN list into ``target`` with a subset of its entries (the same
    ids, names and links as published)."""
    target.mkdir(parents=True)

    def rows(name: str) -> list[list[str]]:
        text = (source / name).read_bytes().decode("utf-8", errors="replace").replace("\x1a", "")
        return [r for r in csv.reader(io.StringIO(text)) if r]

    main = rows("sdn.csv")
    kept = {
        r[0]
        for number, r in enumerate(main)
        if number % 20 == 0 or any(w in ",".join(r).upper() for w in _SDN_KEEP_WORDS)
    }
    for name in ("sdn.csv", "alt.csv", "add.csv"):
        out = io.StringIO()
        csv.writer(out, lineterminator="\r\n").writerows(r for r in rows(name) if r[0] in kept)
        (target / name).write_text(out.getvalue() + "\x1a", encoding="utf-8")


@pytest.fixture(scope="session")
def sdn_subset(tmp_path_factory: Any) -> Path:
    """The real SDN 2021 list cut to the entries the tests need and a sample of the rest."""
    sdn = tmp_path_factory.mktemp("sdn") / "us-ofac-sdn-2021-07-07"
    _sdn_subset(shared_data(*SDN), sdn)
    return sdn


@pytest.fixture(scope="session")
def real_lists_dir(tmp_path_factory: Any, sdn_subset: Path) -> Path:
    """A list store holding the real lists, the SDN list cut to the entries the tests
    need and a sample of the rest (skips where ../shared/data is absent)."""
    root = tmp_path_factory.mktemp("lists")
    sdn = sdn_subset
    store = ListStore(root)
    for path in (sdn, shared_data(*FOREIGN_AGENTS), shared_data(*UNDESIRABLE)):
        store.add(path)
    store.build_index()
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
