"""Saving an initiative, the first time after a start (target ≤ 300 ms; issue 15 measured 2.8 s).

    .venv/bin/python benchmarks/network_initiative_save.py

Why it was slow: the form looks the city up in the offline gazetteer, and the first
look-up of a process loaded 34,000 cities with 350,000 alternate spellings from a 17 MB
JSON file and folded every spelling (plus a table of all 1.1 million code points for the
folding), and the first request of a process imported every view module. Now the
gazetteer reads a SQLite index built once per installation (``make demo`` builds it; so
does the first look-up when it is missing), and ``horizont.wsgi`` loads the URL
configuration before the first request (``horizont.core.warmup``).

Each measurement runs in a fresh Python process (cold caches, as after a restart): it
creates a throw-away SQLite database, signs an organizer in and times the first POST
of the initiative form through the Django test client. The baseline is the same POST
with the previous in-memory gazetteer loader, measured in the same run; the script
prints both, and their ratio.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TARGET_MS = 300.0
ROUNDS = 3


def _legacy_find_city():  # type: ignore[no-untyped-def]
    """The loader as it was before issue 15: everything into memory on first use."""
    import unicodedata
    from functools import cache

    from horizont.network import gazetteer

    @cache
    def marks() -> dict[int, None]:
        return {cp: None for cp in range(sys.maxunicode + 1) if unicodedata.combining(chr(cp))}

    def fold(text: str) -> str:
        text = text.strip()
        if text.isascii():
            return text.lower()
        return unicodedata.normalize("NFKD", text.casefold()).translate(marks())

    @cache
    def cities() -> dict[str, list[gazetteer.City]]:
        data = json.loads((gazetteer.DATA_DIR / "cities15000.json").read_text(encoding="utf-8"))
        index: dict[str, list[gazetteer.City]] = {}
        for row in data.values():
            city = gazetteer.City(
                name=row["name"],
                country=row["countrycode"],
                latitude=float(row["latitude"]),
                longitude=float(row["longitude"]),
                population=int(row.get("population") or 0),
            )
            names = {fold(row["name"])}
            names.update(fold(alt) for alt in row.get("alternatenames", []) if len(alt) > 2)
            for name in names:
                index.setdefault(name, []).append(city)
        for found in index.values():
            found.sort(key=lambda c: -c.population)
        return index

    def find_city(name: str, country: str = "") -> gazetteer.City | None:
        candidates = cities().get(fold(name), [])
        if country:
            candidates = [c for c in candidates if c.country == country]
        return candidates[0] if candidates else None

    return find_city


def child(mode: str) -> None:
    """One cold process: set up, then time the first save of an initiative."""
    import django

    django.setup()
    from django.core.management import call_command
    from django.test import Client
    from django.test.utils import setup_test_environment

    from horizont.network import gazetteer
    from horizont.network.models import Initiative, Membership
    from horizont.testing.personas import make_user

    if mode == "baseline":
        gazetteer.find_city = _legacy_find_city()
    else:
        from horizont.core.warmup import warm_up

        warm_up()  # what horizont.wsgi does before the first request
    setup_test_environment()
    call_command("migrate", verbosity=0)
    user = make_user("organizer@example.org")
    initiative = Initiative.objects.create(
        name="Neue Nachbarn", slug="neue-nachbarn", language="de", country="DE", city="Berlin"
    )
    Membership.objects.create(initiative=initiative, user=user, role="organizer", status="active")
    client = Client()
    client.force_login(user)
    data = {
        "name": "Neue Nachbarn",
        "description": "Wir helfen Neuankömmlingen.",
        "language": "de",
        "country": "PL",
        "city": "Kraków",
        "latitude": "",
        "longitude": "",
        "contact_visibility": "members",
        "working_languages": ["de", "ru"],
    }
    url = f"/de/initiatives/{initiative.slug}/edit/"
    started = time.perf_counter()
    response = client.post(url, data, secure=True)
    elapsed = (time.perf_counter() - started) * 1000
    assert response.status_code == 302, response.status_code
    initiative.refresh_from_db()
    assert initiative.city == "Kraków" and initiative.latitude is not None
    print(json.dumps({"ms": elapsed}))


def run(mode: str, var_dir: str) -> float:
    with tempfile.TemporaryDirectory() as folder:
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "horizont.settings",
            "DATABASE_URL": f"sqlite:///{folder}/bench.sqlite3",
            "HORIZONT_VAR_DIR": var_dir,
        }
        out = subprocess.run(
            [sys.executable, __file__, "--child", mode],
            env=env,
            cwd=ROOT,
            check=True,
            capture_output=True,
            text=True,
        ).stdout
    return float(json.loads(out.strip().splitlines()[-1])["ms"])


def main() -> None:
    sys.path.insert(0, str(ROOT))
    var_dir = tempfile.mkdtemp(prefix="horizont-bench-var-")
    os.environ["HORIZONT_VAR_DIR"] = var_dir
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "horizont.settings")
    import django

    django.setup()
    from horizont.network import gazetteer

    started = time.perf_counter()
    gazetteer.build_index()  # what `make demo` does once per installation
    print(f"gazetteer index built once in {time.perf_counter() - started:.1f} s")
    baseline = [run("baseline", var_dir) for _ in range(ROUNDS)]
    current = [run("current", var_dir) for _ in range(ROUNDS)]
    b, c = statistics.median(baseline), statistics.median(current)
    print(f"load average: {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
    print(f"first save, baseline (in-memory gazetteer): {b:7.0f} ms  {baseline}")
    print(f"first save, now (index on disk):             {c:7.0f} ms  {current}")
    verdict = "met" if c <= TARGET_MS else "MISSED"
    print(f"ratio baseline/now: {b / c:.1f}x; target ≤ {TARGET_MS:.0f} ms: {verdict}")


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--child":
        sys.path.insert(0, str(ROOT))
        child(sys.argv[2])
    else:
        main()
