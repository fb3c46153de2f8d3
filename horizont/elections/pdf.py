"""The forensic report as a PDF (fpdf2, DejaVu Sans from matplotlib: works offline, Cyrillic).

Built from the stored report: key numbers, and for each test its plot (the stored SVG,
drawn as vector graphics by fpdf2) with the engine's plain-language explanation in the
interface language.
"""

from __future__ import annotations

import io
import logging
from functools import cache
from pathlib import Path

import matplotlib
from fpdf import FPDF

from horizont.elections.models import Election, ForensicReport
from horizont.forensics.explanations import LABELS
from horizont.forensics.sections import number, percent, report_sections, warning_text

# fpdf2 subsets the font with fontTools, which logs every table it touches at INFO
logging.getLogger("fontTools").setLevel(logging.WARNING)
# fpdf2 warns of every SVG element it has no use for, such as <title> and <desc>
logging.getLogger("fpdf.svg").setLevel(logging.ERROR)


@cache
def font_path() -> str:
    return str(Path(matplotlib.get_data_path()) / "fonts" / "ttf" / "DejaVuSans.ttf")


@cache
def bold_font_path() -> str:
    return str(Path(matplotlib.get_data_path()) / "fonts" / "ttf" / "DejaVuSans-Bold.ttf")


def report_pdf(*, election: Election, report: ForensicReport, language: str) -> bytes:
    """A multi-page PDF: title and key numbers, then one block per test."""
    labels = LABELS.get(language, LABELS["en"])
    data = report.data
    totals = data["totals"]
    plots = {p.name: p.svg.encode("utf-8") for p in report.plots.filter(language=language)}

    doc = FPDF(format="A4")
    doc.set_auto_page_break(auto=True, margin=15)
    doc.add_font("DejaVu", "", font_path())
    doc.add_font("DejaVu", "B", bold_font_path())
    doc.set_title(f"{labels['report']}: {election.name}")
    doc.set_creator("Horizont")
    doc.add_page()
    width = doc.epw

    doc.set_font("DejaVu", "B", 16)
    title = f"{labels['report']}: {election.name}"
    if report.region:
        title += f" — {report.region}"
    doc.multi_cell(width, 8, title, new_x="LMARGIN", new_y="NEXT")
    doc.ln(2)
    implausible = [w for w in data.get("warnings", []) if w.get("level") == "implausible"]
    if implausible:
        doc.set_font("DejaVu", "B", 10)
        doc.multi_cell(width, 5, labels["implausible"], new_x="LMARGIN", new_y="NEXT")
        doc.set_font("DejaVu", "", 10)
        for warning in implausible:
            text = "• " + warning_text(warning, language)
            doc.multi_cell(width, 5, text, new_x="LMARGIN", new_y="NEXT")
        doc.ln(2)
    doc.set_font("DejaVu", "", 10)
    rows = [
        (labels["stations"], number(totals["stations"], 0, language)),
        (labels["registered"], number(totals["registered"], 0, language)),
        (labels["turnout"], percent(totals["turnout"], 2, language)),
        (labels["leader"], totals["leader"]),
        (labels["leader_share"], percent(totals["leader_share"], 2, language)),
        (labels["abroad"], number(totals["abroad"]["stations"], 0, language)),
        (labels["remote"], number(totals["remote_voting"]["stations"], 0, language)),
    ]
    with doc.table(col_widths=(60, 120), text_align=("LEFT", "LEFT")) as table:
        for key, value in rows:
            table.row((key, value))
    doc.ln(3)
    with doc.table(col_widths=(120, 35, 25), text_align=("LEFT", "RIGHT", "RIGHT")) as table:
        table.row((labels["parties"], labels["votes"], labels["share"]))
        for party in totals["parties"]:
            table.row(
                (
                    party["name"],
                    number(party["votes"], 0, language),
                    percent(party["share"], 2, language),
                )
            )

    for section in report_sections(data, language):
        doc.add_page()
        doc.set_font("DejaVu", "B", 13)
        doc.multi_cell(width, 7, section.title, new_x="LMARGIN", new_y="NEXT")
        doc.ln(1)
        doc.set_font("DejaVu", "", 10)
        for problem in section.problems:
            doc.multi_cell(width, 5, problem, new_x="LMARGIN", new_y="NEXT")
        if section.plot and section.plot in plots:
            doc.image(io.BytesIO(plots[section.plot]), w=width)
            doc.ln(2)
        doc.set_font("DejaVu", "B", 10)
        doc.multi_cell(width, 5, labels["what_shows"], new_x="LMARGIN", new_y="NEXT")
        doc.set_font("DejaVu", "", 10)
        doc.multi_cell(width, 5, section.shows, new_x="LMARGIN", new_y="NEXT")
        doc.ln(1)
        doc.set_font("DejaVu", "B", 10)
        doc.multi_cell(width, 5, labels["cannot_prove"], new_x="LMARGIN", new_y="NEXT")
        doc.set_font("DejaVu", "", 10)
        doc.multi_cell(width, 5, section.cannot_prove, new_x="LMARGIN", new_y="NEXT")
        doc.ln(2)
        doc.set_font("DejaVu", "", 8)
        for table_data in section.tables:
            doc.multi_cell(width, 5, table_data.caption, new_x="LMARGIN", new_y="NEXT")
            with doc.table(first_row_as_headings=True) as table:
                table.row(table_data.headers)
                for row in table_data.rows:
                    table.row([c["region"] if isinstance(c, dict) else str(c) for c in row])
            doc.ln(2)
    doc.set_font("DejaVu", "", 8)
    doc.multi_cell(width, 4, f"{election.source_name} · SHA-256 {election.source_sha256}")
    return bytes(doc.output())
