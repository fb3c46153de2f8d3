"""Election forensics engine: read polling-station results, run the statistical tests of
election forensics, and draw their plots. Never imports Django.

Public API (dataclasses in, dataclasses out; numpy columns)::

    results = read_results(path)                      # Results, or ForensicsInputError
    report = build_report(results, region=None, mc_draws=1000, seed=0, progress=None)
    data = report_to_json(report)                     # plain JSON (docs/forensics.md)
    page = render_html(report, "ru")                  # self-contained HTML
    svg = plot_comet(report, "en")                    # SVG text; also plot_integer_peaks, ...

Each analysis is also available on its own: ``integer_test``, ``regional_test``,
``excess_votes``, ``fingerprint``, ``digit_tests``, ``distributions``, ``correlation``,
``station_flags``. ``EXPLANATIONS`` holds the plain-language texts in en/ru/de/pl.
"""

from horizont.forensics.digits import DigitTests, digit_tests
from horizont.forensics.distributions import Correlation, Distributions, correlation, distributions
from horizont.forensics.excess import ExcessVotes, excess_votes
from horizont.forensics.explanations import EXPLANATIONS, LABELS, LANGUAGES, explanation
from horizont.forensics.fingerprint import Fingerprint, fingerprint
from horizont.forensics.flags import StationFlags, station_flags
from horizont.forensics.html import render_html
from horizont.forensics.integer import (
    IntegerCell,
    IntegerTest,
    StationFilter,
    integer_probability,
    integer_test,
    is_integer_percent,
)
from horizont.forensics.io import ColumnMapping, read_results
from horizont.forensics.model import ForensicsInputError, InputWarning, Results
from horizont.forensics.plots import (
    plot_comet,
    plot_excess,
    plot_fingerprint,
    plot_integer_peaks,
    plot_regions,
)
from horizont.forensics.regional import RegionalTest, RegionScore, regional_test
from horizont.forensics.report import (
    SCHEMA,
    Report,
    Totals,
    build_report,
    flagged_stations_csv,
    match_region,
    report_to_json,
    totals,
)

__all__ = [
    "EXPLANATIONS",
    "LABELS",
    "LANGUAGES",
    "SCHEMA",
    "ColumnMapping",
    "Correlation",
    "DigitTests",
    "Distributions",
    "ExcessVotes",
    "Fingerprint",
    "ForensicsInputError",
    "InputWarning",
    "IntegerCell",
    "IntegerTest",
    "RegionScore",
    "RegionalTest",
    "Report",
    "Results",
    "StationFilter",
    "StationFlags",
    "Totals",
    "build_report",
    "correlation",
    "digit_tests",
    "distributions",
    "excess_votes",
    "explanation",
    "fingerprint",
    "flagged_stations_csv",
    "integer_probability",
    "integer_test",
    "is_integer_percent",
    "match_region",
    "plot_comet",
    "plot_excess",
    "plot_fingerprint",
    "plot_integer_peaks",
    "plot_regions",
    "read_results",
    "regional_test",
    "render_html",
    "report_to_json",
    "station_flags",
    "totals",
]
