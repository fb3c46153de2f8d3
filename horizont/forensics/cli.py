"""Command line: ``horizont forensics analyze PATH [--region NAME] [--mc N] [--seed S]
[--json OUT] [--html OUT] [--lang ru|en|de|pl]``.

The project's ``horizont forensics`` command calls :func:`main`; so does
``python -m horizont.forensics``.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from horizont.forensics.excess import MAX_PEAK, MIN_PEAK
from horizont.forensics.model import ForensicsInputError


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="horizont forensics",
        description="Statistical forensics of official polling-station results.",
    )
    commands = parser.add_subparsers(dest="command", required=True)
    analyze = commands.add_parser(
        "analyze", help="run every test on a results file and print a summary"
    )
    analyze.add_argument("path", type=Path, help="results file: CSV, CSV in ZIP, or Parquet")
    analyze.add_argument("--region", help="analyse only this region (name or part of it)")
    analyze.add_argument("--mc", type=int, default=1000, metavar="N", help="Monte Carlo draws")
    analyze.add_argument("--seed", type=int, default=0, metavar="S", help="random seed")
    analyze.add_argument(
        "--mc-method",
        choices=("bernoulli", "binomial"),
        default="bernoulli",
        help="Monte Carlo: draw each station's indicators from their exact probabilities "
        "(fast) or redraw its counts from binomials as the published code does",
    )
    analyze.add_argument(
        "--null",
        choices=("independent", "conditional"),
        default="independent",
        help="integer-test null: leader votes redrawn from the ballots in the boxes (as "
        "published) or from the redrawn ballots issued (slow)",
    )
    analyze.add_argument(
        "--bootstrap", type=int, default=30, metavar="B", help="fingerprint bootstrap resamples"
    )
    analyze.add_argument("--json", type=Path, metavar="OUT", help="write the report as JSON")
    analyze.add_argument("--html", type=Path, metavar="OUT", help="write a self-contained HTML")
    analyze.add_argument(
        "--lang", choices=("en", "ru", "de", "pl"), default="en", help="language of the HTML"
    )
    analyze.add_argument("--quiet", action="store_true", help="no progress bar")
    return parser


class _Bar:
    """One tqdm progress bar on stderr over the report's steps (Monte Carlo as postfix)."""

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled
        self.bar: Any = None

    def __call__(self, step: str, done: int, total: int) -> None:
        if not self.enabled:
            return
        from tqdm import tqdm

        if self.bar is None:
            self.bar = tqdm(total=9, desc="reading", file=sys.stderr, leave=False)
        if "Monte Carlo" in step:
            self.bar.set_postfix_str(f"Monte Carlo {done}/{total}", refresh=True)
            return
        offset = 0 if step == "reading" else 1
        self.bar.set_description(step)
        self.bar.n = done + offset
        self.bar.set_postfix_str("")
        self.bar.refresh()

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()
            self.bar = None


def _summary(report: Any) -> str:
    t = report.totals
    lines = [f"IMPLAUSIBLE: {w.message}" for w in report.warnings if w.level == "implausible"]
    lines += [
        f"{report.title}{' — ' + report.region if report.region else ''}",
        f"stations {t.stations:,}  registered {t.registered:,}  turnout {t.turnout:.2%}",
        f"leader {t.leader}: {t.leader_share:.2%} of ballots in the boxes",
    ]
    it = report.integer
    lines.append(
        f"integer test ({it.n_stations:,} stations after the 2016 filter): "
        f"turnout {int(it.integer_turnout.sum()):,}, share {int(it.integer_share.sum()):,}, "
        f"either {int((it.integer_turnout | it.integer_share).sum()):,}"
    )
    for condition in ("turnout", "share", "either"):
        c = it.cell(condition, "stations")
        mc = f", MC mean {c.mc_mean:,.1f}" if c.mc_mean is not None else ""
        lines.append(
            f"  {condition:8s} observed {c.observed:,.0f}  null {c.null_mean:,.1f} ± "
            f"{c.null_sd:,.1f}  excess {c.excess:,.1f}  z {c.z:.1f}  p {c.p_value:.2g}{mc}"
        )
    top = ", ".join(f"{r.region} {r.excess_voters:,}" for r in report.regional.ranking[:5])
    lines.append(f"regions with most voters at integer turnout: {top}")
    ex = report.excess
    lines.append(
        f"excess votes for the leader: {ex.excess_votes / 1e6:.2f} million "
        f"(range {ex.range_low / 1e6:.2f}–{ex.range_high / 1e6:.2f}); clean turnout "
        f"{ex.clean_turnout:.1f}%, clean share {ex.clean_share:.1%}"
    )
    for problem in ex.problems:
        lines.append(f"  the estimate's assumptions fail: {problem}")
    fp = report.fingerprint
    if fp.peak_found:
        lines.append(
            f"fingerprint: incremental fraud {fp.incremental:.3f} "
            f"[{fp.incremental_low:.3f}, {fp.incremental_high:.3f}], extreme {fp.extreme:.3f} "
            f"[{fp.extreme_low:.3f}, {fp.extreme_high:.3f}]"
        )
    else:
        lines.append(
            f"fingerprint: not estimated (no clean turnout peak between {MIN_PEAK:.0f} and "
            f"{MAX_PEAK:.0f} %)"
        )
    for w in report.warnings:
        if w.level != "implausible":
            lines.append(f"note: {w.message}")
    used = [m for m in report.column_mapping if m.used and m.line != "parties"]
    if used:
        lines.append("columns used: " + "; ".join(f"{m.label} = {_short(m.columns)}" for m in used))
    return "\n".join(lines)


def _short(columns: tuple[str, ...]) -> str:
    return " + ".join(repr(" ".join(c.split())) for c in columns[:1])


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the exit code (0 ok, 1 bad input, 2 usage)."""
    args = _parser().parse_args(argv)
    from horizont.forensics.io import read_results
    from horizont.forensics.report import build_report, report_to_json

    bar = _Bar(enabled=not args.quiet)
    try:
        bar("reading", 0, 1)
        results = read_results(args.path)
        bar("reading", 1, 1)
        report = build_report(
            results,
            region=args.region,
            mc_draws=args.mc,
            seed=args.seed,
            mc_method=args.mc_method,
            fingerprint_bootstrap=args.bootstrap,
            null=args.null,
            progress=bar,
        )
    except ForensicsInputError as err:
        bar.close()
        print(f"error: {err}", file=sys.stderr)
        return 1
    except ValueError as err:
        bar.close()
        print(f"error: {err}", file=sys.stderr)
        return 2
    bar.close()
    print(_summary(report))
    if args.json:
        args.json.write_text(
            json.dumps(report_to_json(report), ensure_ascii=False, indent=1), encoding="utf-8"
        )
        print(f"JSON written to {args.json}")
    if args.html:
        from horizont.forensics.html import render_html

        args.html.write_text(render_html(report, args.lang), encoding="utf-8")
        print(f"HTML written to {args.html}")
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
