"""The graph's layout keeps groups apart and labels readable (issue 15, item 2)."""

from __future__ import annotations

import itertools

from horizont.network.layout import _label_box, graph_positions

WIDTH, HEIGHT, MARGIN = 1000, 640, 40


def _network() -> tuple[list[int], list[tuple[int, int]], dict[int, str]]:
    """Three separate groups (a star, a chain, a ring) and two loners, long names."""
    nodes = list(range(1, 29))
    edges = [(1, n) for n in range(2, 11)]  # star
    edges += [(n, n + 1) for n in range(11, 19)]  # chain
    edges += [(n, n + 1) for n in range(20, 26)] + [(26, 20)]  # ring
    labels = {n: f"Initiative number {n} in a city (demo)" for n in nodes}
    return nodes, edges, labels


def _overlap(a: tuple[float, float, float, float], b: tuple[float, float, float, float]) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def test_every_node_is_inside_the_picture_with_room_for_its_label():
    nodes, edges, labels = _network()
    positions = graph_positions(nodes, edges, labels, width=WIDTH, height=HEIGHT, margin=MARGIN)
    assert set(positions) == set(nodes)
    for node, (x, y) in positions.items():
        assert MARGIN <= x <= WIDTH - MARGIN and MARGIN <= y <= HEIGHT - MARGIN
        assert _label_box((x, y), labels[node], WIDTH)[0] >= 0
        assert _label_box((x, y), labels[node], WIDTH)[2] <= WIDTH


def test_labels_do_not_overlap():
    nodes, edges, labels = _network()
    positions = graph_positions(nodes, edges, labels, width=WIDTH, height=HEIGHT, margin=MARGIN)
    boxes = {n: _label_box(positions[n], labels[n], WIDTH) for n in nodes}
    clashes = [(a, b) for a, b in itertools.combinations(nodes, 2) if _overlap(boxes[a], boxes[b])]
    assert clashes == []


def test_groups_do_not_pile_up_in_the_corners():
    """Each group gets its own part of the picture instead of a knot at an edge."""
    nodes, edges, labels = _network()
    positions = graph_positions(nodes, edges, labels, width=WIDTH, height=HEIGHT, margin=MARGIN)
    star = [positions[n] for n in range(1, 11)]
    spread_y = max(y for _x, y in star) - min(y for _x, y in star)
    assert spread_y > 150  # a group of ten spreads over a good part of the height


def test_same_network_same_picture():
    nodes, edges, labels = _network()
    first = graph_positions(nodes, edges, labels, width=WIDTH, height=HEIGHT, margin=MARGIN)
    again = graph_positions(nodes, edges, labels, width=WIDTH, height=HEIGHT, margin=MARGIN)
    assert first == again
