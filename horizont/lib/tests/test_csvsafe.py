import csv
import io
import re
from pathlib import Path

import pytest

from horizont.lib.csvsafe import SafeCsvWriter, formula_safe

PACKAGE = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(
    "cell",
    ['=HYPERLINK("http://x")', "+1+2", "-2+3", "@SUM(A1)", "\tcmd", "\rcmd", "=1", "-", "-inf+1"],
)
def test_formula_cells_are_quoted(cell):
    assert formula_safe(cell) == "'" + cell


@pytest.mark.parametrize("cell", ["Berlin", "-12.5", "+3", "-7", 42, -3.5, None, "", "a=b"])
def test_data_stays_as_it_is(cell):
    assert formula_safe(cell) == cell


def test_writer_quotes_every_formula_cell():
    out = io.StringIO()
    SafeCsvWriter(out).writerows([["name", "note"], ["=cmd|' /C calc'!A0", -1]])
    rows = list(csv.reader(io.StringIO(out.getvalue())))
    assert rows == [["name", "note"], ["'=cmd|' /C calc'!A0", "-1"]]


def test_no_web_export_writes_csv_without_the_safe_writer():
    """Every CSV the site serves goes through SafeCsvWriter (engines' CLIs aside)."""
    engines = ("forensics", "screening")
    offenders = [
        str(path.relative_to(PACKAGE))
        for path in PACKAGE.rglob("*.py")
        if path.parts[len(PACKAGE.parts)] not in engines
        and "tests" not in path.parts
        and path.name not in ("csvsafe.py", "synthetic.py")
        and re.search(r"csv\.(writer|DictWriter)\(", path.read_text(encoding="utf-8"))
    ]
    assert offenders == []
