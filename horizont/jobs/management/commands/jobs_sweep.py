"""Fail jobs whose worker died (no heartbeat) and remove their files."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from horizont.jobs.services import jobs_sweep


class Command(BaseCommand):
    help = "Fail running jobs whose worker stopped sending heartbeats, and remove their files."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--stale-after",
            type=float,
            default=None,
            help="seconds without a heartbeat (default: JOBS_STALE_SECONDS)",
        )

    def handle(self, *args: Any, stale_after: float | None, **options: Any) -> None:
        swept = jobs_sweep(
            stale_after=timedelta(seconds=stale_after) if stale_after is not None else None
        )
        for job in swept:
            self.stdout.write(f"failed {job.pk} ({job.name})")
        self.stdout.write(f"{len(swept)} stale job(s) failed")
