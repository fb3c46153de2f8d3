"""Load test: gunicorn on PostgreSQL, many clients over the main pages at once.

    .venv/bin/python benchmarks/load.py [--clients 50] [--requests 1500] [--workers 4]

Prepares a PostgreSQL database (``horizont_load``, or ``DATABASE_URL``) with the demo
content of the network, events, publications and forum apps, the fictional demo election
and the UN consolidated list (from ../shared/data, when present), collects the static
files, and starts gunicorn with production settings on 127.0.0.1 (a free port; nothing
else is contacted). Every client is a thread that requests, in turn: the home page, the
initiative directory, the events list, the election report, a screening of a name and the
login page.

Baseline, measured in the same run: one client. Then ``--clients`` clients. Each phase is
bounded by ``--requests`` requests. Printed: p50 and p99 per page and overall, errors
(anything but 200, and connection failures), and the ratio to the baseline. Target: 0
errors at 50 clients.
"""

from __future__ import annotations

import argparse
import http.client
import os
import socket
import statistics
import subprocess
import sys
import threading
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from events_pages import ensure_database  # noqa: E402 - benchmarks share their helpers

from horizont.lib.shared_data import shared_data_path  # noqa: E402

VAR = ROOT / "var" / "load"
UN_LIST = shared_data_path("sanctions", "un-consolidated-2026-02-27", "consolidated.xml")


def environment(database_url: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("REDIS_URL", "DEBUG")}
    env.update(
        DATABASE_URL=database_url,
        DJANGO_SETTINGS_MODULE="horizont.settings",
        HORIZONT_VAR_DIR=str(VAR),
        HORIZONT_LISTS_DIR=str(VAR / "lists"),
        STATIC_ROOT=str(VAR / "static"),
        # The elections demo imports the real 2021 results when it finds them: not here.
        HORIZONT_DATA=str(VAR / "no-shared-data"),
        SECRET_KEY="load-test-" + "x" * 50,
        FIELD_ENCRYPTION_KEY_FILE=str(VAR / "field_key"),
        ALLOWED_HOSTS="127.0.0.1",
        SECURE_SSL_REDIRECT="0",
        TASKS_BACKEND="thread",
        LOG_LEVEL="WARNING",
    )
    return env


SETUP = """
import django
django.setup()
from django.core.management import call_command
call_command("migrate", verbosity=0)
from horizont.network import demo as network
from horizont.events import demo as events
from horizont.publications import demo as publications
from horizont.forum import demo as forum
from horizont.elections import demo as elections
for module in (network, events, publications, forum, elections):
    module.load()
import sys
from pathlib import Path
from horizont.sanctions import services
un = Path(sys.argv[1])
if un.exists() and not services.list_store().latest():
    services.list_store().add(un)
from horizont.elections.models import Election
print(Election.objects.filter(name=elections.FICTIONAL).values_list("pk", flat=True).first())
"""


def prepare(env: dict[str, str]) -> int:
    VAR.mkdir(parents=True, exist_ok=True)
    key = VAR / "field_key"
    if not key.exists():
        key.write_text("load-test-field-key-" + "y" * 40)
    print("preparing the database and the static files …", flush=True)
    out = subprocess.run(
        [sys.executable, "-c", SETUP, str(UN_LIST)],
        env=env, cwd=ROOT, capture_output=True, text=True,
    )  # fmt: skip
    if out.returncode:
        raise SystemExit(f"preparing failed:\n{out.stderr[-3000:]}")
    subprocess.run(
        [str(ROOT / ".venv" / "bin" / "horizont"), "collectstatic", "--noinput", "-v0"],
        env=env, cwd=ROOT, check=True,
    )  # fmt: skip
    return int(out.stdout.strip().splitlines()[-1])


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_gunicorn(env: dict[str, str], port: int, workers: int) -> subprocess.Popen[bytes]:
    server = subprocess.Popen(
        [
            str(ROOT / ".venv" / "bin" / "gunicorn"), "horizont.wsgi",
            "--bind", f"127.0.0.1:{port}", "--workers", str(workers),
            "--backlog", "512", "--timeout", "120", "--log-level", "warning",
        ],
        env=env, cwd=ROOT,
    )  # fmt: skip
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            status, _ = request(port, "/healthz")
            if status == 200:
                return server
        except OSError:
            pass
        time.sleep(0.3)
    server.kill()
    raise SystemExit("gunicorn did not answer /healthz within 60 s")


def request(port: int, path: str) -> tuple[int, float]:
    start = time.perf_counter()
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    try:
        conn.request("GET", path, headers={"Host": "127.0.0.1"})
        response = conn.getresponse()
        response.read()
        return response.status, time.perf_counter() - start
    finally:
        conn.close()


def phase(port: int, pages: dict[str, str], clients: int, total: int) -> dict[str, list]:
    """``total`` requests from ``clients`` threads, pages in turn; latencies and errors."""
    results: dict[str, list] = defaultdict(list)
    errors: list[str] = []
    counter = iter(range(total))
    lock = threading.Lock()
    names = list(pages)

    def client() -> None:
        while True:
            with lock:
                number = next(counter, None)
            if number is None:
                return
            name = names[number % len(names)]
            try:
                status, seconds = request(port, pages[name])
            except OSError as exc:
                with lock:
                    errors.append(f"{name}: {exc}")
                continue
            with lock:
                results[name].append(seconds)
                if status != 200:
                    errors.append(f"{name}: HTTP {status}")

    threads = [threading.Thread(target=client) for _ in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    results["errors"] = errors
    return results


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] if ordered else float("nan")


def report(title: str, results: dict[str, list]) -> tuple[float, float]:
    everything = [s for name, values in results.items() if name != "errors" for s in values]
    print(f"\n{title}: {len(everything)} requests, {len(results['errors'])} errors")
    for name, values in results.items():
        if name != "errors":
            print(
                f"  {name:<10} p50 {1000 * statistics.median(values):7.1f} ms   "
                f"p99 {1000 * percentile(values, 0.99):7.1f} ms"
            )
    p50, p99 = statistics.median(everything), percentile(everything, 0.99)
    print(f"  {'all':<10} p50 {1000 * p50:7.1f} ms   p99 {1000 * p99:7.1f} ms")
    for error in results["errors"][:10]:
        print(f"    error: {error}")
    return p50, p99


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--requests", type=int, default=1500)
    parser.add_argument("--workers", type=int, default=4)
    args = parser.parse_args()
    database_url = os.environ.get(
        "DATABASE_URL", "postgres://postgres@127.0.0.1:5432/horizont_load"
    )
    if not database_url.startswith("postgres"):
        raise SystemExit("the load test runs on PostgreSQL: set DATABASE_URL=postgres://…")
    ensure_database(database_url)
    env = environment(database_url)
    election = prepare(env)
    pages = {
        "home": "/en/",
        "directory": "/en/initiatives/",
        "events": "/en/events/",
        "report": f"/en/elections/{election}/report/",
        "screening": "/en/sanctions/?q=Ivan+Petrov",
        "login": "/en/accounts/login/",
    }
    port = free_port()
    server = start_gunicorn(env, port, args.workers)
    try:
        # Warm-up, not measured: each worker builds its screening index on first use.
        phase(port, pages, args.workers, 6 * len(pages) * args.workers)
        base = report("baseline: 1 client", phase(port, pages, 1, args.requests // 5))
        loaded_results = phase(port, pages, args.clients, args.requests)
        loaded = report(f"{args.clients} clients", loaded_results)
    finally:
        server.terminate()
        server.wait(30)
    print(
        f"\nratio {args.clients} clients / 1 client: p50 ×{loaded[0] / base[0]:.1f}, "
        f"p99 ×{loaded[1] / base[1]:.1f}; errors at {args.clients} clients: "
        f"{len(loaded_results['errors'])}"
    )
    if loaded_results["errors"]:
        raise SystemExit(1)


if __name__ == "__main__":
    main()
