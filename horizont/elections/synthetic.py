"""A small, clearly fictional election in the Russian CEC layout (demo and tests).

The regions, commissions and parties are invented. One region has ballot stuffing and
rounded turnout planted, so that the report has something to show.
"""

from __future__ import annotations

import csv
import io

import numpy as np

REGISTERED = "Число избирателей, включенных в список избирателей"
PROTOCOL = (
    REGISTERED,
    "Число избирательных бюллетеней, полученных участковой избирательной комиссией",
    "Число избирательных бюллетеней, выданных избирателям, проголосовавшим досрочно",
    "Число избирательных бюллетеней, выданных в помещении для голосования в день голосования",
    "Число избирательных бюллетеней, выданных вне помещения для голосования в день голосования",
    "Число избирательных бюллетеней в переносных ящиках для голосования",
    "Число избирательных бюллетеней в стационарных ящиках для голосования",
    "Число недействительных избирательных бюллетеней",
    "Число действительных избирательных бюллетеней",
)
PARTIES = (
    '1. Партия "Утренняя роса"',
    '2. Партия "Зелёный горизонт"',
    '3. Партия "Северный ветер"',
)
REGIONS = ("Вымышленная область", "Республика Примерная", "Тестовый край")


def synthetic_csv(*, stations_per_region: int = 60, abroad: int = 8, seed: int = 7) -> str:
    """The CSV text of a fictional election (UTF-8, comma-separated, CEC column names)."""
    rng = np.random.default_rng(seed)
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["region", "oik", "tik", "uik", *PROTOCOL, *PARTIES])
    number = 1
    for r, region in enumerate(REGIONS):
        for i in range(stations_per_region):
            tik = f"ТИК {region.split()[0]} №{i % 3 + 1}"
            uik = 8000 + number if r == 0 and i < abroad else number
            number += 1
            registered = int(rng.integers(400, 2500))
            turnout = float(np.clip(rng.normal(0.5, 0.07), 0.2, 0.9))
            shares = np.array([0.45, 0.35, 0.20])
            if r == 1 and i % 2 == 0:  # planted: ballots added for party 1, rounded turnout
                turnout = round(float(rng.uniform(0.75, 0.95)), 2)
                shares = np.array([0.8, 0.12, 0.08])
            issued = int(round(registered * turnout))
            invalid = int(rng.integers(0, 10))
            valid = max(issued - invalid, 0)
            votes = rng.multinomial(valid, shares / shares.sum())
            early = int(rng.integers(0, 20))
            outside = int(rng.integers(0, 30))
            premises = max(issued - early - outside, 0)
            portable = outside + early
            stationary = issued - portable
            received = registered + 100
            writer.writerow(
                [region, f"ОИК №{r + 1}", tik, f"УИК №{uik}", registered, received, early,
                 premises, outside, portable, stationary, invalid, valid, *votes.tolist()]
            )  # fmt: skip
    return out.getvalue()
