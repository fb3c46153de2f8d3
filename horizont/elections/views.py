from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Count, Q, Sum
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.text import slugify
from django.utils.translation import gettext as _

from horizont.core.ratelimit import RateLimited, allow, rate_limited
from horizont.elections import pdf, services
from horizont.elections.flags import engine_language
from horizont.elections.forms import ImportForm
from horizont.elections.models import Election, ForensicReport, Station
from horizont.elections.sections import column_mapping_rows, report_sections, warning_texts
from horizont.forensics.explanations import LABELS
from horizont.forensics.flags import FLAG_NAMES
from horizont.lib.csvsafe import SafeCsvWriter

PAGE_SIZE = 50


def _get_visible_election(request: HttpRequest, pk: int) -> Election:
    """The election, or 404 when it is hidden and the user may not see hidden ones."""
    election = get_object_or_404(Election, pk=pk)
    if election.status != Election.Status.PUBLISHED and not request.user.has_perm(
        "elections.view_hidden_election"
    ):
        raise Http404
    return election


def _main_report(election: Election) -> ForensicReport:
    report = election.reports.filter(region="").first()
    if report is None:
        raise Http404
    return report


def _region_report(request: HttpRequest, election: Election, region: str) -> ForensicReport:
    # A region's report is analysed on its first visit (seconds of work): limit how many
    # such analyses one client can start, so that nobody can keep the server busy.
    stored = ForensicReport.objects.filter(election=election, region=region).exists()
    if not stored and not allow(request, "analysis"):
        raise RateLimited
    try:
        return services.region_report_get(election=election, region=region)
    except ForensicReport.DoesNotExist:
        raise Http404 from None


def _file_stem(election: Election, region: str = "") -> str:
    stem = slugify(f"{election.name} {region}".strip()) or f"election-{election.pk}"
    return stem[:80]


def election_list(request: HttpRequest) -> HttpResponse:
    elections = Election.objects.all()
    if not request.user.has_perm("elections.view_hidden_election"):
        elections = elections.published()
    page = Paginator(elections, 20).get_page(request.GET.get("page"))
    return render(
        request,
        "elections/list.html",
        {"page": page, "can_import": request.user.has_perm("elections.import_election")},
    )


@login_required
@rate_limited("post")
def election_import(request: HttpRequest) -> HttpResponse:
    if not request.user.has_perm("elections.import_election"):
        raise PermissionDenied
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            if data["upload"]:
                path = services.upload_keep(upload=data["upload"])
                source_name, delete_after = data["upload"].name, True
            else:
                path = services.server_file_resolve(data["server_file"])
                source_name, delete_after = data["server_file"], False
        except services.ImportFailed as err:
            form.add_error("server_file", str(err))
        else:
            job = services.election_import_start(
                user=request.user,
                path=path,
                source_name=source_name,
                name=data["name"],
                date=data["date"],
                kind=data["kind"],
                country=data["country"],
                delete_after=delete_after,
            )
            return redirect(job.get_absolute_url())
    return render(
        request,
        "elections/import.html",
        {"form": form, "import_dir": services.import_dir()},
    )


def election_detail(request: HttpRequest, pk: int) -> HttpResponse:
    election = _get_visible_election(request, pk)
    report = election.reports.filter(region="").first()
    regions = (
        Station.objects.filter(election=election)
        .values("region")
        .annotate(
            count=Count("id"),
            registered_sum=Sum("registered"),
            issued_sum=Sum("ballots_issued"),
            flagged=Count("id", filter=Q(flag_count__gt=0)),
        )
        .order_by("region")
    )
    for region in regions:
        reg = region["registered_sum"] or 0
        region["turnout"] = region["issued_sum"] / reg if reg else None
    return render(
        request,
        "elections/detail.html",
        {
            "election": election,
            "report": report,
            "parties": election.party_results(),
            "abroad": election.abroad.get("abroad", {}),
            "home": election.abroad.get("home", {}),
            "regions": regions,
            "implausible": warning_texts(election.warnings, implausible=True),
            "notes": warning_texts(election.warnings, implausible=False),
            "column_mapping": column_mapping_rows(report.data if report else {}),
        },
    )


def _report_context(election: Election, report: ForensicReport) -> dict[str, Any]:
    language = engine_language()
    return {
        "election": election,
        "report": report,
        "data": report.data,
        "sections": report_sections(report.data, language),
        "implausible": warning_texts(report.data.get("warnings", []), implausible=True),
        "labels": LABELS.get(language, LABELS["en"]),
    }


def report_detail(request: HttpRequest, pk: int) -> HttpResponse:
    election = _get_visible_election(request, pk)
    report = _main_report(election)
    return render(request, "elections/report.html", _report_context(election, report))


def region_detail(request: HttpRequest, pk: int, region: str) -> HttpResponse:
    election = _get_visible_election(request, pk)
    report = _region_report(request, election, region)
    context = _report_context(election, report)
    stations = Station.objects.filter(election=election, region=region).order_by(
        "-flag_count", "row"
    )
    context["page"] = Paginator(stations, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "elections/report.html", context)


def plot(request: HttpRequest, pk: int, report_pk: int, name: str) -> HttpResponse:
    election = _get_visible_election(request, pk)
    report = get_object_or_404(ForensicReport, pk=report_pk, election=election)
    found = services.plot_get(report=report, name=name, language=engine_language())
    if found is None:
        raise Http404
    response = HttpResponse(found.svg, content_type="image/svg+xml; charset=utf-8")
    # A hidden election's plot is for the people allowed to see it: no shared cache.
    shared = "public" if election.status == Election.Status.PUBLISHED else "private"
    response["Cache-Control"] = f"{shared}, max-age=86400"
    return response


def station_list(request: HttpRequest, pk: int) -> HttpResponse:
    election = _get_visible_election(request, pk)
    stations = Station.objects.filter(election=election)
    region = request.GET.get("region", "").strip()
    tik = request.GET.get("tik", "").strip()
    flagged = request.GET.get("flagged") == "1"
    abroad = request.GET.get("abroad") == "1"
    number = request.GET.get("station", "").strip()
    number_error = ""
    if number:
        if number.isdigit() and len(number) <= 9:
            stations = stations.filter(uik=int(number))
        else:
            number_error = _("A station number is a whole number, for example 1234.")
            stations = stations.none()
    if abroad:
        stations = stations.filter(abroad=True)
    if region:
        stations = stations.filter(region=region)
    if tik:
        stations = stations.filter(tik=tik)
    if flagged:
        stations = stations.flagged()
    # As the table's caption says: the most flagged stations first, then in file order.
    stations = stations.order_by("-flag_count", "row")
    page = Paginator(stations, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "elections/stations.html",
        {
            "election": election,
            "page": page,
            "region": region,
            "tik": tik,
            "number": number,
            "number_error": number_error,
            "flagged": flagged,
            "abroad": abroad,
            "querystring": query.urlencode(),
        },
    )


def station_detail(request: HttpRequest, pk: int, station_pk: int) -> HttpResponse:
    election = _get_visible_election(request, pk)
    station = get_object_or_404(Station, pk=station_pk, election=election)
    return render(
        request,
        "elections/station.html",
        {"election": election, "station": station, "parties": station.party_results()},
    )


def flagged_csv(request: HttpRequest, pk: int) -> HttpResponse:
    election = _get_visible_election(request, pk)
    stations = Station.objects.filter(election=election).flagged()
    region = request.GET.get("region", "").strip()
    if region:
        stations = stations.filter(region=region)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = (
        f'attachment; filename="{_file_stem(election, region)}-flagged.csv"'
    )
    writer = SafeCsvWriter(response)
    writer.writerow(
        ["row", "region", "oik", "tik", "uik", "registered", "issued", "cast", "leader_votes",
         "turnout", "leader_share", "abroad", "remote", *FLAG_NAMES]
    )  # fmt: skip
    fields = (
        "row", "region", "oik", "tik", "uik", "registered", "ballots_issued", "ballots_cast",
        "leader_votes", "turnout", "leader_share", "abroad", "remote", "flags",
    )  # fmt: skip
    for values in stations.order_by("row").values_list(*fields).iterator(chunk_size=2000):
        *numbers, flags = values
        numbers[9] = "" if numbers[9] is None else f"{numbers[9]:.4f}"
        numbers[10] = "" if numbers[10] is None else f"{numbers[10]:.4f}"
        numbers[11] = int(numbers[11])
        numbers[12] = int(numbers[12])
        writer.writerow([*numbers, *(int(name in flags) for name in FLAG_NAMES)])
    return response


def _report_for_download(request: HttpRequest, pk: int) -> tuple[Election, ForensicReport, str]:
    election = _get_visible_election(request, pk)
    region = request.GET.get("region", "").strip()
    report = _region_report(request, election, region) if region else _main_report(election)
    return election, report, region


def report_html(request: HttpRequest, pk: int) -> HttpResponse:
    election, report, region = _report_for_download(request, pk)
    document = services.document_get(report=report, language=engine_language())
    response = HttpResponse(document.html, content_type="text/html; charset=utf-8")
    response["Content-Disposition"] = (
        f'attachment; filename="{_file_stem(election, region)}-{document.language}.html"'
    )
    return response


def report_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    election, report, region = _report_for_download(request, pk)
    language = engine_language()
    services.plots_ensure(report=report)  # an older import's may be missing
    data = pdf.report_pdf(election=election, report=report, language=language)
    response = HttpResponse(data, content_type="application/pdf")
    response["Content-Disposition"] = (
        f'attachment; filename="{_file_stem(election, region)}-{language}.pdf"'
    )
    return response
