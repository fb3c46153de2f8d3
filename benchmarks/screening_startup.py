"""Start-up figures of issue 11 with OFAC SDN, UN and both Russian registers loaded.

- opening the stored index (``Index.open``) vs building it from the parsed lists (the
  baseline: what every new process did before the index was stored);
- ``horizont screen NAME`` end to end in a fresh process (wall time, median of 5), with
  the stored index vs the same command when the index must be built first;
- one query on the opened index: p50 and p99 over 5,000 queries (Faker names, listed
  names, identifiers), the first query included, in a fresh process that has just
  opened the index: with the scorer compiled by mypyc (``make scorer``) and, as the
  baseline, as plain Python (``HORIZONT_PURE_PYTHON=1``), two runs each, alternately;
- the first screening on the web after a start: a fresh gunicorn process (one worker,
  the stored lists, a migrated SQLite database) is started; as soon as it answers
  ``/healthz``, the screening page is asked for a name and timed (the web process opens
  the index at start-up, so the request waits at most for that). Baseline: the same
  with ``HORIZONT_SCREENING_OPEN_AT_START=0``, where the first request opens the index.

    .venv/bin/python benchmarks/screening_startup.py
"""

from __future__ import annotations

import os
import random
import resource
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _screening_common import ALL_LISTS  # noqa: E402

from horizont.lib.shared_data import shared_data_path  # noqa: E402
from horizont.screening import Index, ListStore  # noqa: E402
from horizont.screening.evaluation import non_listed_names  # noqa: E402

LOADED = [ALL_LISTS[0], ALL_LISTS[2], ALL_LISTS[3], ALL_LISTS[4]]  # SDN, UN, registers
HORIZONT = Path(sys.executable).with_name("horizont")


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * share))]


def cli_seconds(store: Path, query: str, runs: int = 5) -> tuple[float, float]:
    """Median wall time and mean CPU time (user + system) of the command."""
    env = {**os.environ, "HORIZONT_LISTS_DIR": str(store)}
    times = []
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run([str(HORIZONT), "screen", query], env=env, capture_output=True, check=False)
        times.append(time.perf_counter() - started)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime) / runs
    return statistics.median(times), cpu


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _get(url: str) -> int:
    with urllib.request.urlopen(url, timeout=60) as response:  # noqa: S310 (loopback only)
        response.read()
        return int(response.status)


def first_web_screening(store: Path, database: Path, *, open_at_start: bool) -> tuple[float, float]:
    """Seconds from the start of a fresh web process until it answers, and the time of
    the first screening request sent right then."""
    port = _free_port()
    env = {
        **os.environ,
        "HORIZONT_LISTS_DIR": str(store),
        "DATABASE_URL": f"sqlite:///{database}",
        "HORIZONT_SCREENING_OPEN_AT_START": "1" if open_at_start else "0",
        "GUNICORN_WORKERS": "1",
        "SECURE_SSL_REDIRECT": "0",  # plain HTTP on the loopback, no proxy in front
        "STATIC_ROOT": str(store / "static"),
    }
    gunicorn = Path(sys.executable).with_name("gunicorn")
    command = [str(gunicorn), "-c", "python:horizont.gunicorn_conf", "-b", f"127.0.0.1:{port}",
               "horizont.wsgi"]  # fmt: skip
    started = time.perf_counter()
    server = subprocess.Popen(
        command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        deadline = started + 120
        while True:
            try:
                _get(f"http://127.0.0.1:{port}/healthz")
                break
            except OSError:
                if time.perf_counter() > deadline or server.poll() is not None:
                    raise RuntimeError("the web process did not start") from None
                time.sleep(0.05)
        ready = time.perf_counter() - started
        query = urllib.parse.urlencode({"q": "Jewgeni Prigoschin"})
        asked = time.perf_counter()
        status = _get(f"http://127.0.0.1:{port}/en/sanctions/?{query}")
        took = time.perf_counter() - asked
        if status != 200:
            raise RuntimeError(f"screening page answered {status}")
        return ready, took
    finally:
        server.terminate()
        server.wait(timeout=30)


def query_timings(root: Path, *, pure: bool) -> tuple[str, float, float, float, float]:
    """p50 and p99 of 5,000 queries (wall, then CPU, in ms) in a fresh process that opens
    the stored index, with the compiled scorer or as plain Python; and which ran."""
    env = {**os.environ, "HORIZONT_PURE_PYTHON": "1" if pure else "0"}
    done = subprocess.run(
        [sys.executable, __file__, "--queries", str(root)],
        env=env, capture_output=True, text=True, check=True,
    )  # fmt: skip
    kind, *figures = done.stdout.split("\t")
    p50, p99, c50, c99 = (float(f) for f in figures)
    return kind, p50, p99, c50, c99


def time_queries(root: Path) -> None:
    """The child of :func:`query_timings`: prints its figures on one line."""
    from horizont.screening.compiled import scorer_kind

    store = ListStore(root)
    entities = store.load_latest()
    index = Index.open(store.index_folder())
    assert index is not None
    rng = random.Random(11)
    listed = [e.names[0].value for e in rng.sample(entities, 1500)]
    queries = non_listed_names(3000, seed=99) + listed + ["RA02791", "140ae7"] * 250
    rng.shuffle(queries)
    timings, cpu_times = [], []
    for q in queries:
        started, cpu = time.perf_counter(), time.thread_time()
        index.search(q)
        timings.append(time.perf_counter() - started)
        cpu_times.append(time.thread_time() - cpu)
    figures = (percentile(timings, 0.5), percentile(timings, 0.99),
               percentile(cpu_times, 0.5), percentile(cpu_times, 0.99))  # fmt: skip
    print("\t".join([scorer_kind(), *(f"{f * 1000:.4f}" for f in figures)]), end="")


def main() -> None:
    if sys.argv[1:2] == ["--queries"]:
        time_queries(Path(sys.argv[2]))
        return
    paths = [shared_data_path(*parts) for parts in LOADED]
    if not all(p.exists() for p in paths):
        sys.exit("real data missing (set HORIZONT_DATA)")
    root = Path(tempfile.mkdtemp(prefix="horizont-startup-"))
    try:
        store = ListStore(root)
        for path in paths:
            store.add(path)
        started = time.perf_counter()
        built = store.build_index()
        print(f"entities {len(built)}, names {built.name_count}; "
              f"parse + build + store {time.perf_counter() - started:.2f} s")  # fmt: skip
        entities = store.load_latest()
        started = time.perf_counter()
        Index(entities)
        build = time.perf_counter() - started
        build_cpu = time.process_time()
        Index(entities)
        build_cpu = time.process_time() - build_cpu
        opens, open_cpu = [], []
        for _ in range(5):
            started, cpu = time.perf_counter(), time.process_time()
            index = Index.open(store.index_folder())
            opens.append(time.perf_counter() - started)
            open_cpu.append(time.process_time() - cpu)
        opened = statistics.median(opens)
        print(f"open stored index: {opened:.3f} s wall, {statistics.median(open_cpu):.3f} s CPU "
              f"(target ≤ 0.3); baseline build from parsed lists {build:.2f} s wall, "
              f"{build_cpu:.2f} s CPU; ratio {build / opened:.0f}x")  # fmt: skip
        assert index is not None
        print("query on the opened index, n=5000 (cold start included), in a fresh process "
              "after opening; the scorer compiled with mypyc, and as plain Python (the "
              "baseline, HORIZONT_PURE_PYTHON=1), alternately:")  # fmt: skip
        p50s: dict[bool, list[float]] = {False: [], True: []}
        for _ in range(2):
            for pure in (False, True):
                kind, p50, p99, c50, c99 = query_timings(root, pure=pure)
                p50s[pure].append(p50)
                print(f"  {kind}: wall p50 {p50:.2f} ms, p99 {p99:.2f} ms; CPU p50 {c50:.2f} "
                      f"ms, p99 {c99:.2f} ms (targets ≤ 1 and ≤ 10)")  # fmt: skip
        compiled, plain = statistics.median(p50s[False]), statistics.median(p50s[True])
        print(f"  p50 median of the runs: {compiled:.2f} ms vs plain Python {plain:.2f} ms; "
              f"ratio {plain / compiled:.2f}x")  # fmt: skip
        stored, stored_cpu = cli_seconds(root, "Jewgeni Prigoschin")
        shutil.rmtree(root / ".index")
        rebuilt, rebuilt_cpu = cli_seconds(root, "Jewgeni Prigoschin", runs=1)
        print(f"`horizont screen NAME` end to end: {stored:.2f} s wall, {stored_cpu:.2f} s CPU "
              "with the stored index (target ≤ 1.0); baseline building the index first "
              f"{rebuilt:.2f} s wall, {rebuilt_cpu:.2f} s CPU; "
              f"ratio {rebuilt / stored:.1f}x")  # fmt: skip
        database = root / "web.sqlite3"
        setup_env = {**os.environ, "DATABASE_URL": f"sqlite:///{database}",
                     "STATIC_ROOT": str(root / "static")}  # fmt: skip
        for command in (["migrate", "--noinput"], ["collectstatic", "--noinput"]):
            subprocess.run(
                [str(HORIZONT), *command], env=setup_env, capture_output=True, check=True
            )
        ready, first = first_web_screening(root, database, open_at_start=True)
        _, lazy = first_web_screening(root, database, open_at_start=False)
        print(f"first web screening after a start: {first:.3f} s (target ≤ 0.5; the web "
              f"process answered after {ready:.2f} s); baseline opening the index on the "
              f"first request {lazy:.3f} s; ratio {lazy / first:.1f}x")  # fmt: skip
        print(f"  (machine load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores)")
    finally:
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
