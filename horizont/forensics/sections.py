"""The report's sections, built once for every output.

A section is one test: its explanation (what it shows, what it cannot prove), its plot
and tables whose numbers are already formatted for the language. The engine's HTML
page, the web report and its PDF all render these sections; none builds its own tables.
Sections are built from the report's JSON form (``report_to_json``), so that a stored
report can be shown without running the engine again.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

from horizont.forensics.excess import MAX_PEAK, MIN_PEAK
from horizont.forensics.explanations import LABELS, TERMS, explanation, translate

PLOTTED = ("comet", "integer", "regional", "excess", "fingerprint")

#: Thousands and decimal separators per language (as Django's formats for these locales).
SEPARATORS = {"en": (",", "."), "ru": ("\u00a0", ","), "de": (".", ","), "pl": ("\u00a0", ",")}


@dataclass
class Table:
    caption: str
    headers: list[str]
    #: cells are formatted strings; the first cell of a region row is ``{"region": name}``
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


def tr(msgid: str, lang: str) -> str:
    """An English source string (extracted as ``tr("…")``) in ``lang``."""
    return translate(msgid, lang)


def text(msgid: str, lang: str) -> str:
    """A caption (English source, extracted as ``t("…")``) in ``lang``."""
    return translate(msgid, lang)


def _missing(value: Any) -> bool:
    return value is None or (isinstance(value, float) and not math.isfinite(value))


def number(value: Any, digits: int = 0, lang: str = "en") -> str:
    """``value`` with the language's thousands and decimal separators; "–" when missing."""
    if _missing(value):
        return "–"
    thousands, decimal = SEPARATORS.get(lang, SEPARATORS["en"])
    formatted = f"{float(value):,.{digits}f}"
    return formatted.replace(",", "\x00").replace(".", decimal).replace("\x00", thousands)


def percent(value: Any, digits: int = 2, lang: str = "en") -> str:
    """A fraction as a percentage (0.5172 → "51.72 %")."""
    if _missing(value):
        return "–"
    return f"{number(float(value) * 100, digits, lang)}\u00a0%"


def p_value(value: Any, lang: str = "en") -> str:
    if _missing(value):
        return "–"
    if value < 1e-4:
        return f"{value:.1e}"
    return number(value, 4, lang)


def warning_text(warning: dict[str, Any], lang: str) -> str:
    """A reader's warning (its JSON form) in ``lang``; its English text for other codes."""
    p = warning.get("params") or {}
    code = warning.get("code")
    try:
        if code == "implausible_turnout":
            return tr(
                "Overall turnout %(turnout)s lies outside %(low)s–%(high)s: a ballots-issued "
                "line was probably misread; check the column mapping.",
                lang,
            ) % {
                "turnout": percent(p["turnout"], 2, lang),
                "low": percent(p["low"], 0, lang),
                "high": percent(p["high"], 0, lang),
            }
        if code == "issued_below_cast":
            return tr(
                "%(stations)s stations (%(share)s) report fewer ballots issued than ballots "
                "in the boxes.",
                lang,
            ) % {"stations": number(p["stations"], 0, lang), "share": percent(p["share"], 1, lang)}
        if code == "parties_not_valid":
            return tr(
                "The party columns do not add up to the valid ballots at %(share)s of "
                "stations: a party column may be missing or a protocol line taken for a "
                "party; check the column mapping.",
                lang,
            ) % {"share": percent(p["share"], 1, lang)}
        if code == "ambiguous_columns":
            return tr(
                "Several columns match the protocol line “%(line)s”; the first was used: "
                "%(columns)s.",
                lang,
            ) % {"line": _term(p["line"], lang), "columns": p["columns"]}
        if code == "unrecognised_columns":
            return tr(
                "Columns that look like protocol lines but were not recognised (left out): "
                "%(columns)s.",
                lang,
            ) % {"columns": p["columns"]}
    except (KeyError, TypeError):
        pass
    return str(warning.get("message", ""))


def _term(key: str, lang: str) -> str:
    return TERMS.get(key, {}).get(lang, key)


class _Builder:
    """Builds the sections of one report in one language."""

    def __init__(self, data: dict[str, Any], lang: str) -> None:
        self.data = data
        self.lang = lang
        self.labels = LABELS.get(lang, LABELS["en"])

    def section(self, test_id: str) -> Section:
        e = explanation(test_id, self.lang)
        plot = test_id if test_id in PLOTTED else None
        return Section(test_id, e.title, e.shows, e.cannot_prove, plot)

    def num(self, value: Any, digits: int = 0) -> str:
        return number(value, digits, self.lang)

    def pct(self, value: Any, digits: int = 2) -> str:
        return percent(value, digits, self.lang)

    def tr(self, msgid: str) -> str:
        return text(msgid, self.lang)

    def integer(self) -> Section:
        integer, labels = self.data["integer_test"], self.labels
        s = self.section("integer")
        table = Table(
            caption=self.tr(
                "Stations with round percentages against chance (%(n)s stations tested)"
            )
            % {"n": self.num(integer["stations_tested"])},
            headers=[
                labels["condition"], labels["weight"], labels["observed"],
                labels["expected"], labels["excess"], "z", labels["p_value"],
            ],
        )  # fmt: skip
        for condition, weights in integer["cells"].items():
            for weight, cell in weights.items():
                table.rows.append(
                    [
                        _term(condition, self.lang),
                        _term(weight, self.lang),
                        self.num(cell["observed"]),
                        f"{self.num(cell['null_mean'], 1)} ± {self.num(cell['null_sd'], 1)}",
                        self.num(cell["excess"], 1),
                        self.num(cell["z"], 1),
                        p_value(cell["p"], self.lang),
                    ]
                )
        s.tables.append(table)
        return s

    def regional(self) -> Section:
        s = self.section("regional")
        table = Table(
            caption=self.tr("Regions with the most voters at whole-percent turnout"),
            headers=[self.labels["region"], self.labels["excess_voters"], "z"],
        )
        for row in self.data["regional_test"]["ranking"][:15]:
            table.rows.append(
                [{"region": row["region"]}, self.num(row["excess_voters"]), self.num(row["z"], 1)]
            )
        s.tables.append(table)
        return s

    def excess(self) -> Section:
        ex, labels = self.data["excess_votes"], self.labels
        s = self.section("excess")
        s.tables.append(
            Table(
                caption=self.tr("Excess votes for %(leader)s") % {"leader": ex["leader"]},
                headers=[self.tr("Quantity"), labels["value"]],
                rows=[
                    [labels["estimate"], self.num(ex["estimate"])],
                    [labels["range"], f"{self.num(ex['range'][0])} – {self.num(ex['range'][1])}"],
                    [self.tr("Turnout at the clean peak"), self.pct(ex["clean_turnout"], 1)],
                    [self.tr("Leader's share at the clean peak"), self.pct(ex["clean_share"], 1)],
                ],
            )
        )
        s.problems = [f"{labels['assumptions_fail']}: {p}" for p in ex.get("problems", [])]
        return s

    def fingerprint(self) -> Section:
        fp, labels = self.data["fingerprint"], self.labels
        s = self.section("fingerprint")
        if not fp.get("peak_found", True):
            s.problems = [
                labels["finding_fingerprint_none"].format(
                    low=self.num(MIN_PEAK), high=self.num(MAX_PEAK)
                )
            ]
            return s
        rows = []
        for key, name in (("incremental", "incremental_fraud"), ("extreme", "extreme_fraud")):
            low, high = self.pct(fp[name]["low"], 1), self.pct(fp[name]["high"], 1)
            rows.append([labels[key], self.pct(fp[name]["estimate"], 1), f"{low} – {high}"])
        s.tables.append(
            Table(
                caption=self.tr("Fitted fractions of stations (95% bootstrap interval)"),
                headers=[self.tr("Quantity"), labels["estimate"], labels["interval"]],
                rows=rows,
            )
        )
        return s

    def correlation(self) -> Section:
        corr = self.data["correlation"]
        s = self.section("correlation")
        s.tables.append(
            Table(
                caption=self.tr("Turnout against the leader's share"),
                headers=[self.tr("Quantity"), self.labels["value"]],
                rows=[
                    [self.tr("Correlation coefficient r"), self.num(corr.get("pearson_r"), 3)],
                    [self.tr("Voter-weighted r"), self.num(corr.get("weighted_r"), 3)],
                    [self.tr("Regression slope"), self.num(corr.get("slope"), 3)],
                ],
            )
        )
        return s

    def digits(self) -> Section:
        labels = self.labels
        names = {
            "second_digit_mean": self.tr("mean of second digits"),
            "last_digit_mean": self.tr("mean of last digits"),
            "last_digit_0_or_5": self.tr("share of counts ending in 0 or 5"),
            "leader": self.tr("leader's votes"),
            "all_parties": self.tr("votes of all parties"),
        }
        s = self.section("digits")
        table = Table(
            caption=self.tr("Digit tests with bootstrap intervals"),
            headers=[
                labels["test"], self.tr("Counts of"), labels["value"],
                labels["expected"], labels["interval"],
            ],
        )  # fmt: skip
        for d in self.data["digit_tests"]:
            table.rows.append(
                [
                    names.get(d["test"], d["test"]),
                    names.get(d["series"], d["series"]),
                    self.num(d["value"], 3),
                    self.num(d["expected"], 3),
                    f"{self.num(d['low'], 3)} – {self.num(d['high'], 3)}",
                ]
            )
        s.tables.append(table)
        return s

    def flags(self) -> Section:
        flags = self.data["flags"]
        s = self.section("flags")
        s.tables.append(
            Table(
                caption=self.tr("Flagged polling stations: %(n)s")
                % {"n": self.num(flags["flagged_stations"])},
                headers=[self.labels["flag"], self.labels["count"]],
                rows=[
                    [_term(name, self.lang), self.num(count)]
                    for name, count in flags["totals"].items()
                ],
            )
        )
        return s


def report_sections(data: dict[str, Any], lang: str) -> list[Section]:
    """Every test of a report (its JSON form) as sections in ``lang``."""
    b = _Builder(data, lang)
    return [
        b.section("comet"),
        b.integer(),
        b.regional(),
        b.excess(),
        b.fingerprint(),
        b.correlation(),
        b.digits(),
        b.flags(),
    ]
