"""Rides: members offer and ask; contact goes through a relay until both agree."""

from __future__ import annotations

import pytest
from django.core import mail
from django.urls import reverse

from horizont.abroad.models import Ride, RideContact
from horizont.audit.models import AuditEntry
from horizont.testing.personas import make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def ride(stations, member):
    return Ride.objects.create(
        station=stations["berlin"], day=stations["berlin"].vote.first_day, kind="offer",
        departure_city="Leipzig", departure_time="07:30", seats=3, author=member,
    )  # fmt: skip


def test_member_offers_a_ride(client, member, stations):
    client.force_login(member)
    station = stations["berlin"]
    response = client.post(
        reverse("abroad:ride_new", args=[station.slug]),
        {"day": "2030-09-15", "kind": "offer", "departure_city": "Leipzig",
         "departure_time": "07:30", "seats": "3", "note": "Room for a pram"},
    )  # fmt: skip
    assert response.status_code == 302
    ride = Ride.objects.get()
    assert ride.author == member and ride.station == station
    text = client.get(station.get_absolute_url()).content.decode()
    assert "Leipzig" in text and "3 seats" in text and "member@example.org" not in text


def test_ride_form_refuses_bad_input(client, member, stations):
    client.force_login(member)
    response = client.post(
        reverse("abroad:ride_new", args=[stations["berlin"].slug]),
        {"day": "2031-01-01", "kind": "offer", "departure_city": "", "departure_time": "7",
         "seats": "40"},
    )  # fmt: skip
    assert response.status_code == 200
    assert not Ride.objects.exists()


def test_anonymous_visitor_must_sign_in_to_offer(client, stations):
    response = client.get(reverse("abroad:ride_new", args=[stations["berlin"].slug]))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_contact_is_relayed_and_addresses_shared_only_after_agreement(
    client, ride, outsider, member, sent
):
    client.force_login(outsider)
    with sent():
        client.post(reverse("abroad:ride_contact", args=[ride.pk]), {"message": "Two seats?"})
    assert len(mail.outbox) == 1
    relayed = mail.outbox[0]
    assert relayed.to == ["member@example.org"]
    assert "Two seats?" in relayed.body and "outsider@example.org" not in relayed.body
    contact = RideContact.objects.get()
    # Only the author can agree.
    assert client.post(reverse("abroad:ride_accept", args=[contact.pk])).status_code == 403
    client.force_login(member)
    client.post(reverse("abroad:ride_accept", args=[contact.pk]))
    bodies = {m.to[0]: m.body for m in mail.outbox[1:]}
    assert "member@example.org" in bodies["outsider@example.org"]
    assert "outsider@example.org" in bodies["member@example.org"]


def test_asking_for_a_seat_in_ones_own_ride_is_refused(client, ride, member):
    client.force_login(member)
    response = client.post(
        reverse("abroad:ride_contact", args=[ride.pk]), {"message": "me?"}, follow=True
    )
    assert "This is your own ride." in response.content.decode()
    assert not RideContact.objects.exists() and mail.outbox == []


def test_writing_twice_makes_no_second_contact(client, ride, outsider, sent):
    client.force_login(outsider)
    for _ in range(2):
        with sent():
            client.post(reverse("abroad:ride_contact", args=[ride.pk]), {"message": "Hi"})
    assert RideContact.objects.count() == 1 and len(mail.outbox) == 1


def test_coordinator_hides_an_abusive_ride_and_it_is_audited(client, ride, coordinator):
    client.force_login(coordinator)
    client.post(reverse("abroad:ride_hide", args=[ride.pk]))
    ride.refresh_from_db()
    assert ride.hidden
    assert AuditEntry.objects.filter(action="abroad.ride_hide").exists()
    assert "Leipzig" not in client.get(ride.station.get_absolute_url()).content.decode()


def test_others_cannot_hide_rides(client, ride, outsider):
    for user in (outsider, make_user("c@example.org", roles=("coordinator",))):
        client.force_login(user)
        assert client.post(reverse("abroad:ride_hide", args=[ride.pk])).status_code == 403
    ride.refresh_from_db()
    assert not ride.hidden
