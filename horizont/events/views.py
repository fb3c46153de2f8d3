from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from horizont.core.links import site_base_url
from horizont.core.ratelimit import rate_limited
from horizont.events import calendar, services
from horizont.events.forms import EventFilterForm, EventForm, GuestRegistrationForm
from horizont.events.models import Event, Registration
from horizont.events.timezones import TZ_COOKIE, viewer_zone, zone_names, zone_options
from horizont.network.models import Initiative

PER_PAGE = 20
# The guest registrations confirmed in this browser, so the event page can say so.
GUEST_SESSION_KEY = "events_guest_registrations"


def _get_event(request: HttpRequest, pk: int) -> Event:
    event = get_object_or_404(Event.objects.select_related("initiative"), pk=pk)
    if not request.user.has_perm("events.view_event", event):
        raise Http404
    return event


def _get_event_for_organizer(request: HttpRequest, pk: int) -> Event:
    event = _get_event(request, pk)
    if not request.user.has_perm("events.change_event", event):
        raise PermissionDenied
    return event


def _remember_zone(request: HttpRequest, response: HttpResponse) -> HttpResponse:
    """A zone chosen with ``?tz=`` is kept in the cookie the browser script also sets."""
    chosen = request.GET.get("tz")
    if chosen and chosen in zone_names():
        response.set_cookie(TZ_COOKIE, chosen, max_age=365 * 24 * 3600, samesite="Lax")
    return response


def _time_context(request: HttpRequest) -> dict[str, Any]:
    zone = viewer_zone(request)
    name = zone.key if zone else ""
    return {"viewer_zone": zone, "viewer_zone_name": name, "zone_options": zone_options(name)}


def _page(queryset: Any, number: str | None) -> dict[str, Any]:
    """A page of rows without counting them all: one row more tells whether there is a next."""
    try:
        page = max(1, int(number or 1))
    except ValueError:
        page = 1
    offset = (page - 1) * PER_PAGE
    rows = list(queryset[offset : offset + PER_PAGE + 1])
    return {
        "rows": rows[:PER_PAGE],
        "number": page,
        "has_previous": page > 1,
        "has_next": len(rows) > PER_PAGE,
        "previous_number": page - 1,
        "next_number": page + 1,
    }


def event_list(request: HttpRequest) -> HttpResponse:
    form = EventFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    events = Event.objects.public().select_related("initiative")
    now = timezone.now()
    past = filters.get("when") == "past"
    events = events.past(now) if past else events.upcoming(now)
    initiative = None
    if filters.get("city"):
        events = events.in_city(filters["city"])
    if filters.get("kind"):
        events = events.filter(kind=filters["kind"])
    if filters.get("initiative"):
        initiative = Initiative.objects.public().filter(slug=filters["initiative"]).first()
        events = events.filter(initiative=initiative) if initiative else events.none()
    events = events.only(
        "pk",
        "title",
        "kind",
        "status",
        "start",
        "end",
        "timezone",
        "city",
        "country",
        "report_url",
        "initiative__name",
        "initiative__language",
        "initiative__slug",
        "initiative__status",
    )
    context = {
        "form": form,
        "page": _page(events, request.GET.get("page")),
        "past": past,
        "initiative": initiative,
        "city": filters.get("city", ""),
        "can_create": Initiative.objects.organized_by(request.user).exists()
        if request.user.is_authenticated
        else False,
        **_time_context(request),
    }
    return _remember_zone(request, render(request, "events/list.html", context))


def _remember_guest(request: HttpRequest, registration: Registration) -> None:
    known = [pk for pk in request.session.get(GUEST_SESSION_KEY, []) if pk != registration.pk]
    request.session[GUEST_SESSION_KEY] = [*known[-49:], registration.pk]


def _guest_registration(request: HttpRequest, event: Event) -> Registration | None:
    """The guest registration this browser confirmed for ``event``, while it is active."""
    known = request.session.get(GUEST_SESSION_KEY, [])
    if not known:
        return None
    active = [Registration.Status.CONFIRMED, Registration.Status.WAITING]
    return Registration.objects.filter(
        event=event, pk__in=known, user=None, status__in=active
    ).first()


def event_detail(request: HttpRequest, pk: int) -> HttpResponse:
    event = _get_event(request, pk)
    registration = None
    guest_cancel_url = ""
    if request.user.is_authenticated:
        registration = Registration.objects.filter(event=event, user=request.user).first()
    else:
        registration = _guest_registration(request, event)
        if registration is not None:
            guest_cancel_url = reverse(
                "events:registration_cancel", args=[services.cancel_token(registration)]
            )
    context = {
        "event": event,
        "registration": registration,
        "guest_cancel_url": guest_cancel_url,
        "guest_form": GuestRegistrationForm(),
        "is_organizer": request.user.has_perm("events.change_event", event),
        "show_online_link": request.user.has_perm("events.view_online_link", event)
        or bool(registration and registration.user_id is None and registration.holds_place),
        "is_past": event.is_past(),
        "confirmed_count": event.registrations.filter(status=Registration.Status.CONFIRMED).count(),
        **_time_context(request),
    }
    return _remember_zone(request, render(request, "events/detail.html", context))


@login_required
@rate_limited("post")
def event_create(request: HttpRequest) -> HttpResponse:
    initiatives = Initiative.objects.organized_by(request.user)
    if not initiatives.exists():
        raise PermissionDenied
    initial = {}
    if request.GET.get("initiative"):
        initial["initiative"] = initiatives.filter(slug=request.GET["initiative"]).first()
    form = EventForm(request.POST or None, initiatives=initiatives, initial=initial)
    if request.method == "POST" and form.is_valid():
        event = form.save(commit=False)
        if not request.user.has_perm("events.add_event", event.initiative):
            raise PermissionDenied
        services.event_create(event=event, actor=request.user)
        messages.success(request, _("The event was created."))
        return redirect(event)
    return render(request, "events/form.html", {"form": form, "event": None})


@login_required
@rate_limited("post")
def event_edit(request: HttpRequest, pk: int) -> HttpResponse:
    event = _get_event_for_organizer(request, pk)
    form = EventForm(request.POST or None, instance=event)
    if request.method == "POST" and form.is_valid():
        promoted = services.event_update(
            event=form.save(commit=False), actor=request.user, base_url=site_base_url(request)
        )
        messages.success(request, _("The event was saved."))
        if promoted:
            messages.info(
                request,
                _("Moved up from the waiting list and told by e-mail: %(count)d.")
                % {"count": len(promoted)},
            )
        return redirect(event)
    return render(request, "events/form.html", {"form": form, "event": event})


@login_required
@rate_limited("post")
def event_cancel(request: HttpRequest, pk: int) -> HttpResponse:
    event = _get_event_for_organizer(request, pk)
    if request.method == "POST":
        told = services.event_cancel(
            event=event, actor=request.user, base_url=site_base_url(request)
        )
        messages.success(
            request,
            _("The event was cancelled. Registered people told by e-mail: %(count)d.")
            % {"count": told},
        )
        return redirect(event)
    return render(request, "events/cancel.html", {"event": event})


@login_required
def event_participants(request: HttpRequest, pk: int) -> HttpResponse:
    event = _get_event(request, pk)
    if not request.user.has_perm("events.view_registrations", event):
        if request.user.has_perm("events.change_event", event):
            # An organizer without two-factor: say why and how, rather than a bare 403.
            context = {"event": event, "enrolled": request.user.mfa_enrolled}
            return render(request, "events/participants_need_mfa.html", context, status=403)
        raise PermissionDenied
    registrations = (
        event.registrations.select_related("user")
        .exclude(status=Registration.Status.CANCELLED)
        .order_by("status", "queued_at", "created_at")
    )
    return render(
        request, "events/participants.html", {"event": event, "registrations": registrations}
    )


@require_POST
@rate_limited("post")
def event_register(request: HttpRequest, pk: int) -> HttpResponse:
    event = _get_event(request, pk)
    base_url = site_base_url(request)
    try:
        if request.user.is_authenticated:
            registration = services.registration_register_user(
                event=event, user=request.user, base_url=base_url
            )
            if registration.status == Registration.Status.CONFIRMED:
                messages.success(request, _("You are registered. See you there!"))
            else:
                messages.info(
                    request,
                    _("The event is full: you are on the waiting list. We write when it frees up."),
                )
            return redirect(event)
        form = GuestRegistrationForm(request.POST)
        if not form.is_valid():
            context = {
                "event": event,
                "guest_form": form,
                "is_past": event.is_past(),
                "confirmed_count": event.registrations.filter(
                    status=Registration.Status.CONFIRMED
                ).count(),
                **_time_context(request),
            }
            return render(request, "events/detail.html", context, status=400)
        services.registration_register_guest(
            event=event,
            name=form.cleaned_data["name"],
            email=form.cleaned_data["email"],
            base_url=base_url,
        )
    except services.RegistrationClosed:
        messages.error(request, _("Registration is closed: the event is cancelled or over."))
        return redirect(event)
    return render(request, "events/check_mail.html", {"event": event})


@login_required
@require_POST
@rate_limited("post")
def event_unregister(request: HttpRequest, pk: int) -> HttpResponse:
    event = _get_event(request, pk)
    registration = get_object_or_404(Registration, event=event, user=request.user)
    services.registration_cancel(registration=registration, base_url=site_base_url(request))
    messages.success(request, _("Your registration was cancelled."))
    return redirect(event)


def _registration_or_invalid(request: HttpRequest, token: str, purpose: str) -> Any:
    try:
        return services.registration_from_token(token, purpose=purpose)
    except services.BadToken:
        return render(request, "events/bad_link.html", status=400)


@rate_limited("post")
def registration_confirm(request: HttpRequest, token: str) -> HttpResponse:
    """Confirm on POST only: mail scanners that open links must not take places."""
    registration = _registration_or_invalid(request, token, "confirm")
    if isinstance(registration, HttpResponse):
        return registration
    if request.method == "POST":
        try:
            registration = services.registration_confirm(
                registration=registration, base_url=site_base_url(request)
            )
        except services.RegistrationClosed:
            messages.error(request, _("Registration is closed: the event is cancelled or over."))
            return redirect(registration.event)
        if registration.is_active:
            _remember_guest(request, registration)
        if registration.status == Registration.Status.CONFIRMED:
            messages.success(request, _("Your place is confirmed. We sent you the details."))
        elif registration.status == Registration.Status.WAITING:
            messages.info(request, _("The event is full: you are on the waiting list."))
        return redirect(registration.event)
    return render(request, "events/registration_confirm.html", {"registration": registration})


@rate_limited("post")
def registration_cancel(request: HttpRequest, token: str) -> HttpResponse:
    registration = _registration_or_invalid(request, token, "cancel")
    if isinstance(registration, HttpResponse):
        return registration
    if request.method == "POST":
        services.registration_cancel(registration=registration, base_url=site_base_url(request))
        messages.success(request, _("Your registration was cancelled."))
        return redirect(registration.event)
    return render(request, "events/registration_cancel.html", {"registration": registration})


# --- iCalendar ---------------------------------------------------------------------------


def event_ics(request: HttpRequest, pk: int) -> HttpResponse:
    event = _get_event(request, pk)
    return calendar.response(request, [event], name=f"event-{event.pk}", title=event.title)


def feed_all(request: HttpRequest) -> HttpResponse:
    events = calendar.feed_events(Event.objects.public())
    return calendar.response(request, events, name="horizont-events", title=_("Horizont events"))


def feed_initiative(request: HttpRequest, slug: str) -> HttpResponse:
    initiative = get_object_or_404(Initiative.objects.public(), slug=slug)
    events = calendar.feed_events(Event.objects.filter(initiative=initiative))
    return calendar.response(request, events, name=f"events-{slug}", title=initiative.name)


def feed_city(request: HttpRequest, city: str) -> HttpResponse:
    events = calendar.feed_events(Event.objects.public().in_city(city))
    return calendar.response(
        request, events, name="events-city", title=_("Events in %(city)s") % {"city": city}
    )
