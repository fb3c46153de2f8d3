"""Property-based tests of every parser of election files (CSV, ZIP, Parquet).

Whatever the bytes, ``read_results`` returns results or raises ``ForensicsInputError``
(a clear message naming the file): never another exception.
"""

from __future__ import annotations

import csv
import io
import os
import tempfile
import zipfile
from pathlib import Path

import polars as pl
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from horizont.forensics.io import ColumnMapping, read_results
from horizont.forensics.model import ForensicsInputError, Results

#: a few dozen examples per parser on every run; ``HYPOTHESIS_EXAMPLES`` raises it (CI)
SETTINGS = settings(
    max_examples=int(os.environ.get("HYPOTHESIS_EXAMPLES", "30")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)

HEADER = [
    "region", "tik", "uik",
    "Число избирателей, внесенных в список избирателей",
    "Число избирательных бюллетеней, выданных избирателям, проголосовавшим досрочно",
    "Число избирательных бюллетеней, выданных в помещении для голосования",
    "Число избирательных бюллетеней, выданных вне помещения для голосования",
    "Число недействительных избирательных бюллетеней",
    "Число действительных избирательных бюллетеней",
    "Партия А", "Партия Б",
]  # fmt: skip
ROW = ["Р", "Т", "1", "1000", "10", "480", "10", "5", "495", "300", "195"]


def _valid_csv(rows: int = 5) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(HEADER)
    for i in range(rows):
        writer.writerow([*ROW[:2], str(i + 1), *ROW[3:]])
    return out.getvalue().encode("utf-8")


def _read(data: bytes, suffix: str, mapping: ColumnMapping | None = None) -> Results | None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"input{suffix}"
        path.write_bytes(data)
        try:
            return read_results(path, mapping=mapping)
        except ForensicsInputError as err:
            assert str(path) in str(err)
            assert err.reason
            return None


def _zip(member: str, data: bytes) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(member, data)
    return buffer.getvalue()


@SETTINGS
@given(st.binary(max_size=2000))
def test_any_bytes_as_csv(data: bytes) -> None:
    _read(data, ".csv")


@SETTINGS
@given(st.binary(max_size=2000))
def test_any_bytes_as_zip(data: bytes) -> None:
    _read(data, ".zip")


@SETTINGS
@given(st.binary(max_size=2000))
def test_any_bytes_inside_a_zip(data: bytes) -> None:
    _read(_zip("results.csv", data), ".csv.zip")


@SETTINGS
@given(st.binary(max_size=2000))
def test_any_bytes_as_parquet(data: bytes) -> None:
    _read(data, ".parquet")
    _read(data, ".parquet", ColumnMapping(region="r", station="s", registered="n"))


@SETTINGS
@given(st.integers(min_value=0, max_value=len(_valid_csv())))
def test_a_valid_file_cut_anywhere(cut: int) -> None:
    result = _read(_valid_csv()[:cut], ".csv")
    if result is not None:
        assert len(result) <= 5


@SETTINGS
@given(st.lists(st.tuples(st.integers(0, 800), st.binary(min_size=1, max_size=3)), max_size=5))
def test_a_valid_file_with_bytes_changed(edits: list[tuple[int, bytes]]) -> None:
    data = bytearray(_valid_csv())
    for position, new in edits:
        at = position % len(data)
        data[at : at + len(new)] = new
    _read(bytes(data), ".csv")
    _read(_zip("r.csv", bytes(data)), ".zip")


cells = st.one_of(
    st.text(max_size=12),
    st.integers(min_value=-(10**30), max_value=10**30).map(str),
    st.floats(allow_nan=True, allow_infinity=True).map(str),
    st.sampled_from(["", " ", "1 000", "١٢", "12.0", "-0", "0x10", '"', "\n", ";", "\t"]),
)


@SETTINGS
@given(st.lists(st.lists(cells, min_size=0, max_size=14), min_size=1, max_size=6))
def test_the_right_header_with_any_cells(rows: list[list[str]]) -> None:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(HEADER)
    writer.writerows(rows)
    result = _read(out.getvalue().encode("utf-8"), ".csv")
    if result is not None:
        assert (result.registered >= 0).all()


@SETTINGS
@given(st.lists(st.text(max_size=30), min_size=1, max_size=12), st.lists(cells, max_size=12))
def test_any_header(header: list[str], row: list[str]) -> None:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(header)
    writer.writerow(row)
    _read(out.getvalue().encode("utf-8"), ".csv")


@SETTINGS
@given(st.lists(st.lists(cells, min_size=11, max_size=11), min_size=1, max_size=4))
def test_parquet_with_any_cells(rows: list[list[str]]) -> None:
    frame = pl.DataFrame([dict(zip(HEADER, row, strict=True)) for row in rows])
    buffer = io.BytesIO()
    frame.write_parquet(buffer)
    _read(buffer.getvalue(), ".parquet")
