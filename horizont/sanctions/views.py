from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.text import slugify
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from horizont.core.private_files import private_file_response
from horizont.core.ratelimit import rate_limited
from horizont.jobs.models import Job
from horizont.sanctions import labels, services
from horizont.sanctions.forms import (
    BatchForm,
    CaseForm,
    EvidenceForm,
    LetterForm,
    LetterStartForm,
    MemberForm,
    PartnerForm,
    ScreenForm,
    StatusForm,
    SubjectForm,
)
from horizont.sanctions.letters import LetterFontError, letter_pdf
from horizont.sanctions.models import Case, CaseMember, CaseSubject, Evidence, Letter

# -- screening ---------------------------------------------------------------------------


def _match_rows(matches: list[Any]) -> list[dict[str, Any]]:
    titles = services.list_titles()
    return [
        {
            "match": m,
            "schema": labels.label(labels.SCHEMAS, m.entity.schema),
            "band": labels.label(labels.BANDS, m.band),
            "list_title": titles.get(m.entity.list_id, m.entity.list_id),
            "explanation": labels.explanation(m),
            "chains": [labels.chain_steps(c) for c in m.chains],
        }
        for m in matches
    ]


def screen(request: HttpRequest) -> HttpResponse:
    titles = services.list_titles()
    form = ScreenForm(request.GET if "q" in request.GET else None, lists=titles)
    rows = None
    if form.is_bound and form.is_valid():
        rows = _match_rows(services.entities_search(form.search_request()))
    return render(
        request,
        "sanctions/screen.html",
        {
            "form": form,
            "rows": rows,
            "titles": titles,
            "batch_form": BatchForm() if request.user.is_authenticated else None,
            "stale_lists": services.lists_stale(),
            "max_list_age": settings.SCREENING_MAX_LIST_AGE_DAYS,
        },
    )


@login_required
@rate_limited("post")
@require_POST
def batch(request: HttpRequest) -> HttpResponse:
    form = BatchForm(request.POST, request.FILES)
    if not form.is_valid():
        titles = services.list_titles()
        return render(
            request,
            "sanctions/screen.html",
            {"form": ScreenForm(lists=titles), "rows": None, "titles": titles, "batch_form": form},
            status=400,
        )
    job = services.batch_screen_start(
        user=request.user, queries=form.queries, language=get_language()
    )
    return redirect(job.get_absolute_url())


def _get_batch_job(request: HttpRequest, job_id: str) -> Job:
    job = get_object_or_404(Job, pk=job_id, name__endswith="batch_screen_task")
    if not (request.user.is_authenticated and job.owner_id == request.user.pk):
        raise Http404
    return job


@login_required
def batch_result(request: HttpRequest, job_id: str) -> HttpResponse:
    job = _get_batch_job(request, job_id)
    rows = services.batch_rows(job.pk)
    if request.GET.get("format") == "csv":
        path = services.batch_result_path(job.pk)
        if not path.is_file():
            raise Http404
        return private_file_response(
            path,
            as_attachment=True,
            filename=f"screening-{str(job.pk)[:8]}.csv",
            content_type="text/csv; charset=utf-8",
        )
    alerts = [r for r in rows if r["band"] in ("strong", "possible")]
    return render(
        request,
        "sanctions/batch_result.html",
        {"job": job, "rows": rows, "alerts": alerts[:500], "bands": labels.BANDS},
    )


# -- entities ----------------------------------------------------------------------------


def entity(request: HttpRequest, entity_id: str) -> HttpResponse:
    found = services.entity_get(entity_id)
    if found is None:
        raise Http404
    outgoing, incoming = services.entity_links(found.id)
    names = [
        {
            "name": n,
            "kind": labels.label(labels.NAME_KINDS, n.kind),
            "quality": labels.label(labels.QUALITIES, n.quality),
        }
        for n in found.names
    ]
    identifiers = [
        {"identifier": i, "type": labels.label(labels.ID_TYPES, i.type)} for i in found.identifiers
    ]
    cases = []
    if request.user.is_authenticated and request.user.has_mfa:
        cases = list(Case.objects.of_team(request.user).exclude(status=Case.Status.CLOSED))
    return render(
        request,
        "sanctions/entity.html",
        {
            "entity": found,
            "schema": labels.label(labels.SCHEMAS, found.schema),
            "facts": labels.facts(found.facts),
            "names": names,
            "identifiers": identifiers,
            "outgoing": outgoing,
            "incoming": incoming,
            "link_kinds": labels.LINK_KINDS,
            "list_title": services.list_titles().get(found.list_id, found.list_id),
            "cases": cases,
        },
    )


# -- partner-risk check ------------------------------------------------------------------


def partners(request: HttpRequest) -> HttpResponse:
    form = PartnerForm(request.GET if "q" in request.GET else None)
    groups = None
    if form.is_bound and form.is_valid():
        groups = [
            {"group": g, "rows": _match_rows(list(g.matches))}
            for g in services.partner_risk_check(form.cleaned_data["q"])
        ]
    return render(request, "sanctions/partners.html", {"form": form, "groups": groups})


# -- list versions -----------------------------------------------------------------------


def lists(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "sanctions/lists.html",
        {
            "lists": services.list_versions(),
            "can_manage": request.user.has_perm("sanctions.manage_lists"),
            "import_root": services.lists_import_root(),
        },
    )


def list_diff(request: HttpRequest, list_id: str) -> HttpResponse:
    versions = [v.version for v in services.list_store().versions(list_id)]
    if not versions:
        raise Http404
    old = request.GET.get("old") or (versions[-2] if len(versions) > 1 else versions[0])
    new = request.GET.get("new") or versions[-1]
    if old not in versions or new not in versions:
        raise Http404
    difference = services.list_diff(list_id, old, new)
    return render(
        request,
        "sanctions/list_diff.html",
        {
            "list_id": list_id,
            "versions": versions[::-1],
            "old": old,
            "new": new,
            "diff": difference,
            "shown": 200,
        },
    )


@login_required
@rate_limited("post")
@require_POST
def lists_refresh(request: HttpRequest) -> HttpResponse:
    if not request.user.has_perm("sanctions.manage_lists"):
        raise PermissionDenied
    action = "update" if request.POST.get("action") == "update" else "load"
    job = services.lists_refresh_start(user=request.user, action=action, language=get_language())
    return redirect(job.get_absolute_url())


# -- cases -------------------------------------------------------------------------------


def _get_case(request: HttpRequest, pk: int) -> Case:
    """The case, or 404 for everyone who is not on its team before it is published."""
    case = get_object_or_404(Case, pk=pk)
    if request.user.has_perm("sanctions.view_case", case):
        return case
    if request.user.is_authenticated and case.members.filter(user=request.user).exists():
        raise PermissionDenied  # on the team, but without two-factor authentication
    raise Http404


def _get_case_for_team(request: HttpRequest, pk: int) -> Case:
    case = _get_case(request, pk)
    if not request.user.has_perm("sanctions.change_case", case):
        raise Http404 if not case.published else PermissionDenied
    return case


def _get_case_for_coordinator(request: HttpRequest, pk: int) -> Case:
    case = _get_case_for_team(request, pk)
    if not request.user.has_perm("sanctions.manage_case", case):
        raise PermissionDenied
    return case


def cases(request: HttpRequest) -> HttpResponse:
    mine, published = services.visible_cases(request.user)
    return render(
        request,
        "sanctions/cases.html",
        {
            "mine": mine,
            "published": published[:100],
            "can_add": request.user.has_perm("sanctions.add_case"),
        },
    )


@login_required
@rate_limited("post")
def case_new(request: HttpRequest) -> HttpResponse:
    if not request.user.has_perm("sanctions.add_case"):
        raise PermissionDenied
    form = CaseForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        case = services.case_create(user=request.user, **form.cleaned_data)
        subject = request.POST.get("entity_id", "").strip()
        if subject:
            try:
                services.case_subject_add(case=case, user=request.user, entity_id=subject)
            except ValidationError:
                pass
        messages.success(request, _("The case is opened. Only its team can see it."))
        return redirect(case)
    initial_entity = services.entity_get(request.GET.get("entity", ""))
    if initial_entity is not None and not form.is_bound:
        form.initial["title"] = initial_entity.caption
    return render(
        request, "sanctions/case_form.html", {"form": form, "entity": initial_entity, "case": None}
    )


def case_detail(request: HttpRequest, pk: int) -> HttpResponse:
    case = _get_case(request, pk)
    user = request.user
    can_change = user.has_perm("sanctions.change_case", case)
    can_manage = user.has_perm("sanctions.manage_case", case)
    context: dict[str, Any] = {
        "case": case,
        "subjects": case.subjects.all(),
        "evidence": case.evidence.all(),
        "can_change": can_change,
        "can_manage": can_manage,
        "schemas": labels.SCHEMAS,
    }
    if can_change:
        context.update(
            {
                "members": case.members.select_related("user"),
                "letters": case.letters.all(),
                "evidence_form": EvidenceForm(),
                "subject_form": SubjectForm(),
                "letter_form": LetterStartForm(),
            }
        )
    if can_manage:
        context.update({"status_form": StatusForm(case=case), "member_form": MemberForm()})
    return render(request, "sanctions/case_detail.html", context)


@login_required
@rate_limited("post")
def case_edit(request: HttpRequest, pk: int) -> HttpResponse:
    case = _get_case_for_team(request, pk)
    form = CaseForm(request.POST or None, instance=case)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("The case is saved."))
        return redirect(case)
    return render(request, "sanctions/case_form.html", {"form": form, "case": case})


@login_required
@rate_limited("post")
@require_POST
def case_status(request: HttpRequest, pk: int) -> HttpResponse:
    case = _get_case_for_coordinator(request, pk)
    form = StatusForm(request.POST, case=case)
    if form.is_valid():
        services.case_status_set(case=case, user=request.user, status=form.cleaned_data["status"])
        messages.success(request, _("The status is changed."))
    else:
        messages.error(request, _("A case cannot move from this status to that one."))
    return redirect(case)


@login_required
@rate_limited("post")
@require_POST
def case_publish(request: HttpRequest, pk: int) -> HttpResponse:
    case = _get_case_for_coordinator(request, pk)
    published = request.POST.get("published") == "1"
    services.case_publish_set(case=case, user=request.user, published=published)
    if published:
        messages.success(request, _("The case is published: everyone can read it now."))
    else:
        messages.success(request, _("The case is visible to its team only again."))
    return redirect(case)


@login_required
@rate_limited("post")
@require_POST
def case_member_add(request: HttpRequest, pk: int) -> HttpResponse:
    case = _get_case_for_coordinator(request, pk)
    form = MemberForm(request.POST)
    if form.is_valid():
        try:
            services.case_member_add(case=case, user=request.user, **form.cleaned_data)
            messages.success(request, _("The team is changed."))
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
    else:
        messages.error(request, _("Enter a valid e-mail address and a role."))
    return redirect(case)


@login_required
@rate_limited("post")
@require_POST
def case_member_remove(request: HttpRequest, pk: int, member_pk: int) -> HttpResponse:
    case = _get_case_for_coordinator(request, pk)
    member = get_object_or_404(CaseMember, pk=member_pk, case=case)
    try:
        services.case_member_remove(case=case, user=request.user, member=member)
        messages.success(request, _("The team is changed."))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect(case)


@login_required
@rate_limited("post")
@require_POST
def case_subject_add(request: HttpRequest, pk: int) -> HttpResponse:
    case = _get_case_for_team(request, pk)
    form = SubjectForm(request.POST)
    if form.is_valid():
        try:
            services.case_subject_add(case=case, user=request.user, **form.cleaned_data)
            messages.success(request, _("The listed entity is added to the case."))
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
    else:
        messages.error(request, _("Give the id of a listed entity."))
    return redirect(case)


@login_required
@rate_limited("post")
@require_POST
def case_subject_remove(request: HttpRequest, pk: int, subject_pk: int) -> HttpResponse:
    case = _get_case_for_team(request, pk)
    get_object_or_404(CaseSubject, pk=subject_pk, case=case).delete()
    messages.success(request, _("The listed entity is removed from the case."))
    return redirect(case)


@login_required
@rate_limited("post")
def evidence_add(request: HttpRequest, pk: int) -> HttpResponse:
    case = _get_case_for_team(request, pk)
    form = EvidenceForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        photo = data.pop("photo_upload", None)
        services.evidence_add(case=case, user=request.user, fields=data, photo=photo)
        messages.success(request, _("The evidence is added."))
        return redirect(f"{case.get_absolute_url()}#evidence")
    status = 400 if form.is_bound else 200
    return render(
        request, "sanctions/evidence_form.html", {"form": form, "case": case}, status=status
    )


@login_required
@rate_limited("post")
@require_POST
def evidence_remove(request: HttpRequest, pk: int, evidence_pk: int) -> HttpResponse:
    case = _get_case_for_team(request, pk)
    item = get_object_or_404(Evidence, pk=evidence_pk, case=case)
    if item.photo:
        item.photo.delete(save=False)
    item.delete()
    messages.success(request, _("The evidence is removed."))
    return redirect(f"{case.get_absolute_url()}#evidence")


def evidence_photo(request: HttpRequest, pk: int, evidence_pk: int) -> HttpResponse:
    case = _get_case(request, pk)
    item = get_object_or_404(Evidence, pk=evidence_pk, case=case, kind=Evidence.Kind.PHOTO)
    if not item.photo:
        raise Http404
    return private_file_response(item.photo.path)


# -- letters -----------------------------------------------------------------------------


@login_required
@rate_limited("post")
@require_POST
def letter_new(request: HttpRequest, pk: int) -> HttpResponse:
    case = _get_case_for_team(request, pk)
    form = LetterStartForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose an authority and a language."))
        return redirect(case)
    letter = services.letter_create(case=case, user=request.user, **form.cleaned_data)
    messages.success(request, _("The letter is drafted from the case. Check and edit it."))
    return redirect(letter)


def _get_letter(request: HttpRequest, pk: int, letter_pk: int) -> Letter:
    case = _get_case_for_team(request, pk)
    return get_object_or_404(Letter, pk=letter_pk, case=case)


@login_required
@rate_limited("post")
def letter(request: HttpRequest, pk: int, letter_pk: int) -> HttpResponse:
    """Edit a letter. "Save and download the PDF" saves what the form shows first, so
    the PDF is always the letter as it stands on the screen."""
    found = _get_letter(request, pk, letter_pk)
    form = LetterForm(request.POST or None, instance=found)
    if request.method == "POST" and form.is_valid():
        form.save()
        if "pdf" in request.POST:
            return _letter_pdf_response(request, found)
        messages.success(request, _("The letter is saved."))
        return redirect(found)
    return render(
        request, "sanctions/letter.html", {"form": form, "letter": found, "case": found.case}
    )


def _letter_pdf_response(request: HttpRequest, found: Letter) -> HttpResponse:
    name = slugify(f"{found.template}-{found.case.title}")[:60] or "letter"
    try:
        data = letter_pdf(found)
    except LetterFontError as error:
        messages.error(
            request,
            _(
                "The PDF cannot show these characters: %(chars)s. Replace them in the letter "
                "and download it again."
            )
            % {"chars": " ".join(error.missing)},
        )
        return redirect(found)
    response = HttpResponse(data, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{name}.pdf"'
    return response


@login_required
def letter_download(request: HttpRequest, pk: int, letter_pk: int) -> HttpResponse:
    """The PDF of the letter as saved."""
    return _letter_pdf_response(request, _get_letter(request, pk, letter_pk))
