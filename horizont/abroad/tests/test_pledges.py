"""Pledges: one click for members, double opt-in for guests, counts public, no duplicates."""

from __future__ import annotations

import datetime as dt
import re

import pytest
import time_machine
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from horizont.abroad import services
from horizont.abroad.models import Pledge, Station

pytestmark = pytest.mark.django_db


def _link(message, name):
    match = re.search(rf"https?://[^/\s]+(/\S+/abroad/{name}/\S+/)", message.body)
    assert match, message.body
    return match.group(1)


def test_member_pledges_with_one_click_and_twice_gives_no_duplicate(client, member, stations):
    client.force_login(member)
    url = reverse("abroad:pledge", args=[stations["berlin"].slug])
    response = client.post(url, follow=True)
    assert "Thank you! We will remind you before the vote." in response.content.decode()
    response = client.post(url, follow=True)
    assert "You have already pledged to vote here." in response.content.decode()
    assert Pledge.objects.get().status == "confirmed"
    assert len(mail.outbox) == 0


def test_member_pledging_elsewhere_moves_the_pledge(client, member, stations):
    client.force_login(member)
    client.post(reverse("abroad:pledge", args=[stations["berlin"].slug]))
    client.post(reverse("abroad:pledge", args=[stations["munich"].slug]))
    assert Pledge.objects.get().station == stations["munich"]


def test_member_withdraws(client, member, stations):
    client.force_login(member)
    client.post(reverse("abroad:pledge", args=[stations["berlin"].slug]))
    client.post(reverse("abroad:pledge_withdraw", args=[stations["berlin"].slug]))
    assert not Pledge.objects.exists()


def test_guest_confirms_by_mail_in_their_language(client, stations, sent):
    station = stations["berlin"]
    with sent():
        response = client.post(
            f"/de/abroad/s/{station.slug}/pledge/", {"email": "Wahl@Example.org"}
        )
    assert response.status_code == 200
    pledge = Pledge.objects.get()
    assert pledge.status == "pending" and pledge.language == "de"
    assert pledge.guest_email == "Wahl@Example.org"
    assert "Wahl@Example.org" not in Pledge.objects.values_list("guest_email_digest", flat=True)[0]
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["Wahl@Example.org"]
    assert "Bitte bestätigen" in message.subject
    # Pending pledges are not counted.
    assert "0 pledges" in client.get(f"/en/abroad/v/{station.vote.slug}/").content.decode()
    path = _link(message, "confirm")
    assert path.startswith("/de/")
    assert client.get(path).status_code == 200
    assert Pledge.objects.get().status == "pending"  # a GET (a mail scanner) confirms nothing
    response = client.post(path)
    assert response.status_code == 302
    assert Pledge.objects.get().status == "confirmed"
    assert "1 pledge" in client.get(f"/en/abroad/v/{station.vote.slug}/").content.decode()


def test_guest_pledging_twice_gets_a_note_not_a_second_row(client, stations, sent):
    station = stations["berlin"]
    url = reverse("abroad:pledge", args=[station.slug])
    with sent():
        client.post(url, {"email": "voter@example.org"})
    client.post(_link(mail.outbox[0], "confirm"))
    with sent():
        response = client.post(url, {"email": "VOTER@example.org "})
    assert "Check your e-mail" in response.content.decode()
    assert Pledge.objects.count() == 1
    assert "already" in mail.outbox[-1].subject


def test_tampered_confirmation_link_is_refused(client, stations, sent):
    with sent():
        client.post(reverse("abroad:pledge", args=[stations["berlin"].slug]), {"email": "v@o.org"})
    path = _link(mail.outbox[0], "confirm")
    tampered = path[:-3] + ("A" if path[-3] != "A" else "B") + path[-2:]
    response = client.post(tampered)
    assert response.status_code == 400
    assert "This link does not work" in response.content.decode()
    assert Pledge.objects.get().status == "pending"


def test_expired_confirmation_link_is_refused(client, stations, sent):
    with sent():
        client.post(reverse("abroad:pledge", args=[stations["berlin"].slug]), {"email": "v@o.org"})
    path = _link(mail.outbox[0], "confirm")
    with time_machine.travel(timezone.now() + dt.timedelta(days=4)):
        assert client.post(path).status_code == 400
    assert Pledge.objects.get().status == "pending"


def test_bad_guest_address_is_explained(client, stations):
    response = client.post(
        reverse("abroad:pledge", args=[stations["berlin"].slug]), {"email": "not-an-address"}
    )
    assert response.status_code == 400
    assert "Enter a valid email address." in response.content.decode()
    assert not Pledge.objects.exists()


def test_no_pledges_after_the_vote(client, member, stations):
    client.force_login(member)
    with time_machine.travel(dt.datetime(2030, 9, 17, 12, tzinfo=dt.UTC)):
        response = client.post(
            reverse("abroad:pledge", args=[stations["berlin"].slug]), follow=True
        )
    assert "This vote is over." in response.content.decode()
    assert not Pledge.objects.exists()


def test_unsubscribe_is_one_click_and_stops_reminders(client, member, stations):
    pledge = services.pledge_member(station=stations["berlin"], user=member)
    path = reverse("abroad:unsubscribe", args=[services.unsubscribe_token(pledge)])
    assert client.get(path).status_code == 200
    pledge.refresh_from_db()
    assert pledge.reminders
    assert client.post(path).status_code == 200
    pledge.refresh_from_db()
    assert not pledge.reminders
    assert client.post(path[:-4] + "xyz/").status_code == 400


def test_member_data_export_and_erasure_cover_pledges(member, stations):
    from horizont.accounts.services import user_delete, user_export_data

    services.pledge_member(station=stations["berlin"], user=member)
    assert user_export_data(user=member)["abroad_pledges"][0]["station"].startswith("УИК №8101")
    user_delete(user=member)
    assert not Pledge.objects.exists()


def test_public_counts_follow_confirmations_moves_and_withdrawals(client, member, stations, sent):
    berlin, munich = stations["berlin"], stations["munich"]

    def counts():
        rows = Station.objects.filter(pk__in=[berlin.pk, munich.pk]).order_by("number")
        return [s.pledge_count for s in rows]

    services.pledge_member(station=berlin, user=member)
    assert counts() == [1, 0]
    services.pledge_member(station=munich, user=member)
    assert counts() == [0, 1]
    with sent():
        guest = services.pledge_guest(station=berlin, email="g@example.org", base_url="")
    assert counts() == [0, 1]
    services.pledge_confirm(pledge=guest)
    services.pledge_confirm(pledge=guest)
    assert counts() == [1, 1]
    with sent():
        services.pledge_guest(station=munich, email="g@example.org", base_url="")
    assert counts() == [0, 1]
    services.pledge_withdraw(pledge=Pledge.objects.get(user=member))
    assert counts() == [0, 0]
