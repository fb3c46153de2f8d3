"""Coordinators with two-factor open programmes and accept volunteers; volunteers apply
under a pseudonym with encrypted contact details."""

import uuid

import pytest
from django.db import connection
from django.urls import reverse

from horizont.audit.models import AuditEntry
from horizont.observers import services
from horizont.observers.models import (
    ChecklistForm,
    Course,
    Incident,
    IncidentPhoto,
    Programme,
    Volunteer,
)
from horizont.observers.tests.conftest import DAY, lines_of
from horizont.testing.personas import make_user

pytestmark = pytest.mark.django_db


def test_coordinator_opens_a_programme(client, coordinator, election):
    client.force_login(coordinator)
    response = client.post(
        reverse("observers:create"), {"election": election.pk, "name": "Watch", "description": ""}
    )
    programme = Programme.objects.get()
    assert response.status_code == 302
    assert programme.created_by == coordinator
    assert AuditEntry.objects.filter(action="observers.programme_open").exists()


def test_coordinator_without_two_factor_is_sent_to_set_it_up(client, election, programme):
    user = make_user("c-nomfa@example.org", roles=("coordinator",))
    client.force_login(user)
    for url in (
        reverse("observers:create"),
        reverse("observers:volunteers", args=[programme.pk]),
        reverse("observers:reports", args=[programme.pk]),
        reverse("observers:protocols", args=[programme.pk]),
    ):
        response = client.get(url)
        assert response.status_code == 403
        assert reverse("mfa_activate_totp") in response.content.decode()
    assert (
        not client.post(
            reverse("observers:create"), {"election": election.pk, "name": "X"}
        ).status_code
        == 302
    )
    assert Programme.objects.count() == 1


def test_member_cannot_open_a_programme_or_see_volunteers(client, member, election, programme):
    client.force_login(member)
    assert client.get(reverse("observers:create")).status_code == 403
    assert client.get(reverse("observers:volunteers", args=[programme.pk])).status_code == 403


def test_member_applies_with_encrypted_contact(client, member, programme):
    client.force_login(member)
    response = client.post(
        reverse("observers:apply", args=[programme.pk]),
        {"pseudonym": "Swallow", "contact": "@swallow_signal", "role": "observer", "consent": "on"},
    )
    assert response.status_code == 302
    volunteer = Volunteer.objects.get()
    assert volunteer.contact == "@swallow_signal"
    assert volunteer.identity_consent_at is not None
    with connection.cursor() as cursor:
        cursor.execute("SELECT contact FROM observers_volunteer")
        assert "swallow_signal" not in cursor.fetchone()[0]
    again = client.post(
        reverse("observers:apply", args=[programme.pk]),
        {"pseudonym": "Other", "contact": "x", "role": "observer"},
    )
    assert again.status_code == 400
    assert Volunteer.objects.count() == 1


def test_application_without_pseudonym_is_refused(client, member, programme):
    client.force_login(member)
    response = client.post(
        reverse("observers:apply", args=[programme.pk]), {"contact": "x", "role": "observer"}
    )
    assert response.status_code == 400
    assert not Volunteer.objects.exists()


def test_coordinator_accepts_and_declines(client, coordinator, programme, member, outsider):
    from horizont.observers import services

    one = services.volunteer_apply(
        user=member, programme=programme, pseudonym="A", contact="a", role="observer", consent=False
    )
    two = services.volunteer_apply(
        user=outsider, programme=programme, pseudonym="B", contact="b", role="lawyer", consent=False
    )
    client.force_login(coordinator)
    page = client.get(reverse("observers:volunteers", args=[programme.pk]))
    assert "a" in page.content.decode()
    client.post(reverse("observers:decide", args=[programme.pk, one.pk]), {"decision": "accept"})
    client.post(reverse("observers:decide", args=[programme.pk, two.pk]), {"decision": "decline"})
    one.refresh_from_db()
    two.refresh_from_db()
    assert (one.status, two.status) == ("accepted", "declined")
    assert AuditEntry.objects.filter(action="observers.accept", target_id=str(one.pk)).exists()
    assert AuditEntry.objects.filter(action="observers.decline", target_id=str(two.pk)).exists()


def test_volunteer_cannot_decide_applications(client, programme, observer, member):
    from horizont.observers import services

    other = services.volunteer_apply(
        user=member, programme=programme, pseudonym="A", contact="a", role="observer", consent=False
    )
    client.force_login(observer.user)
    response = client.post(
        reverse("observers:decide", args=[programme.pk, other.pk]), {"decision": "accept"}
    )
    assert response.status_code == 403
    other.refresh_from_db()
    assert other.status == "applied"


def test_site_administrator_without_two_factor_is_refused_too(
    client, site_admin_without_mfa, programme
):
    client.force_login(site_admin_without_mfa)
    for name in ("volunteers", "reports", "protocols", "dashboard"):
        response = client.get(reverse(f"observers:{name}", args=[programme.pk]))
        assert response.status_code == 403, name
        assert reverse("mfa_activate_totp") in response.content.decode()


def test_site_administrator_with_two_factor_coordinates(client, site_admin, programme):
    client.force_login(site_admin)
    assert client.get(reverse("observers:volunteers", args=[programme.pk])).status_code == 200


def test_coordinator_without_two_factor_is_refused_every_coordinator_page(
    client, coordinator, programme, assigned, second_observer, station
):
    """Every page and action of the app that coordinators use, with existing objects (so
    that a refusal is not merely a missing object): the two-factor page, nothing else."""
    services.assignment_create(
        actor=coordinator, volunteer=second_observer, station=station, day=DAY, shift="count"
    )
    incident = Incident.objects.create(
        key=uuid.uuid4(),
        programme=programme,
        volunteer=assigned,
        station=station,
        category="stuffing",
        occurred_at="14:00",
        description="x",
        severity="high",
    )
    photo = IncidentPhoto.objects.create(incident=incident, file="none.jpg", content_type="x")
    first, second = list(station.votes), [station.votes[0] + 1, station.votes[1] - 1]
    for volunteer, votes in ((assigned, first), (second_observer, second)):
        services.protocol_enter(
            volunteer=volunteer,
            user=volunteer.user,
            station=station,
            lines=lines_of(station, votes=votes),
            key=uuid.uuid4(),
        )
    copy = programme.copies.get()
    entry = programme.entries.first()
    course = Course.objects.create(programme=programme, title="Basics")
    assignment = assigned.assignments.get()
    pk = programme.pk
    pages = [
        ("create", []),
        ("volunteers", [pk]),
        ("decide", [pk, second_observer.pk]),
        ("assignments", [pk]),
        ("assignment_delete", [pk, assignment.pk]),
        ("coverage_data", [pk]),
        ("checklists", [pk]),
        ("reports", [pk]),
        ("incident", [pk, incident.pk]),
        ("photo", [pk, photo.pk]),
        ("protocols", [pk]),
        ("entry_photo", [pk, entry.pk]),
        ("resolve", [pk, copy.pk]),
        ("complaint", [pk, copy.pk]),
        ("dashboard", [pk]),
        ("effect", [pk]),
        ("courses", [pk]),
        ("course_edit", [pk, course.pk]),
    ]
    user = make_user("c-nomfa-all@example.org", roles=("coordinator",))
    client.force_login(user)
    setup = reverse("mfa_activate_totp")
    for name, args in pages:
        for method in (client.get, client.post):
            response = method(reverse(f"observers:{name}", args=args))
            if method == client.get and response.status_code == 405:
                continue  # an action: only POST is answered
            assert response.status_code == 403, (name, method)
            assert setup in response.content.decode(), (name, method)
    assert not ChecklistForm.objects.exists()
    assert assigned.assignments.exists() and second_observer.status == "accepted"
    assert programme.copies.get().status == "mismatch" and not course.lessons.exists()
