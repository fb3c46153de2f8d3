"""Screening many names at once, on every core.

Workers are forked after the index is built, so each shares the parent's index
instead of rebuilding or unpickling it. Each worker returns small
:class:`BatchResult` rows, not entities.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Final

from horizont.screening.index import Index
from horizont.screening.score import WEAK_AT

CHUNK: Final = 500
IN_PROCESS_BELOW: Final = 2_000
_WORKER_INDEX: Index | None = None


@dataclass(frozen=True, slots=True)
class BatchResult:
    """Best match of one batch query (``entity_id`` None when nothing matched)."""

    query: str
    score: float = 0.0
    band: str = ""
    entity_id: str | None = None
    caption: str = ""
    list_id: str = ""
    schema: str = ""
    matched: str = ""
    explanation: str = ""


def _screen_one(index: Index, query: str, min_score: float) -> BatchResult:
    match = index.best_match(query, min_score=min_score)
    if match is None:
        return BatchResult(query)
    matched = match.identifier.identifier.value if match.identifier else ""
    if match.matched_name is not None:
        matched = match.matched_name.value
    return BatchResult(
        query=query,
        score=match.score,
        band=match.band.value,
        entity_id=match.entity.id,
        caption=match.entity.caption,
        list_id=match.entity.list_id,
        schema=match.entity.schema.value,
        matched=matched,
        explanation="; ".join(line.strip() for line in match.explain()),
    )


def _work(args: tuple[Sequence[str], float]) -> list[BatchResult]:
    queries, min_score = args
    assert _WORKER_INDEX is not None
    return [_screen_one(_WORKER_INDEX, q, min_score) for q in queries]


def screen_batch(
    index: Index,
    queries: Sequence[str],
    *,
    processes: int | None = None,
    min_score: float = WEAK_AT,
    progress: Callable[[int], None] | None = None,
) -> list[BatchResult]:
    """Best match for every query, in input order.

    Large batches run on ``processes`` forked workers (default: every core);
    ``progress`` is called with the number of queries finished since its last call.
    """
    global _WORKER_INDEX
    processes = processes or os.cpu_count() or 1
    chunks = [queries[i : i + CHUNK] for i in range(0, len(queries), CHUNK)]
    results: list[BatchResult] = []
    if processes <= 1 or len(queries) < IN_PROCESS_BELOW or os.name != "posix":
        for chunk in chunks:
            results.extend(_screen_one(index, q, min_score) for q in chunk)
            if progress is not None:
                progress(len(chunk))
        return results
    _WORKER_INDEX = index
    try:
        context = multiprocessing.get_context("fork")
        with context.Pool(processes) as pool:
            for done in pool.imap(_work, [(c, min_score) for c in chunks]):
                results.extend(done)
                if progress is not None:
                    progress(len(done))
    finally:
        _WORKER_INDEX = None
    return results
