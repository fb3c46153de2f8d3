"""A guest whose pledge is confirmed offers or asks for a ride without an account, through
a signed link; contacts stay hidden until the guest agrees."""

from __future__ import annotations

import datetime as dt
import re

import pytest
import time_machine
from django.core import mail
from django.urls import reverse

from horizont.abroad import services
from horizont.abroad.models import Pledge, Ride, RideContact
from horizont.testing.personas import make_user

pytestmark = pytest.mark.django_db

OFFER = {
    "day": "2030-09-15", "kind": "offer", "departure_city": "Leipzig",
    "departure_time": "07:30", "seats": "3", "note": "Room for a pram",
}  # fmt: skip


def _guest(station, status="confirmed", email="gast@example.org"):
    return Pledge.objects.create(
        vote=station.vote, station=station, guest_email=email,
        guest_email_digest=services.email_digest(email), language="de", status=status,
    )  # fmt: skip


def _link(pledge):
    return reverse("abroad:ride_new_guest", args=[services.ride_token(pledge)])


def test_confirmed_guest_offers_a_ride_without_an_account(client, stations):
    pledge = _guest(stations["berlin"])
    assert client.get(_link(pledge)).status_code == 200
    response = client.post(_link(pledge), OFFER)
    assert response.status_code == 302
    ride = Ride.objects.get()
    assert ride.pledge == pledge and ride.author is None and ride.station == stations["berlin"]
    text = client.get(stations["berlin"].get_absolute_url()).content.decode()
    assert "Leipzig" in text and "3 seats" in text
    assert "gast@example.org" not in text
    assert "<p>Your ride</p>" not in text  # an anonymous visitor is not the guest


def test_unconfirmed_erased_or_tampered_links_are_refused(client, stations):
    pending = _guest(stations["berlin"], status="pending")
    assert client.post(_link(pending), OFFER).status_code == 400
    confirmed = _guest(stations["munich"], email="other@example.org")
    token = services.ride_token(confirmed)
    tampered = reverse("abroad:ride_new_guest", args=[token[:-3] + "abc"])
    assert client.post(tampered, OFFER).status_code == 400
    # The unsubscribe link of the same pledge is no ride link (another salt).
    other_salt = reverse("abroad:ride_new_guest", args=[services.unsubscribe_token(confirmed)])
    assert client.post(other_salt, OFFER).status_code == 400
    Pledge.objects.filter(pk=confirmed.pk).update(erased_at=dt.datetime(2030, 10, 1, tzinfo=dt.UTC))
    assert client.post(_link(confirmed), OFFER).status_code == 400
    assert not Ride.objects.exists()


def test_guest_ride_form_refuses_bad_input(client, stations):
    pledge = _guest(stations["berlin"])
    response = client.post(
        _link(pledge), {**OFFER, "day": "2031-01-01", "seats": "40", "departure_time": "7"}
    )
    assert response.status_code == 400
    assert not Ride.objects.exists()


def test_a_guest_lists_a_limited_number_of_rides(client, stations):
    pledge = _guest(stations["berlin"])
    for _ in range(services.GUEST_RIDES_MAX + 2):
        client.post(_link(pledge), OFFER)
    assert Ride.objects.count() == services.GUEST_RIDES_MAX


def test_no_rides_after_the_vote(client, stations):
    pledge = _guest(stations["berlin"])
    with time_machine.travel(dt.datetime(2030, 9, 17, 12, tzinfo=dt.UTC)):
        client.post(_link(pledge), OFFER)
    assert not Ride.objects.exists()


def test_confirming_in_this_browser_links_the_station_page_to_the_guests_rides(
    client, stations, sent
):
    station = stations["berlin"]
    with sent():
        client.post(reverse("abroad:pledge", args=[station.slug]), {"email": "g@example.org"})
    (path,) = re.findall(r"https?://[^/\s]+(/\S+/abroad/confirm/\S+/)", mail.outbox[0].body)
    client.post(path)
    text = client.get(station.get_absolute_url()).content.decode()
    (token,) = re.findall(r'href="/en/abroad/rides/guest/([^/"]+)/"', text)
    assert services.pledge_for_rides(token) == Pledge.objects.get()
    # Another station's page does not offer this guest's link.
    other = client.get(stations["munich"].get_absolute_url()).content.decode()
    assert "/abroad/rides/guest/" not in other


def test_member_writes_to_a_guests_ride_and_the_guest_agrees_by_link(client, stations, sent):
    pledge = _guest(stations["berlin"])
    ride = services.ride_create(
        ride=Ride(day=dt.date(2030, 9, 15), kind="offer", departure_city="Leipzig",
                  departure_time=dt.time(7, 30), seats=2),
        pledge=pledge,
    )  # fmt: skip
    rider = make_user("rider@example.org")
    client.force_login(rider)
    with sent():
        client.post(reverse("abroad:ride_contact", args=[ride.pk]), {"message": "Zwei Plätze?"})
    (relayed,) = mail.outbox
    assert relayed.to == ["gast@example.org"] and "Zwei Plätze?" in relayed.body
    assert "rider@example.org" not in relayed.body
    (accept,) = re.findall(r"https?://[^/\s]+(/\S+/abroad/rides/accept/\S+/)", relayed.body)
    assert accept.startswith("/de/")  # in the guest's language
    client.logout()
    assert client.get(accept).status_code == 200
    assert RideContact.objects.get().accepted_at is None
    client.post(accept)
    assert RideContact.objects.get().accepted_at is not None
    exchanged = {m.to[0]: m.body for m in mail.outbox[1:]}
    assert "gast@example.org" in exchanged["rider@example.org"]
    assert "rider@example.org" in exchanged["gast@example.org"]


def test_a_forged_accept_link_is_refused(client, stations):
    response = client.post(reverse("abroad:ride_accept_guest", args=["forged"]))
    assert response.status_code == 400


def test_guest_cannot_ask_for_a_seat_in_their_own_ride(client, stations):
    pledge = _guest(stations["berlin"])
    ride = services.ride_create(
        ride=Ride(day=dt.date(2030, 9, 15), kind="offer", departure_city="Leipzig",
                  departure_time=dt.time(7, 30)),
        pledge=pledge,
    )  # fmt: skip
    same_person = make_user("Gast@Example.org")
    client.force_login(same_person)
    client.post(reverse("abroad:ride_contact", args=[ride.pk]), {"message": "hello"})
    assert not RideContact.objects.exists()
    assert mail.outbox == []


def test_guest_rides_go_with_the_guests_data_after_the_vote(stations, settings):
    pledge = _guest(stations["berlin"])
    services.ride_create(
        ride=Ride(day=dt.date(2030, 9, 15), kind="request", departure_city="Leipzig",
                  departure_time=dt.time(7, 30)),
        pledge=pledge,
    )  # fmt: skip
    after = dt.datetime(2030, 9, 15, tzinfo=dt.UTC) + dt.timedelta(days=31, hours=12)
    with time_machine.travel(after):
        assert services.guests_erase() == 1
    assert not Ride.objects.exists()
    assert Pledge.objects.get().erased_at is not None


def test_the_reminder_carries_the_guests_own_ride_link(client, stations):
    first = _guest(stations["berlin"])
    second = _guest(stations["berlin"], email="zweite@example.org")
    eve = dt.datetime(2030, 9, 14, 17, tzinfo=dt.UTC)
    assert services.reminders_send(now=eve) == 2
    links = {}
    for message in mail.outbox:
        (path,) = re.findall(r"https?://[^/\s]+(/\S+/abroad/rides/guest/\S+/)", message.body)
        links[message.to[0]] = path
    for address, pledge in (("gast@example.org", first), ("zweite@example.org", second)):
        assert links[address].startswith("/de/abroad/rides/guest/")
        token = links[address].rstrip("/").rsplit("/", 1)[1]
        assert services.pledge_for_rides(token) == pledge
    assert client.post(links["gast@example.org"], OFFER).status_code == 302
    assert Ride.objects.get().pledge == first
