"""Reading official polling-station results.

Russian federal elections (2004–2024, as collected by Shpilkin and published with
Kobak et al.) are recognised automatically: each column is found by the meaning of
its name, because wording and the set of columns change from year to year. Any other
table (CSV or Parquet) is read through an explicit :class:`ColumnMapping`.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np
import polars as pl

from horizont.forensics.model import (
    ForensicsInputError,
    InputWarning,
    IntArray,
    Results,
)

#: Ballots in the boxes may exceed the registered voters by this many ballots plus
#: ``OVER_REGISTERED_RATIO`` of them (late additions to the list); beyond, it is an error.
OVER_REGISTERED_SLACK = 10
OVER_REGISTERED_RATIO = 0.05

_ID_COLUMNS = {"level", "region", "oik", "tik", "uik", "url"}


@dataclass(frozen=True)
class ColumnMapping:
    """Explicit columns of a generic results table (any country).

    ``issued`` lists the columns summed into ballots issued; ``cast`` the columns summed
    into ballots in the boxes (if empty, the party columns plus ``invalid``);
    ``parties`` the vote columns (if empty, every remaining numeric column).
    """

    region: str
    station: str
    registered: str
    issued: Sequence[str] = ()
    cast: Sequence[str] = ()
    invalid: str | None = None
    parties: Sequence[str] = ()
    district: str | None = None
    subdistrict: str | None = None
    abroad: str | None = None


@dataclass(frozen=True)
class _Protocol:
    registered: str
    received: str | None
    early: str | None
    premises: str | None
    outside: str | None
    portable: str | None
    stationary: str | None
    invalid: str | None
    valid: str | None
    parties: tuple[str, ...]


def read_results(path: str | Path, *, mapping: ColumnMapping | None = None) -> Results:
    """Read a results file (CSV, CSV inside ZIP, or Parquet) into :class:`Results`.

    Without ``mapping`` the columns of a Russian CEC table are recognised by meaning.
    Raises :class:`ForensicsInputError` naming file, row and column for unusable input;
    tolerable anomalies are listed in ``Results.warnings``.
    """
    path = Path(path)
    name = str(path)
    if not path.exists():
        raise ForensicsInputError("no such file", file=name)
    warnings: list[InputWarning] = []
    if path.suffix.lower() == ".parquet":
        try:
            table = pl.read_parquet(path).cast(pl.Utf8)
        except Exception as exc:  # noqa: BLE001 - polars raises many kinds
            raise ForensicsInputError(f"unreadable Parquet file ({exc})", file=name) from exc
    else:
        text = _read_text(path, warnings)
        table = _parse_csv(text, name)
    if mapping is None:
        return _from_russian_table(table, name, warnings)
    return _from_mapping(table, name, mapping, warnings)


def _read_text(path: Path, warnings: list[InputWarning]) -> bytes:
    name = str(path)
    data: bytes
    if zipfile.is_zipfile(path):
        try:
            with zipfile.ZipFile(path) as archive:
                members = [m for m in archive.namelist() if not m.endswith("/")]
                tables = [m for m in members if m.lower().endswith((".csv", ".txt", ".tsv"))]
                if not tables:
                    raise ForensicsInputError("archive holds no CSV file", file=name)
                data = archive.read(tables[0])
        except (zipfile.BadZipFile, OSError, EOFError, zipfile.LargeZipFile) as exc:
            raise ForensicsInputError(f"unreadable archive ({exc})", file=name) from exc
    elif path.suffix.lower() == ".zip":
        raise ForensicsInputError("unreadable archive (not a ZIP file)", file=name)
    else:
        data = path.read_bytes()
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        warnings.append(InputWarning("encoding", "file is not UTF-8; read as Windows-1251"))
        data = data.decode("cp1251").encode("utf-8")
    return data


def _parse_csv(data: bytes, name: str) -> pl.DataFrame:
    first_line = data.split(b"\n", 1)[0].decode("utf-8").rstrip("\r")
    if not first_line.strip():
        raise ForensicsInputError("empty file or header", file=name, row=1)
    delimiter = max([",", ";", "\t"], key=first_line.count)
    header = next(csv.reader(io.StringIO(first_line), delimiter=delimiter))
    header = [h.strip() for h in header]
    try:
        table = pl.read_csv(
            data,
            has_header=False,
            skip_rows=1,
            separator=delimiter,
            infer_schema_length=0,
            new_columns=[f"c{i}" for i in range(len(header))],
            truncate_ragged_lines=False,
        )
    except Exception as exc:  # noqa: BLE001 - polars raises many kinds
        raise ForensicsInputError(f"malformed CSV ({exc})", file=name) from exc
    if table.width != len(header):
        raise ForensicsInputError(
            f"{table.width} fields per row but {len(header)} in the header", file=name
        )
    return table.rename(dict(zip(table.columns, header, strict=True)))


def _find(
    columns: Sequence[str],
    test: Callable[[str], bool],
) -> list[str]:
    return [c for c in columns if test(c.lower().replace("ё", "е"))]


def _one(columns: Sequence[str], test: Callable[[str], bool]) -> str | None:
    found = _find(columns, test)
    return found[0] if found else None


def recognise_columns(columns: Sequence[str]) -> dict[str, object]:
    """Which column of a Russian CEC table means what (for documentation and debugging)."""
    protocol = _recognise(columns, "<columns>")
    return {k: v for k, v in protocol.__dict__.items()}


def _recognise(columns: Sequence[str], name: str) -> _Protocol:
    lower_ids = {c.lower() for c in columns}
    registered = _one(
        columns,
        lambda c: (
            ("число избирателей" in c or "число участников" in c)
            and ("внесенных" in c or "включенных" in c)
        ),
    )
    if registered is None:
        raise ForensicsInputError(
            "missing required column: registered voters ('Число избирателей, внесенных…')",
            file=name,
            row=1,
            column="registered voters",
        )
    for required in ("region", "uik"):
        if required not in lower_ids:
            raise ForensicsInputError(
                f"missing required column: {required}", file=name, row=1, column=required
            )

    def ballots(c: str) -> bool:
        return "бюллетен" in c and "открепительн" not in c

    received = _one(columns, lambda c: ballots(c) and "полученных" in c)
    early = _one(columns, lambda c: ballots(c) and "выданных" in c and "досрочно" in c)
    premises = _one(columns, lambda c: ballots(c) and "выданных" in c and "в помещении" in c)
    outside = _one(columns, lambda c: ballots(c) and "выданных" in c and "вне помещения" in c)
    portable = _one(columns, lambda c: ballots(c) and "переносных" in c)
    stationary = _one(columns, lambda c: ballots(c) and "стационарных" in c)
    invalid = _one(columns, lambda c: ballots(c) and "недействительных" in c and "отмет" not in c)
    valid = _one(
        columns,
        lambda c: ballots(c) and "действительных" in c and "недействительных" not in c,
    )
    protocol_words = ("число ", "число\xa0")
    parties = tuple(
        c
        for c in columns
        if c.lower() not in _ID_COLUMNS
        and not c.lower().startswith(protocol_words)
        and c not in (registered,)
    )
    if not parties:
        raise ForensicsInputError(
            "missing required columns: no party or candidate columns found",
            file=name,
            row=1,
            column="parties",
        )
    return _Protocol(
        registered,
        received,
        early,
        premises,
        outside,
        portable,
        stationary,
        invalid,
        valid,
        parties,
    )


def _counts(
    table: pl.DataFrame, column: str, name: str, keep: np.ndarray | None = None
) -> IntArray:
    raw = table.get_column(column)
    cleaned = raw.str.strip_chars().str.replace_all(r"[\s\u00a0]", "")
    parsed = cleaned.cast(pl.Int64, strict=False)
    bad = parsed.is_null() & cleaned.is_not_null() & (cleaned != "")
    if bad.any():
        # a count written as a float with zero fraction ("12.0") is tolerated
        as_float = cleaned.cast(pl.Float64, strict=False)
        whole = as_float.is_not_null() & (as_float == as_float.round(0))
        parsed = pl.select(
            pl.when(bad & whole).then(as_float.cast(pl.Int64)).otherwise(parsed)
        ).to_series()
        bad = bad & ~whole
    if bad.any():
        index = int(np.flatnonzero(bad.to_numpy())[0])
        raise ForensicsInputError(
            f"non-numeric count {raw[index]!r}", file=name, row=index + 2, column=column
        )
    missing = parsed.is_null().to_numpy()
    if keep is not None:
        missing &= keep
    if missing.any():
        index = int(np.flatnonzero(missing)[0])
        raise ForensicsInputError("missing count", file=name, row=index + 2, column=column)
    values = parsed.fill_null(0).to_numpy().astype(np.int64)
    if (values < 0).any():
        index = int(np.flatnonzero(values < 0)[0])
        raise ForensicsInputError(
            f"negative count {values[index]}", file=name, row=index + 2, column=column
        )
    return values


def _text(table: pl.DataFrame, column: str | None) -> np.ndarray:
    if column is None or column not in table.columns:
        return np.full(table.height, "", dtype=str)
    return np.asarray(table.get_column(column).fill_null("").str.strip_chars().to_list(), dtype=str)


def _station_numbers(labels: np.ndarray) -> IntArray:
    numbers = np.full(labels.shape[0], -1, dtype=np.int64)
    pattern = re.compile(r"(\d+)")
    for i, label in enumerate(labels.tolist()):
        found = pattern.search(label)
        if found:
            numbers[i] = int(found.group(1))
    return numbers


def _station_numbers_column(table: pl.DataFrame, column: str | None) -> IntArray:
    if column is None:
        return np.full(table.height, -1, dtype=np.int64)
    numbers = table.get_column(column).str.extract(r"(\d+)", 1).cast(pl.Int64, strict=False)
    return numbers.fill_null(-1).to_numpy().astype(np.int64)


def _special_stations(
    table: pl.DataFrame, lookup: dict[str, str], uik: IntArray
) -> tuple[np.ndarray, np.ndarray]:
    """Remote electronic-voting pseudo-stations and stations abroad."""

    def lower(key: str) -> pl.Series:
        column = lookup.get(key)
        if column is None:
            return pl.Series([""] * table.height)
        return table.get_column(column).fill_null("").str.to_lowercase()

    region, tik = lower("region"), lower("tik")
    remote = (
        tik.str.contains("электронное голосование", literal=True)
        | tik.str.contains("дэг", literal=True)
    ).to_numpy()
    moscow = region.str.contains("москва", literal=True).to_numpy()
    remote = remote | (moscow & (uik >= 5000) & (uik < 6000))
    explicit = (
        region.str.contains("зарубеж", literal=True)
        | region.str.contains("за пределами", literal=True)
        | tik.str.contains("за пределами", literal=True)
    ).to_numpy()
    # some years file stations abroad under a region of their own, others number them
    # 8000-8999 under Russian regions
    abroad = explicit if explicit.any() else (uik >= 8000) & (uik < 9000)
    return np.asarray(remote, dtype=bool), np.asarray(abroad, dtype=bool)


def _empty_rows(table: pl.DataFrame, numeric: Sequence[str]) -> np.ndarray:
    """Rows where every count is empty: stations without data."""
    if not numeric:
        return np.zeros(table.height, dtype=bool)
    empty = table.select(
        pl.all_horizontal(
            pl.col(c).is_null() | (pl.col(c).str.strip_chars() == "") for c in numeric
        ).alias("empty")
    )
    return np.asarray(empty.get_column("empty").to_numpy(), dtype=bool)


def _fast_counts(table: pl.DataFrame, columns: Sequence[str]) -> dict[str, IntArray]:
    """Columns made only of plain non-negative integers, parsed in one pass.

    Anything else (blanks, text, "12.0", negatives) is left to :func:`_counts`, which
    either tolerates it or names the offending cell.
    """
    if not columns or table.height == 0:
        return {}
    parsed = table.select(
        pl.col(c).str.strip_chars().cast(pl.Int64, strict=False).alias(c) for c in columns
    )
    clean = parsed.select(
        (pl.col(c).is_not_null() & (pl.col(c) >= 0)).all().alias(c) for c in columns
    ).row(0)
    return {
        c: parsed.get_column(c).to_numpy().astype(np.int64)
        for c, ok in zip(columns, clean, strict=True)
        if ok
    }


def _from_russian_table(table: pl.DataFrame, name: str, warnings: list[InputWarning]) -> Results:
    columns = table.columns
    lookup = {c.lower(): c for c in columns}
    protocol = _recognise(columns, name)
    numeric = [
        c
        for c in (
            protocol.registered,
            protocol.received,
            protocol.early,
            protocol.premises,
            protocol.outside,
            protocol.portable,
            protocol.stationary,
            protocol.invalid,
            protocol.valid,
        )
        if c is not None
    ]
    # party columns must be numeric; a text column after the protocol (e.g. a link) is not one
    numeric_cells = table.select(
        pl.col(p).str.strip_chars().cast(pl.Float64, strict=False).is_not_null().sum()
        for p in protocol.parties
    ).row(0)
    parties = tuple(
        p for p, n in zip(protocol.parties, numeric_cells, strict=True) if n or table.height == 0
    )
    empty = _empty_rows(table, numeric + list(parties))
    rows = np.arange(2, table.height + 2, dtype=np.int64)
    if empty.any():
        warnings.append(
            InputWarning(
                "no_data",
                f"{int(empty.sum())} stations without any counts were left out",
                tuple(int(r) for r in rows[empty]),
            )
        )
        keep_rows = ~empty
        table = table.filter(pl.Series(keep_rows))
        rows = rows[keep_rows]

    fast = _fast_counts(table, numeric + list(parties))

    def counts(column: str | None) -> IntArray:
        if column is None:
            return np.zeros(table.height, dtype=np.int64)
        if column in fast:
            return fast[column]
        try:
            return _counts(table, column, name)
        except ForensicsInputError as err:
            # translate the row within the kept rows back to the file's line
            row = int(rows[err.row - 2]) if err.row is not None else None
            raise ForensicsInputError(err.reason, file=name, row=row, column=err.column) from None

    registered = counts(protocol.registered)
    received = counts(protocol.received)
    early = counts(protocol.early)
    premises = counts(protocol.premises)
    outside = counts(protocol.outside)
    portable = counts(protocol.portable)
    stationary = counts(protocol.stationary)
    votes = (
        np.column_stack([counts(p) for p in parties])
        if parties
        else np.zeros((table.height, 0), dtype=np.int64)
    )
    invalid = counts(protocol.invalid)
    if protocol.valid is not None:
        valid = counts(protocol.valid)
    else:
        valid = votes.sum(axis=1)
        warnings.append(InputWarning("no_valid_column", "valid ballots taken as sum of votes"))
    if protocol.early is None and protocol.premises is None and protocol.outside is None:
        premises = valid + invalid
        warnings.append(
            InputWarning("no_issued_columns", "ballots issued taken as ballots in the boxes")
        )

    region = _text(table, lookup.get("region"))
    oik = _text(table, lookup.get("oik"))
    tik = _text(table, lookup.get("tik"))
    uik = _station_numbers_column(table, lookup.get("uik"))
    remote, abroad = _special_stations(table, lookup, uik)

    results = Results(
        source=name,
        region=region,
        oik=oik,
        tik=tik,
        uik=uik,
        registered=registered,
        received=received,
        issued_early=early,
        issued_on_premises=premises,
        issued_outside=outside,
        in_portable=portable,
        in_stationary=stationary,
        invalid=invalid,
        valid=valid,
        votes=votes,
        party_names=tuple(_clean_party(p) for p in parties),
        abroad=abroad,
        remote=remote,
        rows=rows,
        warnings=(),
        title=Path(name).name.split(".")[0],
    )
    _check_consistency(results, name, warnings)
    return _with_warnings(results, warnings)


def _clean_party(label: str) -> str:
    return re.sub(r'"{2,}', '"', label).strip()


def _with_warnings(results: Results, warnings: list[InputWarning]) -> Results:
    return replace(results, warnings=tuple(warnings))


def _check_consistency(results: Results, name: str, warnings: list[InputWarning]) -> None:
    registered = results.registered
    limit = registered + OVER_REGISTERED_SLACK + OVER_REGISTERED_RATIO * registered
    for label, ballots in (
        ("ballots in the boxes", results.cast),
        ("ballots issued", results.issued),
    ):
        over = ballots > limit
        if over.any():
            index = int(np.flatnonzero(over)[0])
            raise ForensicsInputError(
                f"{ballots[index]} {label} but only {registered[index]} registered voters "
                f"(more than the tolerance of {OVER_REGISTERED_SLACK} + "
                f"{OVER_REGISTERED_RATIO:.0%})",
                file=name,
                row=int(results.rows[index]),
                column="registered voters",
            )
        slightly = (ballots > registered) & ~over
        if slightly.any():
            warnings.append(
                InputWarning(
                    "over_registered",
                    f"{int(slightly.sum())} stations report slightly more {label} than "
                    "registered voters (within tolerance)",
                    tuple(int(r) for r in results.rows[slightly]),
                )
            )
    mismatch = results.votes.sum(axis=1) != results.valid
    if results.votes.shape[1] and mismatch.any():
        warnings.append(
            InputWarning(
                "votes_not_valid",
                f"{int(mismatch.sum())} stations whose party votes do not add up to valid ballots",
                tuple(int(r) for r in results.rows[mismatch]),
            )
        )
    no_register = (registered == 0) & (results.cast > 0)
    if no_register.any():
        warnings.append(
            InputWarning(
                "zero_registered",
                f"{int(no_register.sum())} stations with ballots but no registered voters",
                tuple(int(r) for r in results.rows[no_register]),
            )
        )


def _from_mapping(
    table: pl.DataFrame, name: str, mapping: ColumnMapping, warnings: list[InputWarning]
) -> Results:
    for column in (mapping.region, mapping.station, mapping.registered, *mapping.issued):
        if column not in table.columns:
            raise ForensicsInputError(
                f"missing required column {column!r}", file=name, row=1, column=column
            )
    used = {
        mapping.region,
        mapping.station,
        mapping.registered,
        *mapping.issued,
        *mapping.cast,
        mapping.invalid,
        mapping.district,
        mapping.subdistrict,
        mapping.abroad,
    }
    parties = tuple(mapping.parties) or tuple(
        c
        for c in table.columns
        if c not in used
        and table.get_column(c).str.strip_chars().cast(pl.Float64, strict=False).null_count() == 0
    )
    if not parties:
        raise ForensicsInputError("no party columns", file=name, row=1, column="parties")
    for column in parties:
        if column not in table.columns:
            raise ForensicsInputError(
                f"missing party column {column!r}", file=name, row=1, column=column
            )
    votes = np.column_stack([_counts(table, p, name) for p in parties])
    invalid = (
        _counts(table, mapping.invalid, name)
        if mapping.invalid
        else np.zeros(table.height, np.int64)
    )
    valid = votes.sum(axis=1)
    if mapping.cast:
        cast = np.sum([_counts(table, c, name) for c in mapping.cast], axis=0)
        invalid = np.maximum(cast - valid, 0) if not mapping.invalid else invalid
    issued = (
        np.sum([_counts(table, c, name) for c in mapping.issued], axis=0)
        if mapping.issued
        else valid + invalid
    )
    zeros = np.zeros(table.height, dtype=np.int64)
    station = _text(table, mapping.station)
    abroad = (
        np.isin(np.char.lower(_text(table, mapping.abroad)), ["1", "true", "yes", "y"])
        if mapping.abroad
        else np.zeros(table.height, dtype=bool)
    )
    results = Results(
        source=name,
        region=_text(table, mapping.region),
        oik=_text(table, mapping.district),
        tik=_text(table, mapping.subdistrict),
        uik=_station_numbers(station),
        registered=_counts(table, mapping.registered, name),
        received=zeros,
        issued_early=zeros,
        issued_on_premises=issued,
        issued_outside=zeros,
        in_portable=zeros,
        in_stationary=valid + invalid,
        invalid=invalid,
        valid=valid,
        votes=votes,
        party_names=parties,
        abroad=abroad,
        remote=np.zeros(table.height, dtype=bool),
        rows=np.arange(2, table.height + 2, dtype=np.int64),
        title=Path(name).name.split(".")[0],
    )
    _check_consistency(results, name, warnings)
    return _with_warnings(results, warnings)
