"""Export covers jobs and screened names; deletion leaves no initiative without an
organizer (issue 9, item 16)."""

import pytest

from horizont.accounts.services import user_delete, user_export_data
from horizont.audit.models import AuditEntry
from horizont.jobs.models import Job
from horizont.network.models import Initiative, Membership
from horizont.testing.personas import make_user

pytestmark = pytest.mark.django_db


def _initiative(name: str, organizer, *members) -> Initiative:
    initiative = Initiative.objects.create(
        name=name, slug=name.lower(), status=Initiative.Status.APPROVED, created_by=organizer
    )
    Membership.objects.create(
        initiative=initiative, user=organizer, role="organizer", status="active"
    )
    for member in members:
        Membership.objects.create(
            initiative=initiative, user=member, role="member", status="active"
        )
    return initiative


def test_export_lists_jobs_with_the_names_screened(member, outsider):
    Job.objects.create(
        owner=member,
        name="horizont.sanctions.services.batch_screen_task",
        label="Batch screening",
        status="done",
        arguments={"queries": ["Jewgeni Prigoschin", "Anna Beispiel"], "language": "en"},
        result={"alerts": 1},
    )
    Job.objects.create(owner=outsider, name="x", arguments={"queries": ["Someone Else"]})
    data = user_export_data(user=member)
    assert len(data["jobs"]) == 1
    assert data["jobs"][0]["arguments"]["queries"] == ["Jewgeni Prigoschin", "Anna Beispiel"]
    assert data["jobs"][0]["result"] == {"alerts": 1}
    assert "Someone Else" not in str(data)


def test_deleting_the_last_organizer_hands_the_initiative_to_the_longest_member(member):
    first = make_user("first@example.org")
    later = make_user("later@example.org")
    initiative = _initiative("Club", member, first, later)
    user_delete(user=member)
    organizers = Membership.objects.filter(initiative=initiative, role="organizer")
    assert [m.user for m in organizers] == [first]
    initiative.refresh_from_db()
    assert initiative.status == Initiative.Status.APPROVED
    assert AuditEntry.objects.filter(action="initiative.handed_over").exists()


def test_deleting_the_only_member_archives_the_initiative(member):
    initiative = _initiative("Lonely", member)
    user_delete(user=member)
    initiative.refresh_from_db()
    assert initiative.status == Initiative.Status.ARCHIVED
    assert not Initiative.objects.public().filter(pk=initiative.pk).exists()
    assert AuditEntry.objects.filter(action="initiative.archived").exists()


def test_another_organizer_keeps_the_initiative_as_it_is(member, outsider):
    initiative = _initiative("Shared", member, outsider)
    Membership.objects.filter(initiative=initiative, user=outsider).update(role="organizer")
    third = make_user("third@example.org")
    Membership.objects.create(initiative=initiative, user=third, role="member", status="active")
    user_delete(user=member)
    assert Membership.objects.get(initiative=initiative, user=third).role == "member"
    assert not AuditEntry.objects.filter(action__startswith="initiative.").exists()


def test_requested_memberships_do_not_take_over(member, outsider):
    initiative = _initiative("Club", member)
    Membership.objects.create(initiative=initiative, user=outsider, status="requested")
    user_delete(user=member)
    initiative.refresh_from_db()
    assert initiative.status == Initiative.Status.ARCHIVED
    assert Membership.objects.get(initiative=initiative, user=outsider).role == "member"


def test_contact_request_messages_are_stored_encrypted(member, outsider):
    from django.db import connection

    from horizont.forum.models import BusinessProfile, ContactRequest

    profile = BusinessProfile.objects.create(owner=member, name="Bakery")
    request = ContactRequest.objects.create(
        profile=profile, requester=outsider, message="I am Anna from Tver, call me"
    )
    with connection.cursor() as cursor:
        cursor.execute("SELECT message FROM forum_contactrequest WHERE id = %s", [request.pk])
        raw = cursor.fetchone()[0]
    assert "Anna" not in raw and raw
    assert ContactRequest.objects.get(pk=request.pk).message == "I am Anna from Tver, call me"
