"""Fault tests: a worker killed mid-job, and a database connection dropped mid-job.

A real worker process (``run_job`` in a subprocess, as a Celery worker runs it) takes a
job that stores rows inside a transaction; the test kills it with SIGKILL, or terminates
its database connections. The job must end as failed within the sweeper's interval,
nothing of its transaction may remain, and its files must be removed. The worker process
has to see the test database, so these tests need PostgreSQL (CI runs them there).
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from datetime import timedelta
from pathlib import Path
from urllib.parse import quote

import pytest
from django.db import connection

from horizont import tasks
from horizont.jobs.models import Job
from horizont.jobs.services import jobs_sweep
from horizont.jobs.tests.fault_tasks import HALF_WRITTEN, store_then_hang

pytestmark = pytest.mark.django_db(transaction=True)

ROOT = Path(__file__).resolve().parents[3]
HEARTBEAT = 0.2
STALE = 2.0


@pytest.fixture
def postgres():
    if connection.vendor != "postgresql":
        pytest.skip("fault tests need PostgreSQL: a worker process must see the test database")


def _database_url() -> str:
    s = connection.settings_dict
    auth = quote(s["USER"] or "") + (f":{quote(s['PASSWORD'])}" if s["PASSWORD"] else "")
    return f"postgres://{auth}@{s['HOST'] or '127.0.0.1'}:{s['PORT'] or 5432}/{s['NAME']}"


def _start_worker(job: Job, tmp_path: Path) -> subprocess.Popen:
    env = dict(
        os.environ,
        DATABASE_URL=_database_url(),
        TASKS_BACKEND="celery",  # as on a worker: heartbeats on their own connection
        JOBS_HEARTBEAT_SECONDS=str(HEARTBEAT),
        HORIZONT_VAR_DIR=str(tmp_path / "var"),
        DJANGO_SETTINGS_MODULE="horizont.settings",
    )
    code = (
        "import sys, django; django.setup();"
        "import horizont.jobs.tests.fault_tasks;"
        "from horizont.tasks import run_job; run_job(sys.argv[1])"
    )
    return subprocess.Popen(
        [sys.executable, "-c", code, str(job.pk)], cwd=ROOT, env=env,
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
    )  # fmt: skip


def _wait(condition, seconds: float, what: str) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.1)
    raise AssertionError(f"timed out waiting until {what}")


def _job_with_upload(tmp_path: Path, **arguments) -> tuple[Job, Path, Path]:
    upload = tmp_path / "upload"
    upload.mkdir()
    (upload / "results.csv").write_text("region,uik\n")
    signal_file = tmp_path / "inside"
    job = Job.objects.create(
        name=tasks.task_name(store_then_hang),
        arguments={"signal": str(signal_file), **arguments},
        cleanup=[str(upload)],
    )
    return job, upload, signal_file


def _progress_seen_while_the_transaction_is_open(job: Job, signal_file: Path) -> None:
    _wait(signal_file.exists, 60, "the worker is inside its transaction")
    _wait(lambda: Job.objects.get(pk=job.pk).done == 2, 10, "progress 2/4 is visible")
    job.refresh_from_db()
    assert job.status == Job.Status.RUNNING and job.message == "storing"
    assert not Job.objects.filter(name=HALF_WRITTEN).exists()  # not committed yet


def test_worker_killed_mid_job_ends_failed_with_files_removed(postgres, tmp_path):
    job, upload, signal_file = _job_with_upload(tmp_path)
    worker = _start_worker(job, tmp_path)
    try:
        _progress_seen_while_the_transaction_is_open(job, signal_file)
        # Alive: its heartbeat keeps the sweeper away.
        time.sleep(STALE + 0.5)
        assert jobs_sweep(stale_after=timedelta(seconds=STALE)) == []
        worker.send_signal(signal.SIGKILL)
        worker.wait(10)
    finally:
        if worker.poll() is None:
            worker.kill()
    killed_at = time.monotonic()
    _wait(
        lambda: jobs_sweep(stale_after=timedelta(seconds=STALE)) != [],
        STALE + 5,
        "the sweeper fails the job",
    )
    assert time.monotonic() - killed_at <= STALE + 5
    job.refresh_from_db()
    assert job.status == Job.Status.FAILED and job.finished_at
    assert not upload.exists()
    assert not Job.objects.filter(name=HALF_WRITTEN).exists()


def test_dropped_database_connection_ends_the_job_failed_with_files_removed(postgres, tmp_path):
    job, upload, signal_file = _job_with_upload(tmp_path, query_every=0.1)
    worker = _start_worker(job, tmp_path)
    try:
        _progress_seen_while_the_transaction_is_open(job, signal_file)
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                "WHERE datname = current_database() AND pid <> pg_backend_pid()"
            )
        _wait(
            lambda: Job.objects.get(pk=job.pk).status == Job.Status.FAILED,
            STALE + 10,
            "the job is failed",
        )
        worker.wait(20)
    finally:
        if worker.poll() is None:
            worker.kill()
    job.refresh_from_db()
    assert job.status == Job.Status.FAILED and job.error
    assert not upload.exists()
    assert not Job.objects.filter(name=HALF_WRITTEN).exists()
