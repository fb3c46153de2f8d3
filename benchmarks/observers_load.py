"""Election-day load: observers sending their checklist reports to gunicorn on PostgreSQL.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/horizont_observers \
        .venv/bin/python benchmarks/observers_load.py [--observers 2000] [--reports 6] \
        [--minutes 10] [--workers 2] [--retries 0.05]

Issue 13: 2,000 observers sending 6 reports each within 10 minutes, with 0 errors, 0 lost
or duplicated reports (counted in the database) and p99 ≤ 300 ms.

Prepares (once) a bench election with one polling station per observer, a programme with
the three election-day forms (opening, hourly turnout, closing and count), the observers
as accepted volunteers assigned to their station, and a signed-in session for each.
Starts gunicorn with the project's settings (``horizont.gunicorn_conf``) and ``--workers``
workers (gthread, ``--server-threads`` threads each, as the other load benchmarks) on
127.0.0.1 (a free port; nothing else is contacted).

The load is *open-loop*: every report has a send time fixed in advance, spread evenly over
``--minutes`` (report 1 of every observer in the first sixth, report 2 in the second, …;
observers shuffled within each sixth), so the rate (≈ 20 reports/s for the defaults) does
not drop when the server slows down. A report is what a phone does: load the form (GET;
it carries the idempotency key and the CSRF token), then send it (POST, answered with a
redirect). A share ``--retries`` of the reports is sent again with the same key: half
after the first answer came back (a phone that lost the answer), half at the same moment
(a double tap). Both must store one report.

Baseline in the same run and at the same rate: the health check ``/healthz`` (gunicorn,
middleware, one query), sent halfway between two reports. Printed: p50/p95/p99 of the
report (POST), the form page (GET) and the baseline, the ratio of the p99s, how late the
generator itself was against the schedule, the machine's load average, and what the
database holds: reports stored, keys lost, keys stored twice, observers without exactly
their reports. Last, because the load generator shares the machine with gunicorn and
PostgreSQL: the server's own time per request without HTTP or concurrency (Django test
client, one request after the other) and the SQL statements of a report.
"""

from __future__ import annotations

import argparse
import http.client
import os
import queue
import random
import re
import socket
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlencode
from uuid import uuid4

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from horizont.testing.databases import ensure_postgres_database  # noqa: E402

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "horizont.settings")
os.environ.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/horizont_observers")
os.environ.setdefault("SECRET_KEY", "benchmark-only-secret-key-not-for-production-use-456")
os.environ["SECURE_SSL_REDIRECT"] = "0"
os.environ.setdefault("ALLOWED_HOSTS", "127.0.0.1")
os.environ.setdefault("STATIC_ROOT", "/tmp/horizont-observers-load-static")  # noqa: S108
os.environ.setdefault("TASKS_BACKEND", "thread")
os.environ.setdefault("LOG_LEVEL", "WARNING")
os.environ.pop("DEBUG", None)

ELECTION = "Observers load bench (fictional)"
FORMS = (
    ("opening", "Opening", "yesno: Observer admitted\ntime: Opened at\nnumber: Empty boxes shown"),
    ("turnout", "Turnout", "time: Hour\nnumber: Voters so far"),
    ("closing", "Count", "number: Ballots in the boxes\nyesno: Copy of the protocol received\n"
     "text: Remarks"),
)  # fmt: skip
KEY = re.compile(rb'name="key" value="([0-9a-f-]{36})"')
CSRF = re.compile(rb'name="csrfmiddlewaretoken" value="([^"]+)"')
COOKIE = re.compile(r"csrftoken=([^;]+)")


def ensure_database() -> None:
    url = os.environ["DATABASE_URL"]
    if not url.startswith("postgres"):
        raise SystemExit("the load test runs on PostgreSQL: set DATABASE_URL=postgres://…")
    ensure_postgres_database(url)


@dataclass
class Observer:
    session: str
    station: int
    csrf_cookie: str = ""


def prepare(observers: int) -> tuple[int, dict[str, int], list[Observer]]:
    """The bench programme (created once) with fresh reports; its forms and observers."""
    import django

    django.setup()
    import datetime as dt

    from django.contrib.auth import get_user_model
    from django.core.cache import cache
    from django.core.management import call_command
    from django.test import Client

    from horizont.elections.models import Election, Station
    from horizont.observers import services
    from horizont.observers.models import Assignment, Programme, Report, Volunteer

    call_command("migrate", verbosity=0)
    call_command("collectstatic", verbosity=0, interactive=False)
    cache.clear()  # rate-limit counters of an earlier run
    election, created = Election.objects.get_or_create(
        name=ELECTION,
        defaults={
            "date": dt.date(2030, 9, 15),
            "source_name": "bench.csv",
            "source_sha256": "0" * 64,
            "party_names": ["1. A", "2. B"],
            "party_votes": [0, 0],
        },
    )
    have = Station.objects.filter(election=election).count()
    if have < observers:
        print(f"creating {observers - have} stations …", flush=True)
        Station.objects.bulk_create(
            Station(
                election=election, row=n, region="Bench region", tik=f"TIK {n // 50}",
                uik=n + 1, registered=1000, ballots_issued=600, ballots_cast=600, valid=590,
                invalid=10, leader_votes=300, votes=[300, 290], abroad=n % 2 == 0,
            )
            for n in range(have, observers)
        )  # fmt: skip
    programme = Programme.objects.filter(election=election).first()
    if programme is None:
        programme = Programme.objects.create(election=election, name="Load bench programme")
        for kind, title, definition in FORMS:
            services.checklist_save(
                actor=None,
                programme=programme,
                kind=kind,
                title=title,
                fields=services.checklist_parse(definition),
            )
    forms = dict(programme.forms.filter(current=True).values_list("kind", "pk"))
    user_model = get_user_model()
    have = programme.volunteers.count()
    if have < observers:
        print(f"creating {observers - have} observers …", flush=True)
        stations = list(
            Station.objects.filter(election=election).order_by("row").values_list("pk", flat=True)
        )
        users = user_model.objects.bulk_create(
            user_model(email=f"observer{n}@bench.example.org", password="!")
            for n in range(have, observers)
        )
        volunteers = Volunteer.objects.bulk_create(
            Volunteer(programme=programme, user=user, pseudonym=f"Observer {n}",
                      role="observer", status="accepted")
            for n, user in zip(range(have, observers), users, strict=True)
        )  # fmt: skip
        Assignment.objects.bulk_create(
            Assignment(volunteer=v, station_id=stations[n], day=dt.date(2030, 9, 15))
            for n, v in zip(range(have, observers), volunteers, strict=True)
        )
    Report.objects.filter(form__programme=programme).delete()
    print("signing the observers in …", flush=True)
    out = []
    volunteers = (
        programme.volunteers.select_related("user")
        .prefetch_related("assignments")
        .order_by("pk")[:observers]
    )
    for volunteer in volunteers:
        client = Client()
        client.force_login(volunteer.user)
        out.append(
            Observer(
                session=client.cookies["sessionid"].value,
                station=volunteer.assignments.all()[0].station_id,
            )
        )
    return programme.pk, forms, out


def server_alone(programme: int, forms: dict[str, int], count: int = 200) -> dict[str, list]:
    """The server's own time per request, without HTTP or concurrency: the Django test
    client, one request after the other (form page, report, health check), with the
    number of SQL queries of a report."""
    from django.core.cache import cache
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from horizont.observers.models import Programme, Report

    volunteer = Programme.objects.get(pk=programme).volunteers.select_related("user").last()
    station = volunteer.assignments.first().station_id
    path = f"/en/observers/{programme}/forms/{forms['turnout']}/report/"
    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(volunteer.user)
    times: dict[str, list] = {"get": [], "post": [], "health": [], "queries": []}
    keys: list[str] = []
    for number in range(count):
        cache.clear()  # one volunteer sending 200 reports would meet the rate limit
        start = time.perf_counter()
        assert client.get(path).status_code == 200
        times["get"].append(time.perf_counter() - start)
        data = {"key": str(uuid4()), "station": station, "f0": "10:00", "f1": str(number)}
        keys.append(data["key"])
        start = time.perf_counter()
        with CaptureQueriesContext(connection) as captured:
            assert client.post(path, data).status_code == 302
        times["post"].append(time.perf_counter() - start)
        times["queries"].append(len(captured))
        start = time.perf_counter()
        assert client.get("/healthz").status_code == 200
        times["health"].append(time.perf_counter() - start)
    # Only the reports sent here: the load run's reports of this volunteer stay counted.
    Report.objects.filter(key__in=keys).delete()
    return times


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def call(
    port: int, method: str, path: str, body: str = "", headers: dict[str, str] | None = None
) -> tuple[int, bytes, str, float]:
    headers = {"Host": "127.0.0.1", **(headers or {})}
    start = time.perf_counter()
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        conn.request(method, path, body=body, headers=headers)
        response = conn.getresponse()
        data = response.read()
        return (
            response.status,
            data,
            response.getheader("Set-Cookie") or "",
            time.perf_counter() - start,
        )
    finally:
        conn.close()


def start_gunicorn(port: int, workers: int, threads: int) -> subprocess.Popen[bytes]:
    server = subprocess.Popen(
        [str(ROOT / ".venv" / "bin" / "gunicorn"), "-c", "python:horizont.gunicorn_conf",
         "horizont.wsgi", "--bind", f"127.0.0.1:{port}", "--workers", str(workers),
         "--worker-class", "gthread" if threads > 1 else "sync", "--threads", str(threads),
         "--backlog", "1024", "--timeout", "60"],
        cwd=ROOT, env=os.environ.copy(),
    )  # fmt: skip
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if call(port, "GET", "/healthz")[0] == 200:
                return server
        except OSError:
            pass
        time.sleep(0.3)
    server.kill()
    raise SystemExit("gunicorn did not answer /healthz within 60 s")


@dataclass
class Tally:
    lock: threading.Lock = field(default_factory=threading.Lock)
    post: list[float] = field(default_factory=list)
    get: list[float] = field(default_factory=list)
    health: list[float] = field(default_factory=list)
    late: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    keys: dict[str, int] = field(default_factory=dict)  # key -> observer
    retried: int = 0
    slow: list[tuple[float, str]] = field(default_factory=list)  # (when, what) over 300 ms

    def add(self, name: str, seconds: float) -> None:
        with self.lock:
            getattr(self, name).append(seconds)
            if seconds > 0.3 and name != "late":
                self.slow.append((time.time() - seconds, name))

    def error(self, text: str) -> None:
        with self.lock:
            self.errors.append(text)


def send_report(
    port: int, programme: int, form: int, number: int, observer: Observer, retry: str,
    tally: Tally,
) -> None:  # fmt: skip
    cookie = f"sessionid={observer.session}"
    if observer.csrf_cookie:
        cookie += f"; csrftoken={observer.csrf_cookie}"
    path = f"/en/observers/{programme}/forms/{form}/report/"
    status, page, set_cookie, seconds = call(port, "GET", path, headers={"Cookie": cookie})
    tally.add("get", seconds)
    key, token = KEY.search(page), CSRF.search(page)
    if status != 200 or key is None or token is None:
        tally.error(f"form page: HTTP {status}")
        return
    if found := COOKIE.search(set_cookie):
        observer.csrf_cookie = found.group(1)
        cookie = f"sessionid={observer.session}; csrftoken={observer.csrf_cookie}"
    fields = {
        "csrfmiddlewaretoken": token.group(1).decode(),
        "key": key.group(1).decode(),
        "station": str(observer.station),
    }
    answers = {
        "opening": ["yes", "08:00", "3"],
        "turnout": ["10:00", str(40 + number)],
        "closing": ["612", "yes", "nothing to report"],
    }
    kind = "opening" if number == 0 else "closing" if number == 5 else "turnout"
    for index, value in enumerate(answers[kind]):
        fields[f"f{index}"] = value
    body = urlencode(fields)
    headers = {"Cookie": cookie, "Content-Type": "application/x-www-form-urlencoded"}
    with tally.lock:
        tally.keys[fields["key"]] = observer.station

    def post() -> None:
        try:
            status, _data, _cookie, seconds = call(port, "POST", path, body, headers)
        except OSError as exc:
            tally.error(f"report: {exc}")
            return
        tally.add("post", seconds)
        if status != 302:
            tally.error(f"report: HTTP {status}")

    if retry == "tap":  # the same report sent twice at once
        twin = threading.Thread(target=post)
        twin.start()
        post()
        twin.join()
    else:
        post()
        if retry == "resend":  # the answer was lost; the phone sends again
            post()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--observers", type=int, default=2000)
    parser.add_argument("--reports", type=int, default=6)
    parser.add_argument("--minutes", type=float, default=10.0)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument(
        "--server-threads", type=int, default=4, help="threads per gunicorn worker (1: sync)"
    )
    parser.add_argument("--retries", type=float, default=0.05)
    parser.add_argument("--threads", type=int, default=96, help="sending threads")
    args = parser.parse_args()
    ensure_database()
    programme, forms, observers = prepare(args.observers)
    kinds = ["opening"] + ["turnout"] * (args.reports - 2) + ["closing"]
    rng = random.Random(13)
    schedule: list[tuple[float, int, int]] = []  # (offset, observer, report number)
    slot = args.minutes * 60 / (args.observers * args.reports)
    for number in range(args.reports):
        order = list(range(args.observers))
        rng.shuffle(order)
        for position, who in enumerate(order):
            schedule.append(((number * args.observers + position) * slot, who, number))
    retry = {
        i: rng.choice(["resend", "tap"])
        for i in rng.sample(range(len(schedule)), int(args.retries * len(schedule)))
    }
    tally = Tally()
    jobs: queue.Queue[tuple[float, object] | None] = queue.Queue()

    def worker() -> None:
        while (job := jobs.get()) is not None:
            due, action = job
            tally.add("late", max(0.0, time.perf_counter() - due))
            try:
                action()  # type: ignore[operator]
            except Exception as exc:  # noqa: BLE001 - counted as an error
                tally.error(f"{type(exc).__name__}: {exc}")

    port = free_port()
    load_before = os.getloadavg()
    server = start_gunicorn(port, args.workers, args.server_threads)
    try:
        threads = [threading.Thread(target=worker, daemon=True) for _ in range(args.threads)]
        for thread in threads:
            thread.start()

        def health() -> None:
            status, _d, _c, seconds = call(port, "GET", "/healthz")
            tally.add("health", seconds)
            if status != 200:
                tally.error(f"healthz: HTTP {status}")

        print(
            f"{args.observers} observers × {args.reports} reports over {args.minutes:g} min "
            f"({1 / slot:.1f} reports/s), {len(retry)} sent twice; gunicorn {args.workers} "
            f"workers × {args.server_threads} threads; load average before {load_before[0]:.2f}",
            flush=True,
        )
        # Warm-up, not measured: every worker thread loads its templates and connections.
        warm = observers[0]
        for _ in range(4 * args.workers * args.server_threads):
            call(port, "GET", "/healthz")
            call(port, "GET", f"/en/observers/{programme}/forms/{forms['opening']}/report/",
                 headers={"Cookie": f"sessionid={warm.session}"})  # fmt: skip
        start = time.perf_counter()
        for index, (offset, who, number) in enumerate(schedule):
            for due, action in (
                (start + offset, lambda o=observers[who], n=number, r=retry.get(index, ""):
                    send_report(port, programme, forms[kinds[n]], n, o, r, tally)),
                (start + offset + slot / 2, health),
            ):  # fmt: skip
                pause = due - time.perf_counter()
                if pause > 0:
                    time.sleep(pause)
                jobs.put((due, action))
            if index and index % (len(schedule) // 10) == 0:
                print(f"  {index / len(schedule):.0%} sent, {len(tally.errors)} errors", flush=True)
        for _ in threads:
            jobs.put(None)
        for thread in threads:
            thread.join()
        wall = time.perf_counter() - start
        load_after = os.getloadavg()
    finally:
        server.terminate()
        server.wait(30)

    from django.db.models import Count

    from horizont.observers.models import Report

    stored = Report.objects.filter(form__programme_id=programme)
    db_keys = {str(k) for k in stored.values_list("key", flat=True)}
    sent = set(tally.keys)
    lost, foreign = sent - db_keys, db_keys - sent
    per_observer = stored.values("volunteer").annotate(n=Count("pk"))
    uneven = sum(1 for row in per_observer if row["n"] != args.reports)
    missing_observers = args.observers - per_observer.count()

    def pct(values: list[float]) -> tuple[float, float, float]:
        ordered = sorted(values) or [float("nan")]
        at = lambda q: ordered[min(len(ordered) - 1, int(q * len(ordered)))] * 1000  # noqa: E731
        return at(0.5), at(0.95), at(0.99)

    print(f"\n{len(schedule)} reports scheduled in {wall:.0f} s; {len(tally.errors)} errors")
    for error in sorted(set(tally.errors))[:10]:
        print(f"    error: {error} (×{tally.errors.count(error)})")
    rows = (
        ("report (POST)", tally.post),
        ("form page (GET)", tally.get),
        ("baseline /healthz", tally.health),
        ("generator lateness", tally.late),
    )
    for name, values in rows:
        p50, p95, p99 = pct(values)
        print(f"  {name:<19} n={len(values):<6} p50 {p50:6.1f} ms  p95 {p95:6.1f} ms  "
              f"p99 {p99:6.1f} ms")  # fmt: skip
    ratio = pct(tally.post)[2] / pct(tally.health)[2]
    if tally.slow:  # when the slow requests started: stalls cluster in time
        windows: dict[int, list[str]] = {}
        for when, name in tally.slow:
            windows.setdefault(int(when // 10 * 10), []).append(name)
        print("  requests over 300 ms by the 10 s they started in (UTC), the busiest five:")
        for when, names in sorted(windows.items(), key=lambda w: -len(w[1]))[:5]:
            counts = ", ".join(f"{names.count(n)} {n}" for n in sorted(set(names)))
            print(f"    {time.strftime('%H:%M:%S', time.gmtime(when))}: {counts}")
    print(f"  ratio of p99, report / health check: {ratio:.1f}×  (target: report p99 ≤ 300 ms)")
    print(
        f"database: {len(db_keys)} reports stored for {len(sent)} keys sent; "
        f"{len(lost)} lost, {len(foreign)} unknown, duplicates impossible by the unique key "
        f"(stored rows {stored.count()} = distinct keys {len(db_keys)}); observers with "
        f"other than {args.reports} reports: {uneven + missing_observers}"
    )
    ok = (
        not tally.errors
        and not lost
        and not foreign
        and stored.count() == len(sent)
        and pct(tally.post)[2] <= 300
    )
    alone = server_alone(programme, forms)
    for name, key in (
        ("report, server alone", "post"),
        ("form page, alone", "get"),
        ("/healthz, alone", "health"),
    ):
        p50, p95, p99 = pct(alone[key])
        print(
            f"  {name:<19} n={len(alone[key]):<6} p50 {p50:6.1f} ms  p95 {p95:6.1f} ms  "
            f"p99 {p99:6.1f} ms"
        )
    print(
        f"  SQL statements per report: {max(alone['queries'])}; server time of a report "
        f"(GET + POST) / health check, p50: "
        f"{(pct(alone['get'])[0] + pct(alone['post'])[0]) / pct(alone['health'])[0]:.1f}×"
    )
    print(
        f"machine: {os.cpu_count()} CPUs, load average {load_before[0]:.2f} before, "
        f"{load_after[0]:.2f} at the end (shared with other work)"
    )
    print("PASS" if ok else "FAIL")
    if not ok:
        raise SystemExit(1)


if __name__ == "__main__":
    main()
