"""Positions for the network graph: readable at a glance, computed on the server.

A single force-directed layout of a network with several separate groups pushes every
group to the edges of the picture, each a tight knot with its labels on top of each
other. Here each connected group is laid out on its own (Fruchterman-Reingold, fixed
seed), the groups are packed into rows, biggest first, each scaled to fill its share
of the picture, and finally nodes whose labels would overlap are pushed apart.
The browser only draws what it gets (``static/network/js/graph.js``): each label on the
side of its node that ``label_side`` names (``side`` in the graph data).
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Any

Point = tuple[float, float]

#: Approximate size of a 13-px label in the SVG's units (the viewBox is drawn 1:1 on a
#: desktop): average character width and line height, and the gap to the node.
CHAR_WIDTH, LINE_HEIGHT, LABEL_GAP, LABEL_CHARS = 7.0, 17.0, 16.0, 40


def _component_layout(graph: Any) -> dict[int, Point]:
    """One connected group in the unit square."""
    import networkx

    nodes = list(graph.nodes)
    if len(nodes) == 1:
        return {nodes[0]: (0.5, 0.5)}
    spread = 2.0 / math.sqrt(len(nodes))
    iterations = 200 if len(nodes) <= 100 else 80
    raw = networkx.spring_layout(graph, k=spread, iterations=iterations, seed=15)
    xs = [float(p[0]) for p in raw.values()]
    ys = [float(p[1]) for p in raw.values()]
    width = (max(xs) - min(xs)) or 1.0
    height = (max(ys) - min(ys)) or 1.0
    return {
        node: ((float(x) - min(xs)) / width, (float(y) - min(ys)) / height)
        for node, (x, y) in raw.items()
    }


def _cells(
    sizes: Sequence[int], width: float, height: float
) -> list[tuple[float, float, float, float]]:
    """(x, y, w, h) of a cell per group: rows of groups, area roughly by group size."""
    count = len(sizes)
    columns = max(1, math.ceil(math.sqrt(count * width / height)))
    rows = [list(range(start, min(start + columns, count))) for start in range(0, count, columns)]
    row_weights = [sum(math.sqrt(sizes[i]) for i in row) for row in rows]
    cells: list[tuple[float, float, float, float]] = [(0.0, 0.0, 0.0, 0.0)] * count
    top = 0.0
    for row, weight in zip(rows, row_weights, strict=True):
        row_height = height * weight / sum(row_weights)
        left = 0.0
        for index in row:
            cell_width = width * math.sqrt(sizes[index]) / weight
            cells[index] = (left, top, cell_width, row_height)
            left += cell_width
        top += row_height
    return cells


def _text_width(label: str) -> float:
    return min(len(label), LABEL_CHARS) * CHAR_WIDTH + LABEL_GAP


def label_side(point: Point, label: str, width: float) -> str:
    """ "right" of the node where the label fits in the picture, else "left"."""
    return "right" if point[0] + _text_width(label) <= width else "left"


def _label_box(point: Point, label: str, width: float) -> tuple[float, float, float, float]:
    """(left, top, right, bottom) of a node with its label, as graph.js draws it."""
    x, y = point
    text = _text_width(label)
    if label_side(point, label, width) == "left":
        return x - text, y - LINE_HEIGHT / 2, x + 8, y + LINE_HEIGHT / 2
    return x - 8, y - LINE_HEIGHT / 2, x + text, y + LINE_HEIGHT / 2


def _separate_labels(
    positions: dict[int, Point],
    labels: Mapping[int, str],
    *,
    top: float,
    bottom: float,
    width: float,
    rounds: int = 60,
) -> dict[int, Point]:
    """Push apart, vertically (between ``top`` and ``bottom``), nodes whose label boxes
    overlap; ``width`` of the picture decides on which side each label goes."""
    nodes = list(positions)
    moved = dict(positions)
    for _ in range(rounds):
        boxes = {n: _label_box(moved[n], labels.get(n, ""), width) for n in nodes}
        order = sorted(nodes, key=lambda n: moved[n][1])
        clash = False
        for i, a in enumerate(order):
            ax0, ay0, ax1, ay1 = boxes[a]
            for b in order[i + 1 :]:
                bx0, by0, bx1, by1 = boxes[b]
                if by0 >= ay1:
                    break  # sorted by y: nothing further down can overlap a
                if bx0 >= ax1 or bx1 <= ax0:
                    continue
                clash = True
                push = (ay1 - by0) / 2 + 0.5
                (xa, ya), (xb, yb) = moved[a], moved[b]
                moved[a] = (xa, max(top, ya - push))
                moved[b] = (xb, min(bottom, yb + push))
                boxes[a] = _label_box(moved[a], labels.get(a, ""), width)
                boxes[b] = _label_box(moved[b], labels.get(b, ""), width)
                ax0, ay0, ax1, ay1 = boxes[a]
        if not clash:
            break
    return {n: (round(x, 1), round(y, 1)) for n, (x, y) in moved.items()}


def graph_positions(
    node_ids: Sequence[int],
    edges: Sequence[tuple[int, int]],
    labels: Mapping[int, str] | None = None,
    *,
    width: int,
    height: int,
    margin: int,
) -> dict[int, Point]:
    """Positions in a ``width`` × ``height`` picture for every node."""
    import networkx  # a second or so to import: only when a picture is drawn

    graph = networkx.Graph()
    graph.add_nodes_from(node_ids)
    graph.add_edges_from(edges)
    groups = sorted(
        (sorted(group) for group in networkx.connected_components(graph)),
        key=lambda group: (-len(group), group[0]),
    )
    if not groups:
        return {}
    inner_width, inner_height = width - 2 * margin, height - 2 * margin
    cells = _cells([len(g) for g in groups], inner_width, inner_height)
    labels = labels or {}
    positions: dict[int, Point] = {}
    for group, (cx, cy, cw, ch) in zip(groups, cells, strict=True):
        unit = _component_layout(graph.subgraph(group))
        # Room for labels: keep the nodes in the left part of a cell, labels run right.
        longest = max(min(len(labels.get(n, "")), LABEL_CHARS) for n in group) * CHAR_WIDTH
        usable_width = max(cw - min(longest + LABEL_GAP, cw * 0.6), cw * 0.3)
        pad_y = min(LINE_HEIGHT, ch / 4)
        for node, (ux, uy) in unit.items():
            x = cx + (ux if len(group) > 1 else 0.2) * usable_width
            y = cy + pad_y + uy * max(ch - 2 * pad_y, 0.0)
            positions[node] = (margin + x, margin + y)
    return _separate_labels(
        positions, labels, top=float(margin), bottom=float(height - margin), width=float(width)
    )
