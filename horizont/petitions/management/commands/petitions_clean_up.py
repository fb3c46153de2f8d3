"""Expire unconfirmed signatures and erase signer data after delivery. Idempotent: run it
daily from cron or Celery beat (the task ``petitions_clean_up`` does the same)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from horizont.petitions.services import signatures_expire_unconfirmed, signer_data_erase


class Command(BaseCommand):
    help = "Delete signatures unconfirmed after 7 days; erase signer data after delivery."

    def handle(self, *args: Any, **options: Any) -> None:
        expired = signatures_expire_unconfirmed()
        erased = signer_data_erase()
        self.stdout.write(
            f"{expired} unconfirmed signatures deleted, signer data erased on {erased} petitions"
        )
