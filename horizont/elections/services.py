"""Importing elections and keeping their forensic reports.

The engine ``horizont.forensics`` reads the file and runs the analyses; this module
turns its output into rows (``election_import``) and, for a region's drill-down, turns
the stored rows back into the engine's input (``results_from_stations``, the only place
where model rows become engine input).
"""

from __future__ import annotations

import dataclasses
import hashlib
import shutil
import uuid
from collections.abc import Callable
from datetime import date as date_type
from pathlib import Path
from typing import Any

import numpy as np
from django.conf import settings
from django.db import IntegrityError, connections, router, transaction
from django.utils import translation
from django.utils.translation import gettext as _

from horizont import tasks
from horizont.audit.services import audit_record
from horizont.elections.models import (
    Election,
    ForensicReport,
    ReportDocument,
    ReportPlot,
    Station,
)
from horizont.forensics.flags import StationFlags
from horizont.forensics.html import render_html
from horizont.forensics.io import read_results
from horizont.forensics.model import ForensicsInputError, Results
from horizont.forensics.plots import PLOTS
from horizont.forensics.report import Report, build_report, report_to_json

#: Stations written per ``executemany`` call (progress is reported between batches).
BATCH_SIZE = 5000
MC_DRAWS = 1000
SEED = 0
#: Bootstrap draws for the Klimek fingerprint intervals (the engine's default).
FINGERPRINT_BOOTSTRAP = 30
ENGINE_LANGUAGES = ("en", "ru", "de", "pl")
SUFFIXES = (".csv", ".zip", ".parquet", ".txt")

Step = Callable[[int, str], None]


class ImportFailed(Exception):
    """An import that stored nothing; the message is meant for the person importing.

    ``code`` is the engine's kind of problem (``"zip_bomb"``, ``"truncated"``, …).
    """

    def __init__(self, message: str, *, code: str = "") -> None:
        super().__init__(message)
        self.code = code


#: Problems with a file that look like an attack rather than a mistake: audited apart.
SUSPICIOUS_CODES = {"zip_bomb"}


def import_dir() -> Path:
    """The server folder whose files coordinators may import."""
    return Path(getattr(settings, "ELECTIONS_IMPORT_DIR", Path(settings.VAR_DIR) / "imports"))


def upload_dir() -> Path:
    """Where uploaded files wait for their import (outside the public media folder)."""
    default = Path(settings.VAR_DIR) / "uploads" / "elections"
    return Path(getattr(settings, "ELECTIONS_UPLOAD_DIR", default))


def server_files() -> list[str]:
    """Result files in the import folder, as paths relative to it."""
    root = import_dir()
    if not root.is_dir():
        return []
    return sorted(
        str(p.relative_to(root))
        for p in root.rglob("*")
        if p.is_file() and p.suffix.lower() in SUFFIXES
    )


def server_file_resolve(name: str) -> Path:
    """The file ``name`` inside the import folder; refuses anything outside it."""
    root = import_dir().resolve()
    path = (root / name).resolve()
    if not path.is_relative_to(root) or path == root:
        raise ImportFailed(_("Only files inside the import folder can be imported."))
    if not path.is_file():
        raise ImportFailed(_("There is no such file in the import folder."))
    return path


def upload_keep(*, upload: Any) -> Path:
    """Write an uploaded file to the private upload folder and return its path."""
    folder = upload_dir() / uuid.uuid4().hex
    folder.mkdir(parents=True, exist_ok=True)
    suffix = Path(upload.name).suffix.lower()
    path = folder / f"upload{suffix}"
    with path.open("wb") as out:
        for chunk in upload.chunks():
            out.write(chunk)
    return path


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _reason(err: ForensicsInputError) -> str:
    """The engine's reason in the user's language (its English text for other problems)."""
    p = err.params
    if err.code == "zip_bomb":
        return _(
            "the archive would inflate to more than %(limit)s MB or more than %(ratio)s times "
            "its packed size; it was refused as a possible ZIP bomb."
        ) % {"limit": p.get("limit", 0) // (1024 * 1024), "ratio": p.get("ratio", 0)}
    if err.code == "truncated":
        return _(
            "the file ends in the middle of a row (%(fields)s of %(width)s fields): it looks "
            "cut off by an interrupted download or copy. Please get the complete file."
        ) % {"fields": p.get("fields", 0), "width": p.get("width", 0)}
    if err.code == "field_count":
        return _("this row has %(fields)s fields but the header has %(width)s.") % {
            "fields": p.get("fields", 0),
            "width": p.get("width", 0),
        }
    if err.code == "too_large":
        return _("the number %(value)s… is far too large for a count.") % {
            "value": p.get("value", "")
        }
    if err.code == "not_a_number":
        return _("“%(value)s” is not a number.") % {"value": p.get("value", "")}
    if err.code == "archive":
        return _("the archive is damaged, encrypted or not a ZIP file.")
    if err.code == "archive_empty":
        return _("the archive holds no CSV file.")
    if err.code == "encoding":
        return _("the file is neither UTF-8 nor Windows-1251 text.")
    if err.code == "missing_column":
        return _(
            "no column of the file matches this protocol line (it may have been renamed or "
            "left out). Details: %(reason)s"
        ) % {"reason": err.reason}
    return err.reason


def _input_error_message(err: ForensicsInputError, source_name: str) -> str:
    parts = [_("The file %(file)s could not be imported.") % {"file": source_name}]
    if err.row is not None:
        parts.append(_("Row %(row)s.") % {"row": err.row})
    if err.column is not None:
        parts.append(_("Column: %(column)s.") % {"column": " ".join(err.column.split())})
    parts.append(_("Reason: %(reason)s") % {"reason": _reason(err)})
    return " ".join(parts)


#: A drawn plot: (name, language, SVG text).
Plot = tuple[str, str, str]


def plots_render(
    report: Report, languages: tuple[str, ...], names: tuple[str, ...] | None = None
) -> list[Plot]:
    """The plots ``names`` (default: every plot) in ``languages``, as SVG (milliseconds each).

    Only SVG: the pages show it, the HTML download embeds it and the PDF draws it as
    vector graphics, so no raster image is made.
    """
    return [
        (name, language, draw(report, language))
        for language in languages
        for name, draw in PLOTS.items()
        if names is None or name in names
    ]


def _drawn_svgs(plots: list[Plot], language: str) -> dict[str, str]:
    """The SVGs already drawn in ``language``, for the engine's HTML (no second drawing)."""
    return {name: svg for name, lang, svg in plots if lang == language}


#: Station columns in the order of ``_station_values``.
STATION_FIELDS = (
    "election", "row", "region", "oik", "tik", "uik", "registered", "ballots_issued",
    "ballots_cast", "valid", "invalid", "leader_votes", "votes", "turnout", "leader_share",
    "abroad", "remote", "flags", "flag_count",
)  # fmt: skip
_JSON_FIELDS = {"votes", "flags"}


def _station_values(
    election: Election, results: Results, flags: StationFlags
) -> list[tuple[Any, ...]]:
    """One tuple per station in ``STATION_FIELDS`` order (JSON values still Python lists)."""
    with np.errstate(divide="ignore", invalid="ignore"):
        turnout = results.issued / results.registered
        share = results.leader_votes / results.cast
    flag_lists: list[list[str]] = [[] for _ in range(len(results))]
    for column, name in enumerate(flags.names):
        for i in np.flatnonzero(flags.matrix[:, column]).tolist():
            flag_lists[i].append(name)
    columns = zip(
        results.rows.tolist(),
        results.region.tolist(),
        results.oik.tolist(),
        results.tik.tolist(),
        results.uik.tolist(),
        results.registered.tolist(),
        results.issued.tolist(),
        results.cast.tolist(),
        results.valid.tolist(),
        results.invalid.tolist(),
        results.leader_votes.tolist(),
        results.votes.tolist(),
        np.where(np.isfinite(turnout), turnout, np.nan).tolist(),
        np.where(np.isfinite(share), share, np.nan).tolist(),
        results.abroad.tolist(),
        results.remote.tolist(),
        flag_lists,
        strict=True,
    )
    election_id = election.pk
    return [
        (
            election_id, row, region, oik, tik, uik, registered, issued, cast, valid, invalid,
            leader, votes, None if t != t else t, None if s != s else s, abroad, remote,
            station_flags, len(station_flags),
        )
        for (
            row, region, oik, tik, uik, registered, issued, cast, valid, invalid, leader,
            votes, t, s, abroad, remote, station_flags,
        ) in columns
    ]  # fmt: skip


def _abroad_summary(results: Results) -> dict[str, Any]:
    """Stations abroad against those at home: count, voters, turnout, leader's share."""

    def part(mask: np.ndarray) -> dict[str, Any]:
        registered = int(results.registered[mask].sum())
        issued = int(results.issued[mask].sum())
        cast = int(results.cast[mask].sum())
        leader = int(results.leader_votes[mask].sum())
        return {
            "stations": int(mask.sum()),
            "registered": registered,
            "ballots_issued": issued,
            "ballots_cast": cast,
            "leader_votes": leader,
            "turnout": issued / registered if registered else None,
            "leader_share": leader / cast if cast else None,
        }

    abroad = np.asarray(results.abroad, dtype=bool)
    return {"abroad": part(abroad), "home": part(~abroad)}


def stations_store(
    *, election: Election, results: Results, flags: StationFlags, step: Step | None = None
) -> int:
    """Write every station of ``results`` with its flags, in batches of ``BATCH_SIZE``.

    One prepared INSERT run with ``executemany``: ``bulk_create`` spends most of its time
    compiling SQL per value (about 15 s for the 96,325 stations of 2021 on SQLite against
    about 2 s here; see ``benchmarks/elections_import.py``). Call inside a transaction.
    """
    connection = connections[router.db_for_write(Station)]
    meta = Station._meta
    quote = connection.ops.quote_name
    columns = [meta.get_field(name).column for name in STATION_FIELDS]
    # table and column names come from the model; every value is a parameter
    names = ", ".join(quote(c) for c in columns)
    placeholders = ", ".join(["%s"] * len(columns))
    sql = f"INSERT INTO {quote(meta.db_table)} ({names}) VALUES ({placeholders})"  # noqa: S608
    json_positions = [i for i, name in enumerate(STATION_FIELDS) if name in _JSON_FIELDS]
    adapt = connection.ops.adapt_json_value
    rows = _station_values(election, results, flags)
    total = len(rows)
    with connection.cursor() as cursor:
        for start in range(0, total, BATCH_SIZE):
            batch = []
            for values in rows[start : start + BATCH_SIZE]:
                record = list(values)
                for i in json_positions:
                    record[i] = adapt(record[i], None)
                batch.append(record)
            cursor.executemany(sql, batch)
            if step is not None:
                step(min(start + BATCH_SIZE, total), total)
    return total


def _report_store(
    *,
    election: Election,
    report: Report,
    region: str,
    mc_draws: int,
    seed: int,
    plots: list[Plot],
    documents: list[tuple[str, str]] | None = None,
) -> ForensicReport:
    stored = ForensicReport.objects.create(
        election=election,
        region=region,
        data=report_to_json(report),
        mc_draws=mc_draws,
        seed=seed,
    )
    ReportPlot.objects.bulk_create(
        ReportPlot(report=stored, name=name, language=language, svg=svg)
        for name, language, svg in plots
    )
    ReportDocument.objects.bulk_create(
        ReportDocument(report=stored, language=language, html=html)
        for language, html in documents or []
    )
    return stored


@dataclasses.dataclass(frozen=True)
class ElectionInfo:
    """What the person importing says about the file."""

    name: str
    source_name: str
    date: date_type | None = None
    kind: str = Election.Kind.PARLIAMENT
    country: str = "RU"


@dataclasses.dataclass(frozen=True)
class ReportBundle:
    """The engine's report with its plots and downloadable HTML, ready to store."""

    report: Report
    plots: list[Plot]
    documents: list[tuple[str, str]]
    mc_draws: int
    seed: int


def election_read(*, path: Path, info: ElectionInfo) -> Results:
    """Read the file with the engine; refusals become :class:`ImportFailed` in our words."""
    try:
        results = read_results(path)
    except ForensicsInputError as err:
        raise ImportFailed(_input_error_message(err, info.source_name), code=err.code) from err
    if len(results) == 0:
        raise ImportFailed(
            _("The file %(file)s holds no polling stations.") % {"file": info.source_name}
        )
    # the engine names its source in the report; show the uploaded name, never our path
    return dataclasses.replace(results, source=info.source_name, title=info.name)


def report_bundle_build(
    *,
    results: Results,
    mc_draws: int = MC_DRAWS,
    seed: int = SEED,
    fingerprint_bootstrap: int = FINGERPRINT_BOOTSTRAP,
    documents: bool = True,
    progress: Step | None = None,
) -> ReportBundle:
    """Run the engine's report, draw its plots and (unless ``documents=False``) its HTML."""

    def engine_step(step: str, done: int, total: int) -> None:
        if progress is not None and "Monte Carlo" not in step:
            progress(10 + int(40 * done / max(total, 1)), _("Analysing: %(step)s") % {"step": step})

    report = build_report(
        results,
        mc_draws=mc_draws,
        seed=seed,
        fingerprint_bootstrap=fingerprint_bootstrap,
        progress=engine_step,
    )
    if progress is not None:
        progress(50, _("Drawing the plots"))
    plots = plots_render(report, ENGINE_LANGUAGES)
    if progress is not None:
        progress(55, _("Writing the downloadable reports"))
    html = (
        [
            (lang, render_html(report, lang, drawn=_drawn_svgs(plots, lang)))
            for lang in ENGINE_LANGUAGES
        ]
        if documents
        else []
    )
    return ReportBundle(report, plots, html, mc_draws, seed)


def election_store(
    *,
    results: Results,
    info: ElectionInfo,
    sha256: str,
    created_by: Any,
    flags: StationFlags,
    bundle: ReportBundle | None,
    progress: Step | None = None,
) -> Election:
    """Store election, stations (with ``flags``) and the report (if any) in one transaction."""

    def store_step(done: int, total: int) -> None:
        if progress is not None:
            progress(
                60 + int(30 * done / max(total, 1)),
                _("Storing polling stations: %(done)s of %(total)s")
                % {"done": done, "total": total},
            )

    totals = results.votes.sum(axis=0)
    has_parties = bool(results.party_names)
    with transaction.atomic():
        election = Election.objects.create(
            name=info.name[:200],
            date=info.date,
            kind=info.kind,
            country=info.country,
            source_name=info.source_name[:255],
            source_sha256=sha256,
            stations=len(results),
            registered=int(results.registered.sum()),
            ballots_issued=int(results.issued.sum()),
            ballots_cast=int(results.cast.sum()),
            valid=int(results.valid.sum()),
            invalid=int(results.invalid.sum()),
            party_names=list(results.party_names),
            party_votes=[int(v) for v in totals],
            leader=results.leader_name if has_parties else "",
            leader_index=results.leader_index if has_parties else 0,
            abroad=_abroad_summary(results),
            warnings=[w.to_dict() for w in results.warnings],
            created_by=created_by if getattr(created_by, "is_authenticated", False) else None,
        )
        stations_store(election=election, results=results, flags=flags, step=store_step)
        if bundle is not None:
            _report_store(
                election=election,
                report=bundle.report,
                region="",
                mc_draws=bundle.mc_draws,
                seed=bundle.seed,
                plots=bundle.plots,
                documents=bundle.documents,
            )
        audit_record(
            actor=created_by,
            action="elections.import",
            target=election,
            details={"source": info.source_name, "sha256": sha256, "stations": len(results)},
        )
    return election


def election_import(
    *,
    path: Path,
    info: ElectionInfo,
    created_by: Any,
    mc_draws: int = MC_DRAWS,
    seed: int = SEED,
    fingerprint_bootstrap: int | None = None,
    documents: bool = True,
    progress: Callable[[int, int, str], None] | None = None,
) -> Election:
    """Read a results file, analyse it and store election, stations and report at once.

    Raises :class:`ImportFailed` (with a message naming file, row and column) and
    stores nothing when the engine refuses the file. With ``documents=False`` the HTML
    downloads are rendered on first request instead.
    """

    def report_progress(done: int, message: str) -> None:
        if progress is not None:
            progress(done, 100, message)

    report_progress(0, _("Reading the file"))
    results = election_read(path=path, info=info)
    sha256 = file_sha256(path)
    report_progress(10, _("Analysing the results"))
    bundle = report_bundle_build(
        results=results,
        mc_draws=mc_draws,
        seed=seed,
        fingerprint_bootstrap=fingerprint_bootstrap or FINGERPRINT_BOOTSTRAP,
        documents=documents,
        progress=report_progress,
    )
    report_progress(60, _("Storing polling stations"))
    election = election_store(
        results=results,
        info=info,
        sha256=sha256,
        created_by=created_by,
        flags=bundle.report.flags,
        bundle=bundle,
        progress=report_progress,
    )
    region_reports_build(
        election=election,
        progress=lambda done, total: report_progress(
            90 + int(9 * done / max(total, 1)),
            _("Analysing the regions: %(done)s of %(total)s") % {"done": done, "total": total},
        ),
    )
    report_progress(100, _("Done"))
    return election


@tasks.task
def election_import_task(
    progress: tasks.Progress,
    *,
    path: str,
    source_name: str,
    name: str,
    user_id: int | None,
    language: str,
    date: str | None = None,
    kind: str = Election.Kind.PARLIAMENT,
    country: str = "RU",
    delete_after: bool = False,
) -> dict[str, Any]:
    """Background import started from the import page; returns the election's URL."""
    from django.contrib.auth import get_user_model

    user = get_user_model().objects.filter(pk=user_id).first() if user_id else None
    try:
        with translation.override(language):
            try:
                info = ElectionInfo(
                    name=name,
                    source_name=source_name,
                    date=date_type.fromisoformat(date) if date else None,
                    kind=kind,
                    country=country,
                )
                election = election_import(
                    path=Path(path), info=info, created_by=user, progress=progress.update
                )
            except ImportFailed as err:
                suspicious = err.code in SUSPICIOUS_CODES
                audit_record(
                    actor=user,
                    action="elections.import_refused" if suspicious else "elections.import_failed",
                    details={"source": source_name, "code": err.code, "error": str(err)[:500]},
                )
                raise
            url = election.get_absolute_url()
    finally:
        if delete_after:
            shutil.rmtree(Path(path).parent, ignore_errors=True)
    return {"url": url, "election": election.pk}


def election_import_start(
    *,
    user: Any,
    path: Path,
    source_name: str,
    name: str,
    date: date_type | None,
    kind: str,
    country: str,
    delete_after: bool,
) -> Any:
    """Start the import as a background job and return the job."""
    return tasks.enqueue(
        election_import_task,
        owner=user,
        label=_("Import of %(name)s") % {"name": name},
        path=str(path),
        source_name=source_name,
        name=name,
        user_id=user.pk,
        language=translation.get_language() or settings.LANGUAGE_CODE,
        date=date.isoformat() if date else None,
        kind=kind,
        country=country,
        delete_after=delete_after,
        # The upload is removed however the job ends (also when the sweeper fails it).
        cleanup=[str(path.parent)] if delete_after else [],
    )


# --- region drill-down ------------------------------------------------------------------


def results_from_stations(election: Election, *, region: str | None = None) -> Results:
    """The engine's input rebuilt from stored stations (the whole election or a region)."""
    stations = Station.objects.filter(election=election)
    if region is not None:
        stations = stations.filter(region=region)
    fields = (
        "row", "region", "oik", "tik", "uik", "registered", "ballots_issued", "ballots_cast",
        "valid", "invalid", "votes", "abroad", "remote",
    )  # fmt: skip
    rows = list(stations.order_by("row").values_list(*fields))
    n = len(rows)
    parties = len(election.party_names)
    if n:
        (row, reg, oik, tik, uik, registered, issued, cast, valid, invalid, votes, abroad,
         remote) = zip(*rows, strict=True)  # fmt: skip
    else:
        row = reg = oik = tik = uik = registered = issued = cast = valid = invalid = ()
        votes = abroad = remote = ()

    def ints(values: Any) -> np.ndarray:
        return np.asarray(values, dtype=np.int64).reshape(n)

    zeros = np.zeros(n, dtype=np.int64)
    valid_array = ints(valid)
    invalid_array = ints(invalid)
    return Results(
        source=election.source_name,
        region=np.asarray(reg, dtype=str).reshape(n),
        oik=np.asarray(oik, dtype=str).reshape(n),
        tik=np.asarray(tik, dtype=str).reshape(n),
        uik=ints(uik),
        registered=ints(registered),
        received=zeros,
        issued_early=zeros,
        issued_on_premises=ints(issued),
        issued_outside=zeros,
        in_portable=zeros,
        in_stationary=ints(cast),
        invalid=invalid_array,
        valid=valid_array,
        votes=np.asarray(votes, dtype=np.int64).reshape(n, parties),
        party_names=tuple(election.party_names),
        abroad=np.asarray(abroad, dtype=bool).reshape(n),
        remote=np.asarray(remote, dtype=bool).reshape(n),
        rows=ints(row),
        title=election.name,
    )


def _build_from_stations(
    election: Election, region: str, *, mc_draws: int = MC_DRAWS, seed: int = SEED
) -> Report:
    results = results_from_stations(election, region=region or None)
    report = build_report(
        results, mc_draws=mc_draws, seed=seed, fingerprint_bootstrap=FINGERPRINT_BOOTSTRAP
    )
    return dataclasses.replace(report, region=region or None)


def region_report_get(*, election: Election, region: str) -> ForensicReport:
    """The stored report of one region, built from the stored stations on first use."""
    found = ForensicReport.objects.filter(election=election, region=region).first()
    if found is not None:
        return found
    if not Station.objects.filter(election=election, region=region).exists():
        raise ForensicReport.DoesNotExist(region)
    main = ForensicReport.objects.filter(election=election, region="").first()
    mc_draws = main.mc_draws if main else MC_DRAWS
    seed = main.seed if main else SEED
    report = _build_from_stations(election, region, mc_draws=mc_draws, seed=seed)
    try:
        with transaction.atomic():
            return _report_store(
                election=election,
                report=report,
                region=region,
                mc_draws=mc_draws,
                seed=seed,
                plots=plots_render(report, ENGINE_LANGUAGES),
            )
    except IntegrityError:
        return ForensicReport.objects.get(election=election, region=region)


def region_reports_build(
    *,
    election: Election,
    progress: Callable[[int, int], None] | None = None,
) -> int:
    """Analyse every region and draw its plots during the import: a region's page is a read.

    A region's page used to analyse it on its first visit (1.7–5.6 s, issue 15) and its
    plots were drawn with matplotlib on their first request (about 4 s after a start).
    Now the analysis (well under a second per region) and the plots in every language
    (milliseconds each, SVG written directly) are stored here. Regions stored already
    are skipped; returns how many were analysed.
    """
    main = ForensicReport.objects.filter(election=election, region="").first()
    mc_draws = main.mc_draws if main else MC_DRAWS
    seed = main.seed if main else SEED
    regions = list(
        Station.objects.filter(election=election)
        .order_by("region")
        .values_list("region", flat=True)
        .distinct()
    )
    done_before = set(
        ForensicReport.objects.filter(election=election).values_list("region", flat=True)
    )
    built = 0
    for number, region in enumerate(regions, start=1):
        if region and region not in done_before:
            report = _build_from_stations(election, region, mc_draws=mc_draws, seed=seed)
            try:
                with transaction.atomic():
                    _report_store(
                        election=election,
                        report=report,
                        region=region,
                        mc_draws=mc_draws,
                        seed=seed,
                        plots=plots_render(report, ENGINE_LANGUAGES),
                    )
                    built += 1
            except IntegrityError:
                pass  # a visitor's request stored it meanwhile
        if progress is not None:
            progress(number, len(regions))
    return built


def plot_get(*, report: ForensicReport, name: str, language: str) -> ReportPlot | None:
    """The stored plot in ``language``; drawn from the stored stations if missing.

    Imports store every plot in every language; only a report stored before that lacks
    them, and then one analysis draws all of them at once.
    """
    if name not in PLOTS:
        return None
    language = language if language in ENGINE_LANGUAGES else "en"
    found = report.plots.filter(name=name, language=language).first()
    if found is not None:
        return found
    plots_ensure(report=report)
    return report.plots.filter(name=name, language=language).first()


def plots_ensure(*, report: ForensicReport) -> None:
    """Draw and store the plots that ``report`` lacks in any language."""
    have = set(report.plots.values_list("name", "language"))
    wanted = {(name, language) for name in PLOTS for language in ENGINE_LANGUAGES}
    if wanted <= have:
        return
    built = _build_from_stations(
        report.election, report.region, mc_draws=report.mc_draws, seed=report.seed
    )
    try:
        with transaction.atomic():
            ReportPlot.objects.bulk_create(
                ReportPlot(report=report, name=name, language=language, svg=svg)
                for name, language, svg in plots_render(built, ENGINE_LANGUAGES)
                if (name, language) not in have
            )
    except IntegrityError:
        pass  # another request stored them meanwhile


def document_get(*, report: ForensicReport, language: str) -> ReportDocument:
    """The stored HTML report in ``language``, rendered from the stored stations if missing."""
    language = language if language in ENGINE_LANGUAGES else "en"
    found = report.documents.filter(language=language).first()
    if found is not None:
        return found
    built = _build_from_stations(
        report.election, report.region, mc_draws=report.mc_draws, seed=report.seed
    )
    stored = {p.name: p.svg for p in report.plots.filter(language=language)}
    html = render_html(built, language, drawn=stored)
    try:
        with transaction.atomic():
            return ReportDocument.objects.create(report=report, language=language, html=html)
    except IntegrityError:
        return report.documents.get(language=language)
