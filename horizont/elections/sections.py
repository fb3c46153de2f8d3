"""The forensic report as page sections: explanation, plot and a table of key numbers.

Built from the stored JSON (``report_to_json``) so that pages never need the engine's
in-memory report; explanations come from the engine in the interface language.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.utils.formats import number_format
from django.utils.translation import gettext as _

from horizont.elections.flags import engine_language
from horizont.forensics.explanations import LABELS, TERMS, explanation

PLOTTED = ("comet", "integer", "regional", "excess", "fingerprint")


@dataclass
class Table:
    caption: str
    headers: list[str]
    rows: list[list[Any]] = field(default_factory=list)


@dataclass
class Section:
    id: str
    title: str
    shows: str
    cannot_prove: str
    plot: str | None
    tables: list[Table] = field(default_factory=list)
    #: assumptions of the test that fail on this election (shown above its numbers)
    problems: list[str] = field(default_factory=list)


def number(value: Any, digits: int = 0) -> str:
    if value is None:
        return "–"
    return number_format(round(float(value), digits), digits, force_grouping=True)


def percent(value: Any, digits: int = 2) -> str:
    if value is None:
        return "–"
    return f"{number_format(float(value) * 100, digits)} %"


def p_value(value: Any) -> str:
    if value is None:
        return "–"
    if value < 1e-4:
        return f"{value:.1e}"
    return number_format(value, 4)


def _term(key: str, language: str) -> str:
    return TERMS.get(key, {}).get(language, key)


def _digit_names() -> dict[str, str]:
    return {
        "second_digit_mean": _("mean of second digits"),
        "last_digit_mean": _("mean of last digits"),
        "last_digit_0_or_5": _("share of counts ending in 0 or 5"),
        "leader": _("leader's votes"),
        "all_parties": _("votes of all parties"),
    }


def report_sections(data: dict[str, Any], language: str) -> list[Section]:
    """Every test of a stored report, ready for the report template."""
    labels = LABELS.get(language, LABELS["en"])

    def section(test_id: str) -> Section:
        text = explanation(test_id, language)
        return Section(
            id=test_id,
            title=text.title,
            shows=text.shows,
            cannot_prove=text.cannot_prove,
            plot=test_id if test_id in PLOTTED else None,
        )

    out = [section("comet")]

    integer = data["integer_test"]
    s = section("integer")
    table = Table(
        caption=_("Stations with round percentages against chance (%(n)s stations tested)")
        % {"n": number(integer["stations_tested"])},
        headers=[
            labels["condition"],
            labels["weight"],
            labels["observed"],
            labels["expected"],
            labels["excess"],
            "z",
            labels["p_value"],
        ],
    )
    for condition, weights in integer["cells"].items():
        for weight, cell in weights.items():
            table.rows.append(
                [
                    _term(condition, language),
                    _term(weight, language),
                    number(cell["observed"]),
                    f"{number(cell['null_mean'], 1)} ± {number(cell['null_sd'], 1)}",
                    number(cell["excess"], 1),
                    number(cell["z"], 1),
                    p_value(cell["p"]),
                ]
            )
    s.tables.append(table)
    out.append(s)

    s = section("regional")
    table = Table(
        caption=_("Regions with the most voters at whole-percent turnout"),
        headers=[labels["region"], labels["excess_voters"], "z"],
    )
    for row in data["regional_test"]["ranking"][:15]:
        table.rows.append(
            [{"region": row["region"]}, number(row["excess_voters"]), number(row["z"], 1)]
        )
    s.tables.append(table)
    out.append(s)

    ex = data["excess_votes"]
    s = section("excess")
    s.tables.append(
        Table(
            caption=_("Excess votes for %(leader)s") % {"leader": ex["leader"]},
            headers=[_("Quantity"), labels["value"]],
            rows=[
                [labels["estimate"], number(ex["estimate"])],
                [labels["range"], f"{number(ex['range'][0])} – {number(ex['range'][1])}"],
                [_("Turnout at the clean peak"), percent(ex["clean_turnout"], 1)],
                [_("Leader's share at the clean peak"), percent(ex["clean_share"], 1)],
            ],
        )
    )
    if ex.get("problems"):
        s.problems = [labels["assumptions_fail"] + ": " + p for p in ex["problems"]]
    out.append(s)

    fp = data["fingerprint"]
    s = section("fingerprint")
    s.tables.append(
        Table(
            caption=_("Fitted fractions of stations (95% bootstrap interval)"),
            headers=[_("Quantity"), labels["estimate"], labels["interval"]],
            rows=[
                [
                    labels[key],
                    percent(fp[field_name]["estimate"], 1),
                    f"{percent(fp[field_name]['low'], 1)} – {percent(fp[field_name]['high'], 1)}",
                ]
                for key, field_name in (
                    ("incremental", "incremental_fraud"),
                    ("extreme", "extreme_fraud"),
                )
            ],
        )
    )
    out.append(s)

    corr = data["correlation"]
    s = section("correlation")
    s.tables.append(
        Table(
            caption=_("Turnout against the leader's share"),
            headers=[_("Quantity"), labels["value"]],
            rows=[
                [_("Correlation coefficient r"), number(corr.get("pearson_r"), 3)],
                [_("Voter-weighted r"), number(corr.get("weighted_r"), 3)],
                [_("Regression slope"), number(corr.get("slope"), 3)],
            ],
        )
    )
    out.append(s)

    names = _digit_names()
    s = section("digits")
    table = Table(
        caption=_("Digit tests with bootstrap intervals"),
        headers=[
            labels["test"],
            _("Counts of"),
            labels["value"],
            labels["expected"],
            labels["interval"],
        ],
    )
    for d in data["digit_tests"]:
        table.rows.append(
            [
                names.get(d["test"], d["test"]),
                names.get(d["series"], d["series"]),
                number(d["value"], 3),
                number(d["expected"], 3),
                f"{number(d['low'], 3)} – {number(d['high'], 3)}",
            ]
        )
    s.tables.append(table)
    out.append(s)

    s = section("flags")
    flags = data["flags"]
    table = Table(
        caption=_("Flagged polling stations: %(n)s") % {"n": number(flags["flagged_stations"])},
        headers=[labels["flag"], labels["count"]],
        rows=[[_term(name, language), number(count)] for name, count in flags["totals"].items()],
    )
    s.tables.append(table)
    out.append(s)
    return out


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
