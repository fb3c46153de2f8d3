"""Pages of votes abroad: the finder, station pages, pledges, rides, queues, results.

Every page works without JavaScript; the map and the live refresh are enhancements.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from horizont.abroad import calendar, finder, results, services
from horizont.abroad.forms import (
    CsvImportForm,
    FinderForm,
    GuestPledgeForm,
    NoticeForm,
    QueueReportForm,
    RideContactForm,
    RideForm,
    StationForm,
    VoteForm,
)
from horizont.abroad.models import Notice, Pledge, Ride, RideContact, Station, Vote
from horizont.core.links import site_base_url
from horizont.core.ratelimit import rate_limited
from horizont.lib.csvsafe import SafeCsvWriter
from horizont.network import gazetteer

LIVE_REFRESH_SECONDS = 60


def _coordinator(request: HttpRequest) -> None:
    if not request.user.has_perm("abroad.manage_stations"):
        raise PermissionDenied


def _station(slug: str) -> Station:
    related = ("vote", "vote__results", "official__election", "previous_official__election")
    return get_object_or_404(Station.objects.select_related(*related), slug=slug)


# --- finder ------------------------------------------------------------------------------


def finder_page(request: HttpRequest, slug: str | None = None) -> HttpResponse:
    vote = get_object_or_404(Vote, slug=slug) if slug else finder.default_vote()
    if vote is None:
        can_manage = request.user.has_perm("abroad.manage_stations")
        return render(request, "abroad/empty.html", {"can_manage": can_manage})
    form = FinderForm(request.GET or None, countries=finder.countries(vote))
    query = finder.Query.from_form(form)
    found = finder.search(vote, query)
    return render(
        request,
        "abroad/finder.html",
        {
            "vote": vote,
            "votes": Vote.objects.all(),
            "form": form,
            "query": query,
            "found": found,
            "querystring": request.GET.urlencode(),
            "tile_url": getattr(settings, "MAP_TILE_URL", ""),
            "tile_attribution": getattr(settings, "MAP_TILE_ATTRIBUTION", ""),
            "center": found.center,
            "zoom": 8 if query.near_city else 4,
            "can_manage": request.user.has_perm("abroad.manage_stations"),
        },
    )


def finder_map_data(request: HttpRequest, slug: str) -> JsonResponse:
    vote = get_object_or_404(Vote, slug=slug)
    form = FinderForm(request.GET or None, countries=finder.countries(vote))
    found = finder.search(vote, finder.Query.from_form(form))
    return JsonResponse(
        {
            "markers": [
                {
                    "slug": row.station.slug,
                    "name": str(row.station),
                    "city": row.station.city,
                    "lat": round(row.station.latitude, 5),
                    "lon": round(row.station.longitude, 5),
                }
                for row in found.rows
                if row.station.has_location
            ]
        }
    )


# --- station page ------------------------------------------------------------------------


def station_detail(request: HttpRequest, slug: str) -> HttpResponse:
    station = _station(slug)
    if services.links_refresh(station.vote):  # results imported since the last linking
        station = _station(slug)
    near = finder.near_city(request.GET.get("near", ""), station.country)
    distance = None
    if near is not None and station.has_location:
        distance = gazetteer.distance_km(
            near.latitude, near.longitude, station.latitude, station.longitude
        )
    my_pledge = None
    if request.user.is_authenticated:
        my_pledge = Pledge.objects.filter(vote=station.vote, user=request.user).first()
    rides = station.rides.filter(hidden=False).select_related("author", "pledge")
    guest_rides_url = _guest_rides_url(request, station)
    return render(
        request,
        "abroad/station.html",
        {
            "station": station,
            "vote": station.vote,
            "hours": station.opening_hours(),
            "guidance": station.vote.guidance(),
            "near": near,
            "distance": distance,
            "pledges": station.pledge_count,
            "my_pledge": my_pledge,
            "guest_form": GuestPledgeForm(),
            "rides": rides,
            "queue_reports": station.queue_reports.all()[:5],
            "notices": station.notices.all(),
            "queue_form": QueueReportForm(),
            "notice_form": NoticeForm(),
            "results": results.station_results(station),
            "can_manage": request.user.has_perm("abroad.manage_stations"),
            "can_moderate": request.user.has_perm("abroad.moderate_rides"),
            "guest_rides_url": guest_rides_url,
            "now": timezone.now(),
        },
    )


# A guest who confirmed a pledge in this browser: the station page links to their rides.
GUEST_PLEDGE_SESSION_KEY = "abroad_guest_pledge"


def _guest_rides_url(request: HttpRequest, station: Station) -> str:
    pk = (
        request.session.get(GUEST_PLEDGE_SESSION_KEY) if not request.user.is_authenticated else None
    )
    if pk is None:
        return ""
    pledge = Pledge.objects.filter(
        pk=pk, station=station, user__isnull=True, status=Pledge.Status.CONFIRMED,
        erased_at__isnull=True,
    ).first()  # fmt: skip
    return services.rides_url(pledge, "") if pledge else ""


def station_ics(request: HttpRequest, slug: str) -> HttpResponse:
    station = _station(slug)
    return calendar.response(request, station)


def station_qr(request: HttpRequest, slug: str) -> HttpResponse:
    station = _station(slug)
    url = site_base_url(request) + station.get_absolute_url()
    return HttpResponse(finder.qr_svg(url), content_type="image/svg+xml")


# --- pledges -----------------------------------------------------------------------------


@require_POST
@rate_limited("post")
def pledge(request: HttpRequest, slug: str) -> HttpResponse:
    station = _station(slug)
    if station.vote.is_over():
        messages.error(request, _("This vote is over."))
        return redirect(station)
    if request.user.is_authenticated:
        try:
            services.pledge_member(station=station, user=request.user)
        except services.AlreadyPledged:
            messages.info(request, _("You have already pledged to vote here."))
        else:
            messages.success(request, _("Thank you! We will remind you before the vote."))
        return redirect(station)
    form = GuestPledgeForm(request.POST)
    if not form.is_valid():
        return render(
            request, "abroad/pledge_guest.html", {"station": station, "form": form}, status=400
        )
    services.pledge_guest(
        station=station, email=form.cleaned_data["email"], base_url=site_base_url(request)
    )
    return render(request, "abroad/check_mail.html", {"station": station})


@login_required
@require_POST
def pledge_withdraw(request: HttpRequest, slug: str) -> HttpResponse:
    station = _station(slug)
    mine = Pledge.objects.filter(vote=station.vote, user=request.user).first()
    if mine is not None:
        services.pledge_withdraw(pledge=mine)
        messages.info(request, _("Your pledge was withdrawn."))
    return redirect(station)


def pledge_confirm(request: HttpRequest, token: str) -> HttpResponse:
    try:
        found = services.pledge_from_token(token, purpose="confirm")
    except services.BadToken:
        return render(request, "abroad/bad_link.html", status=400)
    if request.method == "POST":
        services.pledge_confirm(pledge=found)
        if found.user_id is None:
            request.session[GUEST_PLEDGE_SESSION_KEY] = found.pk
        messages.success(
            request, _("Your pledge is confirmed. We will remind you before the vote.")
        )
        return redirect(found.station)
    return render(
        request, "abroad/pledge_confirm.html", {"pledge": found, "station": found.station}
    )


def unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    try:
        found = services.pledge_from_token(token, purpose="unsubscribe")
    except services.BadToken:
        return render(request, "abroad/bad_link.html", status=400)
    if request.method == "POST":
        services.pledge_unsubscribe(pledge=found)
        return render(request, "abroad/unsubscribed.html", {"station": found.station})
    return render(request, "abroad/unsubscribe.html", {"pledge": found, "station": found.station})


# --- rides -------------------------------------------------------------------------------


@login_required
@rate_limited("post")
def ride_new(request: HttpRequest, slug: str) -> HttpResponse:
    station = _station(slug)
    form = RideForm(request.POST or None, station=station)
    if request.method == "POST" and form.is_valid():
        ride = form.save(commit=False)
        ride.station = station
        services.ride_create(ride=ride, author=request.user)
        messages.success(request, _("Your ride is listed. Others write to you through the site."))
        return redirect(station)
    return render(request, "abroad/ride_form.html", {"station": station, "form": form})


@rate_limited("post")
def ride_new_guest(request: HttpRequest, token: str) -> HttpResponse:
    """A guest whose pledge is confirmed offers or asks for a ride, through the signed
    link of their reminder or of the station page after confirming (no account)."""
    try:
        found = services.pledge_for_rides(token)
    except services.BadToken:
        return render(request, "abroad/bad_link.html", status=400)
    station = found.station
    if station.vote.is_over():
        messages.error(request, _("This vote is over."))
        return redirect(station)
    form = RideForm(request.POST or None, station=station)
    if request.method == "POST" and form.is_valid():
        try:
            services.ride_create(ride=form.save(commit=False), pledge=found)
        except services.TooManyRides:
            messages.error(
                request,
                _("You have listed %(count)s rides already; that is the most one person can.")
                % {"count": services.GUEST_RIDES_MAX},
            )
        else:
            messages.success(
                request, _("Your ride is listed. Others write to you through the site.")
            )
        return redirect(station)
    mine = found.rides.all()
    return render(
        request,
        "abroad/ride_form.html",
        {"station": station, "form": form, "guest": True, "mine": mine},
        status=400 if form.errors else 200,
    )


def ride_accept_guest(request: HttpRequest, token: str) -> HttpResponse:
    """A guest agrees to share addresses with someone who wrote about their ride."""
    try:
        contact = services.contact_from_token(token)
    except services.BadToken:
        return render(request, "abroad/bad_link.html", status=400)
    if contact.ride.pledge_id is None:
        raise PermissionDenied
    return _ride_accept_page(request, contact)


def _ride_accept_page(request: HttpRequest, contact: RideContact) -> HttpResponse:
    """The driver (by account or by the link in the mail) agrees to share addresses."""
    if request.method == "POST":
        services.ride_accept(contact=contact, base_url=site_base_url(request))
        messages.success(request, _("You both received each other's e-mail address."))
        return redirect(contact.ride.station)
    return render(request, "abroad/ride_accept.html", {"contact": contact})


@login_required
@rate_limited("post")
def ride_contact(request: HttpRequest, pk: int) -> HttpResponse:
    ride = get_object_or_404(
        Ride.objects.select_related("station", "author", "pledge"), pk=pk, hidden=False
    )
    if ride.author_id == request.user.pk:
        messages.error(request, _("This is your own ride."))
        return redirect(ride.station)
    form = RideContactForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.ride_contact(
                ride=ride,
                sender=request.user,
                message=form.cleaned_data["message"],
                base_url=site_base_url(request),
            )
        except services.OwnRide:
            messages.error(request, _("This is your own ride."))
            return redirect(ride.station)
        messages.success(
            request, _("Your message was passed on. You get their address once they agree.")
        )
        return redirect(ride.station)
    return render(request, "abroad/ride_contact.html", {"ride": ride, "form": form})


@login_required
def ride_accept(request: HttpRequest, pk: int) -> HttpResponse:
    contact = get_object_or_404(
        RideContact.objects.select_related("ride", "ride__station", "ride__author", "sender"), pk=pk
    )
    if contact.ride.author_id != request.user.pk:
        raise PermissionDenied
    return _ride_accept_page(request, contact)


@require_POST
def ride_hide(request: HttpRequest, pk: int) -> HttpResponse:
    ride = get_object_or_404(Ride.objects.select_related("station"), pk=pk)
    if not request.user.has_perm("abroad.moderate_rides"):
        raise PermissionDenied
    services.ride_hide(ride=ride, actor=request.user)
    messages.info(request, _("The ride is hidden."))
    return redirect(ride.station)


# --- queues and notices --------------------------------------------------------------------


@require_POST
@rate_limited("abroad_queue")
def queue_report(request: HttpRequest, slug: str) -> HttpResponse:
    station = _station(slug)
    form = QueueReportForm(request.POST)
    if not form.is_valid():
        return render(
            request, "abroad/queue_form.html", {"station": station, "form": form}, status=400
        )
    services.queue_report(station=station, **form.cleaned_data)
    messages.success(request, _("Thank you for reporting the queue."))
    return redirect(station)


@require_POST
def notice_pin(request: HttpRequest, slug: str) -> HttpResponse:
    station = _station(slug)
    if not request.user.has_perm("abroad.pin_notice"):
        raise PermissionDenied
    form = NoticeForm(request.POST)
    if form.is_valid():
        services.notice_pin(station=station, text=form.cleaned_data["text"], actor=request.user)
        messages.success(request, _("The notice is pinned."))
    else:
        messages.error(request, _("A notice has 1 to 300 characters."))
    return redirect(station)


@require_POST
def notice_remove(request: HttpRequest, pk: int) -> HttpResponse:
    notice = get_object_or_404(Notice.objects.select_related("station"), pk=pk)
    if not request.user.has_perm("abroad.pin_notice"):
        raise PermissionDenied
    services.notice_remove(notice=notice, actor=request.user)
    return redirect(notice.station)


def live_page(request: HttpRequest, slug: str, country: str) -> HttpResponse:
    vote = get_object_or_404(Vote, slug=slug)
    country = country.upper()
    stations = list(vote.stations.filter(country=country))
    if not stations:
        raise Http404
    return render(
        request,
        "abroad/live.html",
        {
            "vote": vote,
            "country": country,
            "country_name": gazetteer.country_name(country),
            "rows": finder.live_rows(stations),
            "refresh": LIVE_REFRESH_SECONDS,
            "now": timezone.now(),
        },
    )


# --- results -----------------------------------------------------------------------------


def results_page(request: HttpRequest, slug: str, country: str = "") -> HttpResponse:
    vote = get_object_or_404(Vote.objects.select_related("results"), slug=slug)
    if vote.results_id is None:
        raise Http404
    services.links_refresh(vote)
    city = request.GET.get("city", "")[:120]
    table = results.vote_results(vote, country=country.upper(), city=city)
    return render(
        request,
        "abroad/results.html",
        {
            "vote": vote,
            "table": table,
            "city": city,
            "country": country.upper(),
            "country_name": gazetteer.country_name(country.upper()) if country else "",
        },
    )


def results_csv(request: HttpRequest, slug: str) -> HttpResponse:
    vote = get_object_or_404(Vote.objects.select_related("results"), slug=slug)
    if vote.results_id is None:
        raise Http404
    services.links_refresh(vote)
    table = results.vote_results(
        vote,
        country=request.GET.get("country", "").upper()[:2],
        city=request.GET.get("city", "")[:120],
    )
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{vote.slug}-abroad.csv"'
    writer = SafeCsvWriter(response)
    writer.writerow(
        ["number", "country", "city", "registered", "ballots_issued", "turnout", "pledges",
         *table.parties]
    )  # fmt: skip
    for row in table.rows:
        writer.writerow(
            [row.station.number, row.station.country, row.station.city, row.registered,
             row.ballots_issued, "" if row.turnout is None else f"{row.turnout:.4f}",
             row.pledges, *row.votes]
        )  # fmt: skip
    return response


# --- coordinators --------------------------------------------------------------------------


def manage(request: HttpRequest) -> HttpResponse:
    _coordinator(request)
    form = VoteForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        vote = services.vote_save(vote=form.save(commit=False), actor=request.user)
        messages.success(request, _("The vote was created."))
        return redirect("abroad:manage_vote", vote.slug)
    return render(request, "abroad/manage.html", {"votes": Vote.objects.all(), "form": form})


def manage_vote(request: HttpRequest, slug: str) -> HttpResponse:
    _coordinator(request)
    vote = get_object_or_404(Vote, slug=slug)
    form = VoteForm(request.POST or None, instance=vote)
    if request.method == "POST" and form.is_valid():
        services.vote_save(vote=form.save(commit=False), actor=request.user)
        messages.success(request, _("The vote was saved."))
        return redirect("abroad:manage_vote", vote.slug)
    return render(
        request,
        "abroad/manage_vote.html",
        {
            "vote": vote,
            "form": form,
            "csv_form": CsvImportForm(),
            "stations": vote.stations.all(),
            "columns_doc": services.stationcsv.__doc__,
        },
    )


@require_POST
def import_results(request: HttpRequest, slug: str) -> HttpResponse:
    _coordinator(request)
    vote = get_object_or_404(Vote, slug=slug)
    try:
        created, updated = services.stations_import_results(vote=vote, actor=request.user)
    except services.ImportRefused as refused:
        for error in refused.errors:
            messages.error(request, error)
    else:
        messages.success(
            request,
            _("%(created)s stations created, %(updated)s updated.")
            % {"created": created, "updated": updated},
        )
    return redirect("abroad:manage_vote", vote.slug)


def import_csv(request: HttpRequest, slug: str) -> HttpResponse:
    _coordinator(request)
    vote = get_object_or_404(Vote, slug=slug)
    form = CsvImportForm(request.POST or None, request.FILES or None)
    errors: list[str] = []
    if request.method == "POST" and form.is_valid():
        try:
            created, updated = services.stations_import_csv(
                vote=vote, data=form.cleaned_data["file"].read(), actor=request.user
            )
        except services.ImportRefused as refused:
            errors = refused.errors
        else:
            messages.success(
                request,
                _("%(created)s stations created, %(updated)s updated.")
                % {"created": created, "updated": updated},
            )
            return redirect("abroad:manage_vote", vote.slug)
    return render(
        request,
        "abroad/import_csv.html",
        {"vote": vote, "form": form, "errors": errors, "columns_doc": services.stationcsv.__doc__},
        status=400 if errors or form.errors else 200,
    )


def station_edit(request: HttpRequest, slug: str, station_slug: str | None = None) -> HttpResponse:
    _coordinator(request)
    vote = get_object_or_404(Vote, slug=slug)
    station = get_object_or_404(Station, vote=vote, slug=station_slug) if station_slug else None
    form = StationForm(request.POST or None, instance=station, vote=vote)
    if request.method == "POST" and form.is_valid():
        station = services.station_save(
            vote=vote, values=form.values(), actor=request.user, station=station
        )
        messages.success(request, _("The station was saved."))
        return redirect(station)
    return render(
        request, "abroad/station_form.html", {"vote": vote, "station": station, "form": form}
    )
