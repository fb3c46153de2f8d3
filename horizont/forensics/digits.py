"""Digit tests (Mebane; Beber & Scacco) with bootstrap intervals.

* second-digit mean of vote counts of at least 10 (Benford's second-digit law: 4.187);
* last-digit mean of counts of at least 100 (uniform last digits: 4.5);
* share of those counts ending in 0 or 5 (0.2) — people inventing numbers favour them.

Digit tests are weak evidence: honest counts deviate from Benford for many reasons
(station sizes, strong parties). They are reported for completeness.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from horizont.forensics.model import BoolArray, Results

BENFORD_SECOND_MEAN = sum(
    d * sum(math.log10(1 + 1 / (10 * k + d)) for k in range(1, 10)) for d in range(10)
)


@dataclass(frozen=True)
class DigitTest:
    """One digit statistic with its expectation, bootstrap interval and z-score."""

    name: str
    series: str
    counts: int
    value: float
    expected: float
    low: float
    high: float
    z: float
    frequencies: tuple[float, ...]


@dataclass(frozen=True)
class DigitTests:
    tests: tuple[DigitTest, ...]

    def get(self, name: str, series: str = "leader") -> DigitTest:
        for t in self.tests:
            if t.name == name and t.series == series:
                return t
        raise KeyError((name, series))


def _second_digit(values: npt.NDArray[np.int64]) -> npt.NDArray[np.int64]:
    v = values[values >= 10]
    magnitude = np.floor(np.log10(v)).astype(np.int64)
    return (v // 10 ** (magnitude - 1)) % 10


def _digit_test(
    name: str,
    series: str,
    digits: npt.NDArray[np.int64],
    expected: float,
    statistic: str,
    rng: np.random.Generator,
    draws: int,
) -> DigitTest:
    n = int(digits.size)
    freq = np.bincount(digits, minlength=10).astype(np.float64)
    if n == 0:
        nan = float("nan")
        return DigitTest(name, series, 0, nan, expected, nan, nan, 0.0, tuple([0.0] * 10))
    p = freq / n
    values = (
        np.arange(10, dtype=np.float64)
        if statistic == "mean"
        else np.isin(np.arange(10), [0, 5]).astype(np.float64)
    )
    value = float(p @ values)
    # resampling the counts is multinomial on the digit frequencies
    boot = rng.multinomial(n, p, size=draws) @ values / n
    low, high = np.percentile(boot, [2.5, 97.5])
    if statistic == "mean":
        null_var = (
            float(np.mean((np.arange(10) - 4.5) ** 2))
            if name == "last_digit_mean"
            else _benford_second_variance()
        )
    else:
        null_var = 0.2 * 0.8
    z = (value - expected) / math.sqrt(null_var / n)
    return DigitTest(
        name, series, n, value, expected, float(low), float(high), z, tuple(p.tolist())
    )


def _benford_second_variance() -> float:
    probs = [sum(math.log10(1 + 1 / (10 * k + d)) for k in range(1, 10)) for d in range(10)]
    mean = sum(d * q for d, q in enumerate(probs))
    return sum((d - mean) ** 2 * q for d, q in enumerate(probs))


def digit_tests(
    results: Results, *, mask: BoolArray | None = None, draws: int = 2000, seed: int = 0
) -> DigitTests:
    """Second-digit mean, last-digit mean and share of 0/5 endings, for the leader's
    votes and for all parties' votes together."""
    rng = np.random.default_rng(seed)
    keep = np.ones(len(results), dtype=bool) if mask is None else mask
    tests: list[DigitTest] = []
    series = {
        "leader": results.leader_votes[keep],
        "all_parties": results.votes[keep].ravel(),
    }
    for label, values in series.items():
        values = np.asarray(values, dtype=np.int64)
        second = _second_digit(values)
        last = values[values >= 100] % 10
        tests.append(
            _digit_test("second_digit_mean", label, second, BENFORD_SECOND_MEAN, "mean", rng, draws)
        )
        tests.append(_digit_test("last_digit_mean", label, last, 4.5, "mean", rng, draws))
        tests.append(_digit_test("last_digit_0_or_5", label, last, 0.2, "share", rng, draws))
    return DigitTests(tuple(tests))
