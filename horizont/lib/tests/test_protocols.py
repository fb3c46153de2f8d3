"""Protocol copies against official results: matching by key, differences, totals."""

import numpy as np

from horizont.lib.protocols import compare_protocols


def _naive(copy_keys, copy_lines, official_keys, official_lines):
    index = {int(k): i for i, k in enumerate(official_keys)}
    out = []
    for key, lines in zip(copy_keys, copy_lines, strict=True):
        row = index.get(int(key))
        out.append(
            None
            if row is None
            else [int(o - c) for o, c in zip(official_lines[row], lines, strict=True)]
        )
    return out


def test_differences_match_a_plain_loop():
    rng = np.random.default_rng(1)
    official_keys = rng.permutation(np.arange(5000, dtype=np.int64) * 7)
    official_lines = rng.integers(0, 1000, size=(5000, 6))
    pick = rng.choice(5000, size=300, replace=False)
    copy_keys = np.concatenate([official_keys[pick], [3, 10**9]])  # two with no official row
    copy_lines = np.concatenate([official_lines[pick], [[1] * 6, [2] * 6]])
    copy_lines[:40, 2] += 5  # forty copies differ
    result = compare_protocols(copy_keys, copy_lines, official_keys, official_lines)
    expected = _naive(copy_keys, copy_lines, official_keys, official_lines)
    assert result.compared == 300 and result.differing == 40
    for i, row in enumerate(expected):
        if row is None:
            assert not result.found[i] and result.official_row[i] == -1
        else:
            assert result.difference[i].tolist() == row
    assert result.moved.tolist() == [0, 0, -200, 0, 0, 0]


def test_order_by_size_puts_the_largest_first():
    result = compare_protocols(
        np.array([1, 2, 3]),
        np.array([[10, 5], [10, 5], [10, 5]]),
        np.array([3, 2, 1]),
        np.array([[10, 9], [10, 5], [11, 5]]),
    )
    assert result.order_by_size().tolist() == [2, 0]
    assert result.size.tolist() == [1, 0, 4]


def test_nothing_to_compare():
    result = compare_protocols(
        np.zeros(0, dtype=np.int64),
        np.zeros((0, 3), dtype=np.int64),
        np.array([1]),
        np.array([[1, 2, 3]]),
    )
    assert result.copies == 0 and result.differing == 0
    assert result.moved.tolist() == [0, 0, 0]
