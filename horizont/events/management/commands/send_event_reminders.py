"""Send the day-before reminders. Idempotent: run it hourly from cron or Celery beat."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from horizont.events.services import registrations_purge_unconfirmed, reminders_send


class Command(BaseCommand):
    help = "E-mail participants of events that start within a day (each reminder once)."

    def handle(self, *args: Any, **options: Any) -> None:
        sent = reminders_send()
        purged = registrations_purge_unconfirmed()
        self.stdout.write(f"{sent} reminders sent, {purged} expired guest registrations removed")
