from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from horizont.accounts.rules import in_coordinator_group, is_superuser_account
from horizont.audit.services import audit_record
from horizont.core.private_files import private_file_response
from horizont.core.ratelimit import rate_limited
from horizont.elections.models import Station
from horizont.observers import forms, pdf, services
from horizont.observers.models import (
    Assignment,
    ChecklistForm,
    IncidentPhoto,
    Programme,
    Report,
    Volunteer,
)
from horizont.observers.services import Refused


def _need_mfa(request: HttpRequest) -> HttpResponse:
    return render(request, "observers/need_mfa.html", status=403)


def _programme(pk: int) -> Programme:
    return get_object_or_404(Programme.objects.select_related("election"), pk=pk)


def _check(request: HttpRequest, perm: str, programme: Programme | None) -> HttpResponse | None:
    """None when allowed; the two-factor page for a coordinator without it; else 403."""
    if request.user.has_perm(perm, programme):
        return None
    user = request.user
    if (in_coordinator_group(user) or is_superuser_account(user)) and not user.has_mfa:
        return _need_mfa(request)
    if perm == "observers.view_reports" and programme is not None:
        if programme.volunteers.accepted().filter(user=user, role="lawyer").exists():
            return _need_mfa(request)
    raise PermissionDenied


def _volunteer(request: HttpRequest, programme: Programme) -> Volunteer:
    volunteer = programme.volunteers.accepted().filter(user=request.user).first()
    if volunteer is None:
        raise PermissionDenied
    return volunteer


def _volunteer_in(request: HttpRequest, pk: int) -> Volunteer:
    """The user's accepted application to programme ``pk``, with the programme (one
    query); 404 without the programme, 403 without an accepted application."""
    volunteer = (
        Volunteer.objects.accepted()
        .select_related("programme__election")
        .filter(programme_id=pk, user=request.user)
        .first()
    )
    if volunteer is None:
        _programme(pk)
        raise PermissionDenied
    return volunteer


# -- programmes and applications ------------------------------------------------------------


def index(request: HttpRequest) -> HttpResponse:
    programmes = Programme.objects.select_related("election")
    mine = []
    if request.user.is_authenticated:
        mine = list(Volunteer.objects.filter(user=request.user).select_related("programme"))
    return render(
        request,
        "observers/index.html",
        {
            "programmes": programmes,
            "mine": mine,
            "can_create": request.user.has_perm("observers.add_programme"),
        },
    )


@login_required
def programme_create(request: HttpRequest) -> HttpResponse:
    if refused := _check(request, "observers.add_programme", None):
        return refused
    form = forms.ProgrammeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        programme = services.programme_open(actor=request.user, **form.cleaned_data)
        return redirect(programme)
    return render(request, "observers/programme_form.html", {"form": form})


def programme_detail(request: HttpRequest, pk: int) -> HttpResponse:
    programme = _programme(pk)
    application = None
    if request.user.is_authenticated:
        application = programme.volunteers.filter(user=request.user).first()
    return render(
        request,
        "observers/programme.html",
        {
            "programme": programme,
            "application": application,
            "form": forms.ApplyForm(),
            "can_apply": request.user.has_perm("observers.apply", programme),
            "can_manage": request.user.has_perm("observers.manage_programme", programme),
            "can_view_reports": request.user.has_perm("observers.view_reports", programme),
        },
    )


@login_required
@require_POST
@rate_limited("post")
def apply(request: HttpRequest, pk: int) -> HttpResponse:
    programme = _programme(pk)
    if not request.user.has_perm("observers.apply", programme):
        raise PermissionDenied
    form = forms.ApplyForm(request.POST)
    if form.is_valid():
        try:
            services.volunteer_apply(user=request.user, programme=programme, **form.cleaned_data)
        except Refused as exc:
            messages.error(request, str(exc))
        else:
            messages.success(request, _("Thank you. A coordinator will answer your application."))
            return redirect(programme)
    return render(
        request,
        "observers/programme.html",
        {"programme": programme, "form": form, "can_apply": True},
        status=400,
    )


@login_required
def volunteers(request: HttpRequest, pk: int) -> HttpResponse:
    programme = _programme(pk)
    if refused := _check(request, "observers.manage_programme", programme):
        return refused
    return render(
        request,
        "observers/volunteers.html",
        {
            "programme": programme,
            "volunteers": programme.volunteers.order_by("status", "pseudonym"),
        },
    )


@login_required
@require_POST
def volunteer_decide(request: HttpRequest, pk: int, volunteer_pk: int) -> HttpResponse:
    programme = _programme(pk)
    if refused := _check(request, "observers.manage_programme", programme):
        return refused
    volunteer = get_object_or_404(programme.volunteers, pk=volunteer_pk)
    services.volunteer_decide(
        actor=request.user, volunteer=volunteer, accept=request.POST.get("decision") == "accept"
    )
    return redirect("observers:volunteers", programme.pk)


# -- assignments ------------------------------------------------------------------------------


@login_required
def assignments(request: HttpRequest, pk: int) -> HttpResponse:
    programme = _programme(pk)
    if refused := _check(request, "observers.manage_programme", programme):
        return refused
    form = forms.AssignmentForm(request.POST or None, programme=programme)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            station = services.station_find(
                election=programme.election, number=data["station_number"], region=data["region"]
            )
            services.assignment_create(
                actor=request.user,
                volunteer=data["volunteer"],
                station=station,
                day=data["day"],
                shift=data["shift"],
            )
        except Refused as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, _("Assigned; the volunteer was notified by e-mail."))
            return redirect("observers:assignments", programme.pk)
    return render(
        request,
        "observers/assignments.html",
        {
            "programme": programme,
            "form": form,
            "assignments": Assignment.objects.filter(volunteer__programme=programme).select_related(
                "volunteer", "station"
            ),
            "coverage": services.programme_coverage(programme),
            **_map_context(programme),
        },
    )


@login_required
def coverage_data(request: HttpRequest, pk: int) -> HttpResponse:
    """The coverage map's markers (stations abroad with a known place), coordinators only."""
    programme = _programme(pk)
    if refused := _check(request, "observers.manage_programme", programme):
        return refused
    data = services.coverage_map(programme)
    return JsonResponse({"markers": data["markers"]})


def _map_context(programme: Programme) -> dict[str, Any]:
    return {
        "map": services.coverage_map(programme),
        "tile_url": getattr(settings, "MAP_TILE_URL", ""),
        "tile_attribution": getattr(settings, "MAP_TILE_ATTRIBUTION", ""),
    }


@login_required
@require_POST
def assignment_delete(request: HttpRequest, pk: int, assignment_pk: int) -> HttpResponse:
    programme = _programme(pk)
    if refused := _check(request, "observers.manage_programme", programme):
        return refused
    assignment = get_object_or_404(
        Assignment.objects.filter(volunteer__programme=programme), pk=assignment_pk
    )
    services.assignment_delete(actor=request.user, assignment=assignment)
    return redirect("observers:assignments", programme.pk)


@login_required
def my_assignments(request: HttpRequest, pk: int) -> HttpResponse:
    programme = _programme(pk)
    volunteer = _volunteer(request, programme)
    return render(
        request,
        "observers/mine.html",
        {
            "programme": programme,
            "volunteer": volunteer,
            "assignments": volunteer.assignments.select_related("station"),
            "checklists": programme.forms.filter(current=True),
            "courses": programme.courses.all(),
        },
    )


@login_required
def my_calendar(request: HttpRequest, pk: int) -> HttpResponse:
    volunteer = _volunteer(request, _programme(pk))
    body = services.assignment_calendar(
        list(volunteer.assignments.select_related("station")),
        host=request.get_host().split(":")[0],
    )
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="observer-assignment.ics"'
    return response


# -- checklists, reports, incidents -------------------------------------------------------------


@login_required
def checklists(request: HttpRequest, pk: int) -> HttpResponse:
    programme = _programme(pk)
    if refused := _check(request, "observers.manage_programme", programme):
        return refused
    form = forms.ChecklistDefinitionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            fields = services.checklist_parse(form.cleaned_data["definition"])
        except Refused as exc:
            form.add_error("definition", str(exc))
        else:
            services.checklist_save(
                actor=request.user,
                programme=programme,
                kind=form.cleaned_data["kind"],
                title=form.cleaned_data["title"],
                fields=fields,
            )
            return redirect("observers:checklists", programme.pk)
    return render(
        request,
        "observers/checklists.html",
        {
            "programme": programme,
            "form": form,
            "checklists": programme.forms.annotate(report_count=Count("reports")),
        },
    )


@login_required
@rate_limited("post")
def report_new(request: HttpRequest, pk: int, form_pk: int) -> HttpResponse:
    # Election day's busiest page: the volunteer and their programme in one query, the
    # station from the volunteer's own list (benchmarks/observers_load.py).
    volunteer = _volunteer_in(request, pk)
    programme = volunteer.programme
    checklist = get_object_or_404(ChecklistForm, programme_id=pk, pk=form_pk, current=True)
    stations = services.assigned_stations(volunteer)
    form = forms.report_form(checklist, request.POST or None, stations=stations)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            station = next(s for s in stations if s.pk == form.cleaned_data["station"])
            services.report_submit(
                volunteer=volunteer,
                station=station,
                form=checklist,
                answers=forms.report_answers(checklist, form.cleaned_data),
                key=form.cleaned_data["key"],
                assigned=stations,
            )
            messages.success(request, _("Report received."))
            return redirect("observers:mine", programme.pk)
        status = 400
    return render(
        request,
        "observers/report_form.html",
        {"programme": programme, "form": form, "checklist": checklist},
        status=status,
    )


@login_required
@rate_limited("post")
def incident_new(request: HttpRequest, pk: int) -> HttpResponse:
    programme = _programme(pk)
    volunteer = _volunteer(request, programme)
    stations = services.assigned_stations(volunteer)
    form = forms.IncidentForm(request.POST or None, request.FILES or None, stations=stations)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            data = dict(form.cleaned_data)
            station = Station.objects.get(pk=data.pop("station"))
            services.incident_submit(
                volunteer=volunteer,
                station=station,
                key=data.pop("key"),
                photos=data.pop("photos"),
                **data,
            )
            messages.success(request, _("Incident received."))
            return redirect("observers:mine", programme.pk)
        status = 400
    return render(
        request,
        "observers/incident_form.html",
        {"programme": programme, "form": form},
        status=status,
    )


@login_required
def reports(request: HttpRequest, pk: int) -> HttpResponse:
    programme = _programme(pk)
    if refused := _check(request, "observers.view_reports", programme):
        return refused
    return render(
        request,
        "observers/reports.html",
        {
            "programme": programme,
            "reports": Report.objects.filter(volunteer__programme=programme).select_related(
                "form", "station", "volunteer"
            )[:200],
            "incidents": programme.incidents.select_related("station", "volunteer", "lawyer"),
        },
    )


@login_required
def incident_detail(request: HttpRequest, pk: int, incident_pk: int) -> HttpResponse:
    programme = _programme(pk)
    if refused := _check(request, "observers.view_reports", programme):
        return refused
    incident = get_object_or_404(programme.incidents.select_related("station"), pk=incident_pk)
    form = forms.IncidentUpdateForm(
        request.POST or None, incident=incident, initial={"lawyer": incident.lawyer_id}
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.incident_update(actor=request.user, incident=incident, **form.cleaned_data)
        except Refused as exc:
            form.add_error(None, str(exc))
        else:
            return redirect("observers:incident", programme.pk, incident.pk)
    return render(
        request,
        "observers/incident.html",
        {
            "programme": programme,
            "incident": incident,
            "form": form,
            "photos": incident.photos.values_list("pk", flat=True),
        },
    )


@login_required
def incident_photo(request: HttpRequest, pk: int, photo_pk: int) -> HttpResponse:
    programme = _programme(pk)
    if refused := _check(request, "observers.view_reports", programme):
        return refused
    photo = get_object_or_404(IncidentPhoto, pk=photo_pk, incident__programme=programme)
    return private_file_response(photo.file.path, content_type=photo.content_type)


# -- protocol copies ----------------------------------------------------------------------------


@login_required
@rate_limited("post")
def protocol_new(request: HttpRequest, pk: int) -> HttpResponse:
    programme = _programme(pk)
    volunteer = _volunteer(request, programme)
    names = programme.election.party_names
    form = forms.ProtocolForm(
        request.POST or None,
        request.FILES or None,
        stations=services.assigned_stations(volunteer),
        party_names=names,
    )
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            station = Station.objects.get(pk=form.cleaned_data["station"])
            try:
                services.protocol_enter(
                    volunteer=volunteer,
                    user=request.user,
                    station=station,
                    lines=forms.protocol_lines(form.cleaned_data, names),
                    key=form.cleaned_data["key"],
                    photo=form.cleaned_data.get("photo"),
                )
            except Refused as exc:
                form.add_error(None, str(exc))
            else:
                messages.success(request, _("Protocol received."))
                return redirect("observers:mine", programme.pk)
    return render(
        request,
        "observers/protocol_form.html",
        {"programme": programme, "form": form},
        status=status,
    )


@login_required
def protocols(request: HttpRequest, pk: int) -> HttpResponse:
    programme = _programme(pk)
    if refused := _check(request, "observers.manage_programme", programme):
        return refused
    results_form = forms.ResultsForm(request.POST or None, instance=programme)
    if request.method == "POST" and results_form.is_valid():
        results_form.save()
        return redirect("observers:protocols", programme.pk)
    order = "station" if request.GET.get("sort") == "station" else "size"
    return render(
        request,
        "observers/protocols.html",
        {
            "programme": programme,
            "copies": programme.copies.select_related("station"),
            "comparison": services.protocol_comparison(programme, order=order),
            "results_form": results_form,
            "order": order,
        },
    )


@login_required
def protocol_resolve(request: HttpRequest, pk: int, copy_pk: int) -> HttpResponse:
    programme = _programme(pk)
    if refused := _check(request, "observers.manage_programme", programme):
        return refused
    copy = get_object_or_404(programme.copies.select_related("station"), pk=copy_pk)
    mismatch = services.protocol_mismatch(copy)
    names = programme.election.party_names
    initial: dict[str, Any] = {}
    if mismatch["entries"]:
        first = mismatch["entries"][0].lines
        initial = {k: v for k, v in first.items() if k != "votes"}
        initial.update({f"party{i}": v for i, v in enumerate(first["votes"])})
    form = forms.ResolveForm(request.POST or None, party_names=names, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.protocol_resolve(
                actor=request.user, copy=copy, lines=forms.protocol_lines(form.cleaned_data, names)
            )
        except Refused as exc:
            form.add_error(None, str(exc))
        else:
            return redirect("observers:protocols", programme.pk)
    return render(
        request,
        "observers/protocol_resolve.html",
        {"programme": programme, "copy": copy, "form": form, **mismatch},
    )


@login_required
def complaint(request: HttpRequest, pk: int, copy_pk: int) -> HttpResponse:
    programme = _programme(pk)
    if refused := _check(request, "observers.manage_programme", programme):
        return refused
    comparison = services.protocol_comparison(programme)
    row = next((r for r in comparison["rows"] if r["copy"].pk == copy_pk), None)
    if row is None:
        raise Http404
    row["entries"] = services.protocol_mismatch(row["copy"])["entries"]
    try:
        body = pdf.complaint_pdf(row, official_name=comparison["official"].name)
    except pdf.LetterFontError as exc:
        messages.error(
            request,
            _(
                "The complaint draft cannot be made: the PDF font has no glyph for "
                "%(characters)s. Correct the station's or the observer's name and try again."
            )
            % {"characters": " ".join(exc.missing)},
        )
        return redirect("observers:protocols", programme.pk)
    response = HttpResponse(body, content_type="application/pdf")
    response["Content-Disposition"] = (
        f'attachment; filename="complaint-uik-{row["copy"].station.uik}.pdf"'
    )
    return response


@login_required
def observer_effect(request: HttpRequest, pk: int) -> HttpResponse:
    programme = _programme(pk)
    if refused := _check(request, "observers.manage_programme", programme):
        return refused
    return render(
        request,
        "observers/effect.html",
        {"programme": programme, "result": services.programme_observer_effect(programme)},
    )


@login_required
def dashboard(request: HttpRequest, pk: int) -> HttpResponse:
    programme = _programme(pk)
    if refused := _check(request, "observers.manage_programme", programme):
        return refused
    if request.method == "POST":
        programme.public_dashboard = request.POST.get("public") == "1"
        programme.save(update_fields=["public_dashboard"])
        audit_record(
            actor=request.user,
            action="observers.publish" if programme.public_dashboard else "observers.unpublish",
            target=programme,
        )
        return redirect("observers:dashboard", programme.pk)
    return render(
        request,
        "observers/dashboard.html",
        {
            "programme": programme,
            "data": services.programme_dashboard(programme, public=False),
            **_map_context(programme),
        },
    )


def public_dashboard(request: HttpRequest, pk: int) -> HttpResponse:
    programme = _programme(pk)
    if not programme.public_dashboard:
        raise Http404
    return render(
        request,
        "observers/dashboard.html",
        {
            "programme": programme,
            "data": services.programme_dashboard(programme, public=True),
            "public": True,
        },
    )


@login_required
def entry_photo(request: HttpRequest, pk: int, entry_pk: int) -> HttpResponse:
    programme = _programme(pk)
    if refused := _check(request, "observers.manage_programme", programme):
        return refused
    entry = get_object_or_404(programme.entries.exclude(photo=""), pk=entry_pk)
    return private_file_response(entry.photo.path, content_type=entry.photo_type)
