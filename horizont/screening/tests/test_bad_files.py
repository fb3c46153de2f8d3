"""Damaged and cut-off list files: a clear error naming the file, never a crash, and
never a truncated list stored as the newest version (issue 9, items 5 and 11)."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from horizont.screening import ListFormatError, ListStore, parse_path
from horizont.screening.store import ListIncompleteError

FIXTURES = Path(__file__).parent / "fixtures"


def _sdn_rows(count: int) -> str:
    rows = [
        f'{1000 + i},"PERSON {i}, Name",individual,"SDGT",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,'
        f'"DOB {1950 + i % 40}."'
        for i in range(count)
    ]
    return "\r\n".join(rows) + "\r\n\x1a"


def _write(folder: Path, name: str, data: bytes) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_bytes(data)
    return path


def test_a_cut_off_sdn_file_is_refused_with_a_reason(tmp_path: Path) -> None:
    whole = _sdn_rows(50).encode()
    cut = _write(tmp_path / "cut", "sdn.csv", whole[: len(whole) // 2])
    with pytest.raises(ListFormatError, match="sdn.csv: the file is cut off"):
        parse_path(cut)
    complete = _write(tmp_path / "whole", "sdn.csv", whole)
    assert len(parse_path(complete).entities) == 50


def test_a_lone_sdn_file_named_after_its_date_is_read(tmp_path: Path) -> None:
    path = _write(tmp_path, "sdn-2024-05-01.csv", _sdn_rows(3).encode())
    parsed = parse_path(path)
    assert (parsed.list_id, parsed.version, len(parsed.entities)) == (
        "us-ofac-sdn",
        "2024-05-01",
        3,
    )


def test_a_version_with_far_fewer_entries_does_not_become_the_newest(tmp_path: Path) -> None:
    store = ListStore(tmp_path / "store")
    store.add(_write(tmp_path / "a", "sdn-2024-05-01.csv", _sdn_rows(100).encode()))
    shrunk = _write(tmp_path / "b", "sdn-2024-06-01.csv", _sdn_rows(60).encode())
    with pytest.raises(ListIncompleteError, match="only 60 entries.*had 100"):
        store.add(shrunk)
    assert store.get("us-ofac-sdn").version == "2024-05-01"
    assert [v.version for v in store.versions("us-ofac-sdn")] == ["2024-05-01"]
    store.add(shrunk, force=True)
    assert store.get("us-ofac-sdn").version == "2024-06-01"
    grown = _write(tmp_path / "c", "sdn-2024-07-01.csv", _sdn_rows(55).encode())
    assert store.add(grown).version.entity_count == 55  # less than 20% fewer


def test_a_corrupt_xlsx_is_a_list_format_error_naming_the_file(tmp_path: Path) -> None:
    path = _write(tmp_path, "ru-minjust-foreign-agents-2025-08-15.xlsx", b"not a zip file")
    with pytest.raises(ListFormatError, match="ru-minjust-foreign-agents-2025-08-15.xlsx"):
        parse_path(path)


# -- property-based: any bytes give a result or a ListFormatError -------------------------

_XLSX = io.BytesIO()
with zipfile.ZipFile(_XLSX, "w") as _zip:
    _zip.writestr("[Content_Types].xml", "<Types/>")
_FILES = {
    "sdn.csv": b'1,"A, B",individual,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n',
    "consolidated.xml": b'<?xml version="1.0"?><CONSOLIDATED_LIST dateGenerated="2026-01-01">',
    "eu-fsf-2024-05-02.xml": (FIXTURES / "eu-fsf-2024-05-02.xml").read_bytes(),
    "uk-consolidated-2024-01-15.csv": (FIXTURES / "uk-consolidated-2024-01-15.csv").read_bytes(),
    "opensanctions-2024-06-01.ftm.json": (
        FIXTURES / "opensanctions-2024-06-01.ftm.json"
    ).read_bytes(),
    "ru-minjust-foreign-agents-2025-08-15.xlsx": _XLSX.getvalue(),
    "ru-undesirable-organizations-2024-09-05.json": json.dumps(
        [{"id": 1, "fullName": "Фонд", "dateIn": "2024-01-01"}], ensure_ascii=False
    ).encode(),
}

_SETTINGS = settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


def _parse_or_clear_error(folder: Path, name: str, data: bytes) -> None:
    path = _write(folder, name, data)
    try:
        parsed = parse_path(path)
    except ListFormatError as error:
        assert name in str(error) or str(path) in str(error) or "list format" in str(error)
    else:
        assert all(e.names for e in parsed.entities)


@pytest.mark.parametrize("name", sorted(_FILES))
@_SETTINGS
@given(data=st.binary(max_size=2048))
def test_any_bytes_give_a_list_or_a_clear_error(tmp_path: Path, name: str, data: bytes) -> None:
    _parse_or_clear_error(tmp_path / "any", name, data)


@pytest.mark.parametrize("name", sorted(_FILES))
@_SETTINGS
@given(cut=st.integers(min_value=0, max_value=5000), noise=st.binary(max_size=64))
def test_valid_files_cut_or_spoiled_give_a_list_or_a_clear_error(
    tmp_path: Path, name: str, cut: int, noise: bytes
) -> None:
    good = _FILES[name]
    _parse_or_clear_error(tmp_path / "cut", name, good[: cut % (len(good) + 1)] + noise)
