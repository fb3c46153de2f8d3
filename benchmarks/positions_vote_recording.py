"""Benchmark: recording a vote on an opinion-map statement with 50 concurrent voters on
PostgreSQL behind gunicorn (issue 16: p99 ≤ 50 ms).

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/horizont_positions_bench \
        .venv/bin/python benchmarks/positions_vote_recording.py [--voters 50] [--votes 40]

Creates (once) a members-only process with 200 statements and ``--voters`` members, starts
gunicorn (gthread workers) on a free local port, logs every voter in, then lets all voters
vote at once, each on ``--votes`` statements one after the other, through real HTTP POSTs
(CSRF token, session cookie, new TCP connection per request, redirect not followed).
Every vote also schedules the background recomputation of the map, as in production
with the default thread backend. Baseline in the same run and under the same load: the
health check ``/healthz`` (the floor of the stack: gunicorn, middleware, one query).
Prints p50/p95/p99 of both and the ratio of the p99s. Because the load generator shares
the machine with gunicorn and PostgreSQL, the run also measures the server's own time per
vote without HTTP or concurrency (Django test client, one voter after the other), with
the number of SQL queries per vote.
"""

from __future__ import annotations

import argparse
import http.client
import os
import re
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "horizont.settings")
os.environ.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/horizont_positions_bench")
os.environ.setdefault("SECRET_KEY", "benchmark-only-secret-key-not-for-production-use-123")
os.environ["SECURE_SSL_REDIRECT"] = "0"
os.environ.setdefault("STATIC_ROOT", "/tmp/horizont-positions-bench-static")  # noqa: S108

SLUG = "bench-votes"


def _ensure_database() -> None:
    import psycopg

    url = os.environ["DATABASE_URL"]
    name = url.rsplit("/", 1)[1]
    admin = url.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(admin, autocommit=True) as connection:
        exists = connection.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [name]
        ).fetchone()
        if not exists:
            connection.execute(f'CREATE DATABASE "{name}"')


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


def _in_process(path: str, votes: int) -> tuple[list[float], int]:
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
    times: list[float] = []
    queries = 0
    for i in range(votes):
        start = time.perf_counter()
        with CaptureQueriesContext(connection) as captured:
            response = client.post(
                path, {"statement": statements[i % len(statements)], "value": i % 3 - 1}
            )
        times.append(time.perf_counter() - start)
        queries = max(queries, len(captured))
        assert response.status_code == 302, response.status_code
    StatementVote.objects.filter(statement__process=process).delete()
    return times, queries


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _request(port: int, method: str, path: str, body: str = "", headers=None):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    start = time.perf_counter()
    connection.request(method, path, body=body, headers=headers or {})
    response = connection.getresponse()
    data = response.read()
    elapsed = time.perf_counter() - start
    connection.close()
    return response, data, elapsed


def _csrf(port: int, path: str, session: str) -> tuple[str, str]:
    response, data, _ = _request(port, "GET", path, headers={"Cookie": f"sessionid={session}"})
    cookie = re.search(r"csrftoken=([^;]+)", response.getheader("Set-Cookie") or "")
    token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', data)
    assert cookie and token, f"no CSRF token ({response.status})"
    return cookie.group(1), token.group(1).decode()


def _percentiles(values: list[float]) -> str:
    ordered = sorted(values)
    p = lambda q: ordered[min(len(ordered) - 1, int(q * len(ordered)))] * 1000  # noqa: E731
    return f"p50 {p(0.50):6.1f} ms   p95 {p(0.95):6.1f} ms   p99 {p(0.99):6.1f} ms"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--voters", type=int, default=50)
    parser.add_argument("--votes", type=int, default=40)
    parser.add_argument("--workers", type=int, default=4)
    args = parser.parse_args()
    _ensure_database()
    path, sessions, statements = _prepare(args.voters)
    alone, queries = _in_process(path, min(200, len(statements)))
    port = _free_port()
    server = subprocess.Popen(
        [
            str(ROOT / ".venv/bin/gunicorn"),
            "horizont.wsgi",
            "-b",
            f"127.0.0.1:{port}",
            "-w",
            str(args.workers),
            "--threads",
            "4",
            "-k",
            "gthread",
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=os.environ.copy(),
    )
    try:
        for _ in range(100):
            try:
                _request(port, "GET", "/healthz")
                break
            except OSError:
                time.sleep(0.2)
        tokens = [_csrf(port, path, s) for s in sessions]
        vote_times: list[float] = []
        health_times: list[float] = []
        errors: list[str] = []
        barrier = threading.Barrier(args.voters)

        def voter(number: int) -> None:
            cookie, token = tokens[number]
            headers = {
                "Cookie": f"sessionid={sessions[number]}; csrftoken={cookie}",
                "Content-Type": "application/x-www-form-urlencoded",
            }
            barrier.wait()
            for i in range(args.votes):
                statement = statements[(number * 7 + i) % len(statements)]
                body = f"csrfmiddlewaretoken={token}&statement={statement}&value={i % 3 - 1}"
                response, _data, elapsed = _request(port, "POST", path, body, headers)
                if response.status != 302:
                    errors.append(str(response.status))
                vote_times.append(elapsed)
                _r, _d, elapsed = _request(port, "GET", "/healthz")
                health_times.append(elapsed)

        threads = [threading.Thread(target=voter, args=(n,)) for n in range(args.voters)]
        start = time.perf_counter()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        wall = time.perf_counter() - start
    finally:
        server.terminate()
        server.wait(timeout=30)
    import django  # noqa: F401  (set up in _prepare)

    from horizont.positions.models import StatementVote

    stored = StatementVote.objects.filter(statement__process__slug=SLUG).count()
    print(
        f"{args.voters} concurrent voters × {args.votes} votes, gunicorn {args.workers} "
        f"gthread workers, PostgreSQL; {len(vote_times)} votes in {wall:.1f} s, "
        f"{stored} stored, {len(errors)} errors {sorted(set(errors))[:5]}"
    )
    print(f"vote, server alone:      {_percentiles(alone)}   (≤ {queries} SQL queries)")
    print(f"vote (POST, stored):     {_percentiles(vote_times)}   (target p99 ≤ 50 ms)")
    print(f"baseline /healthz:       {_percentiles(health_times)}")
    ratio = (
        sorted(vote_times)[int(0.99 * len(vote_times))]
        / sorted(health_times)[int(0.99 * len(health_times))]
    )
    print(f"ratio of p99, vote / health check: {ratio:.1f}×")


if __name__ == "__main__":
    main()
