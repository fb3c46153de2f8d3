"""CSV that spreadsheets open as data, never as formulas.

A cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is run as a
formula by Excel, LibreOffice and Google Sheets ("CSV injection"): a polling-station or
person name taken from an uploaded file could then fetch URLs or run commands on the
computer of whoever opens the export. Such cells get a leading apostrophe, as OWASP
recommends; numbers (also negative ones) stay numbers.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from typing import Any, Protocol

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


class _Writable(Protocol):
    def write(self, text: str, /) -> Any: ...


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return text.strip() == text and text.lower().lstrip("+-") not in {"inf", "infinity", "nan"}


def formula_safe(value: object) -> object:
    """``value`` unchanged, or as text with a leading apostrophe when a spreadsheet would
    read it as a formula."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS) and not _is_number(value):
        return "'" + value
    return value


class SafeCsvWriter:
    """``csv.writer`` whose rows are made formula-safe cell by cell."""

    def __init__(self, out: _Writable, **options: Any) -> None:
        self._writer = csv.writer(out, **options)

    def writerow(self, row: Iterable[object]) -> Any:
        return self._writer.writerow([formula_safe(cell) for cell in row])

    def writerows(self, rows: Iterable[Iterable[object]]) -> None:
        for row in rows:
            self.writerow(row)
