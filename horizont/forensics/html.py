"""A self-contained HTML report: plots inline as SVG, no scripts, no external requests."""

from __future__ import annotations

import html
import re
from collections.abc import Mapping

from horizont.forensics.excess import MAX_PEAK, MIN_PEAK
from horizont.forensics.explanations import LABELS, TERMS, explanation
from horizont.forensics.plots import PLOTS
from horizont.forensics.report import Report, report_to_json
from horizont.forensics.sections import (
    Section,
    Table,
    number,
    p_value,
    percent,
    report_sections,
    warning_text,
)

_STYLE = """
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;max-width:60rem;
margin:2rem auto;padding:0 1rem;color:#222;line-height:1.45}
h1{font-size:1.6rem}h2{font-size:1.25rem;margin-top:2.5rem;border-bottom:1px solid #ddd}
table{border-collapse:collapse;margin:.8rem 0;font-size:.9rem}
td,th{border:1px solid #ddd;padding:.25rem .5rem;text-align:right}
th{background:#f4f4f4}td.l,th.l{text-align:left}
.explain{display:flex;gap:1rem;flex-wrap:wrap}
.explain div{flex:1 1 20rem;padding:.6rem .8rem;border-radius:.3rem}
.shows{background:#eef6ee}.cannot{background:#fbf0e6}
.plot svg{max-width:100%;height:auto}
.note{color:#666;font-size:.85rem}
.warn{background:#fdecea;border-left:4px solid #b3261e;padding:.5rem .8rem}
"""


def _svg(text: str) -> str:
    start = text.find("<svg")
    text = re.sub(r"<metadata>.*?</metadata>", "", text[start:], flags=re.S)
    return re.sub(r"<!--.*?-->", "", text, flags=re.S)


def _explain(test_id: str, lang: str, labels: dict[str, str]) -> str:
    e = explanation(test_id, lang)
    return (
        f"<h2>{html.escape(e.title)}</h2>"
        f'<div class="explain"><div class="shows"><strong>{labels["what_shows"]}.</strong> '
        f"{html.escape(e.shows)}</div>"
        f'<div class="cannot"><strong>{labels["cannot_prove"]}.</strong> '
        f"{html.escape(e.cannot_prove)}</div></div>"
    )


def _plot(report: Report, name: str, lang: str, drawn: Mapping[str, str] | None) -> str:
    svg = drawn[name] if drawn is not None and name in drawn else PLOTS[name](report, lang)
    return f'<div class="plot">{_svg(svg)}</div>'


def _term(key: str, lang: str) -> str:
    return TERMS.get(key, {}).get(lang, key)


def _findings(report: Report, lang: str, labels: dict[str, str]) -> str:
    """A few plain sentences with the main numbers, before any table."""
    cell = report.integer.cell("either", "stations")
    ex = report.excess
    fp = report.fingerprint
    regions = ", ".join(r.region for r in report.regional.ranking[:4] if r.excess_voters > 0)
    items = [
        labels["finding_integer"].format(
            observed=number(cell.observed, 0, lang),
            mean=number(cell.null_mean, 0, lang),
            sd=number(cell.null_sd, 0, lang),
            excess=number(cell.excess, 0, lang),
            z=number(cell.z, 1, lang),
            p=p_value(cell.p_value, lang),
        ),
        labels["finding_excess"].format(
            estimate=number(ex.excess_votes / 1e6, 1, lang),
            low=number(ex.range_low / 1e6, 1, lang),
            high=number(ex.range_high / 1e6, 1, lang),
            total=number(ex.leader_votes / 1e6, 1, lang),
        ),
        labels["finding_fingerprint"].format(
            inc=percent(fp.incremental, 0, lang), ext=percent(fp.extreme, 0, lang)
        )
        if fp.peak_found
        else labels["finding_fingerprint_none"].format(
            low=number(MIN_PEAK, 0, lang), high=number(MAX_PEAK, 0, lang)
        ),
    ]
    if regions and report.region is None:
        items.insert(1, labels["finding_regions"].format(regions=regions))
    if ex.problems:
        items.insert(-1, f"{labels['assumptions_fail']}: " + "; ".join(ex.problems))
    body = "".join(f"<li>{html.escape(item)}</li>" for item in items)
    return f"<h2>{labels['findings']}</h2><ul>{body}</ul>"


def _implausible(report: Report, lang: str, labels: dict[str, str]) -> str:
    """Implausible figures, before anything else on the page."""
    found = [w for w in report.warnings if w.level == "implausible"]
    if not found:
        return ""
    items = "".join(f"<li>{html.escape(warning_text(w.to_dict(), lang))}</li>" for w in found)
    title = labels["implausible"]
    return f'<div class="warn" role="alert"><strong>{title}</strong><ul>{items}</ul></div>'


def _column_mapping(report: Report, lang: str, labels: dict[str, str]) -> str:
    """Which file column the reader used for each protocol line."""
    shown = [m for m in report.column_mapping if m.columns or m.required]
    if not shown:
        return ""
    rows = "".join(
        f"<tr><td class=l>{html.escape(_term(m.label, lang))}</td><td class=l>"
        + (
            html.escape("; ".join(" ".join(c.split()) for c in m.columns))
            if m.columns
            else f"<em>{labels['not_matched']}</em>"
        )
        + "</td></tr>"
        for m in shown
        if m.line != "absentee"
    )
    return (
        f"<h2>{labels['column_mapping']}</h2><table><tr><th class=l>{labels['protocol_line']}"
        f"</th><th class=l>{labels['file_column']}</th></tr>{rows}</table>"
    )


def _table(table: Table) -> str:
    e = html.escape
    head = "".join(
        f"<th{' class=l' if i < 1 else ''}>{e(h)}</th>" for i, h in enumerate(table.headers)
    )
    body = []
    for row in table.rows:
        cells = []
        for i, cell in enumerate(row):
            value = cell["region"] if isinstance(cell, dict) else cell
            cells.append(f"<td{' class=l' if i == 0 else ''}>{e(str(value))}</td>")
        body.append("<tr>" + "".join(cells) + "</tr>")
    return f"<table><caption>{e(table.caption)}</caption><tr>{head}</tr>{''.join(body)}</table>"


def _section(section: Section, report: Report, lang: str, drawn: Mapping[str, str] | None) -> str:
    labels = LABELS.get(lang, LABELS["en"])
    parts = [_explain(section.id, lang, labels)]
    parts += [f"<p class=warn>{html.escape(p)}</p>" for p in section.problems]
    if section.plot:
        parts.append(_plot(report, section.plot, lang, drawn))
    parts += [_table(t) for t in section.tables]
    return "".join(parts)


def _summary(report: Report, lang: str, labels: dict[str, str]) -> str:
    t = report.totals
    e = html.escape
    rows = [
        (labels["stations"], number(t.stations, 0, lang)),
        (labels["registered"], number(t.registered, 0, lang)),
        (labels["turnout"], percent(t.turnout, 2, lang)),
        (labels["leader"], t.leader),
        (labels["leader_share"], percent(t.leader_share, 2, lang)),
        (labels["abroad"], number(t.abroad_stations, 0, lang)),
        (labels["remote"], number(t.remote_stations, 0, lang)),
    ]
    parts = [f"<h2>{labels['summary']}</h2><table>"]
    parts += [f"<tr><th class=l>{k}</th><td>{e(v)}</td></tr>" for k, v in rows]
    parts.append(
        f"</table><table><tr><th class=l>{labels['parties']}</th><th>{labels['votes']}</th>"
        f"<th>{labels['share']}</th></tr>"
    )
    parts += [
        f"<tr><td class=l>{e(p.name)}</td><td>{number(p.votes, 0, lang)}</td>"
        f"<td>{percent(p.share, 2, lang)}</td></tr>"
        for p in t.parties
    ]
    parts.append("</table>")
    return "".join(parts)


def render_html(report: Report, lang: str = "en", *, drawn: Mapping[str, str] | None = None) -> str:
    """The report as one HTML page in ``lang`` (en, ru, de or pl).

    ``drawn`` maps plot names to SVGs already drawn for ``lang`` (as the plot functions
    return them); plots missing from it are drawn here. The tests' sections are the
    same as on the web report and in its PDF (``horizont.forensics.sections``).
    """
    labels = LABELS.get(lang, LABELS["en"])
    e = html.escape
    title = f"{e(labels['report'])}: {e(report.title)}"
    parts: list[str] = [
        f'<!DOCTYPE html><html lang="{e(lang)}"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{title}</title><style>{_STYLE}</style></head><body>",
        f"<h1>{title}{' — ' + e(report.region) if report.region else ''}</h1>",
        _implausible(report, lang, labels),
        _summary(report, lang, labels),
        _findings(report, lang, labels),
    ]
    notes = [w for w in report.warnings if w.level != "implausible"]
    if notes:
        parts.append(f"<p class=note><strong>{labels['warnings']}:</strong> ")
        parts.append("; ".join(e(warning_text(w.to_dict(), lang)) for w in notes) + "</p>")
    parts.append(_column_mapping(report, lang, labels))
    data = report_to_json(report, include_histograms=False)
    parts += [_section(s, report, lang, drawn) for s in report_sections(data, lang)]
    it = report.integer
    parts.append(
        f"<p class=note>{labels['method']}: {number(it.n_stations, 0, lang)} "
        f"{e(_term('stations', lang))}; ±{it.window} pp; exact binomial null, "
        f"Monte Carlo {it.mc_draws} ({e(it.mc_method)}, seed {it.mc_seed}).</p>"
    )
    parts.append(f"<p class=note>{e(report.source)}</p></body></html>")
    return "".join(parts)
