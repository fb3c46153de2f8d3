"""Pairwise name comparison (issue 11): F1 at the alert threshold on labelled pairs.

Reads ``../shared/data/matching/name_pairs_dev.csv`` (or a CSV given as the first
argument, same columns) and scores every pair with :func:`compare_names`; in the same
run, OpenSanctions' logic-v2 (package ``nomenklatura``, optional extra ``bench``)
scores the same pairs at its own threshold 0.7. Prints precision, recall, F1, time
per pair and the ratio of ours to the baseline; ``--misses`` lists the errors.

    .venv/bin/pip install -e '.[bench]'
    .venv/bin/python benchmarks/screening_pairs.py [PAIRS.csv] [--misses]
"""

from __future__ import annotations

import csv
import sys
import time
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from horizont.lib.shared_data import shared_data_path
from horizont.screening import DEFAULT_THRESHOLD, compare_names

BASELINE_THRESHOLD = 0.7


@dataclass(frozen=True)
class Pair:
    schema: str
    name1: str
    name2: str
    is_match: bool
    group: str


@dataclass(frozen=True)
class Figures:
    precision: float
    recall: float
    f1: float
    seconds_per_pair: float
    errors: list[tuple[Pair, float]]


def read_pairs(path: Path) -> list[Pair]:
    with path.open(encoding="utf-8", newline="") as handle:
        return [
            Pair(r["schema"], r["name1"], r["name2"], r["is_match"].strip().lower() == "true",
                 r["case_group"])
            for r in csv.DictReader(handle)
        ]  # fmt: skip


def evaluate(pairs: list[Pair], score: Callable[[Pair], float], threshold: float) -> Figures:
    tp = fp = fn = 0
    errors: list[tuple[Pair, float]] = []
    started = time.perf_counter()
    scores = [score(p) for p in pairs]
    took = (time.perf_counter() - started) / len(pairs)
    for pair, value in zip(pairs, scores, strict=True):
        predicted = value >= threshold
        tp += predicted and pair.is_match
        fp += predicted and not pair.is_match
        fn += not predicted and pair.is_match
        if predicted != pair.is_match:
            errors.append((pair, value))
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return Figures(precision, recall, f1, took, errors)


def ours(pair: Pair) -> float:
    return compare_names(pair.name1, pair.name2).score


def logic_v2() -> Callable[[Pair], float] | None:
    try:
        from followthemoney import model
        from nomenklatura.matching import get_algorithm
        from nomenklatura.matching.types import ScoringConfig
    except ImportError:
        return None
    matcher = get_algorithm("logic-v2")
    if matcher is None:
        return None
    config = ScoringConfig.defaults()
    counter = iter(range(10**9))

    def score(pair: Pair) -> float:
        # logic-v2 caches comparisons by entity id: every pair gets fresh ids.
        number = next(counter)
        schema = (
            pair.schema
            if pair.schema in ("Person", "Company", "Organization", "LegalEntity", "Vessel")
            else "LegalEntity"
        )
        left = model.make_entity(schema)
        left.id = f"a{number}"
        left.add("name", pair.name1)
        right = model.make_entity(schema)
        right.id = f"b{number}"
        right.add("name", pair.name2)
        return float(matcher.compare(left, right, config).score)

    return score


def main() -> None:
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    path = Path(args[0]) if args else shared_data_path("matching", "name_pairs_dev.csv")
    if not path.exists():
        sys.exit(f"pairs missing: {path} (set HORIZONT_DATA)")
    pairs = read_pairs(path)
    mine = evaluate(pairs, ours, DEFAULT_THRESHOLD)
    print(
        f"pairs: {len(pairs)} from {path.name}\n"
        f"horizont: precision {mine.precision:.3f} recall {mine.recall:.3f} "
        f"F1 {mine.f1:.3f} at threshold {DEFAULT_THRESHOLD} "
        f"({mine.seconds_per_pair * 1e6:.0f} µs per pair)"
    )
    baseline = logic_v2()
    if baseline is None:
        print("baseline logic-v2 skipped: nomenklatura is not installed "
              "(pip install -e '.[bench]')")  # fmt: skip
    else:
        base = evaluate(pairs, baseline, BASELINE_THRESHOLD)
        print(
            f"logic-v2 (nomenklatura): precision {base.precision:.3f} recall {base.recall:.3f} "
            f"F1 {base.f1:.3f} at threshold {BASELINE_THRESHOLD} "
            f"({base.seconds_per_pair * 1e6:.0f} µs per pair)\n"
            f"ratio ours / logic-v2: F1 {mine.f1 / base.f1:.3f}, "
            f"time per pair {mine.seconds_per_pair / base.seconds_per_pair:.2f}"
        )
    # Held-out check: the pairs split in two halves by a hash of the names; tuning
    # looked at the "tuned" half only, the other half tells whether that overfit.
    for label, half in (("tuned half", 0), ("held-out half", 1)):
        subset = [p for p in pairs if zlib.crc32(f"{p.name1}|{p.name2}".encode()) % 2 == half]
        figures = evaluate(subset, ours, DEFAULT_THRESHOLD)
        line = f"  {label} n={len(subset)}: F1 ours {figures.f1:.3f}"
        if baseline is not None:
            line += f", logic-v2 {evaluate(subset, baseline, BASELINE_THRESHOLD).f1:.3f}"
        print(line)
    if "--misses" in sys.argv:
        for pair, value in mine.errors:
            kind = "missed" if pair.is_match else "false alert"
            half = zlib.crc32(f"{pair.name1}|{pair.name2}".encode()) % 2
            if "--tuned-only" in sys.argv and half:
                continue
            print(f"  {kind}: {pair.name1!r} ~ {pair.name2!r} ({pair.schema}) {value:.2f}")


if __name__ == "__main__":
    main()
