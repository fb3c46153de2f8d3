"""RSVP: one click when signed in, e-mail confirmation for guests, a waiting list."""

import datetime as dt
import re

import pytest
import time_machine
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from horizont.events import services
from horizont.events.models import Registration
from horizont.testing.personas import make_user

pytestmark = pytest.mark.django_db


def _link(message, name):
    match = re.search(rf"https?://[^/\s]+(/\S+/events/{name}/\S+/)", message.body)
    assert match, message.body
    return match.group(1)


def _register_guest(client, event, name="Anna", email="anna@example.org"):
    return client.post(reverse("events:register", args=[event.pk]), {"name": name, "email": email})


def test_signed_in_user_registers_with_one_click(
    client, event, member, django_capture_on_commit_callbacks
):
    client.force_login(member)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("events:register", args=[event.pk]))
    assert response.status_code == 302
    registration = Registration.objects.get()
    assert registration.user == member and registration.holds_place
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["member@example.org"]
    assert "meet.example.org/secret-room" in mail.outbox[0].body  # confirmed: gets the link
    assert "/events/leave/" in mail.outbox[0].body


def test_guest_rsvp_holds_no_place_until_confirmed(
    client, event, member, django_capture_on_commit_callbacks
):
    event.capacity = 1
    event.save()
    with django_capture_on_commit_callbacks(execute=True):
        response = _register_guest(client, event)
    assert response.status_code == 200
    assert "Check your e-mail" in response.content.decode()
    guest = Registration.objects.get()
    assert guest.status == Registration.Status.PENDING
    assert not guest.holds_place
    assert "meet.example.org/secret-room" not in mail.outbox[0].body

    # The unconfirmed guest does not take the only place: a member still gets it.
    client.force_login(member)
    client.post(reverse("events:register", args=[event.pk]))
    assert Registration.objects.get(user=member).status == Registration.Status.CONFIRMED

    client.logout()
    confirm = _link(mail.outbox[0], "confirm")
    assert client.get(confirm).status_code == 200  # a mail scanner's GET changes nothing
    guest.refresh_from_db()
    assert guest.status == Registration.Status.PENDING
    with django_capture_on_commit_callbacks(execute=True):
        client.post(confirm)
    guest.refresh_from_db()
    assert guest.status == Registration.Status.WAITING
    assert "waiting list" in mail.outbox[-1].body


def test_guest_confirms_and_gets_a_place_and_the_online_link(
    client, event, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        _register_guest(client, event)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(_link(mail.outbox[0], "confirm"))
    assert response.status_code == 302
    registration = Registration.objects.get()
    assert registration.status == Registration.Status.CONFIRMED
    assert "meet.example.org/secret-room" in mail.outbox[-1].body
    # Stored encrypted, found again through the keyed digest.
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT guest_email FROM events_registration")
        assert "anna@example.org" not in cursor.fetchone()[0]


def test_waiting_list_moves_up_and_the_promoted_person_is_told(
    client, event, django_capture_on_commit_callbacks
):
    event.capacity = 1
    event.save()
    first = make_user("first@example.org")
    second = make_user("second@example.org")
    third = make_user("third@example.org")
    for user in (first, second, third):
        client.force_login(user)
        client.post(reverse("events:register", args=[event.pk]))
    statuses = dict(Registration.objects.values_list("user__email", "status"))
    assert statuses == {
        "first@example.org": "confirmed",
        "second@example.org": "waiting",
        "third@example.org": "waiting",
    }
    client.force_login(first)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("events:unregister", args=[event.pk]))
    statuses = dict(Registration.objects.values_list("user__email", "status"))
    assert statuses["first@example.org"] == "cancelled"
    assert statuses["second@example.org"] == "confirmed"
    assert statuses["third@example.org"] == "waiting"
    assert [m.to for m in mail.outbox] == [["second@example.org"]]
    assert "a place became free" in mail.outbox[0].body


def test_guest_cancels_through_the_mailed_link_and_frees_the_place(
    client, event, member, django_capture_on_commit_callbacks
):
    event.capacity = 1
    event.save()
    with django_capture_on_commit_callbacks(execute=True):
        _register_guest(client, event)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(_link(mail.outbox[0], "confirm"))
    client.force_login(member)
    client.post(reverse("events:register", args=[event.pk]))
    assert Registration.objects.get(user=member).status == "waiting"
    client.logout()

    leave = _link(mail.outbox[-1], "leave")
    assert client.get(leave).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        client.post(leave)
    guest = Registration.objects.get(user=None)
    assert guest.status == Registration.Status.CANCELLED
    assert guest.guest_email == "" and guest.guest_name == ""  # nothing left behind
    assert Registration.objects.get(user=member).status == "confirmed"
    assert mail.outbox[-1].to == ["member@example.org"]


def test_raising_capacity_moves_the_waiting_list_up(event, organizer):
    event.capacity = 1
    event.save()
    people = [make_user(f"p{i}@example.org") for i in range(3)]
    for person in people:
        services.registration_register_user(event=event, user=person, base_url="http://x")
    event.capacity = 3
    promoted = services.event_update(event=event, actor=organizer, base_url="http://x")
    assert len(promoted) == 2
    assert Registration.objects.filter(status="confirmed").count() == 3


def test_two_last_seats_cannot_both_be_taken(event):
    event.capacity = 2
    event.save()
    results = [
        services.registration_register_user(
            event=event, user=make_user(f"u{i}@example.org"), base_url="http://x"
        ).status
        for i in range(4)
    ]
    assert results == ["confirmed", "confirmed", "waiting", "waiting"]


def test_registering_twice_changes_nothing(client, event, member):
    client.force_login(member)
    client.post(reverse("events:register", args=[event.pk]))
    client.post(reverse("events:register", args=[event.pk]))
    assert Registration.objects.count() == 1


def test_guest_registering_again_gets_a_mail_not_a_second_place(
    client, event, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        _register_guest(client, event)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(_link(mail.outbox[0], "confirm"))
    with django_capture_on_commit_callbacks(execute=True):
        _register_guest(client, event, email="ANNA@example.org ")
    assert Registration.objects.count() == 1
    assert "already registered" in mail.outbox[-1].body


def test_bad_guest_input_is_refused(client, event):
    response = _register_guest(client, event, name="", email="not-an-address")
    assert response.status_code == 400
    assert not Registration.objects.exists()
    assert not mail.outbox


@pytest.mark.parametrize("name", ["confirm", "leave"])
def test_forged_link_is_refused(client, name):
    response = client.get(f"/en/events/{name}/forged-token/")
    assert response.status_code == 400
    assert "does not work" in response.content.decode()


def test_confirmation_link_expires(client, event, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        _register_guest(client, event)
    link = _link(mail.outbox[0], "confirm")
    with time_machine.travel(timezone.now() + dt.timedelta(days=4)):
        assert client.post(link).status_code == 400
    assert Registration.objects.get().status == "pending"


def test_expired_guest_registrations_are_purged(event):
    registration = Registration.objects.create(
        event=event, guest_name="X", guest_email="x@example.org", status="pending"
    )
    Registration.objects.filter(pk=registration.pk).update(
        created_at=timezone.now() - dt.timedelta(days=5)
    )
    assert services.registrations_purge_unconfirmed() == 1


def test_nobody_registers_for_a_cancelled_or_past_event(client, event, member, initiative):
    event.status = "cancelled"
    event.save()
    client.force_login(member)
    response = client.post(reverse("events:register", args=[event.pk]), follow=True)
    assert "Registration is closed" in response.content.decode()
    assert not Registration.objects.exists()


def test_rsvp_posts_are_rate_limited(client, event, settings):
    settings.HORIZONT_RATE_LIMITS = {"post": (2, 600), "signature": (10, 3600)}
    codes = [
        _register_guest(client, event, email=f"g{i}@example.org").status_code for i in range(3)
    ]
    assert codes == [200, 200, 429]


def test_account_deletion_frees_the_place(event, member, django_capture_on_commit_callbacks):
    # The hooks that accounts.services.user_export_data and user_delete call.
    from horizont.events.services import _erase_registrations, _export_registrations

    event.capacity = 1
    event.save()
    services.registration_register_user(event=event, user=member, base_url="http://x")
    waiting = make_user("waiting@example.org")
    services.registration_register_user(event=event, user=waiting, base_url="http://x")
    assert _export_registrations(member)["event_registrations"][0]["status"] == "confirmed"
    with django_capture_on_commit_callbacks(execute=True):
        _erase_registrations(member)
    assert Registration.objects.get(user=waiting).status == "confirmed"
    assert mail.outbox[-1].to == ["waiting@example.org"]


def test_guest_who_confirmed_sees_registered_with_a_cancel_link(
    client, event, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        _register_guest(client, event)
    page = client.get(event.get_absolute_url()).content.decode()
    assert "You are registered." not in page  # not yet confirmed
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(_link(mail.outbox[0], "confirm"), follow=True)
    page = response.content.decode()
    assert response.redirect_chain[-1][0] == event.get_absolute_url()
    assert "Your place is confirmed" in page
    assert "You are registered." in page
    # The page's link and the mail's carry the same signed registration; their
    # timestamps may differ by a second, so the signed value is compared alone.
    mailed = _link(mail.outbox[-1], "leave")
    shown = re.search(r'href="(/[a-z]+/events/leave/[^"]+/)"', page)
    assert shown, "the page offers no cancel link"
    assert shown.group(1).split(":")[0] == mailed.split(":")[0]
    # Another browser (no session) sees the ordinary guest form.
    client.cookies.clear()
    assert "You are registered." not in client.get(event.get_absolute_url()).content.decode()


def test_guest_page_forgets_a_cancelled_registration(
    client, event, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        _register_guest(client, event)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(_link(mail.outbox[0], "confirm"))
    client.post(_link(mail.outbox[-1], "leave"))
    assert "You are registered." not in client.get(event.get_absolute_url()).content.decode()


def test_confirmation_mail_carries_the_ics(client, event, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        _register_guest(client, event)
    assert not mail.outbox[0].attachments  # the confirm-your-address mail holds no place
    with django_capture_on_commit_callbacks(execute=True):
        client.post(_link(mail.outbox[0], "confirm"))
    (name, content, mimetype) = mail.outbox[-1].attachments[0]
    assert name == f"event-{event.pk}.ics" and mimetype == "text/calendar"
    text = content.decode() if isinstance(content, bytes) else content
    assert "BEGIN:VEVENT" in text and "SUMMARY:Film night" in text
    assert f"/events/{event.pk}/" in text.replace("\r\n ", "")
    assert "secret-room" not in text  # the online link stays out of calendar files


def test_waiting_list_mail_has_no_ics(client, event, member, django_capture_on_commit_callbacks):
    event.capacity = 1
    event.save()
    Registration.objects.create(event=event, user=member, status="confirmed")
    client.force_login(make_user("late@example.org"))
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("events:register", args=[event.pk]))
    assert "waiting list" in mail.outbox[-1].body
    assert not mail.outbox[-1].attachments
