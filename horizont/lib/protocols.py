"""Observers' protocol copies against official per-station results, vectorised.

Stations on both sides are identified by an integer key (the caller builds it, for
instance ``region_code * 100_000 + station_number``). Lines are the columns of two
integer matrices in the same order (protocol lines, then one column per party).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

IntArray = npt.NDArray[np.int64]
BoolArray = npt.NDArray[np.bool_]


@dataclass(frozen=True)
class Comparison:
    """Copies held against the official results.

    ``found[i]``: the official results have copy ``i``'s station; ``official_row[i]``
    its row there (-1 when not found); ``difference[i, j]`` = official minus copy for
    line ``j`` (0 where not found); ``differs[i]``: a found copy with any line different;
    ``size[i]``: the sum of absolute differences; ``moved[j]``: the total of
    ``difference[:, j]`` over all copies (for a party column: votes the official result
    gives it beyond what observers saw).
    """

    found: BoolArray
    official_row: IntArray
    difference: IntArray
    differs: BoolArray
    size: IntArray
    moved: IntArray

    @property
    def copies(self) -> int:
        return int(self.found.shape[0])

    @property
    def compared(self) -> int:
        return int(self.found.sum())

    @property
    def differing(self) -> int:
        return int(self.differs.sum())

    def order_by_size(self) -> IntArray:
        """Indices of the differing copies, largest difference first."""
        index = np.flatnonzero(self.differs)
        return index[np.argsort(-self.size[index], kind="stable")].astype(np.int64)


def compare_protocols(
    copy_keys: IntArray,
    copy_lines: IntArray,
    official_keys: IntArray,
    official_lines: IntArray,
) -> Comparison:
    """Match each copy to its official station by key and subtract line by line.

    Official keys must be unique. Runs in O((n + m) log m) with no Python loop.
    """
    copy_keys = np.asarray(copy_keys, dtype=np.int64)
    copy_lines = np.asarray(copy_lines, dtype=np.int64)
    official_keys = np.asarray(official_keys, dtype=np.int64)
    official_lines = np.asarray(official_lines, dtype=np.int64)
    if copy_lines.ndim != 2 or official_lines.ndim != 2:
        raise ValueError("lines must be matrices: one row per station, one column per line")
    if copy_lines.shape[1] != official_lines.shape[1]:
        raise ValueError("copies and official results have a different number of lines")
    n, width = copy_lines.shape
    if official_keys.shape[0] == 0 or n == 0:
        found = np.zeros(n, dtype=np.bool_)
        rows = np.full(n, -1, dtype=np.int64)
    else:
        order = np.argsort(official_keys, kind="stable")
        ordered = official_keys[order]
        position = np.searchsorted(ordered, copy_keys)
        position = np.minimum(position, ordered.shape[0] - 1)
        found = ordered[position] == copy_keys
        rows = np.where(found, order[position], -1).astype(np.int64)
    difference = np.zeros((n, width), dtype=np.int64)
    if found.any():
        difference[found] = official_lines[rows[found]] - copy_lines[found]
    size = np.abs(difference).sum(axis=1).astype(np.int64)
    differs = found & (size > 0)
    return Comparison(
        found=found,
        official_row=rows,
        difference=difference,
        differs=differs,
        size=size,
        moved=difference.sum(axis=0).astype(np.int64),
    )
