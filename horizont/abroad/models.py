"""Polling stations abroad, the people who pledge to vote there, rides and queues.

A vote abroad (``Vote``) is one election as seen from the stations abroad: its voting
days, the guidance for voters and, once official results are imported in the elections
app, a link to them. Identities of people who pledge are never public: pages show counts.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from horizont.core.fields import EncryptedTextField

LANGUAGES = ("ru", "en", "de", "pl")


def email_digest(email: str) -> str:
    """A keyed hash of an e-mail address: finds a guest's pledge without storing the
    address in clear (the address itself is encrypted)."""
    key = settings.SECRET_KEY.encode()
    return hmac.new(key, email.strip().lower().encode(), hashlib.sha256).hexdigest()


class Vote(models.Model):
    """One election seen from abroad: voting days, guidance, official results."""

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("short name in addresses"), max_length=60, unique=True)
    first_day = models.DateField(_("first voting day"))
    last_day = models.DateField(_("last voting day"))
    results = models.ForeignKey(
        "elections.Election",
        verbose_name=_("official results"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="abroad_votes",
    )
    guidance_ru = models.TextField(_("what to bring (Russian)"), blank=True)
    guidance_en = models.TextField(_("what to bring (English)"), blank=True)
    guidance_de = models.TextField(_("what to bring (German)"), blank=True)
    guidance_pl = models.TextField(_("what to bring (Polish)"), blank=True)
    is_demo = models.BooleanField(_("demo data"), default=False)
    # Ids of the elections present when the stations were last linked to their official
    # rows: a results file imported later (an earlier election too) makes the pages link
    # again (``results.ensure_links``), whatever the order of the imports.
    linked_elections = models.JSONField(default=list, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-first_day", "name"]
        verbose_name = _("vote abroad")
        verbose_name_plural = _("votes abroad")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("abroad:vote", args=[self.slug])

    @property
    def voting_days(self) -> list[dt.date]:
        days = (self.last_day - self.first_day).days + 1
        return [self.first_day + dt.timedelta(days=i) for i in range(max(days, 1))]

    def guidance(self, language: str | None = None) -> str:
        language = (language or translation.get_language() or "en")[:2]
        texts = {code: getattr(self, f"guidance_{code}") for code in LANGUAGES}
        return texts.get(language) or texts["en"] or texts["ru"]

    def is_over(self, now: dt.datetime | None = None) -> bool:
        return (now or timezone.now()).date() > self.last_day


class StationQuerySet(models.QuerySet):
    def in_country(self, country: str) -> StationQuerySet:
        return self.filter(country=country)


class Station(models.Model):
    """A polling station abroad (УИК №8xxx) of one vote."""

    class Host(models.TextChoices):
        EMBASSY = "embassy", _("embassy")
        CONSULATE = "consulate", _("consulate")
        OTHER = "other", _("other place")

    vote = models.ForeignKey(Vote, on_delete=models.CASCADE, related_name="stations")
    number = models.PositiveIntegerField(_("official number"))
    slug = models.SlugField(max_length=80, unique=True)
    country = models.CharField(_("country (ISO code)"), max_length=2, blank=True)
    city = models.CharField(_("city"), max_length=120, blank=True)
    host = models.CharField(_("host"), max_length=10, choices=Host.choices, default=Host.OTHER)
    address = models.CharField(_("address"), max_length=300, blank=True)
    latitude = models.FloatField(_("latitude"), null=True, blank=True)
    longitude = models.FloatField(_("longitude"), null=True, blank=True)
    timezone = models.CharField(_("time zone"), max_length=64, default="UTC")
    # {"2021-09-17": ["08:00", "20:00"], ...}: the hours of each voting day, local time.
    hours = models.JSONField(_("opening hours"), default=dict, blank=True)
    accessibility = models.TextField(_("accessibility"), blank=True)
    region = models.CharField(_("region it reports to"), max_length=200, blank=True)
    district = models.CharField(_("district commission"), max_length=300, blank=True)
    checked_at = models.DateTimeField(_("last checked by coordinators"), null=True, blank=True)
    # Confirmed pledges, kept by the pledge services (public pages read it for free);
    # ``services.pledge_counts_refresh`` recounts.
    pledge_count = models.PositiveIntegerField(default=0)
    # The official rows of this number in the vote's results and in the latest earlier
    # election, linked once by ``services.stations_link_results``.
    official = models.ForeignKey(
        "elections.Station", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    previous_official = models.ForeignKey(
        "elections.Station", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = StationQuerySet.as_manager()

    class Meta:
        ordering = ["country", "city", "number"]
        verbose_name = _("polling station abroad")
        verbose_name_plural = _("polling stations abroad")
        constraints = [
            models.UniqueConstraint(fields=["vote", "number"], name="abroad_one_station_number")
        ]
        indexes = [models.Index(fields=["vote", "country", "city"])]

    def __str__(self) -> str:
        place = ", ".join(p for p in (self.city, self.country) if p)
        return f"УИК №{self.number}" + (f" ({place})" if place else "")

    def get_absolute_url(self) -> str:
        return reverse("abroad:station", args=[self.slug])

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    def opening_hours(self) -> list[tuple[dt.date, dt.datetime, dt.datetime]]:
        """(day, opens, closes) for every voting day, aware datetimes in the local zone."""
        zone = self.zone
        rows = []
        for day in self.vote.voting_days:
            opens, closes = self.hours.get(day.isoformat(), settings.ABROAD_DEFAULT_HOURS)
            start = dt.datetime.combine(day, dt.time.fromisoformat(opens), tzinfo=zone)
            end = dt.datetime.combine(day, dt.time.fromisoformat(closes), tzinfo=zone)
            rows.append((day, start, end))
        return rows

    @property
    def has_location(self) -> bool:
        return self.latitude is not None and self.longitude is not None


class Pledge(models.Model):
    """ "I will vote here": a member (one click) or a guest (confirmed by e-mail)."""

    class Status(models.TextChoices):
        PENDING = "pending", _("waiting for e-mail confirmation")
        CONFIRMED = "confirmed", _("confirmed")

    vote = models.ForeignKey(Vote, on_delete=models.CASCADE, related_name="pledges")
    station = models.ForeignKey(Station, on_delete=models.CASCADE, related_name="pledges")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="abroad_pledges",
    )
    guest_email = EncryptedTextField(_("e-mail address"), blank=True)
    guest_email_digest = models.CharField(max_length=64, blank=True)
    language = models.CharField(max_length=8, blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    reminders = models.BooleanField(_("send reminders"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)
    confirmed_at = models.DateTimeField(null=True, blank=True)
    # Guests' addresses are erased some days after the vote; the row stays as a count.
    erased_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("pledge")
        verbose_name_plural = _("pledges")
        constraints = [
            models.UniqueConstraint(
                fields=["vote", "user"],
                condition=models.Q(user__isnull=False),
                name="abroad_one_pledge_per_user",
            ),
            models.UniqueConstraint(
                fields=["vote", "guest_email_digest"],
                condition=~models.Q(guest_email_digest=""),
                name="abroad_one_pledge_per_guest",
            ),
        ]
        indexes = [models.Index(fields=["station", "status"], name="abroad_pledge_station")]

    def __str__(self) -> str:
        return f"pledge #{self.pk} @ {self.station_id} ({self.status})"

    @property
    def email(self) -> str:
        return self.user.email if self.user_id else self.guest_email


class ReminderSent(models.Model):
    """One reminder handed to the mail backend: the unique row makes it happen once."""

    pledge = models.ForeignKey(Pledge, on_delete=models.CASCADE, related_name="reminders_sent")
    slot = models.CharField(max_length=20)  # "eve-2021-09-17" or "day-2021-09-17"
    sent_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["pledge", "slot"], name="abroad_one_reminder_per_slot")
        ]

    def __str__(self) -> str:
        return f"{self.pledge_id} {self.slot}"


class Ride(models.Model):
    """An offer of seats or a request for one, to a station on one voting day."""

    class Kind(models.TextChoices):
        OFFER = "offer", _("offers seats")
        REQUEST = "request", _("looks for a seat")

    station = models.ForeignKey(Station, on_delete=models.CASCADE, related_name="rides")
    day = models.DateField(_("voting day"))
    kind = models.CharField(_("kind"), max_length=8, choices=Kind.choices)
    departure_city = models.CharField(_("departure city"), max_length=120)
    departure_time = models.TimeField(_("departure time (local)"))
    seats = models.PositiveSmallIntegerField(_("seats"), default=1)
    note = models.CharField(_("note"), max_length=300, blank=True)
    # A member, or a guest through their confirmed pledge (deleted with the pledge and
    # with the guest's data after the vote).
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="abroad_rides",
    )
    pledge = models.ForeignKey(
        Pledge, null=True, blank=True, on_delete=models.CASCADE, related_name="rides"
    )
    hidden = models.BooleanField(_("hidden by organizers"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["day", "departure_time", "pk"]
        verbose_name = _("ride")
        verbose_name_plural = _("rides")

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.departure_city} → {self.station}"

    @property
    def author_email(self) -> str:
        if self.author_id:
            return self.author.email
        return self.pledge.guest_email if self.pledge_id else ""


class RideContact(models.Model):
    """A message relayed to a ride's author; addresses are shared only once both agree."""

    ride = models.ForeignKey(Ride, on_delete=models.CASCADE, related_name="contacts")
    sender = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="abroad_ride_contacts"
    )
    message = models.TextField(_("message"), max_length=1000)
    accepted_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["ride", "sender"], name="abroad_one_contact_per_ride")
        ]

    def __str__(self) -> str:
        return f"contact {self.sender_id} → ride {self.ride_id}"


class QueueReport(models.Model):
    """Anyone's report of the queue at a station on a voting day (plain text only)."""

    station = models.ForeignKey(Station, on_delete=models.CASCADE, related_name="queue_reports")
    people = models.PositiveIntegerField(_("people in the queue"))
    wait_minutes = models.PositiveIntegerField(_("waiting time in minutes"))
    comment = models.CharField(_("comment"), max_length=200, blank=True)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("queue report")
        verbose_name_plural = _("queue reports")

    def __str__(self) -> str:
        return f"{self.station}: {self.people} / {self.wait_minutes} min"


class Notice(models.Model):
    """A coordinator's pinned notice at a station ("the gate closes at 20:00")."""

    station = models.ForeignKey(Station, on_delete=models.CASCADE, related_name="notices")
    text = models.CharField(_("notice"), max_length=300)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("notice")
        verbose_name_plural = _("notices")

    def __str__(self) -> str:
        return self.text
