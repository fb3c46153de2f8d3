"""Shared loading for the screening benchmarks (real data from ../shared/data)."""

from __future__ import annotations

import sys
from pathlib import Path

from horizont.lib.shared_data import shared_data_path
from horizont.screening import Entity, load_lists

ALL_LISTS = (
    ("sanctions", "us-ofac-sdn-2021-07-07"),
    ("sanctions", "us-ofac-non-sdn-2025"),
    ("sanctions", "un-consolidated-2026-02-27", "consolidated.xml"),
    ("registries", "ru-minjust-foreign-agents-2025-08-15.xlsx"),
    ("registries", "ru-undesirable-organizations-2024-09-05.json"),
)


def paths() -> list[Path]:
    found = [shared_data_path(*parts) for parts in ALL_LISTS]
    missing = [str(p) for p in found if not p.exists()]
    if missing:
        sys.exit("real data missing: " + ", ".join(missing) + " (set HORIZONT_DATA)")
    return found


def all_entities() -> list[Entity]:
    return load_lists(paths())


def sdn_entities() -> list[Entity]:
    return load_lists([shared_data_path(*ALL_LISTS[0])])
