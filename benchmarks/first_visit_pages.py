"""Every public page on the demo data, first visit after a start (target ≤ 1 s each; issue 15).

    .venv/bin/python benchmarks/first_visit_pages.py

Prepares a throw-away SQLite database with the demo content (fictional election only),
then, in fresh Python processes (as after a restart), visits each public page once
through the Django test client and records the slowest. "Now" runs what
``horizont.wsgi`` runs before the first request (``horizont.core.warmup.warm_up``:
the URL configuration with every view module, the gazetteer index, the time-zone list);
the baseline, in the same run, starts without it, as before issue 15. The first page of
a process pays for whatever the start did not do, so both runs visit the pages in the
same order and the script prints the slowest page, the first page and the ratio.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TARGET_MS = 1000.0
PAGES = [
    "/ru/",
    "/ru/initiatives/",
    "/ru/initiatives/map/",
    "/ru/initiatives/graph/",
    "/ru/events/",
    "/ru/publications/",
    "/ru/forum/",
    "/ru/elections/",
    "/ru/abroad/",
    "/ru/sanctions/",
    "/ru/petitions/",
    "/ru/positions/",
    "/ru/observers/",
    "/ru/search/?q=demo",
]


def child(mode: str) -> None:
    import django

    django.setup()
    from django.conf import settings

    settings.ALLOWED_HOSTS = ["testserver"]
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    from django.test import Client

    from horizont.elections.models import Election
    from horizont.events.models import Event
    from horizont.network.models import Initiative

    pages = list(PAGES)
    election = Election.objects.filter(reports__isnull=False).first()
    if election:
        pages += [f"/ru/elections/{election.pk}/", f"/ru/elections/{election.pk}/report/"]
        region = election.reports.exclude(region="").values_list("region", flat=True).first()
        if region:
            pages.append(f"/ru/elections/{election.pk}/regions/{region}/")
    event = Event.objects.order_by("pk").first()
    if event:
        pages.append(f"/ru/events/{event.pk}/")
    initiative = Initiative.objects.filter(status="approved").order_by("pk").first()
    if initiative:
        pages.append(f"/ru/initiatives/{initiative.slug}/")
    if mode == "now":
        from horizont.core.warmup import warm_up

        warm_up()
    client = Client()
    times = {}
    for path in pages:
        started = time.perf_counter()
        response = client.get(path, secure=True)
        if response.status_code == 200:  # a page that wants a sign-in is not public
            times[path] = (time.perf_counter() - started) * 1000
    print(json.dumps(times))


def run(mode: str, env: dict[str, str]) -> dict[str, float]:
    out = subprocess.run(
        [sys.executable, __file__, "--child", mode],
        env=env,
        cwd=ROOT,
        check=True,
        stdout=subprocess.PIPE,
        text=True,
    ).stdout
    return dict(json.loads(out.strip().splitlines()[-1]))


def main() -> None:
    folder = tempfile.mkdtemp(prefix="horizont-bench-pages-")
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "horizont.settings",
        "HORIZONT_VAR_DIR": folder,
        "DATABASE_URL": f"sqlite:///{folder}/bench.sqlite3",
        "PYTHONPATH": str(ROOT),
    }
    started = time.perf_counter()
    subprocess.run([str(ROOT / ".venv/bin/horizont"), "migrate", "-v0"], env=env, check=True)
    code = (
        "import django; django.setup(); from pathlib import Path;"
        "import horizont.elections.demo as d; d.shared_data_path = lambda *p: Path('/x');"
        "from django.core.management import call_command; call_command('demo', force=True)"
    )
    subprocess.run(
        [sys.executable, "-c", code], env=env, check=True, cwd=ROOT, stdout=subprocess.DEVNULL
    )
    print(f"demo database prepared in {time.perf_counter() - started:.0f} s")
    baseline = run("baseline", env)
    now = run("now", env)
    first = next(iter(now))
    slow_b = max(baseline, key=baseline.__getitem__)
    slow_n = max(now, key=now.__getitem__)
    print(f"load average: {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
    print(f"pages visited: {len(now)}")
    for label, times, slowest in (("baseline, no warm-up", baseline, slow_b), ("now", now, slow_n)):
        print(
            f"{label}: first page {times[first]:.0f} ms, slowest {slowest} {times[slowest]:.0f} ms"
        )
    over = [f"{path} {ms:.0f} ms" for path, ms in now.items() if ms > TARGET_MS]
    ratio = baseline[slow_b] / now[slow_n]
    print(f"ratio slowest baseline/now: {ratio:.1f}x")
    print(f"pages over {TARGET_MS:.0f} ms now: {over or 'none'}")


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--child":
        sys.path.insert(0, str(ROOT))
        child(sys.argv[2])
    else:
        main()
