"""Digit tests."""

from __future__ import annotations

import numpy as np

from horizont.forensics.digits import BENFORD_SECOND_MEAN, digit_tests
from horizont.forensics.tests.synthetic import results_from


def _election(leader: np.ndarray) -> object:
    n = leader.size
    registered = leader * 3 + 100
    others = leader // 2 + 1
    votes = np.column_stack([leader, others])
    return results_from(registered, votes.sum(axis=1), np.zeros(n, np.int64), votes)


def test_benford_second_digit_mean() -> None:
    assert abs(BENFORD_SECOND_MEAN - 4.187) < 0.001


def test_honest_counts_pass_and_invented_counts_fail() -> None:
    rng = np.random.default_rng(51)
    honest = np.rint(np.exp(rng.uniform(np.log(10), np.log(100_000), 30_000))).astype(np.int64)
    result = digit_tests(_election(honest), seed=1)  # type: ignore[arg-type]
    for name, expected in (
        ("second_digit_mean", BENFORD_SECOND_MEAN),
        ("last_digit_mean", 4.5),
        ("last_digit_0_or_5", 0.2),
    ):
        test = result.get(name)
        assert test.expected == expected
        assert abs(test.z) < 4, test
    invented = honest.copy()
    fake = rng.random(invented.size) < 0.3
    invented[fake] = invented[fake] // 5 * 5  # people like numbers ending in 0 and 5
    result = digit_tests(_election(invented), seed=1)  # type: ignore[arg-type]
    ends = result.get("last_digit_0_or_5")
    assert ends.low > 0.2 and ends.z > 10
