"""Copy OpenSanctions' legal-form table from an installed ``fingerprints`` package into
``horizont/screening/data/legal_forms.json`` (MIT licence; the engine reads the copy so
that it needs neither the package nor the ICU library it pulls in).

    .venv/bin/pip install -e '.[bench]'   # brings fingerprints
    .venv/bin/python scripts/update_legal_forms.py
"""

from __future__ import annotations

import json
from importlib.metadata import version
from pathlib import Path

from fingerprints.types.data import TYPES

TARGET = Path(__file__).resolve().parents[1] / "horizont/screening/data/legal_forms.json"


def main() -> None:
    data = {
        "source": f"fingerprints {version('fingerprints')} (OpenSanctions), "
        "fingerprints/types/types.yml",
        "licence": "MIT, Copyright (c) 2025 OpenSanctions Datenbanken GmbH, (c) 2018 "
        "Journalism Development Network, Inc., (c) 2016 Friedrich Lindenberg",
        "types": [{"main": t["main"], "forms": t["forms"]} for t in TYPES["types"]],
    }
    TARGET.write_text(json.dumps(data, ensure_ascii=False, indent=0), encoding="utf-8")
    print(f"{len(data['types'])} legal forms written to {TARGET}")


if __name__ == "__main__":
    main()
