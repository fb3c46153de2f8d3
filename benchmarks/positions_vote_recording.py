"""Benchmark: recording a vote on an opinion-map statement with 50 concurrent voters on
PostgreSQL behind gunicorn (issue 16: p99 ≤ 50 ms).

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/horizont_positions_bench \
        .venv/bin/python benchmarks/positions_vote_recording.py [--voters 50] [--duration 60]

Creates (once) a members-only process with 200 statements and ``--voters`` members, starts
gunicorn (the shipped ``horizont.gunicorn_conf``, 2 gthread workers, DEBUG off,
keep-alive longer than the think time) on a free local port and measures three things in one run:

1. **Server alone**: the vote through the Django test client, one after the other, with
   the number of SQL queries per vote (no HTTP, no concurrency).
2. **The model (50 people voting)**: each simulated person keeps one keep-alive
   connection like a browser and repeats what the page asks of them: load the statements
   page (the statement offered next), read it for 1–3 s (uniform, seeded), vote on it
   (POST, the redirect is not followed: the next round loads the page). Send times are
   scheduled in advance from the think times (open loop per person: a slow answer does
   not slow the schedule down; a late send is counted). The baseline in the same run and
   under the same load: probes of the health check ``/healthz`` (gunicorn, middleware,
   one query) at a steady rate on their own keep-alive connections. Prints p50/p95/p99 of
   the vote, of the page and of the health check, and the ratio of the p99s.
3. **Closed-loop saturation** (not a model of people): every voter posts votes back to
   back with no think time, each followed by a health check, as fast as the two cores
   allow. This measures the throughput limit of the machine, where every answer waits in
   the queue behind the others; it is printed for comparison only.

The load generator (threads, keep-alive, ``http.client``) shares the two cores with
gunicorn and PostgreSQL, so every figure includes its share of the machine. Its share is
printed with every phase: measured at 0.03 cores for the 50 people (every thread sleeps
until its next scheduled send; no busy waiting, one thread and one connection per person
for the whole run), so it needs no change to stay an honest open-loop model.

Without ``REDIS_URL`` the opinion map is recomputed by the ``thread`` task backend, in a
thread of a gunicorn worker, as on one small server (docs/operations.md): the script
prints how many computations ran during the phase and how long they took, since they
share the workers with the votes.
"""

from __future__ import annotations

import argparse
import http.client
import os
import random
import re
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from horizont.testing.databases import ensure_postgres_database  # noqa: E402

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "horizont.settings")
os.environ.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/horizont_positions_bench")
os.environ.setdefault("SECRET_KEY", "benchmark-only-secret-key-not-for-production-use-123")
os.environ["SECURE_SSL_REDIRECT"] = "0"
os.environ.setdefault("STATIC_ROOT", "/tmp/horizont-positions-bench-static")  # noqa: S108

SLUG = "bench-votes"


def _prepare(voters: int) -> tuple[str, list[str], list[int]]:
    import django

    django.setup()
    from datetime import timedelta

    from django.core.management import call_command
    from django.test import Client
    from django.utils import timezone

    from horizont.network.models import Initiative, Membership
    from horizont.positions.models import Process, Statement, StatementVote
    from horizont.testing.personas import make_user

    call_command("migrate", verbosity=0)
    call_command("collectstatic", verbosity=0, interactive=False)
    process = Process.objects.filter(slug=SLUG).first()
    if process is None:
        initiative = Initiative.objects.create(
            name="Bench House",
            slug="bench-house",
            language="en",
            country="DE",
            status="approved",
        )
        now = timezone.now()
        process = Process.objects.create(
            slug=SLUG,
            initiative=initiative,
            original_language="en",
            texts={"en": {"title": "Bench", "body": ""}},
            participation="members",
            collect_from=now - timedelta(days=1),
            discuss_from=now,
            decide_from=now,
            outcome_from=now + timedelta(days=365),
        )
        Statement.objects.bulk_create(
            Statement(process=process, author_key="bench", text=f"Statement {i}")
            for i in range(200)
        )
    initiative = process.initiative
    # Fresh votes every run, so that every voter can vote again.
    StatementVote.objects.filter(statement__process=process).delete()
    cookies = []
    for number in range(voters):
        email = f"voter{number}@bench.example.org"
        from django.contrib.auth import get_user_model

        user = get_user_model().objects.filter(email=email).first() or make_user(email)
        Membership.objects.get_or_create(
            initiative=initiative, user=user, defaults={"status": "active"}
        )
        client = Client()
        client.force_login(user)
        cookies.append(client.cookies["sessionid"].value)
    statements = list(process.statements.values_list("pk", flat=True))
    return f"/en/positions/{SLUG}/statements/", cookies, statements


PAGE_ALONE: list[float] = []
CPU_ALONE: dict[str, float] = {}


def _in_process(path: str, votes: int) -> tuple[list[float], tuple[int, int]]:
    """Server time per vote through the Django test client, sequentially."""
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from horizont.positions.models import Process, StatementVote

    process = Process.objects.get(slug=SLUG)
    statements = list(process.statements.values_list("pk", flat=True))
    user = get_user_model().objects.get(email="voter0@bench.example.org")
    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(user)
    client.get(path)  # warm up: first request of the process
    cpu = time.process_time()
    for _ in range(20):
        start = time.perf_counter()
        client.get(path)
        PAGE_ALONE.append(time.perf_counter() - start)
    CPU_ALONE["page"] = (time.process_time() - cpu) / 20
    times: list[float] = []
    counts = []
    for i in range(5):  # the queries of a vote, counted apart (counting slows them down)
        with CaptureQueriesContext(connection) as captured:
            client.post(path, {"statement": statements[-1 - i], "value": 1})
        counts.append(len(captured))
    queries = (min(counts), max(counts))
    cpu = time.process_time()
    for i in range(votes - 5):
        start = time.perf_counter()
        response = client.post(
            path, {"statement": statements[i % len(statements)], "value": i % 3 - 1}
        )
        times.append(time.perf_counter() - start)
        assert response.status_code == 302, response.status_code
    CPU_ALONE["vote"] = (time.process_time() - cpu) / (votes - 5)
    StatementVote.objects.filter(statement__process=process).delete()
    return times, queries


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Connection:
    """One keep-alive HTTP connection, as a browser keeps one; reconnects when the server
    closed it (counted)."""

    reconnects = 0

    def __init__(self, port: int) -> None:
        self.port = port
        self.connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)

    def request(
        self, method: str, path: str, body: str = "", headers: dict[str, str] | None = None
    ) -> tuple[http.client.HTTPResponse, bytes, float]:
        start = time.perf_counter()
        for attempt in range(2):
            try:
                self.connection.request(method, path, body=body, headers=headers or {})
                response = self.connection.getresponse()
                data = response.read()
                break
            except (http.client.RemoteDisconnected, ConnectionError, BrokenPipeError):
                if attempt:
                    raise
                Connection.reconnects += 1
                self.connection.close()
                self.connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        return response, data, time.perf_counter() - start

    def close(self) -> None:
        self.connection.close()


TOKEN = re.compile(rb'name="csrfmiddlewaretoken" value="([^"]+)"')
OFFERED = re.compile(rb'name="statement" value="(\d+)"')


def _percentiles(values: list[float]) -> str:
    if not values:
        return "no samples"
    ordered = sorted(values)
    p = lambda q: ordered[min(len(ordered) - 1, int(q * len(ordered)))] * 1000  # noqa: E731
    return f"p50 {p(0.50):6.1f} ms   p95 {p(0.95):6.1f} ms   p99 {p(0.99):6.1f} ms"


def _p99(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(0.99 * len(ordered)))]


class Samples:
    def __init__(self) -> None:
        self.vote: list[float] = []
        self.page: list[float] = []
        self.health: list[float] = []
        self.errors: list[str] = []
        self.late: list[float] = []


def _people(port: int, path: str, sessions: list[str], duration: float, seed: int) -> Samples:
    """Phase 2: every person loads the page, thinks 1–3 s, votes; health probes alongside."""
    samples = Samples()
    begin = time.perf_counter() + 1.0
    end = begin + duration
    stop = threading.Event()

    def person(number: int) -> None:
        rng = random.Random(seed * 1000 + number)
        connection = Connection(port)
        cookie = ""
        # People do not arrive at the same instant: the first page within the first 3 s.
        due = begin + rng.uniform(0, 3)
        try:
            while True:
                time.sleep(max(0.0, due - time.perf_counter()))
                if due >= end:
                    return
                headers = {"Cookie": f"sessionid={sessions[number]}" + cookie}
                response, data, elapsed = connection.request("GET", path, headers=headers)
                samples.page.append(elapsed)
                set_cookie = re.search(r"csrftoken=([^;]+)", response.getheader("Set-Cookie") or "")
                if set_cookie:
                    cookie = f"; csrftoken={set_cookie.group(1)}"
                    headers = {"Cookie": f"sessionid={sessions[number]}" + cookie}
                token, offered = TOKEN.search(data), OFFERED.search(data)
                if response.status != 200 or not token or not offered:
                    samples.errors.append(f"page {response.status}")
                    return
                # Reading the statement: the vote is due 1–3 s after the page was asked for.
                due += rng.uniform(1.0, 3.0)
                time.sleep(max(0.0, due - time.perf_counter()))
                samples.late.append(max(0.0, time.perf_counter() - due))
                body = (
                    f"csrfmiddlewaretoken={token.group(1).decode()}"
                    f"&statement={offered.group(1).decode()}&value={rng.choice((1, -1, 0))}"
                )
                response, _data, elapsed = connection.request(
                    "POST",
                    path,
                    body,
                    {**headers, "Content-Type": "application/x-www-form-urlencoded"},
                )
                if response.status != 302:
                    samples.errors.append(f"vote {response.status}")
                samples.vote.append(elapsed)
                due = time.perf_counter()  # the browser follows the redirect at once
        finally:
            connection.close()

    def prober(number: int) -> None:
        rng = random.Random(seed * 7 + number)
        connection = Connection(port)
        due = begin + rng.uniform(0, 0.2)
        try:
            while due < end and not stop.is_set():
                time.sleep(max(0.0, due - time.perf_counter()))
                response, _data, elapsed = connection.request("GET", "/healthz")
                if response.status != 200:
                    samples.errors.append(f"health {response.status}")
                samples.health.append(elapsed)
                due += rng.uniform(0.1, 0.3)
        finally:
            connection.close()

    threads = [threading.Thread(target=person, args=(n,)) for n in range(len(sessions))]
    threads += [threading.Thread(target=prober, args=(n,)) for n in range(5)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    stop.set()
    return samples


def _saturate(port: int, path: str, sessions: list[str], statements: list[int], votes: int):
    """Phase 3: every voter posts votes back to back (no think time), each followed by a
    health check: the closed loop that saturates the machine."""
    samples = Samples()
    tokens = []
    for session in sessions:
        connection = Connection(port)
        response, data, _ = connection.request(
            "GET", path, headers={"Cookie": f"sessionid={session}"}
        )
        cookie = re.search(r"csrftoken=([^;]+)", response.getheader("Set-Cookie") or "")
        token = TOKEN.search(data)
        assert cookie and token, f"no CSRF token ({response.status})"
        tokens.append((cookie.group(1), token.group(1).decode()))
        connection.close()
    barrier = threading.Barrier(len(sessions))

    def voter(number: int) -> None:
        cookie, token = tokens[number]
        headers = {
            "Cookie": f"sessionid={sessions[number]}; csrftoken={cookie}",
            "Content-Type": "application/x-www-form-urlencoded",
        }
        connection = Connection(port)
        barrier.wait()
        for i in range(votes):
            statement = statements[(number * 7 + i) % len(statements)]
            body = f"csrfmiddlewaretoken={token}&statement={statement}&value={i % 3 - 1}"
            response, _data, elapsed = connection.request("POST", path, body, headers)
            if response.status != 302:
                samples.errors.append(str(response.status))
            samples.vote.append(elapsed)
            _r, _d, elapsed = connection.request("GET", "/healthz")
            samples.health.append(elapsed)
        connection.close()

    threads = [threading.Thread(target=voter, args=(n,)) for n in range(len(sessions))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return samples


def _children_cpu(parent: int) -> float:
    """CPU seconds used so far by the children of ``parent`` (the gunicorn workers)."""
    total = 0.0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == parent:
            total += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    return total


def _machine_busy() -> float:
    """Busy CPU seconds of the whole machine since boot, all users."""
    values = [int(v) for v in Path("/proc/stat").read_text().split("\n")[0].split()[1:]]
    return (sum(values) - values[3] - values[4]) / os.sysconf("SC_CLK_TCK")


class CpuMeter:
    """CPU used during a phase: by the whole machine (every engineer's work included), by
    the gunicorn workers and by this load generator."""

    def __init__(self, server: int) -> None:
        self.server = server
        self.start = (_machine_busy(), _children_cpu(server), sum(os.times()[:2]))

    def report(self, wall: float, requests: int) -> str:
        busy0, app0, gen0 = self.start
        busy1, app1, gen1 = _machine_busy(), _children_cpu(self.server), sum(os.times()[:2])
        return (
            f"   CPU during the phase: whole machine {(busy1 - busy0) / wall:.2f} of "
            f"{os.cpu_count()} cores busy; gunicorn {(app1 - app0) / wall:.2f} cores "
            f"({(app1 - app0) / max(requests, 1) * 1000:.1f} ms CPU per request); "
            f"load generator {(gen1 - gen0) / wall:.2f} cores"
        )


def _map_computations(since: float) -> str:
    """The opinion-map computations that ran in the server since ``since`` (epoch)."""
    from datetime import UTC, datetime

    from horizont import tasks
    from horizont.jobs.models import Job
    from horizont.positions.services import opinion_map_task

    jobs = Job.objects.filter(
        name=tasks.task_name(opinion_map_task),
        created_at__gte=datetime.fromtimestamp(since, tz=UTC),
        finished_at__isnull=False,
        started_at__isnull=False,
    )
    took = sorted((j.finished_at - j.started_at).total_seconds() * 1000 for j in jobs)
    if not took:
        return "   opinion map recomputed 0 times during the phase"
    return (
        f"   opinion map recomputed {len(took)} times during the phase "
        f"({settings_backend()} task backend), each {took[0]:.0f}–{took[-1]:.0f} ms"
    )


def settings_backend() -> str:
    from django.conf import settings

    return str(settings.TASKS_BACKEND)


def _votes_stored() -> int:
    from horizont.positions.models import StatementVote

    return StatementVote.objects.filter(statement__process__slug=SLUG).count()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--voters", type=int, default=50)
    parser.add_argument("--duration", type=float, default=60.0, help="seconds of voting")
    parser.add_argument("--saturation-votes", type=int, default=20)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--threads", type=int, default=4)
    parser.add_argument("--seed", type=int, default=16)
    args = parser.parse_args()
    ensure_postgres_database(os.environ["DATABASE_URL"])
    path, sessions, statements = _prepare(args.voters)
    alone, queries = _in_process(path, min(200, len(statements)))
    port = _free_port()
    env = {**os.environ, "DEBUG": "0"}
    server = subprocess.Popen(
        [
            str(ROOT / ".venv/bin/gunicorn"),
            "-c",
            "python:horizont.gunicorn_conf",  # the shipped settings, as operators run them
            "horizont.wsgi",
            "-b",
            f"127.0.0.1:{port}",
            "-w",
            str(args.workers),
            "--threads",
            str(args.threads),
            "-k",
            "gthread",
            "--keep-alive",
            "10",
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=env,
    )
    from horizont.positions.models import StatementVote

    try:
        for _ in range(100):
            try:
                Connection(port).request("GET", "/healthz")
                break
            except OSError:
                time.sleep(0.2)
        # Warm up every worker (imports, first queries) before measuring.
        warm = Connection(port)
        for _ in range(20):
            warm.request("GET", path, headers={"Cookie": f"sessionid={sessions[0]}"})
        warm.close()
        load_before = os.getloadavg()[0]
        meter = CpuMeter(server.pid)
        started = time.perf_counter()
        people_since = time.time()
        people = _people(port, path, sessions, args.duration, args.seed)
        people_wall = time.perf_counter() - started
        requests = len(people.vote) + len(people.page) + len(people.health)
        people_cpu = meter.report(people_wall, requests)
        people_stored = _votes_stored()
        people_maps = _map_computations(people_since)
        StatementVote.objects.filter(statement__process__slug=SLUG).delete()
        meter = CpuMeter(server.pid)
        started = time.perf_counter()
        saturated = _saturate(port, path, sessions, statements, args.saturation_votes)
        saturated_wall = time.perf_counter() - started
        requests = len(saturated.vote) + len(saturated.health)
        saturated_cpu = meter.report(saturated_wall, requests)
        saturated_stored = _votes_stored()
    finally:
        server.terminate()
        server.wait(timeout=30)
    StatementVote.objects.filter(statement__process__slug=SLUG).delete()

    print(
        f"gunicorn {args.workers} gthread workers × {args.threads} threads, DEBUG off, "
        f"PostgreSQL; {os.cpu_count()} cores; load average before the run {load_before:.2f} "
        f"(other users of the machine included)"
    )
    print(f"\n1. server alone (test client, sequential): {_percentiles(alone)}")
    print(
        f"   SQL queries per vote: {queries[0]} ({queries[1]} for the vote that also starts "
        f"the background recomputation of the map, at most once per 20 s and process)"
    )
    print(f"   statements page (GET), same way: {_percentiles(PAGE_ALONE)}")
    print(
        f"   CPU of this Python process (Django + driver, PostgreSQL not included): "
        f"vote {CPU_ALONE['vote'] * 1000:.1f} ms, page {CPU_ALONE['page'] * 1000:.1f} ms"
    )
    rate = len(people.vote) / people_wall
    print(
        f"\n2. model: {args.voters} people, each loads the page, reads 1–3 s, votes "
        f"(open loop, seed {args.seed}), {args.duration:.0f} s"
    )
    print(
        f"   {len(people.vote)} votes ({rate:.1f}/s), {people_stored} stored, "
        f"{len(people.page)} pages, {len(people.health)} health checks, "
        f"{len(people.errors)} errors {sorted(set(people.errors))[:5]}, "
        f"{Connection.reconnects} reconnects, sends late by > 50 ms: "
        f"{sum(1 for x in people.late if x > 0.05)}"
    )
    print(f"   vote (POST, stored):   {_percentiles(people.vote)}   (target p99 ≤ 50 ms)")
    print(f"   statements page (GET): {_percentiles(people.page)}")
    print(f"   baseline /healthz:     {_percentiles(people.health)}")
    print(f"   ratio of p99, vote / health check: {_p99(people.vote) / _p99(people.health):.1f}×")
    print(people_cpu)
    print(people_maps)
    print(
        f"\n3. closed-loop saturation (no think time, not a model of people): "
        f"{args.voters} voters × {args.saturation_votes} votes back to back"
    )
    print(
        f"   {len(saturated.vote)} votes in {saturated_wall:.1f} s "
        f"({len(saturated.vote) / saturated_wall:.0f}/s), {saturated_stored} stored, "
        f"{len(saturated.errors)} errors {sorted(set(saturated.errors))[:5]}"
    )
    print(f"   vote (POST, stored):   {_percentiles(saturated.vote)}")
    print(f"   baseline /healthz:     {_percentiles(saturated.health)}")
    print(
        f"   ratio of p99, vote / health check: "
        f"{_p99(saturated.vote) / _p99(saturated.health):.1f}×"
    )
    print(saturated_cpu)


if __name__ == "__main__":
    main()
