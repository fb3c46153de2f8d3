"""A self-contained HTML report: plots inline as SVG, no scripts, no external requests."""

from __future__ import annotations

import html
import re
from collections.abc import Mapping
from typing import TYPE_CHECKING

from horizont.forensics.explanations import LABELS, TERMS, explanation
from horizont.forensics.plots import PLOTS

if TYPE_CHECKING:
    from horizont.forensics.report import Report

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


def _fmt(value: float, digits: int = 0) -> str:
    if value != value:  # NaN
        return "–"
    return f"{value:,.{digits}f}".replace(",", "\u202f")


def _pct(value: float, digits: int = 2) -> str:
    if value != value:
        return "–"
    return f"{value * 100:.{digits}f}\u202f%"


def _p(value: float | None) -> str:
    if value is None or value != value:
        return "–"
    if value < 1e-4:
        return f"{value:.1e}"
    return f"{value:.4f}"


def _svg(data: bytes) -> str:
    text = data.decode("utf-8")
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


def _plot(report: Report, name: str, lang: str, drawn: Mapping[str, bytes] | None) -> str:
    svg = drawn[name] if drawn is not None and name in drawn else PLOTS[name](report, "svg", lang)
    return f'<div class="plot">{_svg(svg)}</div>'


def _term(key: str, lang: str) -> str:
    return TERMS.get(key, {}).get(lang, key)


def _findings(report: Report, labels: dict[str, str]) -> str:
    """A few plain sentences with the main numbers, before any table."""
    cell = report.integer.cell("either", "stations")
    ex = report.excess
    fp = report.fingerprint
    regions = ", ".join(r.region for r in report.regional.ranking[:4] if r.excess_voters > 0)
    items = [
        labels["finding_integer"].format(
            observed=_fmt(cell.observed),
            mean=_fmt(cell.null_mean),
            sd=_fmt(cell.null_sd),
            excess=_fmt(cell.excess),
            z=f"{cell.z:.1f}",
            p=_p(cell.p_value),
        ),
        labels["finding_excess"].format(
            estimate=f"{ex.excess_votes / 1e6:.1f}",
            low=f"{ex.range_low / 1e6:.1f}",
            high=f"{ex.range_high / 1e6:.1f}",
            total=f"{ex.leader_votes / 1e6:.1f}",
        ),
        labels["finding_fingerprint"].format(inc=_pct(fp.incremental, 0), ext=_pct(fp.extreme, 0)),
    ]
    if regions and report.region is None:
        items.insert(1, labels["finding_regions"].format(regions=regions))
    body = "".join(f"<li>{html.escape(item)}</li>" for item in items)
    return f"<h2>{labels['findings']}</h2><ul>{body}</ul>"


def _implausible(report: Report, labels: dict[str, str]) -> str:
    """Implausible figures, before anything else on the page."""
    found = [w for w in report.warnings if w.level == "implausible"]
    if not found:
        return ""
    items = "".join(f"<li>{html.escape(w.message)}</li>" for w in found)
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


def render_html(
    report: Report, lang: str = "en", *, drawn: Mapping[str, bytes] | None = None
) -> str:
    """The report as one HTML page in ``lang`` (en, ru, de or pl).

    ``drawn`` maps plot names to SVGs already drawn for ``lang`` (as the plot functions
    return them); plots missing from it are drawn here.
    """
    labels = LABELS.get(lang, LABELS["en"])
    t = report.totals
    e = html.escape
    parts: list[str] = [
        f'<!DOCTYPE html><html lang="{e(lang)}"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{e(labels['report'])}: {e(report.title)}</title>",
        f"<style>{_STYLE}</style></head><body>",
        f"<h1>{e(labels['report'])}: {e(report.title)}"
        f"{' — ' + e(report.region) if report.region else ''}</h1>",
        _implausible(report, labels),
        f"<h2>{labels['summary']}</h2><table>",
        f"<tr><th class=l>{labels['stations']}</th><td>{_fmt(t.stations)}</td></tr>",
        f"<tr><th class=l>{labels['registered']}</th><td>{_fmt(t.registered)}</td></tr>",
        f"<tr><th class=l>{labels['turnout']}</th><td>{_pct(t.turnout)}</td></tr>",
        f"<tr><th class=l>{labels['leader']}</th><td>{e(t.leader)}</td></tr>",
        f"<tr><th class=l>{labels['leader_share']}</th><td>{_pct(t.leader_share)}</td></tr>",
        f"<tr><th class=l>{labels['abroad']}</th><td>{_fmt(t.abroad_stations)}</td></tr>",
        f"<tr><th class=l>{labels['remote']}</th><td>{_fmt(t.remote_stations)}</td></tr>",
        "</table>",
        f"<table><tr><th class=l>{labels['parties']}</th><th>{labels['votes']}</th>"
        f"<th>{labels['share']}</th></tr>",
    ]
    for party in t.parties:
        parts.append(
            f"<tr><td class=l>{e(party.name)}</td><td>{_fmt(party.votes)}</td>"
            f"<td>{_pct(party.share)}</td></tr>"
        )
    parts.append("</table>")
    parts.append(_findings(report, labels))
    notes = [w for w in report.warnings if w.level != "implausible"]
    if notes:
        parts.append(f"<p class=note><strong>{labels['warnings']}:</strong> ")
        parts.append("; ".join(e(w.message) for w in notes) + "</p>")
    parts.append(_column_mapping(report, lang, labels))

    parts.append(_explain("comet", lang, labels))
    parts.append(_plot(report, "comet", lang, drawn))

    it = report.integer
    parts.append(_explain("integer", lang, labels))
    parts.append(_plot(report, "integer", lang, drawn))
    parts.append(
        f"<table><tr><th class=l>{labels['condition']}</th><th class=l>{labels['weight']}</th>"
        f"<th>{labels['observed']}</th><th>{labels['expected']}</th><th>{labels['excess']}</th>"
        f"<th>z</th><th>{labels['p_value']}</th></tr>"
    )
    for cell in it.cells:
        parts.append(
            f"<tr><td class=l>{e(_term(cell.condition, lang))}</td>"
            f"<td class=l>{e(_term(cell.weight, lang))}</td>"
            f"<td>{_fmt(cell.observed)}</td>"
            f"<td>{_fmt(cell.null_mean, 1)} ± {_fmt(cell.null_sd, 1)}</td>"
            f"<td>{_fmt(cell.excess, 1)}</td><td>{cell.z:.1f}</td>"
            f"<td>{_p(cell.p_value)}</td></tr>"
        )
    parts.append(
        f"</table><p class=note>{labels['method']}: {_fmt(it.n_stations)} "
        f"{e(_term('stations', lang))}; ±{it.window} pp; exact binomial null, "
        f"Monte Carlo {it.mc_draws} ({e(it.mc_method)}, seed {it.mc_seed}).</p>"
    )

    parts.append(_explain("regional", lang, labels))
    parts.append(_plot(report, "regional", lang, drawn))
    parts.append(
        f"<table><tr><th class=l>{labels['region']}</th><th>{labels['excess_voters']}</th>"
        f"<th>z</th></tr>"
    )
    for r in report.regional.ranking[:15]:
        parts.append(
            f"<tr><td class=l>{e(r.region)}</td><td>{_fmt(r.excess_voters)}</td>"
            f"<td>{r.z:.1f}</td></tr>"
        )
    parts.append("</table>")

    ex = report.excess
    parts.append(_explain("excess", lang, labels))
    parts.append(_plot(report, "excess", lang, drawn))
    parts.append(
        f"<table><tr><th class=l>{labels['estimate']}</th><td>{_fmt(ex.excess_votes)}</td></tr>"
        f"<tr><th class=l>{labels['range']}</th><td>{_fmt(ex.range_low)} – "
        f"{_fmt(ex.range_high)}</td></tr>"
        f"<tr><th class=l>{labels['turnout']} ({labels['clean']})</th>"
        f"<td>{_fmt(ex.clean_turnout, 1)}\u202f%</td></tr>"
        f"<tr><th class=l>{labels['share']} ({labels['clean']})</th>"
        f"<td>{_pct(ex.clean_share, 1)}</td></tr>"
        "</table>"
    )
    if ex.problems:
        parts.append(
            f"<p class=warn><strong>{labels['assumptions_fail']}:</strong> "
            + "; ".join(e(p) for p in ex.problems)
            + "</p>"
        )

    fp = report.fingerprint
    parts.append(_explain("fingerprint", lang, labels))
    parts.append(_plot(report, "fingerprint", lang, drawn))
    parts.append(
        f"<table><tr><th class=l>{labels['incremental']}</th><td>{_pct(fp.incremental, 1)}"
        f" [{_pct(fp.incremental_low, 1)}, {_pct(fp.incremental_high, 1)}]</td></tr>"
        f"<tr><th class=l>{labels['extreme']}</th><td>{_pct(fp.extreme, 1)}"
        f" [{_pct(fp.extreme_low, 1)}, {_pct(fp.extreme_high, 1)}]</td></tr></table>"
    )

    c = report.correlation
    parts.append(_explain("correlation", lang, labels))
    parts.append(
        f"<table><tr><th class=l>r</th><td>{c.pearson_r:.3f}</td></tr>"
        f"<tr><th class=l>slope</th><td>{c.slope:.3f}</td></tr></table>"
    )

    parts.append(_explain("digits", lang, labels))
    parts.append(
        f"<table><tr><th class=l>{labels['test']}</th><th class=l></th>"
        f"<th>{labels['value']}</th><th>{labels['expected']}</th>"
        f"<th>{labels['interval']}</th></tr>"
    )
    for d in report.digits.tests:
        parts.append(
            f"<tr><td class=l>{e(_term(d.name, lang))}</td>"
            f"<td class=l>{e(_term(d.series, lang))}</td>"
            f"<td>{d.value:.3f}</td><td>{d.expected:.3f}</td>"
            f"<td>{d.low:.3f} – {d.high:.3f}</td></tr>"
        )
    parts.append("</table>")

    parts.append(_explain("flags", lang, labels))
    parts.append(f"<table><tr><th class=l>{labels['flag']}</th><th>{labels['count']}</th></tr>")
    for name, count in report.flags.totals.items():
        parts.append(f"<tr><td class=l>{e(_term(name, lang))}</td><td>{_fmt(count)}</td></tr>")
    parts.append("</table>")
    parts.append(f"<p class=note>{e(report.source)}</p></body></html>")
    return "".join(parts)
