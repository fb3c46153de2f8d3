"""Reminders for 100,000 pledged guests through the task system, against a naive baseline
in the same run.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/horizont_abroad_bench \
        .venv/bin/python benchmarks/abroad_reminders.py [--pledges 100000] [--sample 10000]

Generates a vote whose first day is tomorrow with 400 stations in 40 cities (time zones
from Lisbon to Tbilisi) and 100,000 confirmed guest pledges (once), moves the clock to
the evening before (time-machine) and runs the ``send_abroad_reminders`` task through
``horizont.tasks.enqueue``: every reminder is rendered in the voter's language (a mix of
ru/en/de/pl), serialized to MIME and handed to a mail backend that counts and discards
it. Each reminder is recorded as it is handed over (a second connection, see
``services._Recorder``). With ``--workers 2`` two worker processes run the task at the
same time (row locks keep them apart; every reminder must go out once in total). A
second run must send nothing (exactly once). The baseline is the simple loop (as in
the events app): per pledge one transaction, one row lock, one ``send_mail`` with its own
connection; it runs on a sample and is extrapolated. Target: ≤ 5 minutes for 100,000.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "horizont.settings")
os.environ.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/horizont_abroad_bench")

from abroad_pages import CITIES, ensure_database  # noqa: E402

SLUG = "bench-reminders"
FIRST_DAY = dt.date(2031, 6, 2)
# 17:00 UTC on the eve: 18:00 in Lisbon and London … 21:00 in Tbilisi, all in the window.
EVE = dt.datetime(2031, 6, 1, 17, 0, tzinfo=dt.UTC)
HANDED = {"count": 0, "bytes": 0}


class CountingBackend:
    """A mail backend that serializes each message as SMTP would, counts it, drops it."""

    def __init__(self, fail_silently: bool = False, **kwargs) -> None:
        pass

    def open(self) -> bool:
        return True

    def close(self) -> None:
        pass

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        pass

    def send_messages(self, messages) -> int:
        for message in messages:
            HANDED["bytes"] += len(message.message().as_bytes())
            HANDED["count"] += 1
        return len(messages)


def generate(stations: int, pledges: int) -> None:
    from django.db import connection

    from horizont.abroad.models import Pledge, Station, Vote
    from horizont.network import gazetteer

    vote = Vote.objects.filter(slug=SLUG).first()
    if vote and vote.pledges.count() == pledges:
        return
    print(f"generating {stations} stations and {pledges:,} guest pledges …", flush=True)
    Vote.objects.filter(slug=SLUG).delete()
    vote = Vote.objects.create(
        name="Benchmark reminders", slug=SLUG, first_day=FIRST_DAY, last_day=FIRST_DAY
    )
    rows = []
    for i in range(stations):
        city, country, zone = CITIES[i % len(CITIES)]
        place = gazetteer.find_city(city, country)
        rows.append(
            Station(
                vote=vote, number=8000 + i, slug=f"{SLUG}-{8000 + i}", city=city,
                country=country, timezone=zone, address=f"Street {i}",
                latitude=place.latitude, longitude=place.longitude,
            )
        )  # fmt: skip
    created = Station.objects.bulk_create(rows)
    languages = ["ru", "ru", "en", "de", "pl"]
    batch = []
    for i in range(pledges):
        batch.append(
            Pledge(
                vote=vote, station=created[i % stations], guest_email=f"guest-{i}@example.org",
                guest_email_digest=f"reminders-{i}", language=languages[i % len(languages)],
                status="confirmed",
            )
        )  # fmt: skip
        if len(batch) == 10_000:
            Pledge.objects.bulk_create(batch)
            batch = []
    Pledge.objects.bulk_create(batch)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE abroad_pledge")
        cursor.execute("ANALYZE abroad_remindersent")


def naive_send(pledge_ids: list[int], slot: str) -> int:
    """The simple loop: one transaction, lock, render and connection per reminder."""
    from django.core.mail import send_mail
    from django.db import transaction
    from django.template.loader import render_to_string
    from django.utils import timezone, translation

    from horizont.abroad import services
    from horizont.abroad.models import Pledge, ReminderSent

    sent = 0
    for pk in pledge_ids:
        with transaction.atomic():
            pledge = (
                Pledge.objects.select_for_update(of=("self",))
                .select_related("station", "station__vote")
                .get(pk=pk)
            )
            if ReminderSent.objects.filter(pledge=pledge, slot=slot).exists():
                continue
            with translation.override(pledge.language):
                context = services._mail_context(pledge, "https://example.org")
                subject = render_to_string("abroad/email/reminder_subject.txt", context).strip()
                body = render_to_string("abroad/email/reminder.txt", context)
            send_mail(subject, body, None, [pledge.email])
            ReminderSent.objects.create(pledge=pledge, slot=slot, sent_at=timezone.now())
            sent += 1
    return sent


def _worker(label: str) -> tuple[int, int, float]:
    """One worker process of the task system (``--workers``): its own connections."""
    import django

    django.setup()
    import time_machine
    from django.test.utils import override_settings

    from horizont import tasks
    from horizont.abroad import services

    override_settings(
        TASKS_BACKEND="immediate",
        EMAIL_BACKEND=f"{__name__}.CountingBackend",
        HORIZONT_SITE_URL="https://example.org",
    ).enable()
    started = time.process_time()
    with time_machine.travel(EVE, tick=True):
        job = tasks.enqueue(services.send_abroad_reminders, label=label)
    assert job.status == "done", job.error
    return job.result["sent"], HANDED["count"], time.process_time() - started


def _run_workers(workers: int) -> tuple[int, int, float]:
    import multiprocessing

    from django.db import connections

    connections.close_all()
    with multiprocessing.get_context("spawn").Pool(workers) as pool:
        results = pool.map(_worker, [f"benchmark worker {i + 1}" for i in range(workers)])
    for i, (sent, handed, cpu) in enumerate(results):
        print(f"  worker {i + 1}: {sent:,} sent, {handed:,} handed over, {cpu:.1f} s CPU")
    return (
        sum(r[0] for r in results),
        sum(r[1] for r in results),
        sum(r[2] for r in results),
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stations", type=int, default=400)
    parser.add_argument("--pledges", type=int, default=100_000)
    parser.add_argument("--sample", type=int, default=3_000)
    parser.add_argument(
        "--workers", type=int, default=1, help="task-system worker processes in parallel"
    )
    args = parser.parse_args()
    ensure_database(os.environ["DATABASE_URL"])

    import django

    django.setup()
    import time_machine
    from django.core.management import call_command
    from django.test.utils import override_settings

    from horizont import tasks
    from horizont.abroad import services
    from horizont.abroad.models import Pledge, ReminderSent

    call_command("migrate", verbosity=0)
    generate(args.stations, args.pledges)
    override_settings(
        TASKS_BACKEND="immediate",
        EMAIL_BACKEND=f"{__name__}.CountingBackend",
        HORIZONT_SITE_URL="https://example.org",
    ).enable()
    ReminderSent.objects.filter(pledge__vote__slug=SLUG).delete()
    total = Pledge.objects.filter(vote__slug=SLUG).count()
    print(f"confirmed guest pledges: {total:,}")

    # Baseline on a sample, in a slot of its own so the tuned run is not affected.
    sample = list(
        Pledge.objects.filter(vote__slug=SLUG).order_by("pk").values_list("pk", flat=True)
    )[: args.sample]
    started, cpu = time.perf_counter(), time.process_time()
    naive_sent = naive_send(sample, "naive-bench")
    naive_seconds = time.perf_counter() - started
    naive_cpu = time.process_time() - cpu
    naive_rate = naive_sent / naive_seconds
    ReminderSent.objects.filter(slot="naive-bench").delete()
    HANDED.update(count=0, bytes=0)

    if args.workers > 1:
        started = time.perf_counter()
        sent, handed, cpu_seconds = _run_workers(args.workers)
        seconds = time.perf_counter() - started
        HANDED["count"], HANDED["bytes"] = handed, 1
        with time_machine.travel(EVE, tick=True):
            again = tasks.enqueue(services.send_abroad_reminders, label="benchmark, second run")
    else:
        with time_machine.travel(EVE, tick=True):
            started, cpu = time.perf_counter(), time.process_time()
            job = tasks.enqueue(services.send_abroad_reminders, label="benchmark")
            seconds = time.perf_counter() - started
            cpu_seconds = time.process_time() - cpu
            again = tasks.enqueue(services.send_abroad_reminders, label="benchmark, second run")
        assert job.status == "done", job.error
        sent = job.result["sent"]
    recorded = ReminderSent.objects.filter(pledge__vote__slug=SLUG).count()
    print(f"load average at the end: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    size = f", {HANDED['bytes'] / HANDED['count']:,.0f} bytes each" if args.workers == 1 else ""
    print(f"task run ({args.workers} worker(s)): {sent:,} reminders in {seconds:.1f} s wall, "
          f"{cpu_seconds:.1f} s CPU of the worker(s) ({sent / seconds:,.0f}/s), "
          f"{HANDED['count']:,} messages handed to the backend{size}")  # fmt: skip
    print(f"second run sent {again.result['sent']}; recorded reminders: {recorded:,}")
    print(f"naive loop: {naive_sent:,} in {naive_seconds:.1f} s wall, {naive_cpu:.1f} s CPU "
          f"({naive_rate:,.0f}/s), "
          f"extrapolated to {total:,}: {total / naive_rate:.0f} s")  # fmt: skip
    print(f"ratio: {(total / naive_rate) / seconds:.1f}x faster than the naive loop (wall), "
          f"{(naive_cpu / naive_sent * total) / cpu_seconds:.1f}x less CPU")  # fmt: skip
    ok = (
        sent == total == HANDED["count"]
        and again.result["sent"] == 0
        and recorded == total
        and seconds <= 300
    )
    print(f"target ≤ 300 s for {total:,}, each exactly once: {'OK' if ok else 'FAILED'}")


if __name__ == "__main__":
    main()
