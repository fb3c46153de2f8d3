"""Server-side layout of the network graph (networkx spring layout), at the graph's limit.

    .venv/bin/python benchmarks/network_graph_layout.py

Builds random networks of 40, 150 and GRAPH_LIMIT (300) links and measures, for each,
the first computation of the layout (the baseline: what a first visit pays) against a
repeated visit of the same network, which takes the positions from the cache; prints both
and the ratio. No database needed: it times ``layout.graph_positions`` at the
graph's size (as ``queries.graph_data`` calls it) and the cache step.
"""

from __future__ import annotations

import os
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "horizont.settings")
os.environ.pop("REDIS_URL", None)

import django  # noqa: E402

django.setup()

from django.core.cache import cache  # noqa: E402

from horizont.network.layout import graph_positions  # noqa: E402
from horizont.network.queries import (  # noqa: E402
    GRAPH_HEIGHT,
    GRAPH_LIMIT,
    GRAPH_MARGIN,
    GRAPH_WIDTH,
)

ROUNDS = 5


def network(links: int, seed: int) -> tuple[list[int], list[tuple[int, int]]]:
    rng = random.Random(seed)
    size = links + links // 2
    edges = [(rng.randrange(size), rng.randrange(size)) for _ in range(links)]
    nodes = sorted({n for edge in edges for n in edge})
    return nodes, edges


def main() -> None:
    for links in (40, 150, GRAPH_LIMIT):
        first, again = [], []
        for round_ in range(ROUNDS):
            nodes, edges = network(links, round_)
            key = f"bench:{links}:{round_}"
            started = time.perf_counter()
            positions = graph_positions(
                nodes, edges, width=GRAPH_WIDTH, height=GRAPH_HEIGHT, margin=GRAPH_MARGIN
            )
            cache.set(key, positions)
            first.append(time.perf_counter() - started)
            started = time.perf_counter()
            assert cache.get(key) is not None
            again.append(time.perf_counter() - started)
        base, cached = statistics.median(first), statistics.median(again)
        print(
            f"{links:4d} links, {len(nodes):4d} nodes: first visit {base * 1000:7.1f} ms, "
            f"again (cache) {cached * 1000:6.2f} ms, ratio {base / cached:,.0f}×"
        )


if __name__ == "__main__":
    main()
