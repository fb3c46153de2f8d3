"""Jobs' files and their end: the sweeper fails jobs whose worker died, finished jobs and
their results are deleted after the retention period and with their owner's account."""

from __future__ import annotations

import logging
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db.models import Q
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from horizont.core.private_files import private_path
from horizont.jobs.models import Job
from horizont.tasks import remove_job_files

logger = logging.getLogger(__name__)


def job_files_dir(job_id: Any) -> Path:
    """The private folder of a job's results (outside the public media folder)."""
    return private_path("jobs", str(job_id))


def _jobs_delete(jobs: Any) -> int:
    removed = 0
    for job in jobs:
        remove_job_files([*job.cleanup, str(job_files_dir(job.pk))])
        job.delete()
        removed += 1
    return removed


def jobs_purge(*, now: datetime | None = None, days: int | None = None) -> int:
    """Delete jobs that finished more than ``days`` ago (``JOBS_RETENTION_DAYS``) with
    their results; returns how many."""
    now = now or timezone.now()
    days = settings.JOBS_RETENTION_DAYS if days is None else days
    old = Job.objects.filter(
        status__in=[Job.Status.DONE, Job.Status.FAILED],
        finished_at__lt=now - timedelta(days=days),
    )
    return _jobs_delete(old)


def user_jobs_erase(user: Any) -> None:
    """Account deletion: the user's jobs go, and with them their result files."""
    _jobs_delete(Job.objects.filter(owner=user))


def _stale(now: datetime, stale_after: timedelta) -> Q:
    cutoff = now - stale_after
    running = Q(status=Job.Status.RUNNING) & (
        Q(heartbeat_at__lt=cutoff) | Q(heartbeat_at__isnull=True, started_at__lt=cutoff)
    )
    queued_cutoff = now - timedelta(seconds=settings.JOBS_QUEUED_TIMEOUT_SECONDS)
    return running | Q(status=Job.Status.QUEUED, created_at__lt=queued_cutoff)


def jobs_sweep(
    *, now: datetime | None = None, stale_after: timedelta | None = None, job: Job | None = None
) -> list[Job]:
    """Fail every running job whose heartbeat is older than ``stale_after`` (and every job
    queued for longer than a day), remove its files, and return the jobs failed."""
    now = now or timezone.now()
    if stale_after is None:
        stale_after = timedelta(seconds=settings.JOBS_STALE_SECONDS)
    candidates = Job.objects.filter(_stale(now, stale_after)).select_related("owner")
    if job is not None:
        candidates = candidates.filter(pk=job.pk)
    swept = []
    for stale in candidates:
        language = getattr(stale.owner, "language", "") or settings.LANGUAGE_CODE
        with translation.override(language):
            error = _(
                "The work stopped without finishing: its worker ended or lost its database "
                "connection. Nothing of it was kept; please start it again."
            )
        # Conditional on what was read: a job that beat or finished meanwhile is left alone.
        failed = Job.objects.filter(
            pk=stale.pk, status=stale.status, heartbeat_at=stale.heartbeat_at
        ).update(status=Job.Status.FAILED, error=error, finished_at=now)
        if failed:
            remove_job_files(stale.cleanup)
            logger.warning("stale job failed", extra={"job": str(stale.pk), "task": stale.name})
            swept.append(stale)
    return swept
