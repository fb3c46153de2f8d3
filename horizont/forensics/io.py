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
from typing import Any, NoReturn

import numpy as np
import polars as pl

from horizont.forensics.model import (
    ForensicsInputError,
    InputWarning,
    IntArray,
    MappedLine,
    Results,
)
from horizont.forensics.protocol import LINE_LABELS, LINES, Recognition, recognise

#: Ballots in the boxes may exceed the registered voters by this many ballots plus
#: ``OVER_REGISTERED_RATIO`` of them (late additions to the list); beyond, it is an error.
OVER_REGISTERED_SLACK = 10
OVER_REGISTERED_RATIO = 0.05


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
    ids: dict[str, str]
    mapping: tuple[MappedLine, ...]

    @property
    def numeric(self) -> list[str]:
        return [
            c
            for c in (
                self.registered,
                self.received,
                self.early,
                self.premises,
                self.outside,
                self.portable,
                self.stationary,
                self.invalid,
                self.valid,
            )
            if c is not None
        ]


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


#: A results table inside a ZIP may inflate to at most this many bytes (the largest
#: federal file, 2020, is 47 MB) ...
MAX_DECOMPRESSED = 256 * 1024 * 1024
#: ... and to at most this many times its compressed size (CSV tables: 10-30 times;
#: a "ZIP bomb" of zeros: a thousand times and more). Small members get ``RATIO_SLACK``.
MAX_RATIO = 100
RATIO_SLACK = 1024 * 1024
_CHUNK = 1 << 20


def _inflate(archive: zipfile.ZipFile, member: zipfile.ZipInfo, name: str) -> bytes:
    """Read one member in chunks, refusing it as soon as it inflates beyond the limits."""
    limit = min(MAX_DECOMPRESSED, MAX_RATIO * member.compress_size + RATIO_SLACK)

    def bomb(size: int) -> ForensicsInputError:
        return ForensicsInputError(
            f"the archive member {member.filename!r} inflates to more than {size:,} bytes "
            f"from {member.compress_size:,} (limits: {MAX_DECOMPRESSED:,} bytes and "
            f"{MAX_RATIO} times the compressed size); refused as a possible ZIP bomb",
            file=name,
            code="zip_bomb",
            params={"limit": MAX_DECOMPRESSED, "ratio": MAX_RATIO},
        )

    if _over_limit(_declared_size(member), limit):
        raise bomb(member.file_size)
    parts: list[bytes] = []
    size = 0
    with archive.open(member) as stream:
        while chunk := stream.read(_CHUNK):
            size += len(chunk)
            if _over_limit(size, limit):
                raise bomb(limit)
            parts.append(chunk)
    return b"".join(parts)


def _declared_size(member: zipfile.ZipInfo) -> int:
    """The size the archive claims (it may lie: reading also counts)."""
    return member.file_size


def _over_limit(size: int, limit: int) -> bool:
    return size > limit


def _read_text(path: Path, warnings: list[InputWarning]) -> bytes:
    name = str(path)
    data: bytes
    if zipfile.is_zipfile(path):
        try:
            with zipfile.ZipFile(path) as archive:
                tables = [
                    m
                    for m in archive.infolist()
                    if not m.is_dir() and m.filename.lower().endswith((".csv", ".txt", ".tsv"))
                ]
                if not tables:
                    raise ForensicsInputError(
                        "archive holds no CSV file", file=name, code="archive_empty"
                    )
                data = _inflate(archive, tables[0], name)
        except (zipfile.BadZipFile, OSError, EOFError, zipfile.LargeZipFile, ValueError) as exc:
            if isinstance(exc, ForensicsInputError):
                raise
            raise ForensicsInputError(
                f"unreadable archive ({exc})", file=name, code="archive"
            ) from exc
        except (RuntimeError, NotImplementedError) as exc:  # encrypted or unknown compression
            raise ForensicsInputError(
                f"unreadable archive ({exc})", file=name, code="archive"
            ) from exc
    elif path.suffix.lower() == ".zip":
        raise ForensicsInputError("unreadable archive (not a ZIP file)", file=name, code="archive")
    else:
        data = path.read_bytes()
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        warnings.append(InputWarning("encoding", "file is not UTF-8; read as Windows-1251"))
        try:
            data = data.decode("cp1251").encode("utf-8")
        except UnicodeDecodeError as exc:
            raise ForensicsInputError(
                "the file is neither UTF-8 nor Windows-1251 text", file=name, code="encoding"
            ) from exc
    return data


def _records(text: str, delimiter: str) -> Any:
    """CSV records of ``text`` (a ``csv.reader``; its type is private to ``_csv``)."""
    return csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)


def _diagnose(text: str, delimiter: str, width: int, name: str) -> ForensicsInputError:
    """Name the first row the CSV parser could not take (instead of the parser's message)."""
    reader = _records(text, delimiter)
    number = 0  # rows are numbered as records, the header being row 1
    try:
        for number, record in enumerate(reader, start=1):  # noqa: B007 - used after the loop
            if record and len(record) != width:
                return ForensicsInputError(
                    f"{len(record)} fields in this row but {width} in the header",
                    file=name,
                    row=number,
                    code="field_count",
                    params={"fields": len(record), "width": width},
                )
    except csv.Error as exc:
        return ForensicsInputError(f"malformed CSV ({exc})", file=name, row=number + 1, code="csv")
    return ForensicsInputError("malformed CSV: the table could not be read", file=name, code="csv")


def _check_complete(
    data: bytes, delimiter: str, width: int, name: str, header_lines: int = 1
) -> None:
    """Refuse a file cut off in the middle of its last row (an interrupted download)."""
    tail = data.rstrip(b"\r\n")
    start = tail.rfind(b"\n") + 1
    last = tail[start:].decode("utf-8", errors="replace")
    record: list[str]
    try:
        record = next(_records(last, delimiter), [])
    except csv.Error:
        record = []
    open_quote = last.count('"') % 2 == 1
    if start and (open_quote or len(record) < width):
        raise ForensicsInputError(
            f"the file ends in the middle of a row ({len(record)} of {width} fields): "
            "it looks truncated (an interrupted download or copy); get the complete file",
            file=name,
            row=tail.count(b"\n") + 2 - header_lines,
            code="truncated",
            params={"fields": len(record), "width": width},
        )


def _parse_csv(data: bytes, name: str) -> pl.DataFrame:
    head = data[:65536].decode("utf-8", errors="replace")
    first_line = head.split("\n", 1)[0].rstrip("\r")
    if not first_line.strip():
        raise ForensicsInputError("empty file or header", file=name, row=1)
    delimiter = max([",", ";", "\t"], key=first_line.count)
    records = _records(head, delimiter)
    try:
        header = [h.strip() for h in next(records)]
    except (csv.Error, StopIteration) as exc:
        raise ForensicsInputError("unreadable header", file=name, row=1, code="csv") from exc
    if len(set(header)) != len(header):
        twice = sorted({h for h in header if header.count(h) > 1})
        raise ForensicsInputError(
            f"column names appear twice: {', '.join(twice)}", file=name, row=1, code="csv"
        )
    _check_complete(data, delimiter, len(header), name, records.line_num)
    try:
        table = pl.read_csv(
            data,
            has_header=False,
            separator=delimiter,
            infer_schema_length=0,
            truncate_ragged_lines=False,
        )
    except Exception:  # noqa: BLE001 - polars raises many kinds; name the row instead
        raise _diagnose(data.decode("utf-8"), delimiter, len(header), name) from None
    if table.width != len(header):
        raise _diagnose(data.decode("utf-8"), delimiter, len(header), name)
    table = table.slice(1)
    return table.rename(dict(zip(table.columns, header, strict=True)))


def recognise_columns(columns: Sequence[str]) -> dict[str, object]:
    """Which column of a Russian CEC table means what (for documentation and debugging)."""
    protocol = _recognise(columns, "<columns>")
    return {m.line: list(m.columns) for m in protocol.mapping} | {"parties": protocol.parties}


#: Lines without which no analysis is possible: a file lacking one is refused.
REQUIRED_LINES = ("registered", "issued_on_premises", "invalid")


def _refuse_missing(line: str, found: Recognition, name: str) -> NoReturn:
    label = LINE_LABELS[line]
    hint = ""
    if found.unrecognised:
        hint = "; columns that look like protocol lines but were not recognised: " + ", ".join(
            repr(" ".join(c.split())) for c in found.unrecognised
        )
    raise ForensicsInputError(
        f"missing required column: no column matches the protocol line '{label}'{hint}",
        file=name,
        row=1,
        column=label,
        code="missing_column",
        params={"unrecognised": "; ".join(" ".join(c.split()) for c in found.unrecognised)},
    )


def _recognise(columns: Sequence[str], name: str) -> _Protocol:
    found = recognise(columns)
    for required in ("region", "uik"):
        if required not in found.ids:
            raise ForensicsInputError(
                f"missing required column: {required}",
                file=name,
                row=1,
                column=required,
                code="missing_column",
            )
    registered = found.first("registered")
    if registered is None:
        _refuse_missing("registered", found, name)
    # older files and the 2020 vote give ballots issued in one line, not three
    premises = found.first("issued_on_premises") or found.first("issued_total")
    if premises is None:
        _refuse_missing("issued_on_premises", found, name)
    if found.first("invalid") is None:
        _refuse_missing("invalid", found, name)
    if not found.parties:
        raise ForensicsInputError(
            "missing required columns: no party or candidate columns found",
            file=name,
            row=1,
            column="parties",
        )
    stationary = found.first("in_stationary")
    if stationary is None and found.first("in_portable") is None:
        stationary = found.first("in_boxes")
    protocol = _Protocol(
        registered=registered,
        received=found.first("received"),
        early=found.first("issued_early"),
        premises=premises,
        outside=found.first("issued_outside"),
        portable=found.first("in_portable"),
        stationary=stationary,
        invalid=found.first("invalid"),
        valid=found.first("valid"),
        parties=found.parties,
        ids=found.ids,
        mapping=(),
    )
    used = set(protocol.numeric)
    mapping = tuple(
        MappedLine(
            line=line.key,
            label=line.label,
            columns=found.lines.get(line.key, ()),
            required=line.key in REQUIRED_LINES,
            used=any(c in used for c in found.lines.get(line.key, ())),
        )
        for line in LINES
    ) + tuple(
        MappedLine(line="unrecognised", label="not recognised", columns=(c,), used=False)
        for c in found.unrecognised
    )
    return replace(protocol, mapping=mapping)


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
        whole = (
            as_float.is_not_null() & (as_float == as_float.round(0)) & (as_float.abs() < 2.0**53)
        )
        parsed = pl.select(
            pl.when(bad & whole).then(as_float.cast(pl.Int64, strict=False)).otherwise(parsed)
        ).to_series()
        bad = bad & ~whole
    if bad.any():
        index = int(np.flatnonzero(bad.to_numpy())[0])
        value = str(cleaned[index])
        reason = (
            f"count too large ({value[:20]}…, {len(value)} digits)"
            if value.isdigit()
            else f"non-numeric count {raw[index]!r}"
        )
        raise ForensicsInputError(
            reason,
            file=name,
            row=index + 2,
            column=column,
            code="too_large" if value.isdigit() else "not_a_number",
            params={"value": value[:20] if value.isdigit() else str(raw[index])[:40]},
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


def _numeric_parties(table: pl.DataFrame, parties: tuple[str, ...]) -> tuple[str, ...]:
    """Party columns hold numbers; a text column after the protocol (a link) is not one."""
    if table.height == 0:
        return parties
    numeric_cells = table.select(
        pl.col(p).str.strip_chars().cast(pl.Float64, strict=False).is_not_null().sum()
        for p in parties
    ).row(0)
    return tuple(p for p, n in zip(parties, numeric_cells, strict=True) if n)


def _drop_empty(
    table: pl.DataFrame, numeric: Sequence[str], warnings: list[InputWarning]
) -> tuple[pl.DataFrame, IntArray]:
    """Leave out stations without any counts; returns the kept table and its file lines."""
    rows = np.arange(2, table.height + 2, dtype=np.int64)
    empty = _empty_rows(table, numeric)
    if not empty.any():
        return table, rows
    warnings.append(
        InputWarning(
            "no_data",
            f"{int(empty.sum())} stations without any counts were left out",
            tuple(int(r) for r in rows[empty]),
        )
    )
    return table.filter(pl.Series(~empty)), rows[~empty]


def _count_reader(
    table: pl.DataFrame, columns: Sequence[str], rows: IntArray, name: str
) -> Callable[[str | None], IntArray]:
    fast = _fast_counts(table, columns)

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
            raise ForensicsInputError(
                err.reason, file=name, row=row, column=err.column, code=err.code, params=err.params
            ) from None

    return counts


def _from_russian_table(table: pl.DataFrame, name: str, warnings: list[InputWarning]) -> Results:
    protocol = _recognise(table.columns, name)
    parties = _numeric_parties(table, protocol.parties)
    if not parties:
        raise ForensicsInputError(
            "missing required columns: no party or candidate column holds numbers",
            file=name,
            row=1,
            column="parties",
        )
    table, rows = _drop_empty(table, protocol.numeric + list(parties), warnings)
    counts = _count_reader(table, protocol.numeric + list(parties), rows, name)
    votes = np.column_stack([counts(p) for p in parties])
    if protocol.valid is not None:
        valid = counts(protocol.valid)
    else:
        valid = votes.sum(axis=1)
        warnings.append(InputWarning("no_valid_column", "valid ballots taken as sum of votes"))
    ids = protocol.ids
    uik = _station_numbers_column(table, ids.get("uik"))
    remote, abroad = _special_stations(table, ids, uik)
    results = Results(
        source=name,
        region=_text(table, ids.get("region")),
        oik=_text(table, ids.get("oik")),
        tik=_text(table, ids.get("tik")),
        uik=uik,
        registered=counts(protocol.registered),
        received=counts(protocol.received),
        issued_early=counts(protocol.early),
        issued_on_premises=counts(protocol.premises),
        issued_outside=counts(protocol.outside),
        in_portable=counts(protocol.portable),
        in_stationary=counts(protocol.stationary),
        invalid=counts(protocol.invalid),
        valid=valid,
        votes=votes,
        party_names=tuple(_clean_party(p) for p in parties),
        abroad=abroad,
        remote=remote,
        rows=rows,
        warnings=(),
        title=Path(name).name.split(".")[0],
        column_mapping=protocol.mapping
        + (MappedLine(line="parties", label="parties or candidates", columns=parties),),
    )
    _check_consistency(results, name, warnings)
    _check_plausibility(results, protocol, warnings)
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


#: Overall turnout outside this range means a protocol line was misread.
PLAUSIBLE_TURNOUT = (0.20, 1.00)
#: Share of stations at which a consistency rule may fail before the figures are implausible.
PLAUSIBLE_EXCEPTIONS = 0.01


def _check_plausibility(
    results: Results, protocol: _Protocol | None, warnings: list[InputWarning]
) -> None:
    """Warn, ahead of everything else in the report, about figures that cannot be right."""
    n = max(len(results), 1)
    registered = int(results.registered.sum())
    turnout = results.issued.sum() / registered if registered else float("nan")
    low, high = PLAUSIBLE_TURNOUT
    if not low <= turnout <= high:
        warnings.append(
            InputWarning(
                "implausible_turnout",
                f"overall turnout {turnout:.2%} lies outside {low:.0%}-{high:.0%}: "
                "a ballots-issued line was probably misread; check the column mapping",
                level="implausible",
                params={"turnout": float(turnout), "low": low, "high": high},
            )
        )
    below = results.issued < results.cast
    if below.any():
        share = below.sum() / n
        warnings.append(
            InputWarning(
                "issued_below_cast",
                f"{int(below.sum())} stations ({share:.1%}) report fewer ballots issued "
                "than ballots in the boxes",
                tuple(int(r) for r in results.rows[below]),
                level="implausible" if share > PLAUSIBLE_EXCEPTIONS else "note",
                params={"stations": int(below.sum()), "share": float(share)},
            )
        )
    if protocol is not None and protocol.valid is not None and results.votes.shape[1]:
        mismatch = results.votes.sum(axis=1) != results.valid
        if mismatch.sum() / n > PLAUSIBLE_EXCEPTIONS:
            warnings.append(
                InputWarning(
                    "parties_not_valid",
                    f"the party columns do not add up to the valid ballots at "
                    f"{mismatch.sum() / n:.1%} of stations: a party column may be missing "
                    "or a protocol line taken for a party; check the column mapping",
                    level="implausible",
                    params={"share": float(mismatch.sum() / n)},
                )
            )
    if protocol is not None:
        unknown = [m.columns[0] for m in protocol.mapping if m.line == "unrecognised"]
        if unknown:
            warnings.append(
                InputWarning(
                    "unrecognised_columns",
                    "columns that look like protocol lines but were not recognised (left out): "
                    + "; ".join(" ".join(c.split()) for c in unknown),
                    params={"columns": "; ".join(" ".join(c.split()) for c in unknown)},
                )
            )
        for m in protocol.mapping:
            if len(m.columns) > 1 and m.line not in ("absentee", "unrecognised"):
                warnings.append(
                    InputWarning(
                        "ambiguous_columns",
                        f"several columns match '{m.label}'; the first was used: "
                        + "; ".join(" ".join(c.split()) for c in m.columns),
                        level="implausible" if m.used else "note",
                        params={
                            "line": m.label,
                            "columns": "; ".join(" ".join(c.split()) for c in m.columns),
                        },
                    )
                )


def _explicit_mapping(mapping: ColumnMapping, parties: tuple[str, ...]) -> tuple[MappedLine, ...]:
    """The columns an explicit :class:`ColumnMapping` named, in the reader's mapping form."""

    def line(key: str, columns: Sequence[str | None], required: bool = False) -> MappedLine:
        found = tuple(c for c in columns if c)
        return MappedLine(key, LINE_LABELS.get(key, key), found, required, bool(found))

    return (
        line("registered", [mapping.registered], required=True),
        line("issued_total", list(mapping.issued)),
        line("in_boxes", list(mapping.cast)),
        line("invalid", [mapping.invalid]),
        MappedLine("parties", "parties or candidates", parties),
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
        column_mapping=_explicit_mapping(mapping, parties),
    )
    _check_consistency(results, name, warnings)
    _check_plausibility(results, None, warnings)
    return _with_warnings(results, warnings)
