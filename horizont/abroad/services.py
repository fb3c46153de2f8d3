"""Workflows of votes abroad: station imports, pledges, reminders, clean-up, rides, queues.

Every change coordinators make is written to the audit log. Pledges by guests hold an
encrypted address and a keyed digest of it (to find duplicates) until the address is
erased some days after the vote (``ABROAD_GUEST_RETENTION_DAYS``).
"""

from __future__ import annotations

import copy
import datetime as dt
import logging
from collections.abc import Callable
from typing import Any
from urllib.parse import urlsplit

from django.conf import settings
from django.core import mail
from django.db import DEFAULT_DB_ALIAS, IntegrityError, connections, transaction
from django.db.models import Count, Exists, F, OuterRef
from django.db.utils import load_backend
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from horizont import tasks
from horizont.abroad import stationcsv
from horizont.abroad.models import (
    Notice,
    Pledge,
    QueueReport,
    ReminderSent,
    Ride,
    RideContact,
    Station,
    Vote,
    email_digest,
)
from horizont.accounts.services import register_erasure, register_export
from horizont.audit.services import audit_record
from horizont.core import tokens
from horizont.core.links import site_base_url
from horizont.network import gazetteer

logger = logging.getLogger(__name__)

CONFIRM_SALT = "horizont.abroad.confirm"
UNSUBSCRIBE_SALT = "horizont.abroad.unsubscribe"
RIDE_SALT = "horizont.abroad.ride"  # a confirmed guest offers or asks for a ride
ACCEPT_SALT = "horizont.abroad.ride_accept"  # a guest agrees to share addresses
GUEST_RIDES_MAX = 5  # rides one guest may list for a vote
CONFIRM_MAX_AGE = 3 * 24 * 3600  # a guest has three days to confirm
# The reminder the day before goes out between 18:00 and 22:00 local time (never at night).
EVE_HOURS = (dt.time(18, 0), dt.time(22, 0))
MORNING_HOUR = dt.time(7, 0)  # the morning reminder from 07:00 local time
# Rows one worker locks at a time (PostgreSQL); each reminder is recorded on its own.
REMINDER_BATCH = 500
# Fields coordinators edit; the audit log records which of them changed.
STATION_FIELDS = (
    "country", "city", "host", "address", "latitude", "longitude", "timezone", "hours",
    "accessibility", "region", "district",
)  # fmt: skip


class ImportRefused(Exception):
    """The file or the election cannot be imported; ``errors`` says why, row by row."""

    def __init__(self, errors: list[str]) -> None:
        super().__init__("; ".join(errors))
        self.errors = errors


BadToken = tokens.BadToken  # a confirmation or unsubscribe link is forged, broken or expired


class AlreadyPledged(Exception):
    """The person already pledged to vote at this station."""


# --- stations ----------------------------------------------------------------------------


def _locate(values: dict[str, Any]) -> None:
    """Coordinates from the gazetteer when no pin was given (city level)."""
    if values.get("latitude") is None and values.get("city") and values.get("country"):
        city = gazetteer.find_city(values["city"], values["country"])
        if city is not None:
            values["latitude"], values["longitude"] = city.latitude, city.longitude


def _changes(station: Station, values: dict[str, Any]) -> dict[str, list[Any]]:
    return {
        name: [getattr(station, name), value]
        for name, value in values.items()
        if name in STATION_FIELDS and getattr(station, name) != value
    }


def station_save(
    *, vote: Vote, values: dict[str, Any], actor: Any, station: Station | None = None
) -> Station:
    """Create or change one station by hand; marks it as checked and audits the change."""
    values = dict(values)
    _locate(values)
    with transaction.atomic():
        if station is None:
            station = Station(vote=vote, number=values.pop("number"))
            station.slug = f"{vote.slug}-{station.number}"
            action = "abroad.station_create"
            changes = _changes(station, values)
        else:
            values.pop("number", None)
            action = "abroad.station_update"
            # A bound ModelForm has already written its values onto the instance.
            changes = _changes(Station.objects.get(pk=station.pk), values)
        for name, value in values.items():
            setattr(station, name, value)
        station.checked_at = timezone.now()
        station.save()
        if action == "abroad.station_create":
            stations_link_results(vote=vote)
            station.refresh_from_db()
        audit_record(actor=actor, action=action, target=station, details={"changes": changes})
    return station


def _upsert(vote: Vote, rows: list[dict[str, Any]]) -> tuple[int, int, list[dict[str, Any]]]:
    existing = {s.number: s for s in vote.stations.all()}
    created = updated = 0
    changes = []
    for values in rows:
        values = dict(values)
        number = values.pop("number")
        _locate(values)
        station = existing.get(number)
        if station is None:
            station = Station(vote=vote, number=number, slug=f"{vote.slug}-{number}", **values)
            station.save()
            created += 1
            changes.append({"number": number, "created": True})
            continue
        diff = _changes(station, values)
        if diff:
            for name, value in values.items():
                setattr(station, name, value)
            station.save()
            updated += 1
            changes.append({"number": number, "changes": diff})
    return created, updated, changes


def stations_import_csv(*, vote: Vote, data: bytes, actor: Any) -> tuple[int, int]:
    """Create and update stations from the documented CSV; nothing is saved on any error."""
    parsed = stationcsv.parse(data, days=vote.voting_days)
    if parsed.errors:
        raise ImportRefused(parsed.errors)
    if not parsed.rows:
        raise ImportRefused([_("The file has no stations.")])
    with transaction.atomic():
        created, updated, changes = _upsert(vote, parsed.rows)
        stations_link_results(vote=vote)
        audit_record(
            actor=actor,
            action="abroad.stations_import_csv",
            target=vote,
            details={"created": created, "updated": updated, "changes": changes[:500]},
        )
    return created, updated


def stations_import_results(*, vote: Vote, actor: Any) -> tuple[int, int]:
    """Stations abroad of the linked official results: numbers and reporting region.

    The elections app marks a station abroad (numbers 8000–8999 in 2016 and 2021, the
    region "Территория за пределами РФ" earlier); addresses are added by hand later and
    are never overwritten by a re-import.
    """
    if vote.results_id is None:
        raise ImportRefused([_("Link the official results to this vote first.")])
    from horizont.elections.models import Station as ResultStation

    rows = []
    seen = set()
    for number, region, tik, oik in (
        ResultStation.objects.filter(election_id=vote.results_id, abroad=True, remote=False)
        .order_by("row")
        .values_list("uik", "region", "tik", "oik")
    ):
        if not 1 <= number <= 9999 or number in seen:
            continue
        seen.add(number)
        rows.append({"number": number, "region": region, "district": tik or oik})
    if not rows:
        raise ImportRefused([_("The official results have no stations abroad.")])
    with transaction.atomic():
        created, updated, changes = _upsert(vote, rows)
        stations_link_results(vote=vote)
        audit_record(
            actor=actor,
            action="abroad.stations_import_results",
            target=vote,
            details={"results": vote.results_id, "created": created, "updated": updated},
        )
    return created, updated


def vote_save(*, vote: Vote, actor: Any) -> Vote:
    action = "abroad.vote_update" if vote.pk else "abroad.vote_create"
    with transaction.atomic():
        vote.save()
        stations_link_results(vote=vote)
        audit_record(actor=actor, action=action, target=vote)
    return vote


def stations_link_results(*, vote: Vote) -> None:
    """Link each station to its official row in the vote's results and to the same number
    in the latest earlier election (one query each, not one per page view)."""
    from horizont.elections.models import Election
    from horizont.elections.models import Station as ResultStation

    # Read before linking: an election committed meanwhile makes the next page link again.
    elections = sorted(Election.objects.values_list("pk", flat=True))
    stations = list(vote.stations.all())
    official: dict[int, int] = {}
    previous: dict[int, int] = {}
    numbers = [s.number for s in stations]
    if vote.results_id is not None and numbers:
        rows = ResultStation.objects.filter(election_id=vote.results_id, abroad=True)
        for number, pk in rows.filter(uik__in=numbers).order_by("-row").values_list("uik", "pk"):
            official[number] = pk  # the first row of a number wins
        date = vote.results.date if vote.results else None
        if date is not None:
            earlier = ResultStation.objects.filter(
                abroad=True, uik__in=numbers, election__date__lt=date
            ).order_by("election__date", "-row")
            for number, pk in earlier.values_list("uik", "pk"):
                previous[number] = pk  # the latest earlier election wins
    changed = []
    for station in stations:
        link = (official.get(station.number), previous.get(station.number))
        if (station.official_id, station.previous_official_id) != link:
            station.official_id, station.previous_official_id = link
            changed.append(station)
    Station.objects.bulk_update(changed, ["official", "previous_official"], batch_size=500)
    if vote.pk is not None and vote.linked_elections != elections:
        Vote.objects.filter(pk=vote.pk).update(linked_elections=elections)
        vote.linked_elections = elections


def links_refresh(vote: Vote) -> bool:
    """Link again if results were imported or removed since the last linking (one small
    query on the elections table per page): the previous election at a station's number
    shows whatever the order in which the results files were imported."""
    from horizont.elections.models import Election

    if sorted(Election.objects.values_list("pk", flat=True)) == vote.linked_elections:
        return False
    stations_link_results(vote=vote)
    return True


# --- pledges -----------------------------------------------------------------------------


def confirm_token(pledge: Pledge) -> str:
    return tokens.row_token(pledge, salt=CONFIRM_SALT, key="p")


def unsubscribe_token(pledge: Pledge) -> str:
    return tokens.row_token(pledge, salt=UNSUBSCRIBE_SALT, key="p")


def pledge_from_token(token: str, *, purpose: str) -> Pledge:
    salt, max_age = (
        (CONFIRM_SALT, CONFIRM_MAX_AGE) if purpose == "confirm" else (UNSUBSCRIBE_SALT, None)
    )
    pledges = Pledge.objects.select_related("station", "station__vote", "user").filter(
        erased_at__isnull=True
    )
    return tokens.row_from_token(pledges, token, salt=salt, key="p", max_age=max_age)


def _mail_context(pledge: Pledge, base_url: str) -> dict[str, Any]:
    station = pledge.station
    return {
        "pledge": pledge,
        "station": station,
        "vote": station.vote,
        "hours": station.opening_hours(),
        "station_url": base_url + station.get_absolute_url(),
        "confirm_url": base_url + reverse("abroad:pledge_confirm", args=[confirm_token(pledge)]),
        "unsubscribe_url": base_url
        + reverse("abroad:unsubscribe", args=[unsubscribe_token(pledge)]),
    }


def _message(pledge: Pledge, template: str, base_url: str) -> mail.EmailMessage:
    with translation.override(pledge.language or settings.LANGUAGE_CODE):
        context = _mail_context(pledge, base_url)
        subject = render_to_string(f"abroad/email/{template}_subject.txt", context).strip()
        body = render_to_string(f"abroad/email/{template}.txt", context)
    return mail.EmailMessage(f"[Horizont] {subject}", body, None, [pledge.email])


# Stands for a voter's own unsubscribe token in a reminder rendered once per station and
# language (rendering 100,000 identical texts would dominate a mail-out).
_TOKEN_MARK = "token-mark-unsubscribe"
_RIDE_MARK = "token-mark-ride"


def rides_url(pledge: Pledge, base_url: str) -> str:
    """Where this voter offers or asks for a ride: a signed link for a guest."""
    if pledge.user_id:
        return base_url + reverse("abroad:ride_new", args=[pledge.station.slug])
    return base_url + reverse("abroad:ride_new_guest", args=[ride_token(pledge)])


def _reminder_parts(pledge: Pledge, base_url: str) -> tuple[str, str, str]:
    station = pledge.station
    with translation.override(pledge.language or settings.LANGUAGE_CODE):
        unsubscribe_url = base_url + reverse("abroad:unsubscribe", args=[_TOKEN_MARK])
        if pledge.user_id:
            ride_url = base_url + reverse("abroad:ride_new", args=[station.slug])
        else:
            ride_url = base_url + reverse("abroad:ride_new_guest", args=[_RIDE_MARK])
        context = {
            "station": station,
            "vote": station.vote,
            "hours": station.opening_hours(),
            "station_url": base_url + station.get_absolute_url(),
            "unsubscribe_url": unsubscribe_url,
            "ride_url": ride_url,
        }
        subject = render_to_string("abroad/email/reminder_subject.txt", context).strip()
        body = render_to_string("abroad/email/reminder.txt", context)
    return f"[Horizont] {subject}", body, unsubscribe_url


def _reminder(
    pledge: Pledge, base_url: str, rendered: dict[tuple[int, str, bool], tuple[str, str, str]]
) -> mail.EmailMessage:
    key = (pledge.station_id, pledge.language, pledge.user_id is None)
    if key not in rendered:
        rendered[key] = _reminder_parts(pledge, base_url)
    subject, body, unsubscribe_url = rendered[key]
    token = unsubscribe_token(pledge)
    if pledge.user_id is None:
        body = body.replace(_RIDE_MARK, ride_token(pledge))
    headers = {
        # One-click unsubscribe for mail programs (RFC 8058).
        "List-Unsubscribe": f"<{unsubscribe_url.replace(_TOKEN_MARK, token)}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }
    return mail.EmailMessage(
        subject, body.replace(_TOKEN_MARK, token), None, [pledge.email], headers=headers
    )


def _send_after_commit(pledge: Pledge, template: str, base_url: str) -> None:
    transaction.on_commit(lambda: _message(pledge, template, base_url).send())


def _count(station_id: int, delta: int) -> None:
    Station.objects.filter(pk=station_id).update(pledge_count=F("pledge_count") + delta)


def pledge_counts_refresh(*, vote: Vote) -> None:
    """Recount the confirmed pledges of every station of a vote (after bulk loads)."""
    counts = dict(
        Pledge.objects.filter(vote=vote, status=Pledge.Status.CONFIRMED)
        .values_list("station_id")
        .annotate(n=Count("pk"))
    )
    with transaction.atomic():
        for station in vote.stations.all():
            if station.pledge_count != counts.get(station.pk, 0):
                _count(station.pk, counts.get(station.pk, 0) - station.pledge_count)


def pledge_member(*, station: Station, user: Any) -> Pledge:
    """One click: a member will vote here (moves an earlier pledge of the same vote)."""
    with transaction.atomic():
        pledge = Pledge.objects.select_for_update().filter(vote=station.vote, user=user).first()
        if pledge is not None and pledge.station_id == station.pk:
            raise AlreadyPledged
        if pledge is not None and pledge.status == Pledge.Status.CONFIRMED:
            _count(pledge.station_id, -1)
        pledge = pledge or Pledge(vote=station.vote, user=user)
        _count(station.pk, +1)
        pledge.station = station
        pledge.status = Pledge.Status.CONFIRMED
        pledge.confirmed_at = timezone.now()
        # Reminders in the language the member chose in their profile, else the page's.
        pledge.language = getattr(user, "language", "") or translation.get_language() or ""
        pledge.save()
    return pledge


def pledge_withdraw(*, pledge: Pledge) -> None:
    with transaction.atomic():
        if pledge.status == Pledge.Status.CONFIRMED:
            _count(pledge.station_id, -1)
        pledge.delete()


def pledge_guest(*, station: Station, email: str, base_url: str) -> Pledge:
    """A guest's pledge waits for the link sent to their address (double opt-in).

    The page always says "check your e-mail", so nobody learns whether an address
    pledged already; a second pledge sends a note instead of a second row.
    """
    digest = email_digest(email)
    with transaction.atomic():
        pledge = (
            Pledge.objects.select_for_update()
            .filter(vote=station.vote, guest_email_digest=digest)
            .first()
        )
        if pledge is not None and pledge.status == Pledge.Status.CONFIRMED:
            if pledge.station_id == station.pk:
                _send_after_commit(pledge, "already", base_url)
                return pledge
            # Moving to another station counts again once the new link is followed.
            _count(pledge.station_id, -1)
            pledge.status = Pledge.Status.PENDING
        pledge = pledge or Pledge(vote=station.vote, guest_email_digest=digest)
        pledge.station = station
        pledge.guest_email = email.strip()
        pledge.language = translation.get_language() or ""
        try:
            with transaction.atomic():
                pledge.save()
        except IntegrityError:  # the same address pledged in a parallel request
            pledge = Pledge.objects.get(vote=station.vote, guest_email_digest=digest)
        _send_after_commit(pledge, "confirm", base_url)
    return pledge


def pledge_confirm(*, pledge: Pledge) -> Pledge:
    with transaction.atomic():
        pledge = Pledge.objects.select_for_update().get(pk=pledge.pk)
        if pledge.status != Pledge.Status.CONFIRMED:
            pledge.status = Pledge.Status.CONFIRMED
            pledge.confirmed_at = timezone.now()
            pledge.save(update_fields=["status", "confirmed_at"])
            _count(pledge.station_id, +1)
    return pledge


def pledge_unsubscribe(*, pledge: Pledge) -> None:
    Pledge.objects.filter(pk=pledge.pk).update(reminders=False)


# --- reminders ---------------------------------------------------------------------------


def due_slots(station: Station, now: dt.datetime) -> list[str]:
    """Reminders due at ``now`` for a station: the evening before the first voting day,
    and the morning of each voting day until the station closes (its local time).
    A run that misses the evening window skips that reminder rather than wake people."""
    slots = []
    hours = station.opening_hours()
    zone = station.zone
    first_day = hours[0][0]
    eve = first_day - dt.timedelta(days=1)
    eve_start, eve_end = (dt.datetime.combine(eve, t, tzinfo=zone) for t in EVE_HOURS)
    if eve_start <= now < eve_end:
        slots.append(f"eve-{first_day.isoformat()}")
    for day, _opens, closes in hours:
        morning = dt.datetime.combine(day, MORNING_HOUR, tzinfo=zone)
        if morning <= now < closes:
            slots.append(f"day-{day.isoformat()}")
    return slots


def _due_groups(now: dt.datetime) -> dict[str, list[int]]:
    """slot → ids of stations where it is due now."""
    today = now.date()
    votes = Vote.objects.filter(
        first_day__lte=today + dt.timedelta(days=2), last_day__gte=today - dt.timedelta(days=1)
    )
    groups: dict[str, list[int]] = {}
    for station in Station.objects.filter(vote__in=votes).select_related("vote"):
        for slot in due_slots(station, now):
            groups.setdefault(slot, []).append(station.pk)
    return groups


class _Recorder:
    """Records each reminder the moment it was handed to the mail backend.

    On PostgreSQL (outside any enclosing transaction) the records go through a second
    connection of their own in autocommit mode, so each one is committed before the next
    message goes out while the batch's row locks stay held on the main connection. A
    worker killed with SIGKILL therefore loses the record of at most the one message it
    was handing over (that message may go out again on restart, with the same
    Message-ID so that mail programs can drop the copy). ``synchronous_commit`` is off
    for that connection: a kill of the worker loses nothing; only a crash of the
    database server itself could lose the last fraction of a second of records.

    Elsewhere (SQLite, or inside a caller's transaction as in tests) each message is
    handled in a transaction of its own on the main connection, which on SQLite
    (``transaction_mode=IMMEDIATE``) also serializes parallel workers.
    """

    def __init__(self) -> None:
        main = connections[DEFAULT_DB_ALIAS]
        self.separate = main.vendor == "postgresql" and not main.in_atomic_block
        self.connection: Any = None
        if self.separate:
            settings_dict = copy.deepcopy(main.settings_dict)
            backend = load_backend(settings_dict["ENGINE"])
            self.connection = backend.DatabaseWrapper(settings_dict, "abroad_reminders")
            with self.connection.cursor() as cursor:
                cursor.execute("SET synchronous_commit TO OFF")
            # The table name comes from the model, never from input.
            table = self.connection.ops.quote_name(ReminderSent._meta.db_table)
            self.sql = (
                f"INSERT INTO {table} (pledge_id, slot, sent_at) "  # noqa: S608
                "VALUES (%s, %s, %s) ON CONFLICT DO NOTHING"
            )

    def record(self, pledge_id: int, slot: str, now: dt.datetime) -> None:
        if self.separate:
            with self.connection.cursor() as cursor:
                cursor.execute(self.sql, [pledge_id, slot, now])
        else:
            ReminderSent.objects.create(pledge_id=pledge_id, slot=slot, sent_at=now)

    def close(self) -> None:
        if self.connection is not None:
            self.connection.close()


def _message_id(pledge_id: int, slot: str, base_url: str) -> str:
    """The same Message-ID each time a reminder is sent (receivers drop a repeat)."""
    domain = urlsplit(base_url).hostname or "horizont.invalid"
    return f"<abroad-reminder.{slot}.{pledge_id}@{domain}>"


def _due_pledges(station_ids: list[int], slot: str) -> Any:
    return Pledge.objects.filter(
        station_id__in=station_ids,
        status=Pledge.Status.CONFIRMED,
        reminders=True,
        erased_at__isnull=True,
    ).exclude(Exists(ReminderSent.objects.filter(pledge=OuterRef("pk"), slot=slot)))


def _handed_already(pledge_ids: list[int], slot: str) -> set[int]:
    # A statement of its own (a fresh snapshot): sees what a parallel worker recorded
    # before it released the rows this worker has just locked.
    return set(
        ReminderSent.objects.filter(slot=slot, pledge_id__in=pledge_ids).values_list(
            "pledge_id", flat=True
        )
    )


def _send_slot(
    slot: str,
    station_ids: list[int],
    *,
    base_url: str,
    now: dt.datetime,
    mailer: Any,
    recorder: _Recorder,
    progress: Callable[[int], None],
) -> int:
    """One pass over the due pledges of a slot, in primary-key order."""
    rendered: dict[tuple[int, str, bool], tuple[str, str, str]] = {}
    due = _due_pledges(station_ids, slot).select_related("station", "station__vote", "user")
    sent = 0
    last = 0

    def hand_over(pledge: Pledge) -> None:
        message = _reminder(pledge, base_url, rendered)
        message.extra_headers["Message-ID"] = _message_id(pledge.pk, slot, base_url)
        message.connection = mailer
        message.send()

    while True:
        if recorder.separate:
            with transaction.atomic():
                # The batch stays locked (NO KEY UPDATE: the records' foreign-key checks on
                # the other connection are not blocked) until every message is recorded.
                batch = list(
                    due.filter(pk__gt=last)
                    .select_for_update(skip_locked=True, of=("self",), no_key=True)
                    .order_by("pk")[:REMINDER_BATCH]
                )
                if not batch:
                    break
                last = batch[-1].pk
                done = _handed_already([p.pk for p in batch], slot)
                for pledge in batch:
                    if pledge.pk in done:
                        continue
                    hand_over(pledge)
                    recorder.record(pledge.pk, slot, now)
                    sent += 1
                    progress(1)
        else:
            batch = list(due.filter(pk__gt=last).order_by("pk")[:REMINDER_BATCH])
            if not batch:
                break
            last = batch[-1].pk
            for pledge in batch:
                with transaction.atomic():
                    if _handed_already([pledge.pk], slot):
                        continue
                    hand_over(pledge)
                    recorder.record(pledge.pk, slot, now)
                sent += 1
                progress(1)
    return sent


def reminders_send(
    *,
    now: dt.datetime | None = None,
    base_url: str | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> int:
    """Send every due reminder once. Safe to run as often as you like, and in parallel.

    Each reminder is recorded right after it was handed to the mail backend, durably and
    before the next one goes out (see ``_Recorder``): a run stopped at any point, even by
    SIGKILL, and started again sends the rest, and at most the one message that was in
    flight at the kill twice (under the same Message-ID). Parallel workers lock the rows
    they handle (``SKIP LOCKED``) and never send the same reminder.
    """
    now = now or timezone.now()
    base_url = base_url or site_base_url()
    groups = _due_groups(now)
    total = sum(_due_pledges(ids, slot).count() for slot, ids in groups.items())
    counter = {"done": 0}

    def step(n: int) -> None:
        counter["done"] += n
        if progress is not None and (counter["done"] % 200 == 0 or counter["done"] == total):
            progress(counter["done"], total)

    sent = 0
    recorder = _Recorder()
    try:
        with mail.get_connection() as mailer:
            for slot, station_ids in groups.items():
                # Repeat until a pass finds nothing: rows a parallel worker held (and lost
                # when it died) are picked up by a later pass.
                while handed := _send_slot(
                    slot,
                    station_ids,
                    base_url=base_url,
                    now=now,
                    mailer=mailer,
                    recorder=recorder,
                    progress=step,
                ):
                    sent += handed
    finally:
        recorder.close()
    return sent


def guests_erase(*, now: dt.datetime | None = None) -> int:
    """Erase guests' addresses ``ABROAD_GUEST_RETENTION_DAYS`` after the last voting day,
    and drop pledges never confirmed within three days. The counts stay."""
    now = now or timezone.now()
    cutoff = now.date() - dt.timedelta(days=settings.ABROAD_GUEST_RETENTION_DAYS)
    with transaction.atomic():
        Pledge.objects.filter(
            status=Pledge.Status.PENDING, created_at__lt=now - dt.timedelta(seconds=CONFIRM_MAX_AGE)
        ).delete()
        expired = Pledge.objects.filter(
            user__isnull=True, erased_at__isnull=True, vote__last_day__lt=cutoff
        )
        Ride.objects.filter(pledge__in=expired).delete()  # with the relayed messages
        erased = expired.update(
            guest_email="", guest_email_digest="", erased_at=now, reminders=False
        )
    return erased


@tasks.task
def send_abroad_reminders(progress: Any, **arguments: Any) -> dict[str, int]:
    """Background task: due reminders, then the clean-up of guests' data (run hourly)."""
    sent = reminders_send(progress=lambda done, total: progress.update(done, total))
    erased = guests_erase()
    progress.update(1, 1, f"{sent} reminders sent, {erased} guest addresses erased")
    return {"sent": sent, "erased": erased}


# --- rides -------------------------------------------------------------------------------


class OwnRide(Exception):
    """Someone asked for a seat in (or wrote to) their own ride."""


class TooManyRides(Exception):
    """A guest already listed ``GUEST_RIDES_MAX`` rides."""


def ride_token(pledge: Pledge) -> str:
    """The link with which a guest whose pledge is confirmed lists rides (no account)."""
    return tokens.row_token(pledge, salt=RIDE_SALT, key="p")


def pledge_for_rides(token: str) -> Pledge:
    """The confirmed, not yet erased guest pledge a ride link names; ``BadToken`` else."""
    pledges = Pledge.objects.select_related("station", "station__vote").filter(
        user__isnull=True, status=Pledge.Status.CONFIRMED, erased_at__isnull=True
    )
    return tokens.row_from_token(pledges, token, salt=RIDE_SALT, key="p")


def ride_create(*, ride: Ride, author: Any = None, pledge: Pledge | None = None) -> Ride:
    """List a ride of a member (``author``) or of a confirmed guest (``pledge``)."""
    if (author is None) == (pledge is None):
        raise ValueError("a ride has either a member or a guest as its author")
    with transaction.atomic():
        if pledge is not None:
            pledge = Pledge.objects.select_for_update().get(pk=pledge.pk)
            if pledge.rides.count() >= GUEST_RIDES_MAX:
                raise TooManyRides
            ride.station_id = pledge.station_id
        ride.author = author
        ride.pledge = pledge
        ride.save()
    return ride


def contact_accept_token(contact: RideContact) -> str:
    return tokens.row_token(contact, salt=ACCEPT_SALT, key="c")


def contact_from_token(token: str) -> RideContact:
    contacts = RideContact.objects.select_related(
        "ride", "ride__station", "ride__pledge", "ride__author", "sender"
    )
    return tokens.row_from_token(contacts, token, salt=ACCEPT_SALT, key="c")


def ride_contact(*, ride: Ride, sender: Any, message: str, base_url: str) -> RideContact:
    """Relay a message to the ride's author; no address is shown until they accept."""
    own_guest_ride = ride.pledge_id is not None and (
        ride.pledge.guest_email_digest == email_digest(sender.email or "")
    )
    if ride.author_id == sender.pk or own_guest_ride:
        raise OwnRide
    with transaction.atomic():
        contact, created = RideContact.objects.get_or_create(
            ride=ride, sender=sender, defaults={"message": message}
        )
        if not created:
            return contact
        if ride.pledge_id is not None:  # a guest accepts through a signed link
            name, args = "abroad:ride_accept_guest", [contact_accept_token(contact)]
            language = ride.pledge.language
        else:
            name, args = "abroad:ride_accept", [contact.pk]
            language = getattr(ride.author, "language", "")
        to = ride.author_email

        def send() -> None:
            with translation.override(language or settings.LANGUAGE_CODE):
                accept = reverse(name, args=args)
                body = render_to_string(
                    "abroad/email/ride_contact.txt",
                    {"ride": ride, "message": message, "accept_url": base_url + accept},
                )
                subject = f"[Horizont] {_('A message about your ride')}"
            mail.send_mail(subject, body, None, [to])

        transaction.on_commit(send)
    return contact


def ride_accept(*, contact: RideContact, base_url: str) -> None:
    """The author agrees: both receive each other's address."""
    if contact.accepted_at is not None:
        return
    contact.accepted_at = timezone.now()
    contact.save(update_fields=["accepted_at"])
    ride, sender = contact.ride, contact.sender
    author_email = ride.author_email
    for to, other in ((sender.email, author_email), (author_email, sender.email)):
        body = render_to_string("abroad/email/ride_accepted.txt", {"ride": ride, "other": other})
        mail.send_mail(f"[Horizont] {_('Contact for your ride')}", body, None, [to])


def ride_hide(*, ride: Ride, actor: Any) -> None:
    with transaction.atomic():
        ride.hidden = True
        ride.save(update_fields=["hidden"])
        audit_record(actor=actor, action="abroad.ride_hide", target=ride)


# --- queues and notices --------------------------------------------------------------------


def queue_report(*, station: Station, people: int, wait_minutes: int, comment: str) -> QueueReport:
    return QueueReport.objects.create(
        station=station, people=people, wait_minutes=wait_minutes, comment=comment.strip()
    )


def notice_pin(*, station: Station, text: str, actor: Any) -> Notice:
    with transaction.atomic():
        notice = Notice.objects.create(station=station, text=text.strip(), created_by=actor)
        audit_record(actor=actor, action="abroad.notice_pin", target=notice)
    return notice


def notice_remove(*, notice: Notice, actor: Any) -> None:
    with transaction.atomic():
        audit_record(actor=actor, action="abroad.notice_remove", target=notice)
        notice.delete()


# --- data export and account deletion ----------------------------------------------------


@register_export
def _export_abroad(user: Any) -> dict[str, Any]:
    return {
        "abroad_pledges": [
            {"vote": p.vote.name, "station": str(p.station), "since": p.created_at.isoformat()}
            for p in Pledge.objects.filter(user=user).select_related("vote", "station")
        ],
        "abroad_rides": [
            {
                "station": str(r.station),
                "day": r.day.isoformat(),
                "kind": r.kind,
                "from": r.departure_city,
                "note": r.note,
            }
            for r in Ride.objects.filter(author=user).select_related("station")
        ],
    }


@register_erasure
def _erase_abroad(user: Any) -> None:
    for pledge in Pledge.objects.filter(user=user):
        pledge_withdraw(pledge=pledge)
    Ride.objects.filter(author=user).delete()
    RideContact.objects.filter(sender=user).delete()
