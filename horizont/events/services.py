"""Workflows of the events app: events, registrations (RSVP), the waiting list, reminders.

Every change to who holds a place runs in one transaction that first locks the event
row (``select_for_update``), so two people can never both take the last place.
"""

from __future__ import annotations

import datetime as dt
import logging
from typing import Any

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from horizont import tasks
from horizont.accounts.services import register_erasure, register_export
from horizont.audit.services import audit_record
from horizont.core import tokens
from horizont.core.links import site_base_url
from horizont.events import calendar
from horizont.events.models import Event, Registration, email_digest

logger = logging.getLogger(__name__)

CONFIRM_SALT = "horizont.events.confirm"
CANCEL_SALT = "horizont.events.cancel"
CONFIRM_MAX_AGE = 3 * 24 * 3600  # a guest has three days to confirm
REMINDER_WINDOW = dt.timedelta(days=1)
# Mails sent to someone who holds a place carry the event as an .ics attachment.
WITH_CALENDAR = {"registered", "promoted", "reminder"}


class RegistrationClosed(Exception):
    """The event is cancelled or over: nobody can register any more."""


BadToken = tokens.BadToken  # a confirmation or cancellation link is forged, broken or expired


# --- tokens ------------------------------------------------------------------------------


def confirm_token(registration: Registration) -> str:
    return tokens.row_token(registration, salt=CONFIRM_SALT, key="r")


def cancel_token(registration: Registration) -> str:
    return tokens.row_token(registration, salt=CANCEL_SALT, key="r")


def registration_from_token(token: str, *, purpose: str) -> Registration:
    salt, max_age = (CONFIRM_SALT, CONFIRM_MAX_AGE) if purpose == "confirm" else (CANCEL_SALT, None)
    registrations = Registration.objects.select_related("event", "event__initiative", "user")
    return tokens.row_from_token(registrations, token, salt=salt, key="r", max_age=max_age)


# --- e-mail ------------------------------------------------------------------------------


def _send(registration: Registration, template: str, subject: Any, base_url: str) -> None:
    language = registration.language or settings.LANGUAGE_CODE
    with translation.override(language):
        event = registration.event
        context = {
            "registration": registration,
            "event": event,
            "name": registration.name,
            "base_url": base_url,
            "event_url": base_url + event.get_absolute_url(),
            "cancel_url": base_url
            + reverse("events:registration_cancel", args=[cancel_token(registration)]),
            "confirm_url": base_url
            + reverse("events:registration_confirm", args=[confirm_token(registration)]),
        }
        body = render_to_string(f"events/email/{template}.txt", context)
        message = EmailMessage(
            f"[Horizont] {subject}: {event.title}", body, None, [registration.email]
        )
        if template in WITH_CALENDAR:
            # Whoever holds a place gets the event for their calendar program.
            ics = calendar.build([event], title=event.title, base_url=base_url)
            message.attach(f"event-{event.pk}.ics", ics, "text/calendar")
        message.send()


def _send_after_commit(
    registration: Registration, template: str, subject: Any, base_url: str
) -> None:
    transaction.on_commit(lambda: _send(registration, template, subject, base_url))


# --- seats -------------------------------------------------------------------------------


def _lock_event(event: Event) -> Event:
    return Event.objects.select_for_update().select_related(None).get(pk=event.pk)


def _confirmed_count(event: Event) -> int:
    return event.registrations.filter(status=Registration.Status.CONFIRMED).count()


def _seat_status(event: Event) -> str:
    if event.capacity is None or _confirmed_count(event) < event.capacity:
        return Registration.Status.CONFIRMED
    return Registration.Status.WAITING


def _check_open(event: Event) -> None:
    if event.is_cancelled or event.is_past():
        raise RegistrationClosed


def _fill_seats(event: Event) -> list[Registration]:
    """Move people up from the waiting list into free places (event row locked)."""
    waiting = event.registrations.select_for_update().filter(status=Registration.Status.WAITING)
    waiting = waiting.order_by("queued_at", "pk")
    if event.capacity is not None:
        free = event.capacity - _confirmed_count(event)
        if free <= 0:
            return []
        waiting = waiting[:free]
    now = timezone.now()
    promoted = list(waiting)
    for registration in promoted:
        registration.status = Registration.Status.CONFIRMED
        registration.confirmed_at = now
        registration.save(update_fields=["status", "confirmed_at"])
    return promoted


def _place(registration: Registration, event: Event) -> None:
    registration.status = _seat_status(event)
    registration.queued_at = timezone.now()
    registration.confirmed_at = (
        registration.queued_at if registration.status == Registration.Status.CONFIRMED else None
    )
    registration.cancelled_at = None


def _announce(registration: Registration, base_url: str) -> None:
    if registration.status == Registration.Status.CONFIRMED:
        _send_after_commit(registration, "registered", _("You are registered"), base_url)
    else:
        _send_after_commit(registration, "waiting", _("You are on the waiting list"), base_url)


# --- registrations -----------------------------------------------------------------------


def registration_register_user(*, event: Event, user: Any, base_url: str) -> Registration:
    """One-click RSVP of a signed-in user: a place, or the waiting list when full."""
    with transaction.atomic():
        event = _lock_event(event)
        _check_open(event)
        registration = Registration.objects.filter(event=event, user=user).first()
        if registration is not None and registration.is_active:
            return registration
        registration = registration or Registration(event=event, user=user)
        registration.language = translation.get_language() or ""
        _place(registration, event)
        registration.save()
        _announce(registration, base_url)
    return registration


def registration_register_guest(
    *, event: Event, name: str, email: str, base_url: str
) -> Registration:
    """A guest's RSVP: pending, holding no place, until they follow the e-mailed link."""
    digest = email_digest(email)
    with transaction.atomic():
        event = _lock_event(event)
        _check_open(event)
        registration = Registration.objects.filter(event=event, guest_email_digest=digest).first()
        if registration is not None and registration.is_active:
            # Already registered: remind them by mail rather than telling the page who is.
            _send_after_commit(
                registration, "already_registered", _("You are already registered"), base_url
            )
            return registration
        registration = registration or Registration(event=event, guest_email_digest=digest)
        registration.guest_name = name.strip()
        registration.guest_email = email.strip()
        registration.language = translation.get_language() or ""
        registration.status = Registration.Status.PENDING
        registration.cancelled_at = None
        registration.save()
        _send_after_commit(registration, "confirm", _("Please confirm your registration"), base_url)
    return registration


def registration_confirm(*, registration: Registration, base_url: str) -> Registration:
    """A guest followed the confirmation link: give them a place or a waiting-list spot."""
    with transaction.atomic():
        event = _lock_event(registration.event)
        registration = Registration.objects.select_for_update().get(pk=registration.pk)
        if registration.status != Registration.Status.PENDING:
            return registration
        _check_open(event)
        _place(registration, event)
        registration.save()
        registration.event = event
        _announce(registration, base_url)
    return registration


def registration_cancel(*, registration: Registration, base_url: str) -> list[Registration]:
    """Give up a place or a waiting-list spot; returns the people who moved up."""
    with transaction.atomic():
        event = _lock_event(registration.event)
        registration = Registration.objects.select_for_update().get(pk=registration.pk)
        if registration.status == Registration.Status.CANCELLED:
            return []
        registration.status = Registration.Status.CANCELLED
        registration.cancelled_at = timezone.now()
        registration.reminder_sent_at = None
        if registration.user_id is None:
            # A guest who cancels leaves nothing behind but the fact that a row existed.
            registration.guest_name = ""
            registration.guest_email = ""
            registration.guest_email_digest = ""
        registration.save()
        promoted = _fill_seats(event)
        for person in promoted:
            person.event = event
            _send_after_commit(person, "promoted", _("A place is free for you"), base_url)
    return promoted


def registrations_purge_unconfirmed(*, now: dt.datetime | None = None) -> int:
    """Delete guest registrations whose confirmation link has expired."""
    limit = (now or timezone.now()) - dt.timedelta(seconds=CONFIRM_MAX_AGE)
    deleted, _detail = Registration.objects.filter(
        status=Registration.Status.PENDING, created_at__lt=limit
    ).delete()
    return deleted


# --- events ------------------------------------------------------------------------------


def event_create(*, event: Event, actor: Any) -> Event:
    with transaction.atomic():
        event.created_by = actor
        event.save()
        audit_record(actor=actor, action="events.create", target=event)
    return event


def event_update(*, event: Event, actor: Any, base_url: str) -> list[Registration]:
    """Save an organizer's changes; more places move people up from the waiting list."""
    with transaction.atomic():
        before = _lock_event(event)
        event.sequence = before.sequence + 1
        event.save()
        if event.start != before.start:
            # A new date deserves a new reminder.
            event.registrations.update(reminder_sent_at=None)
        promoted = _fill_seats(event)
        for person in promoted:
            person.event = event
            _send_after_commit(person, "promoted", _("A place is free for you"), base_url)
        audit_record(actor=actor, action="events.update", target=event)
    return promoted


def event_cancel(*, event: Event, actor: Any, base_url: str) -> int:
    """Cancel the event and tell everyone who registered; returns how many were told."""
    with transaction.atomic():
        event = _lock_event(event)
        if event.is_cancelled:
            return 0
        event.status = Event.Status.CANCELLED
        event.sequence += 1
        event.save(update_fields=["status", "sequence", "updated_at"])
        audit_record(actor=actor, action="events.cancel", target=event)
        people = list(
            event.registrations.select_related("user").filter(
                status__in=[Registration.Status.CONFIRMED, Registration.Status.WAITING]
            )
        )
        for person in people:
            person.event = event
            _send_after_commit(person, "event_cancelled", _("Event cancelled"), base_url)
    return len(people)


# --- reminders ---------------------------------------------------------------------------


def reminders_send(*, now: dt.datetime | None = None, base_url: str | None = None) -> int:
    """E-mail every confirmed participant of events starting within a day, once.

    Safe to run as often as you like (cron, Celery beat): each registration remembers
    when its reminder went out, and rows being handled by a parallel run are skipped.
    """
    now = now or timezone.now()
    base_url = base_url or site_base_url()
    due = Registration.objects.filter(
        status=Registration.Status.CONFIRMED,
        reminder_sent_at__isnull=True,
        event__status=Event.Status.SCHEDULED,
        event__start__gt=now,
        event__start__lte=now + REMINDER_WINDOW,
    ).values_list("pk", flat=True)
    sent = 0
    for pk in list(due):
        with transaction.atomic():
            registration = (
                Registration.objects.select_for_update(skip_locked=True, of=("self",))
                .select_related("event", "event__initiative", "user")
                .filter(pk=pk, reminder_sent_at__isnull=True)
                .first()
            )
            if registration is None:
                continue
            _send(registration, "reminder", _("Reminder"), base_url)
            registration.reminder_sent_at = now
            registration.save(update_fields=["reminder_sent_at"])
            sent += 1
    return sent


@tasks.task
def send_event_reminders(progress: Any, **arguments: Any) -> dict[str, int]:
    """Background task wrapper of ``reminders_send`` (schedule it hourly)."""
    sent = reminders_send()
    purged = registrations_purge_unconfirmed()
    progress.update(1, 1, f"{sent} reminders sent")
    return {"sent": sent, "purged": purged}


# --- data export and account deletion ----------------------------------------------------


@register_export
def _export_registrations(user: Any) -> dict[str, Any]:
    rows = Registration.objects.filter(user=user).select_related("event")
    return {
        "event_registrations": [
            {
                "event": r.event.title,
                "starts": r.event.start.isoformat(),
                "status": r.status,
                "registered_at": r.created_at.isoformat(),
            }
            for r in rows
        ]
    }


@register_erasure
def _erase_registrations(user: Any) -> None:
    # Free the places first, so the waiting list moves up before the rows disappear.
    for registration in Registration.objects.filter(user=user).exclude(
        status=Registration.Status.CANCELLED
    ):
        registration_cancel(registration=registration, base_url=site_base_url())
