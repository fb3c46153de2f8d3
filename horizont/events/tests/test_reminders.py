"""Day-before reminders: sent once, only to people who hold a place."""

import datetime as dt

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from horizont import tasks
from horizont.events import services
from horizont.events.models import Registration
from horizont.events.tests.conftest import make_event
from horizont.testing.personas import make_user

pytestmark = pytest.mark.django_db
NOW = dt.datetime(2026, 10, 24, 8, 0, tzinfo=dt.UTC)


@pytest.fixture
def soon(initiative):
    return make_event(initiative, title="Tomorrow's meeting", start=NOW + dt.timedelta(hours=20))


def _register(event, email, status="confirmed"):
    return Registration.objects.create(event=event, user=make_user(email), status=status)


@time_machine.travel(NOW, tick=False)
def test_reminder_is_sent_once(soon, initiative):
    _register(soon, "a@example.org")
    _register(soon, "w@example.org", status="waiting")
    later = make_event(initiative, title="Next month", start=NOW + dt.timedelta(days=30))
    _register(later, "b@example.org")

    assert services.reminders_send() == 1
    assert [m.to for m in mail.outbox] == [["a@example.org"]]
    assert "Tomorrow's meeting" in mail.outbox[0].body
    assert "Europe/Berlin" in mail.outbox[0].body
    assert services.reminders_send() == 0
    call_command("send_event_reminders")
    assert len(mail.outbox) == 1


@time_machine.travel(NOW, tick=False)
def test_no_reminder_for_a_cancelled_event(soon):
    _register(soon, "a@example.org")
    soon.status = "cancelled"
    soon.save()
    assert services.reminders_send() == 0


@time_machine.travel(NOW, tick=False)
def test_reminder_in_the_participants_language(soon):
    registration = _register(soon, "a@example.org")
    registration.language = "de"
    registration.save()
    services.reminders_send()
    assert "Hallo" in mail.outbox[0].body


@time_machine.travel(NOW, tick=False)
def test_background_task_sends_reminders(soon):
    _register(soon, "a@example.org")
    job = tasks.enqueue(services.send_event_reminders, label="reminders")
    assert job.status == "done"
    assert job.result == {"sent": 1, "purged": 0}
    assert len(mail.outbox) == 1


@time_machine.travel(NOW, tick=False)
def test_moving_the_event_earns_a_new_reminder(soon, organizer):
    _register(soon, "a@example.org")
    services.reminders_send()
    soon.start = timezone.now() + dt.timedelta(hours=10)
    soon.end = soon.start + dt.timedelta(hours=2)
    services.event_update(event=soon, actor=organizer, base_url="http://x")
    assert services.reminders_send() == 1
