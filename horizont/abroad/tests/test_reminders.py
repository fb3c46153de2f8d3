"""Reminders go out once per voter and slot, even when the job runs twice or stops half-way;
guests' addresses are erased a configurable number of days after the vote."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter

import pytest
import time_machine
from django.core import mail
from django.core.mail.backends.locmem import EmailBackend

from horizont import tasks
from horizont.abroad import services
from horizont.abroad.models import Pledge, ReminderSent
from horizont.abroad.tests.conftest import make_station
from horizont.jobs.models import Job

pytestmark = pytest.mark.django_db

BERLIN = dt.timezone(dt.timedelta(hours=2))  # summer time on 14/15 Sep 2030
EVE = dt.datetime(2030, 9, 14, 19, 0, tzinfo=BERLIN)
MORNING = dt.datetime(2030, 9, 15, 7, 30, tzinfo=BERLIN)


def _guests(station, n, language="en", **fields):
    return Pledge.objects.bulk_create(
        [
            Pledge(
                vote=station.vote, station=station, guest_email=f"g{i}@{station.number}.org",
                guest_email_digest=f"{station.number}-{i}", language=language,
                status="confirmed", **fields,
            )
            for i in range(n)
        ]
    )  # fmt: skip


def test_nothing_is_due_before_the_evening_before(stations):
    _guests(stations["berlin"], 2)
    assert services.reminders_send(now=EVE - dt.timedelta(hours=2)) == 0
    assert mail.outbox == []


def test_evening_and_morning_reminders_go_out_once_each(stations, member):
    _guests(stations["berlin"], 3)
    services.pledge_member(station=stations["warsaw"], user=member)
    assert services.reminders_send(now=EVE) == 4
    assert services.reminders_send(now=EVE + dt.timedelta(hours=1)) == 0
    assert services.reminders_send(now=MORNING) == 4
    assert services.reminders_send(now=MORNING + dt.timedelta(hours=2)) == 0
    assert Counter(m.to[0] for m in mail.outbox) == {
        **{f"g{i}@8101.org": 2 for i in range(3)},
        "member@example.org": 2,
    }
    # After closing time nothing more is due.
    assert services.reminders_send(now=dt.datetime(2030, 9, 15, 21, tzinfo=BERLIN)) == 0


def test_reminder_is_in_the_voters_language_with_local_hours_and_unsubscribe(stations):
    _guests(stations["warsaw"], 1, language="pl")
    services.reminders_send(now=EVE)
    message = mail.outbox[0]
    assert "Przypomnienie" in message.subject
    assert "08:00–20:00 (Europe/Warsaw)" in message.body
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert "/pl/abroad/unsubscribe/" in message.extra_headers["List-Unsubscribe"]


def test_unsubscribed_unconfirmed_and_erased_pledges_get_nothing(stations):
    station = stations["berlin"]
    _guests(station, 1, reminders=False)
    Pledge.objects.create(
        vote=station.vote, station=station, guest_email="p@x.org", guest_email_digest="p",
        status="pending",
    )  # fmt: skip
    assert services.reminders_send(now=EVE) == 0


class _FailingBackend(EmailBackend):
    """Hands over ``limit`` messages, then fails like a mail server that went away."""

    limit = 0

    def send_messages(self, messages):
        if len(mail.outbox) >= _FailingBackend.limit:
            raise ConnectionError("mail server went away")
        return super().send_messages(messages)


def test_a_job_stopped_half_way_and_restarted_reminds_everyone_exactly_once(
    stations, settings, monkeypatch
):
    monkeypatch.setattr(services, "REMINDER_BATCH", 4)
    _guests(stations["berlin"], 7)
    _guests(stations["munich"], 6)
    settings.EMAIL_BACKEND = f"{__name__}._FailingBackend"
    _FailingBackend.limit = 6  # fails in the middle of the second batch
    with pytest.raises(ConnectionError):
        services.reminders_send(now=EVE)
    assert len(mail.outbox) == 6
    assert ReminderSent.objects.count() == 6
    _FailingBackend.limit = 10_000
    assert services.reminders_send(now=EVE) == 7
    services.reminders_send(now=EVE)
    counts = Counter(m.to[0] for m in mail.outbox)
    assert len(counts) == 13 and set(counts.values()) == {1}


def test_the_task_run_twice_through_the_task_system_reminds_once(stations, settings):
    settings.TASKS_BACKEND = "immediate"
    _guests(stations["berlin"], 5)
    with time_machine.travel(EVE, tick=False):
        first = tasks.enqueue(services.send_abroad_reminders, label="reminders")
        second = tasks.enqueue(services.send_abroad_reminders, label="reminders")
    assert first.status == Job.Status.DONE and first.result["sent"] == 5
    assert second.result["sent"] == 0
    assert len(mail.outbox) == 5


def test_guest_addresses_are_erased_after_the_configured_days_but_counts_stay(
    stations, member, settings
):
    station = stations["berlin"]
    _guests(station, 2)
    services.pledge_member(station=station, user=member)
    last_day = station.vote.last_day
    with time_machine.travel(
        dt.datetime.combine(last_day + dt.timedelta(days=30), dt.time(12), dt.UTC)
    ):
        assert services.guests_erase() == 0
    with time_machine.travel(
        dt.datetime.combine(last_day + dt.timedelta(days=31), dt.time(12), dt.UTC)
    ):
        assert services.guests_erase() == 2
    guests = Pledge.objects.filter(user__isnull=True)
    assert [(p.guest_email, p.guest_email_digest) for p in guests] == [("", ""), ("", "")]
    assert all(p.erased_at is not None for p in guests)
    assert Pledge.objects.filter(station=station, status="confirmed").count() == 3
    assert Pledge.objects.get(user=member).erased_at is None


def test_retention_is_configurable(stations, settings):
    settings.ABROAD_GUEST_RETENTION_DAYS = 3
    _guests(stations["berlin"], 1)
    day = stations["berlin"].vote.last_day
    with time_machine.travel(dt.datetime.combine(day + dt.timedelta(days=4), dt.time(12), dt.UTC)):
        assert services.guests_erase() == 1


def test_unconfirmed_guest_pledges_are_dropped_after_three_days(stations):
    station = stations["berlin"]
    with time_machine.travel(dt.datetime(2030, 9, 1, tzinfo=dt.UTC)):
        Pledge.objects.create(
            vote=station.vote, station=station, guest_email="p@x.org", guest_email_digest="p"
        )
    with time_machine.travel(dt.datetime(2030, 9, 3, tzinfo=dt.UTC)):
        services.guests_erase()
        assert Pledge.objects.count() == 1
    with time_machine.travel(dt.datetime(2030, 9, 5, tzinfo=dt.UTC)):
        services.guests_erase()
        assert Pledge.objects.count() == 0


def test_reminders_follow_the_local_time_of_each_station(vote):
    tokyo = make_station(vote, 8301, "Tokyo", "JP", "Asia/Tokyo")
    _guests(tokyo, 1)
    # 18:00 in Berlin on the eve is already 01:00 of the voting day in Tokyo: too late
    # for the evening reminder there, too early for the morning one.
    assert services.reminders_send(now=EVE) == 0
    assert (
        services.reminders_send(
            now=dt.datetime(2030, 9, 15, 7, 5, tzinfo=dt.timezone(dt.timedelta(hours=9)))
        )
        == 1
    )


def test_each_reminder_carries_the_voters_own_unsubscribe_link(client, stations):
    first, second = _guests(stations["berlin"], 2)
    services.reminders_send(now=EVE)
    links = {}
    for message in mail.outbox:
        (path,) = re.findall(r"https?://[^/\s]+(/\S+/abroad/unsubscribe/\S+/)", message.body)
        assert message.extra_headers["List-Unsubscribe"].endswith(path + ">")
        links[message.to[0]] = path
    assert len(set(links.values())) == 2
    client.post(links[first.guest_email])
    first.refresh_from_db()
    second.refresh_from_db()
    assert not first.reminders and second.reminders


def test_members_are_reminded_in_their_profile_language(stations, member):
    member.language = "de"
    member.save()
    services.pledge_member(station=stations["berlin"], user=member)
    services.reminders_send(now=EVE)
    assert "Erinnerung" in mail.outbox[0].subject


def test_a_reminder_sent_again_carries_the_same_message_id(stations):
    """After a kill between hand-over and record the message goes out again; receivers
    recognise the copy by its Message-ID."""
    _guests(stations["berlin"], 2)
    services.reminders_send(now=EVE)
    first = {m.to[0]: m.message()["Message-ID"] for m in mail.outbox}
    ReminderSent.objects.all().delete()  # as if the records had been lost
    mail.outbox.clear()
    services.reminders_send(now=EVE)
    again = {m.to[0]: m.message()["Message-ID"] for m in mail.outbox}
    assert first == again and len(set(first.values())) == 2
    assert all(value.startswith("<abroad-reminder.eve-2030-09-15.") for value in first.values())
