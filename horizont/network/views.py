from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from horizont.core.ratelimit import rate_limited
from horizont.network import gazetteer, queries, services
from horizont.network.forms import (
    LANGUAGE_NAMES,
    InitiativeForm,
    LinkProposalForm,
    ReviewForm,
    TranslationForm,
)
from horizont.network.models import WORKING_LANGUAGES, Initiative, Link, Membership, Topic

PAGE_SIZE = 20
LINKS_SHOWN = 100
LINK_CANDIDATES = 20


def _get_visible_initiative(request: HttpRequest, slug: str) -> Initiative:
    """The initiative, or 404 when it is not public and the user may not see it yet."""
    initiative = get_object_or_404(Initiative, slug=slug)
    if not request.user.has_perm("network.view_initiative", initiative):
        raise Http404
    return initiative


def _get_initiative_for_organizer(request: HttpRequest, slug: str) -> Initiative:
    initiative = _get_visible_initiative(request, slug)
    if not request.user.has_perm("network.change_initiative", initiative):
        raise PermissionDenied
    return initiative


def _filter_context(filters: queries.Filters) -> dict[str, Any]:
    return {
        "filters": filters,
        "countries": gazetteer.country_choices(),
        "topics": Topic.objects.all(),
        "working_language_choices": WORKING_LANGUAGES,
        "near_city": filters.near_city(),
        "radius_choices": [10, 25, 50, 100, 250, 500],
    }


def _querystring(request: HttpRequest) -> str:
    params = request.GET.copy()
    params.pop("page", None)
    return params.urlencode()


def directory(request: HttpRequest) -> HttpResponse:
    filters = queries.Filters.from_query(request.GET)
    page = Paginator(queries.directory(filters), PAGE_SIZE).get_page(request.GET.get("page"))
    context = {
        "page": page,
        "querystring": _querystring(request),
        "language": get_language(),
        **_filter_context(filters),
    }
    if request.user.is_authenticated:
        context["mine"] = list(services.initiatives_organized_by(request.user).only("name", "slug"))
    return render(request, "network/directory.html", context)


def map_page(request: HttpRequest) -> HttpResponse:
    filters = queries.Filters.from_query(request.GET)
    page = Paginator(queries.directory(filters), PAGE_SIZE).get_page(request.GET.get("page"))
    near = filters.near_city()
    return render(
        request,
        "network/map.html",
        {
            "page": page,
            "querystring": _querystring(request),
            "language": get_language(),
            "tile_url": getattr(settings, "MAP_TILE_URL", ""),
            "tile_attribution": getattr(settings, "MAP_TILE_ATTRIBUTION", ""),
            "center": [near.latitude, near.longitude] if near else [51.0, 15.0],
            "zoom": 9 if near else 4,
            **_filter_context(filters),
        },
    )


def map_data(request: HttpRequest) -> JsonResponse:
    data = queries.map_data(queries.Filters.from_query(request.GET))
    return JsonResponse(data)


def map_cities(request: HttpRequest) -> JsonResponse:
    """Labels of large cities for the base map (from the offline gazetteer)."""
    cities = [
        {"name": c.name, "lat": round(c.latitude, 3), "lon": round(c.longitude, 3)}
        for c in gazetteer.large_cities()
    ]
    response = JsonResponse({"cities": cities})
    response["Cache-Control"] = "public, max-age=86400"
    return response


def graph_page(request: HttpRequest) -> HttpResponse:
    filters = queries.Filters.from_query(request.GET)
    kind = queries.link_kind(request.GET.get("kind"))
    links, truncated = queries.graph_links(filters, kind)
    return render(
        request,
        "network/graph.html",
        {
            "links": links,
            "truncated": truncated,
            "limit": queries.GRAPH_LIMIT,
            "base_url": reverse("network:directory"),
            "querystring": _querystring(request),
            "kind": kind,
            "kinds": Link.Kind.choices,
            **_filter_context(filters),
        },
    )


def graph_data(request: HttpRequest) -> JsonResponse:
    filters = queries.Filters.from_query(request.GET)
    return JsonResponse(queries.graph_data(filters, queries.link_kind(request.GET.get("kind"))))


def initiative_detail(request: HttpRequest, slug: str) -> HttpResponse:
    initiative = _get_visible_initiative(request, slug)
    user = request.user
    language = get_language() or initiative.language
    name, description, shown_language = initiative.localized(language)
    links = list(
        Link.objects.confirmed()
        .involving(initiative)
        .filter(source__status="approved", target__status="approved")
        .select_related("source", "target")
        .order_by("kind", "pk")[:LINKS_SHOWN]
    )
    is_organizer = user.has_perm("network.change_initiative", initiative)
    membership = initiative.memberships.filter(user=user).first() if user.is_authenticated else None
    context: dict[str, Any] = {
        "initiative": initiative,
        "name": name,
        "description": description,
        "shown_language": shown_language,
        "shown_language_name": LANGUAGE_NAMES.get(shown_language, shown_language),
        "topics": list(initiative.topics.all()),
        "working_languages": [
            dict(WORKING_LANGUAGES).get(code, code)
            for code in initiative.working_languages.values_list("code", flat=True)
        ],
        "translations": [
            (t.language, LANGUAGE_NAMES.get(t.language, t.language))
            for t in initiative.translations.all()
        ],
        "links": [(link, link.other_side(initiative)) for link in links],
        "show_contact": initiative.contact_visible_to(user),
        "is_organizer": is_organizer,
        "can_view_members": user.has_perm("network.view_members", initiative),
        "can_review": user.has_perm("network.approve_initiative", initiative),
        "can_join": user.has_perm("network.join_initiative", initiative) and membership is None,
        "membership": membership,
    }
    if is_organizer:
        context["pending_members"] = initiative.memberships.filter(
            status=Membership.Status.REQUESTED
        ).count()
        context["pending_links"] = Link.objects.filter(
            target=initiative, status=Link.Status.PROPOSED
        ).count()
    if context["can_review"]:
        context["review_form"] = ReviewForm()
    return render(request, "network/initiative_detail.html", context)


@login_required
@rate_limited("post")
def initiative_create(request: HttpRequest) -> HttpResponse:
    form = InitiativeForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        initiative = services.initiative_create(
            user=request.user,
            fields=form.model_fields(),
            topics=form.cleaned_data["topics"],
            languages=form.cleaned_data["working_languages"],
            logo=form.logo,
        )
        messages.success(
            request,
            _("Your initiative was saved. A moderator will check it before it becomes public."),
        )
        return redirect(initiative)
    return render(request, "network/initiative_form.html", {"form": form, **_pin_context(form)})


def _pin_context(form: InitiativeForm) -> dict[str, Any]:
    return {"tile_url": getattr(settings, "MAP_TILE_URL", "")}


@login_required
@rate_limited("post")
def initiative_edit(request: HttpRequest, slug: str) -> HttpResponse:
    initiative = _get_initiative_for_organizer(request, slug)
    form = InitiativeForm(request.POST or None, request.FILES or None, instance=initiative)
    if request.method == "POST" and form.is_valid():
        services.initiative_update(
            initiative=initiative,
            user=request.user,
            fields=form.model_fields(),
            topics=form.cleaned_data["topics"],
            languages=form.cleaned_data["working_languages"],
            logo=form.logo,
            remove_logo=form.cleaned_data.get("remove_logo", False),
        )
        messages.success(request, _("The initiative was saved."))
        return redirect(initiative)
    translations = {t.language: t for t in initiative.translations.all()}
    return render(
        request,
        "network/initiative_form.html",
        {
            "form": form,
            "initiative": initiative,
            "translation_languages": [
                (code, label, code in translations)
                for code, label in settings.LANGUAGES
                if code != initiative.language
            ],
            **_pin_context(form),
        },
    )


@login_required
@rate_limited("post")
def translation_edit(request: HttpRequest, slug: str, language: str) -> HttpResponse:
    initiative = _get_initiative_for_organizer(request, slug)
    if language not in LANGUAGE_NAMES or language == initiative.language:
        raise Http404
    existing = initiative.translations.filter(language=language).first()
    initial = {"name": existing.name, "description": existing.description} if existing else {}
    form = TranslationForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        services.initiative_translation_save(
            initiative=initiative,
            user=request.user,
            language=language,
            name=form.cleaned_data["name"],
            description=form.cleaned_data["description"],
        )
        messages.success(request, _("The translation was saved."))
        return redirect("network:edit", slug=initiative.slug)
    return render(
        request,
        "network/translation_form.html",
        {
            "form": form,
            "initiative": initiative,
            "language": language,
            "language_name": LANGUAGE_NAMES[language],
        },
    )


@login_required
def mine(request: HttpRequest) -> HttpResponse:
    memberships = (
        Membership.objects.filter(user=request.user)
        .select_related("initiative")
        .order_by("initiative__name")
    )
    return render(request, "network/mine.html", {"memberships": memberships})


@login_required
def review_queue(request: HttpRequest) -> HttpResponse:
    if not request.user.has_perm("accounts.moderate"):
        raise PermissionDenied
    pending = Initiative.objects.filter(status=Initiative.Status.PENDING).order_by("created_at")
    page = Paginator(pending, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "network/review_queue.html", {"page": page, "form": ReviewForm()})


@login_required
@require_POST
@rate_limited("post")
def review_decide(request: HttpRequest, slug: str) -> HttpResponse:
    initiative = get_object_or_404(Initiative, slug=slug)
    if not request.user.has_perm("network.approve_initiative", initiative):
        raise PermissionDenied
    form = ReviewForm(request.POST)
    decision = request.POST.get("decision")
    if decision not in ("approve", "reject") or not form.is_valid():
        messages.error(request, _("Choose to approve or to reject."))
        return redirect("network:review")
    services.initiative_review(
        initiative=initiative,
        moderator=request.user,
        approve=decision == "approve",
        note=form.cleaned_data["note"],
    )
    if decision == "approve":
        messages.success(request, _("“%(name)s” is now public.") % {"name": initiative.name})
    else:
        messages.success(request, _("“%(name)s” was rejected.") % {"name": initiative.name})
    return redirect("network:review")


@login_required
@require_POST
@rate_limited("post")
def join(request: HttpRequest, slug: str) -> HttpResponse:
    initiative = _get_visible_initiative(request, slug)
    services.membership_request(initiative=initiative, user=request.user)
    messages.success(request, _("Your request to join was sent to the organizers."))
    return redirect(initiative)


@login_required
@rate_limited("post")
def members(request: HttpRequest, slug: str) -> HttpResponse:
    initiative = _get_visible_initiative(request, slug)
    if not request.user.has_perm("network.view_members", initiative):
        raise PermissionDenied
    can_manage = request.user.has_perm("network.manage_members", initiative)
    if request.method == "POST":
        if not can_manage:
            raise PermissionDenied
        membership = get_object_or_404(
            Membership, initiative=initiative, pk=request.POST.get("membership")
        )
        try:
            services.membership_decide(
                membership=membership,
                organizer=request.user,
                action=request.POST.get("action", ""),
            )
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(request, _("The membership was updated."))
        return redirect("network:members", slug=initiative.slug)
    rows = initiative.memberships.select_related("user").order_by("status", "role", "pk")
    return render(
        request,
        "network/members.html",
        {"initiative": initiative, "memberships": rows, "can_manage": can_manage},
    )


@login_required
@rate_limited("post")
def links(request: HttpRequest, slug: str) -> HttpResponse:
    initiative = _get_initiative_for_organizer(request, slug)
    find = str(request.GET.get("find", "")).strip()[:80]
    candidates = []
    if find:
        found = queries.filter_initiatives(Initiative.objects.public(), queries.Filters(q=find))
        candidates = list(found.exclude(pk=initiative.pk).order_by("name")[:LINK_CANDIDATES])
    form = LinkProposalForm(request.POST or None, source=initiative, candidates=candidates)
    if request.method == "POST" and form.is_valid():
        try:
            services.link_propose(
                source=initiative,
                target=form.cleaned_data["target"],
                kind=form.cleaned_data["kind"],
                user=request.user,
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        except PermissionDenied:
            form.add_error(None, _("Only public initiatives can propose links."))
        else:
            messages.success(
                request,
                _("The link was proposed. It appears once the other initiative confirms it."),
            )
            return redirect("network:links", slug=initiative.slug)
    all_links = (
        Link.objects.involving(initiative)
        .select_related("source", "target")
        .order_by("status", "kind", "pk")
    )
    return render(
        request,
        "network/links.html",
        {
            "initiative": initiative,
            "form": form,
            "find": find,
            "candidates": candidates,
            "candidates_limit": LINK_CANDIDATES,
            "incoming": [
                link
                for link in all_links
                if link.status == "proposed" and link.target_id == initiative.pk
            ],
            "outgoing": [
                link
                for link in all_links
                if link.status == "proposed" and link.source_id == initiative.pk
            ],
            "confirmed": [
                (link, link.other_side(initiative))
                for link in all_links
                if link.status == "confirmed"
            ],
        },
    )


def _get_link_for(request: HttpRequest, pk: int, slug: str) -> tuple[Link, Initiative]:
    initiative = _get_initiative_for_organizer(request, slug)
    link = get_object_or_404(
        Link.objects.select_related("source", "target"),
        Q(source=initiative) | Q(target=initiative),
        pk=pk,
    )
    return link, initiative


@login_required
@require_POST
@rate_limited("post")
def link_confirm(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    link, initiative = _get_link_for(request, pk, slug)
    services.link_confirm(link=link, user=request.user)
    messages.success(request, _("The link is confirmed and now public."))
    return redirect("network:links", slug=initiative.slug)


@login_required
@require_POST
@rate_limited("post")
def link_end(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    link, initiative = _get_link_for(request, pk, slug)
    services.link_end(link=link, user=request.user)
    messages.success(request, _("The link was removed."))
    return redirect("network:links", slug=initiative.slug)
