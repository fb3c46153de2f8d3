"""Only an initiative's organizers create, change and cancel its events or see who comes."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from horizont.audit.models import AuditEntry
from horizont.events.models import Event, Registration
from horizont.events.tests.conftest import make_event, make_initiative, make_organizer
from horizont.testing.personas import enable_mfa

pytestmark = pytest.mark.django_db


def _form_data(initiative, **overrides):
    day = (timezone.now() + dt.timedelta(days=20)).date()
    data = {
        "initiative": initiative.pk,
        "title": "Reading evening",
        "kind": "cultural",
        "description": "Poems and tea.",
        "timezone": "Europe/Berlin",
        "start_local": f"{day}T19:00",
        "end_local": f"{day}T21:00",
        "address": "Example street 1",
        "city": "Berlin",
        "country": "de",
        "capacity": "30",
    }
    data.update(overrides)
    return data


def test_organizer_creates_event(client, organizer, initiative):
    client.force_login(organizer)
    response = client.post(reverse("events:create"), _form_data(initiative))
    event = Event.objects.get()
    assert response.status_code == 302
    assert response["Location"] == event.get_absolute_url()
    assert event.created_by == organizer
    assert event.country == "DE"
    assert event.local_start.hour == 19
    assert AuditEntry.objects.filter(action="events.create", target_id=str(event.pk)).exists()


def test_organizer_of_other_initiative_cannot_create_for_it(
    client, organizer, initiative, other_organizer
):
    client.force_login(other_organizer)
    response = client.post(reverse("events:create"), _form_data(initiative))
    assert response.status_code == 200  # the initiative is not among the choices
    assert "initiative" in response.context["form"].errors
    assert not Event.objects.exists()


def test_user_without_initiative_cannot_open_the_create_form(client, outsider):
    client.force_login(outsider)
    assert client.get(reverse("events:create")).status_code == 403


def test_guest_is_sent_to_log_in(client, event):
    response = client.get(reverse("events:edit", args=[event.pk]))
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_organizer_of_other_initiative_cannot_edit_or_cancel(client, event, other_organizer):
    client.force_login(other_organizer)
    assert client.get(reverse("events:edit", args=[event.pk])).status_code == 403
    response = client.post(
        reverse("events:edit", args=[event.pk]), _form_data(event.initiative, title="Hacked")
    )
    assert response.status_code == 403
    assert client.post(reverse("events:cancel", args=[event.pk])).status_code == 403
    event.refresh_from_db()
    assert event.title == "Film night"
    assert event.status == Event.Status.SCHEDULED


def test_organizer_edits_and_cancels(client, event, organizer):
    client.force_login(organizer)
    data = _form_data(event.initiative, title="Film night, second part")
    response = client.post(reverse("events:edit", args=[event.pk]), data)
    assert response.status_code == 302
    event.refresh_from_db()
    assert event.title == "Film night, second part"
    assert event.initiative.slug == "free-voices"
    assert event.sequence == 1
    response = client.post(reverse("events:cancel", args=[event.pk]))
    assert response.status_code == 302
    event.refresh_from_db()
    assert event.is_cancelled
    assert event.sequence == 2
    assert AuditEntry.objects.filter(action="events.cancel").count() == 1


def test_participant_list_is_private_to_organizers(client, event, organizer, other_organizer):
    url = reverse("events:participants", args=[event.pk])
    Registration.objects.create(
        event=event, guest_name="Guest Anna", guest_email="anna@example.org", status="confirmed"
    )
    client.force_login(organizer)
    response = client.get(url)
    assert response.status_code == 403  # two-factor first: it is others' data
    page = response.content.decode()
    assert "Guest Anna" not in page
    assert reverse("mfa_activate_totp") in page  # the page says why and links to the setup
    enable_mfa(organizer)
    response = client.get(url)
    assert response.status_code == 403  # enrolled in this session: not enough
    assert "this session was opened without it" in response.content.decode()
    client.force_login(organizer)  # a new sign-in, now with two-factor
    response = client.get(url)
    assert response.status_code == 200
    assert "Guest Anna" in response.content.decode()
    client.force_login(other_organizer)
    assert client.get(url).status_code == 403


def test_registered_participant_does_not_see_the_list(client, event, member):
    Registration.objects.create(event=event, user=member, status="confirmed")
    client.force_login(member)
    response = client.get(reverse("events:participants", args=[event.pk]))
    assert response.status_code == 403
    assert reverse("mfa_activate_totp") not in response.content.decode()  # not an organizer


def test_creating_an_event_shows_a_message_and_the_event_page(client, initiative, organizer):
    client.force_login(organizer)
    response = client.post(
        reverse("events:create"),
        {**_form_data(initiative), "title": "Reading circle"},
        follow=True,
    )
    page = response.content.decode()
    assert response.redirect_chain, page
    assert response.redirect_chain[-1][0].endswith(f"/events/{Event.objects.get().pk}/")
    assert "The event was created." in page
    assert "<h1" in page and "Reading circle" in page


def test_online_link_only_for_confirmed_participants(client, event, member, outsider):
    url = event.get_absolute_url()
    secret = "meet.example.org/secret-room"
    assert secret not in client.get(url).content.decode()
    client.force_login(outsider)
    assert secret not in client.get(url).content.decode()
    Registration.objects.create(event=event, user=member, status="waiting")
    client.force_login(member)
    assert secret not in client.get(url).content.decode()
    Registration.objects.filter(user=member).update(status="confirmed")
    assert secret in client.get(url).content.decode()


def test_events_of_unapproved_initiative_are_hidden(client, db):
    pending = make_initiative("not-yet", approved=False)
    event = make_event(pending, title="Secret planning")
    boss = make_organizer("boss@example.org", pending)
    assert client.get(event.get_absolute_url()).status_code == 404
    assert "Secret planning" not in client.get(reverse("events:list")).content.decode()
    assert client.get(reverse("events:ics", args=[event.pk])).status_code == 404
    client.force_login(boss)
    assert client.get(event.get_absolute_url()).status_code == 200


def test_organizer_sees_edit_links_others_do_not(client, event, organizer, outsider):
    edit = reverse("events:edit", args=[event.pk])
    client.force_login(outsider)
    assert edit not in client.get(event.get_absolute_url()).content.decode()
    client.force_login(organizer)
    assert edit in client.get(event.get_absolute_url()).content.decode()


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"end_local": "2020-01-01T10:00"}, "end_local"),
        ({"start_local": "not a date"}, "start_local"),
        ({"timezone": "Mars/Olympus"}, "timezone"),
        ({"city": ""}, "city"),
        ({"country": "Germany"}, "country"),
        ({"kind": "online", "city": "", "online_url": ""}, "online_url"),
        ({"latitude": "95", "longitude": "10"}, "latitude"),
        ({"latitude": "52.5"}, "longitude"),
        ({"online_url": "javascript:alert(1)"}, "online_url"),
    ],
)
def test_bad_input_is_refused_with_a_message(client, organizer, initiative, overrides, field):
    client.force_login(organizer)
    response = client.post(reverse("events:create"), _form_data(initiative, **overrides))
    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert not Event.objects.exists()


def test_errors_come_in_the_users_language(client, organizer, initiative):
    client.force_login(organizer)
    response = client.post("/de" + reverse("events:create")[3:], _form_data(initiative, city=""))
    assert "Geben Sie an, wo die Veranstaltung stattfindet." in response.content.decode()
