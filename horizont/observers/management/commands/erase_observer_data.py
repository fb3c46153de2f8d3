"""Delete volunteers' personal data of programmes that ended long enough ago
(``OBSERVERS_RETENTION_DAYS``). Idempotent: run it daily from cron or Celery beat."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from horizont.observers.services import programmes_erase_personal_data


class Command(BaseCommand):
    help = "Erase pseudonyms, contacts and account links of volunteers of ended programmes."

    def handle(self, *args: Any, **options: Any) -> None:
        erased = programmes_erase_personal_data()
        self.stdout.write(f"personal data of {erased} programme(s) erased")
