"""One report bundling every analysis of an election, and its JSON form.

``build_report`` runs everything; ``report_to_json`` turns the report into plain JSON
types following the schema documented in ``docs/forensics.md`` (``SCHEMA``).
"""

from __future__ import annotations

import csv
import io
import math
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Literal

import numpy as np

from horizont.forensics.digits import DigitTests, digit_tests
from horizont.forensics.distributions import (
    Correlation,
    Distributions,
    correlation,
    distributions,
)
from horizont.forensics.excess import ExcessVotes, excess_votes
from horizont.forensics.fingerprint import Fingerprint, fingerprint
from horizont.forensics.flags import StationFlags, station_flags
from horizont.forensics.integer import (
    CONDITIONS,
    WEIGHTS,
    IntegerTest,
    StationFilter,
    integer_test,
)
from horizont.forensics.model import InputWarning, MappedLine, Results
from horizont.forensics.regional import RegionalTest, regional_test

SCHEMA = "horizont.forensics.report/1"

Progress = Callable[[str, int, int], None]


@dataclass(frozen=True)
class PartyTotal:
    name: str
    votes: int
    share: float


@dataclass(frozen=True)
class Totals:
    """Headline numbers; shares are of ballots in the boxes (valid + invalid)."""

    stations: int
    registered: int
    issued: int
    cast: int
    valid: int
    turnout: float
    leader: str
    leader_votes: int
    leader_share: float
    parties: tuple[PartyTotal, ...]
    abroad_stations: int
    abroad_registered: int
    abroad_cast: int
    abroad_leader_share: float
    remote_stations: int
    remote_cast: int


@dataclass(frozen=True)
class RegionSummary:
    """A line of the per-region drill-down."""

    region: str
    stations: int
    registered: int
    turnout: float
    leader_share: float
    integer_turnout_stations: int
    integer_share_stations: int
    flagged_stations: int
    excess_voters: int
    z: float


@dataclass(frozen=True)
class FlaggedStation:
    index: int
    row: int
    region: str
    tik: str
    uik: int
    registered: int
    turnout: float
    leader_share: float
    flags: tuple[str, ...]


@dataclass(frozen=True)
class Report:
    """Everything the engine knows about one election (or one region of it)."""

    title: str
    source: str
    region: str | None
    settings: dict[str, Any]
    warnings: tuple[InputWarning, ...]
    totals: Totals
    distributions: Distributions
    correlation: Correlation
    integer: IntegerTest
    regional: RegionalTest
    excess: ExcessVotes
    fingerprint: Fingerprint
    digits: DigitTests
    flags: StationFlags
    regions: tuple[RegionSummary, ...]
    flagged_stations: tuple[FlaggedStation, ...]
    timings: dict[str, float] = field(default_factory=dict)
    column_mapping: tuple[MappedLine, ...] = ()


def _ratio(a: float, b: float) -> float:
    return float(a / b) if b else float("nan")


def totals(results: Results) -> Totals:
    """Dataset totals: stations, registered voters, turnout, the leader and its share."""
    cast = int(results.cast.sum())
    party_votes = results.votes.sum(axis=0)
    order = np.argsort(-party_votes, kind="stable")
    abroad = results.abroad
    leader = results.leader_votes
    return Totals(
        stations=len(results),
        registered=int(results.registered.sum()),
        issued=int(results.issued.sum()),
        cast=cast,
        valid=int(results.valid.sum()),
        turnout=_ratio(float(results.issued.sum()), float(results.registered.sum())),
        leader=results.leader_name,
        leader_votes=int(leader.sum()),
        leader_share=_ratio(float(leader.sum()), float(cast)),
        parties=tuple(
            PartyTotal(results.party_names[i], int(party_votes[i]), _ratio(party_votes[i], cast))
            for i in order
        ),
        abroad_stations=int(abroad.sum()),
        abroad_registered=int(results.registered[abroad].sum()),
        abroad_cast=int(results.cast[abroad].sum()),
        abroad_leader_share=_ratio(float(leader[abroad].sum()), float(results.cast[abroad].sum())),
        remote_stations=int(results.remote.sum()),
        remote_cast=int(results.cast[results.remote].sum()),
    )


def match_region(results: Results, name: str) -> str:
    """The region whose name equals ``name`` or, failing that, contains it (any case)."""
    regions = results.regions()
    wanted = name.casefold().strip()
    exact = [r for r in regions if r.casefold() == wanted]
    if exact:
        return exact[0]
    partial = [r for r in regions if wanted in r.casefold()]
    if len(partial) == 1:
        return partial[0]
    if not partial:
        raise ValueError(f"no region matches {name!r}")
    raise ValueError(f"{name!r} matches several regions: {', '.join(partial)}")


def build_report(
    results: Results,
    *,
    region: str | None = None,
    mc_draws: int = 1000,
    seed: int = 0,
    progress: Progress | None = None,
    mc_method: Literal["binomial", "bernoulli"] = "bernoulli",
    null: Literal["independent", "conditional"] = "independent",
    fingerprint_bootstrap: int = 30,
    station_filter: StationFilter | None = None,
    max_flagged: int = 500,
) -> Report:
    """Run every analysis on ``results`` (or on one ``region`` of it) and bundle them.

    ``progress(step, done, total)`` is called as steps finish.
    """
    if region is not None:
        region = match_region(results, region)
        results = results.subset(results.region == region)
    names = (
        "totals and distributions",
        "integer test",
        "regional test",
        "excess votes",
        "fingerprint",
        "digit tests",
        "station flags",
        "drill-down",
    )
    steps = len(names)
    timings: dict[str, float] = {}
    clock = time.perf_counter()
    if progress is not None:
        progress(names[0], 0, steps)

    def step(name: str, number: int) -> None:
        """Record a finished step and announce the next one."""
        nonlocal clock
        now = time.perf_counter()
        timings[name] = now - clock
        clock = now
        if progress is not None:
            progress(names[number] if number < steps else "done", number, steps)

    station_filter = station_filter or StationFilter()
    summary = totals(results)
    dist = distributions(results)
    corr = correlation(results)
    step("totals and distributions", 1)

    def mc_progress(name: str, done: int, total: int) -> None:
        if progress is not None:
            progress(name, done, total)

    integer = integer_test(
        results,
        station_filter=station_filter,
        mc_draws=mc_draws,
        seed=seed,
        mc_method=mc_method,
        null=null,
        progress=mc_progress,
    )
    step("integer test", 2)
    regional = regional_test(results, station_filter=station_filter)
    step("regional test", 3)
    excess = excess_votes(results)
    step("excess votes", 4)
    finger = fingerprint(results, bootstrap=fingerprint_bootstrap, seed=seed)
    step("fingerprint", 5)
    digits = digit_tests(results, seed=seed)
    step("digit tests", 6)
    flags = station_flags(results)
    step("station flags", 7)
    regions = _region_summaries(results, integer, flags, regional)
    flagged = _flagged(results, flags, max_flagged)
    step("drill-down", 8)
    return Report(
        title=results.title,
        source=results.source,
        region=region,
        settings={
            "mc_draws": mc_draws,
            "seed": seed,
            "mc_method": mc_method,
            "null": null,
            "window": integer.window,
            "fingerprint_bootstrap": fingerprint_bootstrap,
            "station_filter": dict(station_filter.__dict__),
        },
        warnings=results.warnings,
        totals=summary,
        distributions=dist,
        correlation=corr,
        integer=integer,
        regional=regional,
        excess=excess,
        fingerprint=finger,
        digits=digits,
        flags=flags,
        regions=regions,
        flagged_stations=flagged,
        timings=timings,
        column_mapping=results.column_mapping,
    )


def _region_summaries(
    results: Results, integer: IntegerTest, flags: StationFlags, regional: RegionalTest
) -> tuple[RegionSummary, ...]:
    names, inverse = np.unique(results.region, return_inverse=True)
    inverse = inverse.ravel()
    k = names.size
    stations = np.bincount(inverse, minlength=k)
    registered = np.bincount(inverse, results.registered, minlength=k)
    issued = np.bincount(inverse, results.issued, minlength=k)
    cast = np.bincount(inverse, results.cast, minlength=k)
    leader = np.bincount(inverse, results.leader_votes, minlength=k)
    tested = inverse[integer.station_index]
    int_t = np.bincount(tested, integer.integer_turnout, minlength=k)
    int_s = np.bincount(tested, integer.integer_share, minlength=k)
    flagged = np.bincount(inverse, flags.count > 0, minlength=k)
    by_region = {r.region: r for r in regional.ranking}
    out = []
    for i, name in enumerate(names.tolist()):
        score = by_region.get(str(name))
        out.append(
            RegionSummary(
                region=str(name),
                stations=int(stations[i]),
                registered=int(registered[i]),
                turnout=_ratio(issued[i], registered[i]),
                leader_share=_ratio(leader[i], cast[i]),
                integer_turnout_stations=int(int_t[i]),
                integer_share_stations=int(int_s[i]),
                flagged_stations=int(flagged[i]),
                excess_voters=score.excess_voters if score else 0,
                z=score.z if score else 0.0,
            )
        )
    out.sort(key=lambda r: -r.excess_voters)
    return tuple(out)


def _flagged(results: Results, flags: StationFlags, limit: int) -> tuple[FlaggedStation, ...]:
    with np.errstate(divide="ignore", invalid="ignore"):
        turnout = results.issued / results.registered
        share = results.leader_votes / results.cast
    out = []
    for i in flags.flagged()[:limit].tolist():
        out.append(
            FlaggedStation(
                index=int(i),
                row=int(results.rows[i]),
                region=str(results.region[i]),
                tik=str(results.tik[i]),
                uik=int(results.uik[i]),
                registered=int(results.registered[i]),
                turnout=float(turnout[i]),
                leader_share=float(share[i]),
                flags=tuple(n for j, n in enumerate(flags.names) if flags.matrix[i, j]),
            )
        )
    return tuple(out)


def flagged_stations_csv(results: Results, flags: StationFlags) -> str:
    """Every flagged station as CSV (region, TIK, station, numbers, flags)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(
        ["row", "region", "tik", "uik", "registered", "issued", "cast", "leader_votes",
         "turnout", "leader_share", *flags.names]
    )  # fmt: skip
    with np.errstate(divide="ignore", invalid="ignore"):
        turnout = results.issued / results.registered
        share = results.leader_votes / results.cast
    for i in flags.flagged().tolist():
        writer.writerow(
            [
                int(results.rows[i]),
                results.region[i],
                results.tik[i],
                int(results.uik[i]),
                int(results.registered[i]),
                int(results.issued[i]),
                int(results.cast[i]),
                int(results.leader_votes[i]),
                f"{turnout[i]:.4f}",
                f"{share[i]:.4f}",
                *(int(v) for v in flags.matrix[i]),
            ]
        )
    return buffer.getvalue()


def _clean(value: Any) -> Any:
    """JSON-safe numbers: NaN and infinities become null."""
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, np.floating):
        return _clean(float(value))
    if isinstance(value, np.integer):
        return int(value)
    if isinstance(value, dict):
        return {str(k): _clean(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_clean(v) for v in value]
    if isinstance(value, np.ndarray):
        return _clean(value.tolist())
    return value


def _totals_json(t: Totals) -> dict[str, Any]:
    return {
        "stations": t.stations,
        "registered": t.registered,
        "ballots_issued": t.issued,
        "ballots_cast": t.cast,
        "valid": t.valid,
        "turnout": t.turnout,
        "leader": t.leader,
        "leader_votes": t.leader_votes,
        "leader_share": t.leader_share,
        "parties": [{"name": p.name, "votes": p.votes, "share": p.share} for p in t.parties],
        "abroad": {
            "stations": t.abroad_stations,
            "registered": t.abroad_registered,
            "ballots_cast": t.abroad_cast,
            "leader_share": t.abroad_leader_share,
        },
        "remote_voting": {"stations": t.remote_stations, "ballots_cast": t.remote_cast},
    }


def _integer_json(it: IntegerTest) -> dict[str, Any]:
    cells: dict[str, dict[str, Any]] = {}
    for condition in CONDITIONS:
        cells[condition] = {}
        for weight in WEIGHTS:
            c = it.cell(condition, weight)
            cells[condition][weight] = {
                "observed": c.observed,
                "null_mean": c.null_mean,
                "null_sd": c.null_sd,
                "excess": c.excess,
                "z": c.z,
                "p": c.p_value,
                "mc_mean": c.mc_mean,
                "mc_sd": c.mc_sd,
                "mc_p": c.mc_p_value,
            }
    return {
        "window": it.window,
        "filter": dict(it.station_filter.__dict__),
        "stations_tested": it.n_stations,
        "integer_turnout_stations": int(it.integer_turnout.sum()),
        "integer_share_stations": int(it.integer_share.sum()),
        "integer_either_stations": int((it.integer_turnout | it.integer_share).sum()),
        "null": it.null,
        "p_value": "one-sided, normal approximation of the exact null; mc_p is (1+k)/(1+N)",
        "mc": {"draws": it.mc_draws, "seed": it.mc_seed, "method": it.mc_method},
        "cells": cells,
    }


def _regional_json(regional: RegionalTest) -> dict[str, Any]:
    return {
        "window": regional.window,
        "ranking": [
            {
                "region": r.region,
                "stations": r.stations,
                "registered": r.registered,
                "integer_voters": r.integer_voters,
                "half_voters": r.half_voters,
                "excess_voters": r.excess_voters,
                "null_mean": r.null_mean,
                "null_sd": r.null_sd,
                "z": r.z,
            }
            for r in regional.ranking
        ],
    }


def _excess_json(ex: ExcessVotes) -> dict[str, Any]:
    return {
        "leader": ex.leader,
        "leader_votes": ex.leader_votes,
        "estimate": ex.excess_votes,
        "range": [ex.range_low, ex.range_high],
        "clean_turnout": ex.clean_turnout / 100.0,
        "clean_share": ex.clean_share,
        "clean_ratio": ex.clean_ratio,
        "assumptions": list(ex.assumptions),
        "assumptions_hold": ex.assumptions_hold,
        "problems": list(ex.problems),
        "peaks": list(ex.peak.peaks) if ex.peak else [],
        "global_mode": ex.peak.global_mode / 100.0 if ex.peak else None,
        "share_slope": ex.peak.share_slope if ex.peak else None,
        "settings": [
            {
                "bin_width": s.bin_width,
                "peak_window": s.peak_window,
                "smoothing": s.smoothing,
                "clean_turnout": s.clean_turnout / 100.0,
                "excess_votes": s.excess_votes,
            }
            for s in ex.settings
        ],
    }


def _fingerprint_json(fp: Fingerprint) -> dict[str, Any]:
    if not fp.peak_found:  # a model centred on no peak: its fractions mean nothing
        return {
            "stations": fp.stations,
            "peak_found": False,
            "incremental_fraud": {"estimate": None, "low": None, "high": None},
            "extreme_fraud": {"estimate": None, "low": None, "high": None},
            "bootstrap": fp.bootstrap,
        }
    return {
        "stations": fp.stations,
        "peak_found": True,
        "clean_turnout": fp.clean_turnout,
        "clean_turnout_sd": fp.clean_turnout_sd,
        "clean_share": fp.clean_share,
        "clean_share_sd": fp.clean_share_sd,
        "incremental_fraud": {
            "estimate": fp.incremental,
            "low": fp.incremental_low,
            "high": fp.incremental_high,
        },
        "extreme_fraud": {"estimate": fp.extreme, "low": fp.extreme_low, "high": fp.extreme_high},
        "bootstrap": fp.bootstrap,
    }


def _digits_json(digits: DigitTests) -> list[dict[str, Any]]:
    return [
        {
            "test": d.name,
            "series": d.series,
            "counts": d.counts,
            "value": d.value,
            "expected": d.expected,
            "low": d.low,
            "high": d.high,
            "z": d.z,
        }
        for d in digits.tests
    ]


def _flags_json(report: Report) -> dict[str, Any]:
    return {
        "totals": report.flags.totals,
        "flagged_stations": int((report.flags.count > 0).sum()),
        "small_count_groups": [
            {"tik": g[0], "party": g[1], "zeros": g[2], "ones": g[3], "twos": g[4]}
            for g in report.flags.small_count_groups
        ],
        "stations": [dict(f.__dict__) for f in report.flagged_stations],
    }


def report_to_json(report: Report, *, include_histograms: bool = True) -> dict[str, Any]:
    """The report as plain JSON types, following ``docs/forensics.md`` (schema ``SCHEMA``)."""
    out: dict[str, Any] = {
        "schema": SCHEMA,
        "title": report.title,
        "source": report.source,
        "region": report.region,
        "settings": report.settings,
        "warnings": [w.to_dict() for w in report.warnings],
        "column_mapping": [m.to_dict() for m in report.column_mapping],
        "totals": _totals_json(report.totals),
        "integer_test": _integer_json(report.integer),
        "regional_test": _regional_json(report.regional),
        "excess_votes": _excess_json(report.excess),
        "fingerprint": _fingerprint_json(report.fingerprint),
        "digit_tests": _digits_json(report.digits),
        "correlation": dict(report.correlation.__dict__),
        "flags": _flags_json(report),
        "regions": [dict(r.__dict__) for r in report.regions],
    }
    if include_histograms:
        d = report.distributions
        out["distributions"] = {
            "bin_width": 0.1,
            "bin_centres_from": 0.0,
            "turnout_stations": d.turnout_stations,
            "turnout_voters": d.turnout_voters,
            "share_stations": d.share_stations,
            "share_voters": d.share_voters,
        }
    cleaned: dict[str, Any] = _clean(out)
    return cleaned
