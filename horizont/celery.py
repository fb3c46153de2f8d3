"""Celery application: runs Horizont's background jobs on workers over Redis.

Start a worker with ``celery -A horizont worker`` (see docs/operations.md).
"""

from __future__ import annotations

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "horizont.settings")

app = Celery("horizont")
app.config_from_object("django.conf:settings", namespace="CELERY")


@app.task(name="horizont.run_job")
def run_job_task(job_id: str) -> None:
    from django.db import connections

    from horizont.tasks import run_job

    try:
        run_job(job_id)
    finally:
        connections.close_all()


@app.task(name="horizont.jobs_sweep")
def jobs_sweep_task() -> int:
    """Scheduled by CELERY_BEAT_SCHEDULE (start beat with ``celery -A horizont beat``)."""
    from django.db import connections

    from horizont.jobs.services import jobs_sweep

    try:
        return len(jobs_sweep())
    finally:
        connections.close_all()


@app.task(name="horizont.jobs_purge")
def jobs_purge_task() -> int:
    """Scheduled hourly by CELERY_BEAT_SCHEDULE: results older than the retention go."""
    from django.db import connections

    from horizont.jobs.services import jobs_purge

    try:
        return jobs_purge()
    finally:
        connections.close_all()
