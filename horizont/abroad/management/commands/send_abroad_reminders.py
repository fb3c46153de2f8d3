"""Send due reminders to people who pledged to vote abroad, then erase expired guest data.

Idempotent: run it hourly from cron or Celery beat. With ``TASKS_BACKEND=celery`` the
work goes to the workers; otherwise it runs here, as a job of the task system.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand

from horizont import tasks
from horizont.abroad.services import send_abroad_reminders


class Command(BaseCommand):
    help = "Send due reminders for votes abroad (each once) and erase expired guest data."

    def handle(self, *args: Any, **options: Any) -> None:
        if settings.TASKS_BACKEND == "celery":
            job = tasks.enqueue(send_abroad_reminders, label="abroad reminders")
            self.stdout.write(f"queued job {job.pk}")
            return
        from horizont.jobs.models import Job

        job = Job.objects.create(
            name=tasks.task_name(send_abroad_reminders), label="abroad reminders"
        )
        tasks.run_job(job.pk)
        job.refresh_from_db()
        self.stdout.write(f"{job.status}: {job.result or job.error}")
