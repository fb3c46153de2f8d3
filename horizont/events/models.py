from __future__ import annotations

import datetime as dt
import hashlib
import hmac
from typing import Any
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.validators import URLValidator
from django.db import models
from django.db.models.functions import Upper
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from horizont.core.fields import EncryptedTextField
from horizont.core.fulltext import MAX_SEARCHED_TEXT, search_indexes
from horizont.network.models import Initiative

# An event lasts at most this long. The bound lets "upcoming" and "past" lists walk the
# index on ``start`` instead of scanning every event (see benchmarks/events_pages.py).
MAX_DURATION = dt.timedelta(days=31)
#: What the site search matches, most important first (horizont.core.search).
EVENT_SEARCH_FIELDS = ("title", "description", "city")


def validate_report_link(value: str) -> None:
    if value.startswith("/") and not value.startswith("//"):
        return
    URLValidator(schemes=["http", "https"])(value)


class EventQuerySet(models.QuerySet):
    def public(self) -> EventQuerySet:
        """Events of approved initiatives."""
        return self.filter(initiative__status=Initiative.Status.APPROVED)

    def upcoming(self, now: dt.datetime | None = None) -> EventQuerySet:
        """Events that have not ended yet, soonest first."""
        now = now or timezone.now()
        return self.filter(start__gte=now - MAX_DURATION, end__gte=now).order_by("start", "pk")

    def past(self, now: dt.datetime | None = None) -> EventQuerySet:
        """Events that have ended, most recent first."""
        now = now or timezone.now()
        return self.filter(start__lt=now, end__lt=now).order_by("-start", "-pk")

    def in_city(self, city: str) -> EventQuerySet:
        return self.filter(city__iexact=city.strip())


class Event(models.Model):
    """A meeting, cultural event, protest, training, business forum or online event.

    ``start`` and ``end`` are stored in UTC; ``timezone`` is the IANA zone of the place,
    so the local time at the place survives daylight-saving changes and rule changes.
    """

    class Kind(models.TextChoices):
        MEETING = "meeting", _("meeting")
        CULTURAL = "cultural", _("cultural event")
        PROTEST = "protest", _("protest")
        TRAINING = "training", _("training")
        BUSINESS = "business", _("business forum")
        ONLINE = "online", _("online event")

    class Status(models.TextChoices):
        SCHEDULED = "scheduled", _("scheduled")
        CANCELLED = "cancelled", _("cancelled")

    initiative = models.ForeignKey(
        Initiative,
        on_delete=models.CASCADE,
        related_name="events",
        verbose_name=_("initiative"),
    )
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True, max_length=MAX_SEARCHED_TEXT)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.MEETING)
    start = models.DateTimeField(_("starts"))
    end = models.DateTimeField(_("ends"))
    timezone = models.CharField(_("time zone of the place"), max_length=64)
    address = models.CharField(_("address"), max_length=300, blank=True)
    city = models.CharField(_("city"), max_length=120, blank=True)
    country = models.CharField(_("country"), max_length=2, blank=True)
    latitude = models.FloatField(_("latitude"), null=True, blank=True)
    longitude = models.FloatField(_("longitude"), null=True, blank=True)
    online_url = models.URLField(
        _("online link"),
        blank=True,
        help_text=_("Shown only to confirmed participants and the organizers."),
    )
    capacity = models.PositiveIntegerField(
        _("places"),
        null=True,
        blank=True,
        help_text=_("Leave empty for no limit. Beyond it people join a waiting list."),
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.SCHEDULED
    )
    # A full URL, or a path on this site such as /publications/12/ (no host: the site
    # may also be served as an onion service).
    report_url = models.CharField(
        _("report"),
        max_length=500,
        blank=True,
        validators=[validate_report_link],
        help_text=_("Link to the report once the event is over."),
    )
    report_title = models.CharField(_("title of the report"), max_length=200, blank=True)
    # Incremented on every change, so calendar programs replace their copy (RFC 5545).
    sequence = models.PositiveIntegerField(default=0)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = EventQuerySet.as_manager()

    class Meta:
        ordering = ["start", "pk"]
        verbose_name = _("event")
        verbose_name_plural = _("events")
        indexes = [
            models.Index(fields=["start"], name="event_start"),
            models.Index(fields=["kind", "start"], name="event_kind_start"),
            models.Index(fields=["initiative", "start"], name="event_initiative_start"),
            models.Index(Upper("city"), "start", name="event_city_start"),
            # An event's language is its initiative's: one index per language over every
            # event, the search picks the arm by the initiative's language.
            *search_indexes("event", EVENT_SEARCH_FIELDS, language_field=None),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end__gte=models.F("start")), name="event_ends_after_start"
            )
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("events:detail", args=[self.pk])

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    @property
    def local_start(self) -> dt.datetime:
        return self.start.astimezone(self.zone)

    @property
    def local_end(self) -> dt.datetime:
        return self.end.astimezone(self.zone)

    @property
    def is_cancelled(self) -> bool:
        return self.status == self.Status.CANCELLED

    @property
    def is_online(self) -> bool:
        return self.kind == self.Kind.ONLINE

    def is_past(self, now: dt.datetime | None = None) -> bool:
        return self.end < (now or timezone.now())

    @property
    def place(self) -> str:
        return ", ".join(part for part in (self.address, self.city, self.country) if part)


def email_digest(email: str) -> str:
    """A keyed hash of an e-mail address: finds a guest's registration without storing the
    address in clear (the address itself is encrypted)."""
    key = settings.SECRET_KEY.encode()
    return hmac.new(key, email.strip().lower().encode(), hashlib.sha256).hexdigest()


class Registration(models.Model):
    """One person's RSVP. Only ``confirmed`` holds a place; guests start ``pending``."""

    class Status(models.TextChoices):
        PENDING = "pending", _("waiting for e-mail confirmation")
        CONFIRMED = "confirmed", _("registered")
        WAITING = "waiting", _("on the waiting list")
        CANCELLED = "cancelled", _("cancelled")

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="registrations")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="event_registrations",
    )
    guest_name = EncryptedTextField(_("name"), blank=True)
    guest_email = EncryptedTextField(_("e-mail address"), blank=True)
    guest_email_digest = models.CharField(max_length=64, blank=True, db_index=True)
    language = models.CharField(max_length=8, blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    created_at = models.DateTimeField(auto_now_add=True)
    # When the person joined the queue: the waiting list moves up in this order.
    queued_at = models.DateTimeField(null=True, blank=True)
    confirmed_at = models.DateTimeField(null=True, blank=True)
    cancelled_at = models.DateTimeField(null=True, blank=True)
    reminder_sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        constraints = [
            models.UniqueConstraint(
                fields=["event", "user"],
                condition=models.Q(user__isnull=False),
                name="one_registration_per_user",
            ),
            models.UniqueConstraint(
                fields=["event", "guest_email_digest"],
                condition=~models.Q(guest_email_digest=""),
                name="one_registration_per_guest_email",
            ),
        ]
        indexes = [models.Index(fields=["event", "status"], name="registration_event_status")]

    def __str__(self) -> str:
        return f"{self.name} @ {self.event_id} ({self.status})"

    @property
    def name(self) -> Any:
        if self.user_id:
            return self.user.public_name
        return self.guest_name

    @property
    def email(self) -> str:
        return self.user.email if self.user_id else self.guest_email

    @property
    def holds_place(self) -> bool:
        return self.status == self.Status.CONFIRMED

    @property
    def is_active(self) -> bool:
        return self.status in (self.Status.CONFIRMED, self.Status.WAITING)
