"""Demo elections: a small fictional one generated here, and the real 2021 State Duma
results from ``../shared/data`` when they are present."""

from __future__ import annotations

import tempfile
import time
from datetime import date
from pathlib import Path

from horizont.elections import services
from horizont.elections.models import Election
from horizont.elections.synthetic import synthetic_csv
from horizont.lib.shared_data import shared_data_path

FICTIONAL = "Выборы в Вымышленное собрание (fictional demo)"
REAL_2021 = "Государственная Дума 2021"


def load() -> str:
    lines = []
    if not Election.objects.filter(name=FICTIONAL).exists():
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "fictional.csv"
            path.write_text(synthetic_csv(), encoding="utf-8")
            services.election_import(
                path=path,
                info=services.ElectionInfo(
                    name=FICTIONAL, source_name="fictional.csv", date=date(2030, 9, 15)
                ),
                created_by=None,
                mc_draws=200,
                fingerprint_bootstrap=10,
                documents=False,
            )
        lines.append(f"imported the fictional election '{FICTIONAL}'")
    real = shared_data_path("elections", "ru", "2021.csv.zip")
    if Election.objects.filter(name=REAL_2021).exists():
        pass
    elif real.exists():
        start = time.perf_counter()
        services.election_import(
            path=real,
            info=services.ElectionInfo(
                name=REAL_2021, source_name=real.name, date=date(2021, 9, 19)
            ),
            created_by=None,
            mc_draws=200,
            fingerprint_bootstrap=10,
            documents=False,
        )
        lines.append(f"imported {real.name} in {time.perf_counter() - start:.1f} s")
    else:
        lines.append(f"real 2021 results not found at {real}: skipped (fictional election only)")
    return "; ".join(lines) or "elections already loaded"
