"""A real kill: the reminder task runs in a subprocess, is killed with SIGKILL half-way,
and runs again. Every voter is reminded exactly once, except at most the one message that
was in flight at the kill (sent again with the same Message-ID)."""

from __future__ import annotations

import datetime as dt
import email
import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest
from django.db import connection

from horizont.abroad.models import Pledge, ReminderSent
from horizont.abroad.tests.conftest import make_station, make_vote

# Subprocesses and a database that commits: about half a minute on a busy machine.
pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.slow]

VOTERS = 60
SCRIPT = """
import datetime as dt, django, os
django.setup()
import time_machine
from django.conf import settings
from django.core.management import call_command
settings.EMAIL_BACKEND = "horizont.abroad.tests.mailfiles.OneFilePerMessage"
settings.TASKS_BACKEND = "thread"
with time_machine.travel(dt.datetime(2030, 9, 14, 17, 0, tzinfo=dt.UTC), tick=True):
    call_command("send_abroad_reminders")
"""


def _database_url(tmp_path: Path) -> str:
    """The test database, as a subprocess can open it."""
    settings = connection.settings_dict
    if connection.vendor == "sqlite":  # in memory: copy it to a file
        path = tmp_path / "db.sqlite3"
        target = sqlite3.connect(path)
        connection.ensure_connection()
        connection.connection.backup(target)
        target.close()
        return f"sqlite:///{path}"
    host = settings["HOST"] or "127.0.0.1"
    port = settings["PORT"] or 5432
    password = f":{settings['PASSWORD']}" if settings["PASSWORD"] else ""
    return f"postgres://{settings['USER']}{password}@{host}:{port}/{settings['NAME']}"


def _run(database_url: str, mail_dir: Path, pause: float) -> subprocess.Popen[bytes]:
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "horizont.settings",
        "DATABASE_URL": database_url,
        "HORIZONT_TESTING": "1",
        "ABROAD_TEST_MAIL_DIR": str(mail_dir),
        "ABROAD_TEST_MAIL_PAUSE": str(pause),
    }
    return subprocess.Popen(
        [sys.executable, "-c", SCRIPT],
        env=environment,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )


def _recorded(database_url: str) -> int:
    if database_url.startswith("sqlite:///"):
        with sqlite3.connect(database_url.removeprefix("sqlite:///")) as db:
            return db.execute("SELECT count(*) FROM abroad_remindersent").fetchone()[0]
    return ReminderSent.objects.count()


def test_killed_half_way_and_restarted_reminds_each_voter_once(tmp_path, settings):
    vote = make_vote(first=dt.date(2030, 9, 15))
    station = make_station(vote, 8101, "Berlin", "DE", "Europe/Berlin")
    Pledge.objects.bulk_create(
        [
            Pledge(vote=vote, station=station, guest_email=f"v{i}@example.org",
                   guest_email_digest=f"kill-{i}", language="de", status="confirmed")
            for i in range(VOTERS)
        ]
    )  # fmt: skip
    database_url = _database_url(tmp_path)
    mail_dir = tmp_path / "mail"
    mail_dir.mkdir()

    first = _run(database_url, mail_dir, pause=0.05)
    deadline = time.monotonic() + 120
    while len(list(mail_dir.glob("*.eml"))) < 15:
        assert first.poll() is None, first.communicate()
        assert time.monotonic() < deadline, "the first run sent nothing"
        time.sleep(0.01)
    os.kill(first.pid, signal.SIGKILL)
    first.wait()
    handed_before_kill = len(list(mail_dir.glob("*.eml")))
    assert handed_before_kill < VOTERS  # really killed half-way

    again = _run(database_url, mail_dir, pause=0)  # restarted
    out, err = again.communicate(timeout=120)
    assert again.returncode == 0, err.decode()[-3000:]

    messages = [email.message_from_bytes(p.read_bytes()) for p in mail_dir.glob("*.eml")]
    per_voter = Counter(m["To"] for m in messages)
    assert set(per_voter) == {f"v{i}@example.org" for i in range(VOTERS)}
    twice = [voter for voter, n in per_voter.items() if n > 1]
    print(f"handed before the kill: {handed_before_kill}, sent twice: {twice}")
    assert len(twice) <= 1 and max(per_voter.values()) <= 2  # the one in flight at the kill
    for voter in twice:  # the copy carries the same Message-ID: mail programs drop it
        ids = {m["Message-ID"] for m in messages if m["To"] == voter}
        assert len(ids) == 1
    assert _recorded(database_url) == VOTERS
