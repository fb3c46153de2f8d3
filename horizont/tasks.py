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
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from typing import Any, TypeVar

from django.conf import settings
from django.db import close_old_connections, connections, transaction
from django.utils import timezone

logger = logging.getLogger(__name__)

TaskFunction = Callable[..., Any]
F = TypeVar("F", bound=TaskFunction)

_REGISTRY: dict[str, TaskFunction] = {}


def task(fn: F) -> F:
    """Register ``fn`` as a background task under its dotted name."""
    _REGISTRY[f"{fn.__module__}.{fn.__qualname__}"] = fn
    return fn


def task_name(fn: TaskFunction) -> str:
    return f"{fn.__module__}.{fn.__qualname__}"


class Progress:
    """Reports a job's progress; writes at most a few times a second."""

    def __init__(self, job_id: Any, min_interval: float = 0.3) -> None:
        self.job_id = job_id
        self.min_interval = min_interval
        self._last = 0.0

    def update(self, done: int, total: int | None = None, message: str = "") -> None:
        now = time.monotonic()
        if now - self._last < self.min_interval and (total is None or done < total):
            return
        self._last = now
        from horizont.jobs.models import Job

        fields: dict[str, Any] = {"done": max(0, int(done))}
        if total is not None:
            fields["total"] = max(0, int(total))
        if message:
            fields["message"] = message[:300]
        Job.objects.filter(pk=self.job_id).update(**fields)


def enqueue(fn: TaskFunction, *, owner: Any = None, label: str = "", **arguments: Any) -> Any:
    """Create a job for the registered task ``fn`` and hand it to the configured backend."""
    from horizont.jobs.models import Job

    name = task_name(fn)
    if name not in _REGISTRY:
        raise LookupError(f"{name} is not registered with @task")
    job = Job.objects.create(
        name=name,
        label=label[:300],
        owner=owner if getattr(owner, "is_authenticated", False) else None,
        arguments=arguments,
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
    """Run one job to the end, recording its result or its error."""
    from horizont.jobs.models import Job

    job = Job.objects.get(pk=job_id)
    if job.is_finished:
        return
    fn = _REGISTRY.get(job.name)
    if fn is None:
        _autodiscover()
        fn = _REGISTRY.get(job.name)
    Job.objects.filter(pk=job.pk).update(status=Job.Status.RUNNING, started_at=timezone.now())
    try:
        if fn is None:
            raise LookupError(f"task {job.name} is not registered")
        result = fn(Progress(job.pk), **job.arguments)
    except Exception as exc:
        logger.exception("job failed", extra={"job": str(job.pk), "task": job.name})
        Job.objects.filter(pk=job.pk).update(
            status=Job.Status.FAILED, error=str(exc)[:2000], finished_at=timezone.now()
        )
        return
    Job.objects.filter(pk=job.pk).update(
        status=Job.Status.DONE, result=result, finished_at=timezone.now()
    )


def _autodiscover() -> None:
    from django.utils.module_loading import autodiscover_modules

    autodiscover_modules("services")
