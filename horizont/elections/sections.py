"""The forensic report's sections for the web pages and the PDF.

The engine builds the sections once (``horizont.forensics.sections``: tables with
numbers formatted for the language, explanations); the report page, its PDF and the
engine's own HTML render them. Pages are built from the stored JSON
(``report_to_json``), so they never need the engine's in-memory report.
"""

from __future__ import annotations

from typing import Any

from horizont.elections.flags import engine_language
from horizont.forensics import sections as engine
from horizont.forensics.explanations import TERMS
from horizont.forensics.sections import Section, Table

__all__ = [
    "Section",
    "Table",
    "column_mapping_rows",
    "number",
    "percent",
    "report_sections",
    "warning_texts",
]


def number(value: Any, digits: int = 0) -> str:
    """A number in the interface language (the engine's formatter)."""
    return engine.number(value, digits, engine_language())


def percent(value: Any, digits: int = 2) -> str:
    """A fraction as a percentage in the interface language (the engine's formatter)."""
    return engine.percent(value, digits, engine_language())


def warning_texts(warnings: list[dict[str, Any]], *, implausible: bool) -> list[str]:
    """The reader's warnings of one level, worded by the engine in the interface language."""
    language = engine_language()
    return [
        engine.warning_text(w, language)
        for w in warnings
        if (w.get("level") == "implausible") == implausible
    ]


def report_sections(data: dict[str, Any], language: str) -> list[Section]:
    """Every test of a stored report, ready for the report template and the PDF."""
    return engine.report_sections(data, language)


def column_mapping_rows(data: dict[str, Any]) -> list[dict[str, Any]]:
    """The reader's column mapping, for the page: protocol line (translated) and columns."""
    language = engine_language()
    rows = []
    for line in data.get("column_mapping", []):
        if line["line"] == "absentee" or not (line["columns"] or line["required"]):
            continue
        rows.append(
            {
                "label": TERMS.get(line["label"], {}).get(language, line["label"]),
                "columns": [" ".join(c.split()) for c in line["columns"]],
                "used": line["used"],
            }
        )
    return rows
