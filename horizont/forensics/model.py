"""The data model every analysis works on: one row per polling station, numpy columns."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

import numpy as np
import numpy.typing as npt

IntArray = npt.NDArray[np.int64]
FloatArray = npt.NDArray[np.float64]
BoolArray = npt.NDArray[np.bool_]
StrArray = npt.NDArray[np.str_]


class ForensicsInputError(ValueError):
    """Input that cannot be analysed; names the file and, where known, the row and column.

    ``row`` is the 1-based line number in the file (the header is line 1). ``code`` says
    what kind of problem it is (``"zip_bomb"`` and ``"truncated"`` are worth an audit) and
    ``params`` its numbers, so that applications can word the message in any language.
    """

    def __init__(
        self,
        message: str,
        *,
        file: str,
        row: int | None = None,
        column: str | None = None,
        code: str = "input",
        params: dict[str, Any] | None = None,
    ) -> None:
        self.file = file
        self.code = code
        self.params = params or {}
        self.row = row
        self.column = column
        self.reason = message
        where = [f"file {file}"]
        if row is not None:
            where.append(f"row {row}")
        if column is not None:
            where.append(f"column {column!r}")
        super().__init__(f"{', '.join(where)}: {message}")


@dataclass(frozen=True)
class InputWarning:
    """A tolerable anomaly found while reading (listed, never silently fixed)."""

    code: str
    message: str
    rows: tuple[int, ...] = ()
    #: ``"implausible"`` figures are shown before everything else in every report
    level: str = "note"
    #: the figures of the message, so that it can be worded in any language
    params: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "message": self.message,
            "rows": list(self.rows[:50]),
            "level": self.level,
            "params": dict(self.params),
        }


@dataclass(frozen=True)
class MappedLine:
    """Which file columns the reader used for one protocol line (empty: none matched)."""

    line: str
    label: str
    columns: tuple[str, ...]
    required: bool = False
    used: bool = True

    def to_dict(self) -> dict[str, Any]:
        return {
            "line": self.line,
            "label": self.label,
            "columns": list(self.columns),
            "required": self.required,
            "used": self.used,
        }


@dataclass(frozen=True)
class Results:
    """Official results of one election, one entry per polling station.

    Counts are int64 arrays of equal length ``n``. ``votes`` is an ``(n, parties)``
    matrix whose columns are named by ``party_names``. ``issued`` = ballots issued
    (early + on the premises + outside), ``cast`` = ballots found in the boxes
    (valid + invalid). Stations abroad and remote electronic-voting pseudo-stations
    are flagged rather than dropped. ``rows`` holds each station's line in the file.
    """

    source: str
    region: StrArray
    oik: StrArray
    tik: StrArray
    uik: IntArray
    registered: IntArray
    received: IntArray
    issued_early: IntArray
    issued_on_premises: IntArray
    issued_outside: IntArray
    in_portable: IntArray
    in_stationary: IntArray
    invalid: IntArray
    valid: IntArray
    votes: npt.NDArray[np.int64]
    party_names: tuple[str, ...]
    abroad: BoolArray
    remote: BoolArray
    rows: IntArray
    warnings: tuple[InputWarning, ...] = field(default=())
    title: str = ""
    column_mapping: tuple[MappedLine, ...] = field(default=())

    def __len__(self) -> int:
        return int(self.registered.shape[0])

    @property
    def issued(self) -> IntArray:
        """Ballots issued to voters (the numerator of turnout in Kobak et al.)."""
        return self.issued_early + self.issued_on_premises + self.issued_outside

    @property
    def cast(self) -> IntArray:
        """Ballots found in the boxes: valid + invalid (the denominator of vote shares)."""
        return self.valid + self.invalid

    @property
    def leader_index(self) -> int:
        """Column of ``votes`` with the most votes in total."""
        return int(np.argmax(self.votes.sum(axis=0)))

    @property
    def leader_name(self) -> str:
        return self.party_names[self.leader_index]

    @property
    def leader_votes(self) -> IntArray:
        return np.ascontiguousarray(self.votes[:, self.leader_index])

    def subset(self, mask: BoolArray | IntArray) -> Results:
        """The stations selected by a boolean mask or an index array."""
        return replace(
            self,
            region=self.region[mask],
            oik=self.oik[mask],
            tik=self.tik[mask],
            uik=self.uik[mask],
            registered=self.registered[mask],
            received=self.received[mask],
            issued_early=self.issued_early[mask],
            issued_on_premises=self.issued_on_premises[mask],
            issued_outside=self.issued_outside[mask],
            in_portable=self.in_portable[mask],
            in_stationary=self.in_stationary[mask],
            invalid=self.invalid[mask],
            valid=self.valid[mask],
            votes=self.votes[mask],
            abroad=self.abroad[mask],
            remote=self.remote[mask],
            rows=self.rows[mask],
        )

    def regions(self) -> list[str]:
        """Region names in order of first appearance."""
        _, first = np.unique(self.region, return_index=True)
        return [str(self.region[i]) for i in np.sort(first)]


def turnout_and_share(results: Results) -> tuple[FloatArray, FloatArray]:
    """Per-station turnout (issued / registered) and leader share (leader / cast), NaN where
    undefined."""
    with np.errstate(divide="ignore", invalid="ignore"):
        turnout = results.issued / results.registered
        share = results.leader_votes / results.cast
    return turnout.astype(np.float64), share.astype(np.float64)
