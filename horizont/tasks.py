"""One interface for background work, whatever runs it.

Apps declare a task with :func:`task` and start it with :func:`enqueue`, which returns a
:class:`~horizont.jobs.models.Job` whose progress a person can watch. ``TASKS_BACKEND``
chooses who runs it:

* ``thread`` (default): a thread of the web process, no extra service needed;
* ``celery``: Celery workers over Redis (``REDIS_URL``), on as many machines as needed;
* ``immediate``: inline, before ``enqueue`` returns (tests).

A task is a plain function ``fn(progress, **arguments)`` whose arguments are JSON values;
it reports progress with ``progress.update(done, total, message)`` and may return a JSON
value that is stored as the job's result.

A worker that dies mid-job (kill -9, lost database) leaves its job "running": workers
write a heartbeat, and ``horizont jobs_sweep`` (scheduled in Celery beat) fails jobs
whose heartbeat stopped and removes their files (see :mod:`horizont.jobs.services`).
"""

from __future__ import annotations

import logging
import shutil
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from django.conf import settings
from django.db import (
    DEFAULT_DB_ALIAS,
    DatabaseError,
    OperationalError,
    close_old_connections,
    connections,
    transaction,
)
from django.utils import timezone

logger = logging.getLogger(__name__)

TaskFunction = Callable[..., Any]
F = TypeVar("F", bound=TaskFunction)
R = TypeVar("R")

_REGISTRY: dict[str, TaskFunction] = {}


def task(fn: F) -> F:
    """Register ``fn`` as a background task under its dotted name."""
    _REGISTRY[f"{fn.__module__}.{fn.__qualname__}"] = fn
    return fn


def task_name(fn: TaskFunction) -> str:
    return f"{fn.__module__}.{fn.__qualname__}"


#: Progress is written at most this often (seconds).
MIN_WRITE_INTERVAL = 0.3


class Progress:
    """Reports a job's progress; writes at most a few times a second.

    With a :class:`Heartbeat` the figures go through the heartbeat's own database
    connection, so they are seen at once even while the task holds a transaction open
    (an import that stores everything or nothing).
    """

    def __init__(
        self,
        job_id: Any,
        min_interval: float = MIN_WRITE_INTERVAL,
        heartbeat: Heartbeat | None = None,
    ) -> None:
        self.job_id = job_id
        self.min_interval = min_interval
        self.heartbeat = heartbeat
        self._last = 0.0

    def update(self, done: int, total: int | None = None, message: str = "") -> None:
        fields: dict[str, Any] = {"done": max(0, int(done))}
        if total is not None:
            fields["total"] = max(0, int(total))
        if message:
            fields["message"] = str(message)[:300]
        if self.heartbeat is not None:
            # Kept in memory; the heartbeat writes the latest figures a few times a second.
            self.heartbeat.send(fields)
            return
        now = time.monotonic()
        if now - self._last < self.min_interval and (total is None or done < total):
            return
        self._last = now
        from horizont.jobs.models import Job

        Job.objects.filter(pk=self.job_id).update(heartbeat_at=timezone.now(), **fields)


class Heartbeat(threading.Thread):
    """Tells that a job's worker is alive: every ``interval`` seconds, and at once when
    progress arrives, it writes ``heartbeat_at`` and the latest progress.

    It runs in a thread of its own, hence on a database connection of its own, outside
    any transaction of the task. If the worker dies (kill -9, out of memory) the
    heartbeat stops with it and ``horizont jobs_sweep`` fails the job.
    """

    def __init__(self, job_id: Any, interval: float) -> None:
        super().__init__(daemon=True, name=f"heartbeat-{job_id}")
        self.job_id = job_id
        self.interval = interval
        self._pending: dict[str, Any] = {}
        self._lock = threading.Lock()
        self._wake = threading.Event()
        self._stopping = threading.Event()

    def send(self, fields: dict[str, Any]) -> None:
        with self._lock:
            self._pending.update(fields)
        self._wake.set()

    def finish(self) -> None:
        """Write what is pending and end the thread."""
        self._stopping.set()
        self._wake.set()
        self.join(timeout=max(30.0, 3 * self.interval))

    def run(self) -> None:
        try:
            while True:
                self._wake.wait(self.interval)
                self._wake.clear()
                self._beat()
                if self._stopping.is_set():
                    return
                self._stopping.wait(MIN_WRITE_INTERVAL)
        finally:
            connections.close_all()  # this thread's own connections

    def _beat(self) -> None:
        from horizont.jobs.models import Job

        with self._lock:
            fields, self._pending = self._pending, {}
        try:
            # Only while running: a job the sweeper failed stays failed.
            Job.objects.filter(pk=self.job_id, status=Job.Status.RUNNING).update(
                heartbeat_at=timezone.now(), **fields
            )
        except DatabaseError:
            logger.warning("job heartbeat not written", extra={"job": str(self.job_id)})
            with self._lock:
                self._pending = {**fields, **self._pending}
            # A dropped connection is replaced at the next beat.
            connections[DEFAULT_DB_ALIAS].close()


def enqueue(
    fn: TaskFunction,
    *,
    owner: Any = None,
    label: str = "",
    cleanup: list[str] | None = None,
    **arguments: Any,
) -> Any:
    """Create a job for the registered task ``fn`` and hand it to the configured backend.

    ``cleanup`` lists files and folders the job owns (an upload waiting for it): they are
    removed when the job ends, however it ends, or when the sweeper fails it.
    """
    from horizont.jobs.models import Job

    name = task_name(fn)
    if name not in _REGISTRY:
        raise LookupError(f"{name} is not registered with @task")
    job = Job.objects.create(
        name=name,
        label=label[:300],
        owner=owner if getattr(owner, "is_authenticated", False) else None,
        arguments=arguments,
        cleanup=[str(path) for path in cleanup or []],
    )
    backend = settings.TASKS_BACKEND
    if backend == "immediate":
        run_job(job.pk)
        job.refresh_from_db()
    elif backend == "celery":
        from horizont.celery import run_job_task

        transaction.on_commit(lambda: run_job_task.delay(str(job.pk)))
    elif backend == "thread":
        transaction.on_commit(
            lambda: threading.Thread(target=_run_in_thread, args=(job.pk,), daemon=True).start()
        )
    else:
        raise ValueError(f"unknown TASKS_BACKEND {backend!r}")
    return job


def _run_in_thread(job_id: Any) -> None:
    close_old_connections()
    try:
        run_job(job_id)
    finally:
        # The thread ends here: its connections would otherwise linger until the server
        # closes them.
        connections.close_all()


def run_job(job_id: Any) -> None:
    """Run one queued job to the end, recording its result or its error.

    A job runs once: a worker claims it by moving it from queued to running, so a
    message delivered twice (late acknowledgement after a lost worker) does nothing.
    """
    from horizont.jobs.models import Job

    job = _waiting_out_locks(lambda: Job.objects.filter(pk=job_id).first())
    if job is None:
        return
    now = timezone.now()
    claimed = _waiting_out_locks(
        lambda: Job.objects.filter(pk=job.pk, status=Job.Status.QUEUED).update(
            status=Job.Status.RUNNING, started_at=now, heartbeat_at=now
        )
    )
    if not claimed:
        return
    fn = _REGISTRY.get(job.name)
    if fn is None:
        _autodiscover()
        fn = _REGISTRY.get(job.name)
    heartbeat = None
    if settings.TASKS_BACKEND != "immediate":
        heartbeat = Heartbeat(job.pk, float(settings.JOBS_HEARTBEAT_SECONDS))
        heartbeat.start()
    outcome: dict[str, Any]
    try:
        if fn is None:
            raise LookupError(f"task {job.name} is not registered")
        result = fn(Progress(job.pk, heartbeat=heartbeat), **job.arguments)
    except Exception as exc:
        logger.exception("job failed", extra={"job": str(job.pk), "task": job.name})
        outcome = {"status": Job.Status.FAILED, "error": str(exc)[:2000]}
    else:
        outcome = {"status": Job.Status.DONE, "result": result}
    finally:
        if heartbeat is not None:
            heartbeat.finish()
    try:
        _finish(job.pk, outcome)
    finally:
        remove_job_files(job.cleanup)


def _finish(job_id: Any, outcome: dict[str, Any]) -> None:
    """Record how the job ended; after a dropped connection, once more on a new one."""
    from horizont.jobs.models import Job

    for attempt in range(2):
        try:
            _waiting_out_locks(
                lambda: Job.objects.filter(pk=job_id, status=Job.Status.RUNNING).update(
                    finished_at=timezone.now(), **outcome
                )
            )
            return
        except DatabaseError:
            connection = connections[DEFAULT_DB_ALIAS]
            if attempt or connection.in_atomic_block:
                raise
            logger.warning("job outcome not written, reconnecting", extra={"job": str(job_id)})
            connection.close()


LOCK_RETRIES = 20


def _waiting_out_locks(query: Callable[[], R]) -> R:
    """Run ``query``, waiting out another writer that holds SQLite's lock ("database is
    locked", "database table is locked"): a job's thread works beside the web process
    (and, in the tests, beside the test's own connection to a shared in-memory database,
    where even a read is refused while another connection writes)."""
    for attempt in range(LOCK_RETRIES - 1):
        try:
            return query()
        except OperationalError as exc:
            if "locked" not in str(exc) or connections[DEFAULT_DB_ALIAS].in_atomic_block:
                raise
            time.sleep(0.02 * (attempt + 1))
    return query()  # the last try: its error is the caller's


def remove_job_files(paths: list[str]) -> None:
    """Remove the files and folders a job owned (missing ones are fine)."""
    for name in paths:
        path = Path(name)
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path, ignore_errors=True)
        else:
            path.unlink(missing_ok=True)


def _autodiscover() -> None:
    from django.utils.module_loading import autodiscover_modules

    autodiscover_modules("services")
