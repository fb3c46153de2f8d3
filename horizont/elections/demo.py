"""Demo elections: a small fictional one generated here, and the real 2021 State Duma
results from ``../shared/data`` when they are present."""

from __future__ import annotations

import tempfile
import time
from datetime import date
from pathlib import Path

from horizont.core.demo_keys import demo_object, demo_remember
from horizont.elections import services
from horizont.elections.models import Election
from horizont.elections.synthetic import synthetic_csv
from horizont.lib.shared_data import shared_data_path

FICTIONAL = "Выборы в Вымышленное собрание (fictional demo)"
REAL_2021 = "Государственная Дума 2021"
FICTIONAL_KEY = "elections:fictional"
REAL_2021_KEY = "elections:duma-2021"


def fictional_election() -> Election | None:
    """The demo's fictional election (found by its key; by its name if an older version
    imported it)."""
    return demo_object(Election, FICTIONAL_KEY, legacy=Election.objects.filter(name=FICTIONAL))


def real_2021_election() -> Election | None:
    """The 2021 State Duma results the demo imported (by key; by name from before keys)."""
    return demo_object(Election, REAL_2021_KEY, legacy=Election.objects.filter(name=REAL_2021))


def load() -> str:
    lines = []
    if fictional_election() is None:
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "fictional.csv"
            path.write_text(synthetic_csv(), encoding="utf-8")
            fictional = services.election_import(
                path=path,
                info=services.ElectionInfo(
                    name=FICTIONAL, source_name="fictional.csv", date=date(2030, 9, 15)
                ),
                created_by=None,
                mc_draws=200,
                fingerprint_bootstrap=10,
                documents=False,
            )
        demo_remember(fictional, FICTIONAL_KEY)
        lines.append(f"imported the fictional election '{FICTIONAL}'")
    real = shared_data_path("elections", "ru", "2021.csv.zip")
    if real_2021_election() is not None:
        pass
    elif real.exists():
        start = time.perf_counter()
        election = services.election_import(
            path=real,
            info=services.ElectionInfo(
                name=REAL_2021, source_name=real.name, date=date(2021, 9, 19)
            ),
            created_by=None,
            mc_draws=200,
            fingerprint_bootstrap=10,
            documents=False,
        )
        demo_remember(election, REAL_2021_KEY)
        lines.append(f"imported {real.name} in {time.perf_counter() - start:.1f} s")
    else:
        lines.append(f"real 2021 results not found at {real}: skipped (fictional election only)")
    return "; ".join(lines) or "elections already loaded"
