"""Tasks for the fault tests: they write inside a transaction, then wait to be killed."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from django.db import transaction

from horizont import tasks
from horizont.jobs.models import Job

HALF_WRITTEN = "half-written by a killed job"


@tasks.task
def store_then_hang(progress: Any, *, signal: str, query_every: float = 0.0) -> None:
    """Reports progress, stores a row inside a transaction, tells the test it got there,
    then waits (querying now and then when ``query_every`` is set) until it is killed."""
    progress.update(1, 4, "reading")
    with transaction.atomic():
        Job.objects.create(name=HALF_WRITTEN)
        progress.update(2, 4, "storing")
        Path(signal).write_text("inside")
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            time.sleep(query_every or 1.0)
            if query_every:
                Job.objects.count()
