import pytest

from horizont.audit.models import AuditEntry
from horizont.network.models import Membership
from horizont.network.tests.factories import make_initiative
from horizont.testing.personas import enable_mfa, make_user

pytestmark = pytest.mark.django_db


def test_moderator_approves_with_audit_record(client, member, moderator):
    initiative = make_initiative("Pending", organizer=member, status="pending")
    client.force_login(moderator)
    assert "Pending" in client.get("/en/initiatives/review/").content.decode()
    response = client.post(
        f"/en/initiatives/{initiative.slug}/review/", {"decision": "approve", "note": "Welcome"}
    )
    assert response.status_code == 302
    initiative.refresh_from_db()
    assert initiative.status == "approved"
    assert initiative.reviewed_by == moderator
    entry = AuditEntry.objects.get(action="network.initiative_approve")
    assert entry.actor == moderator and entry.target_id == str(initiative.pk)
    assert "Pending" in client.get("/en/initiatives/").content.decode()


def test_moderator_rejects(client, member, moderator):
    initiative = make_initiative("Spam", organizer=member, status="pending")
    client.force_login(moderator)
    client.post(f"/en/initiatives/{initiative.slug}/review/", {"decision": "reject"})
    initiative.refresh_from_db()
    assert initiative.status == "rejected"
    assert AuditEntry.objects.filter(action="network.initiative_reject").exists()


def test_moderator_without_mfa_cannot_approve(client, member, moderator_without_mfa):
    initiative = make_initiative("Pending", organizer=member, status="pending")
    client.force_login(moderator_without_mfa)
    assert client.get("/en/initiatives/review/").status_code == 403
    response = client.post(f"/en/initiatives/{initiative.slug}/review/", {"decision": "approve"})
    assert response.status_code == 403
    initiative.refresh_from_db()
    assert initiative.status == "pending"


def test_organizer_cannot_approve_own_initiative(client, member):
    initiative = make_initiative("Mine", organizer=member, status="pending")
    client.force_login(member)
    response = client.post(f"/en/initiatives/{initiative.slug}/review/", {"decision": "approve"})
    assert response.status_code == 403
    initiative.refresh_from_db()
    assert initiative.status == "pending"


def test_organizer_without_two_factor_cannot_see_or_manage_members(client, member, outsider):
    initiative = make_initiative("Club", organizer=member)
    request = Membership.objects.create(initiative=initiative, user=outsider)
    client.force_login(member)
    page = client.get(f"/en/initiatives/{initiative.slug}/").content.decode()
    assert "turn on two-factor authentication to see and manage it" in page
    assert client.get(f"/en/initiatives/{initiative.slug}/members/").status_code == 403
    client.post(
        f"/en/initiatives/{initiative.slug}/members/",
        {"membership": request.pk, "action": "approve"},
    )
    request.refresh_from_db()
    assert request.status == "requested"


def test_join_request_approved_by_organizer(client, member, outsider):
    initiative = make_initiative("Club", organizer=member)
    enable_mfa(member)
    client.force_login(outsider)
    assert client.post(f"/en/initiatives/{initiative.slug}/join/").status_code == 302
    request = Membership.objects.get(initiative=initiative, user=outsider)
    assert request.status == "requested"
    client.force_login(member)
    page = client.get(f"/en/initiatives/{initiative.slug}/members/")
    assert outsider.public_name in page.content.decode()
    client.post(
        f"/en/initiatives/{initiative.slug}/members/",
        {"membership": request.pk, "action": "approve"},
    )
    request.refresh_from_db()
    assert request.status == "active" and request.role == "member"


def test_organizer_declines_request(client, member, outsider):
    initiative = make_initiative("Club", organizer=member)
    enable_mfa(member)
    request = Membership.objects.create(initiative=initiative, user=outsider)
    client.force_login(member)
    client.post(
        f"/en/initiatives/{initiative.slug}/members/",
        {"membership": request.pk, "action": "decline"},
    )
    assert not Membership.objects.filter(pk=request.pk).exists()


def test_last_organizer_cannot_be_removed(client, member):
    initiative = make_initiative("Club", organizer=member)
    enable_mfa(member)
    own = Membership.objects.get(initiative=initiative, user=member)
    client.force_login(member)
    response = client.post(
        f"/en/initiatives/{initiative.slug}/members/",
        {"membership": own.pk, "action": "remove"},
        follow=True,
    )
    assert "at least one organizer" in response.content.decode()
    assert Membership.objects.filter(pk=own.pk).exists()


def test_member_list_is_private(client, member, outsider, moderator, moderator_without_mfa):
    initiative = make_initiative("Club", organizer=member)
    joined = make_user("joined@example.org")
    Membership.objects.create(initiative=initiative, user=joined, status="active")
    url = f"/en/initiatives/{initiative.slug}/members/"
    assert client.get(url).status_code == 302  # to the login page
    for user in (outsider, joined, moderator_without_mfa):
        client.force_login(user)
        assert client.get(url).status_code == 403, user
    client.force_login(moderator)
    assert client.get(url).status_code == 200
    assert "Club" in client.get(f"/api/network/initiatives/{initiative.slug}").content.decode()
    assert (
        joined.email
        not in client.get(f"/api/network/initiatives/{initiative.slug}").content.decode()
    )


def test_moderator_sees_members_but_cannot_manage_them(client, member, moderator, outsider):
    initiative = make_initiative("Club", organizer=member)
    request = Membership.objects.create(initiative=initiative, user=outsider)
    client.force_login(moderator)
    response = client.post(
        f"/en/initiatives/{initiative.slug}/members/",
        {"membership": request.pk, "action": "approve"},
    )
    assert response.status_code == 403
    request.refresh_from_db()
    assert request.status == "requested"


def test_organizer_of_another_initiative_cannot_manage_members(client, member, outsider):
    initiative = make_initiative("Club", organizer=member)
    make_initiative("Other", organizer=outsider)
    request = Membership.objects.create(initiative=initiative, user=make_user("asker@example.org"))
    client.force_login(outsider)
    response = client.post(
        f"/en/initiatives/{initiative.slug}/members/",
        {"membership": request.pk, "action": "approve"},
    )
    assert response.status_code == 403
    request.refresh_from_db()
    assert request.status == "requested"


def test_nobody_can_join_a_pending_initiative(client, member, outsider):
    initiative = make_initiative("Pending", organizer=member, status="pending")
    client.force_login(outsider)
    assert client.post(f"/en/initiatives/{initiative.slug}/join/").status_code == 404
    assert not Membership.objects.filter(user=outsider).exists()
