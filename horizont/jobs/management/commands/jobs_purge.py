"""Delete finished jobs older than the retention period, with their result files."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from horizont.jobs.services import jobs_purge


class Command(BaseCommand):
    help = "Delete jobs that finished more than JOBS_RETENTION_DAYS ago, with their results."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--days", type=int, default=None, help="retention in days")

    def handle(self, *args: Any, days: int | None, **options: Any) -> None:
        self.stdout.write(f"{jobs_purge(days=days)} finished job(s) deleted")
