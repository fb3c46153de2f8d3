import pytest

from horizont.audit.models import AuditEntry
from horizont.audit.services import audit_record

pytestmark = pytest.mark.django_db


def test_record_names_who_what_and_which_object(site_admin, member):
    entry = audit_record(actor=site_admin, action="user.block", target=member, details={"a": 1})
    assert entry.actor == site_admin
    assert entry.target_type == "accounts.User"
    assert entry.target_id == str(member.pk)
    assert entry.created_at is not None


def test_entries_cannot_be_edited_or_deleted(site_admin):
    entry = audit_record(actor=site_admin, action="x")
    entry.action = "y"
    with pytest.raises(PermissionError):
        entry.save()
    with pytest.raises(PermissionError):
        entry.delete()
    with pytest.raises(PermissionError):
        AuditEntry.objects.all().update(action="z")
    with pytest.raises(PermissionError):
        AuditEntry.objects.all().delete()
    assert AuditEntry.objects.get().action == "x"


def test_log_page_is_for_site_admins_with_mfa(client, site_admin, moderator, member):
    audit_record(actor=site_admin, action="initiative.approve")
    for refused in (member, moderator):
        client.force_login(refused)
        assert client.get("/en/audit/").status_code == 403
    client.force_login(site_admin)
    response = client.get("/en/audit/?action=initiative.approve")
    assert response.status_code == 200
    assert "initiative.approve" in response.content.decode()


def test_superuser_without_mfa_is_refused(client, site_admin_without_mfa):
    client.force_login(site_admin_without_mfa)
    assert not site_admin_without_mfa.has_perm("audit.view_log")
    assert client.get("/en/audit/").status_code == 403


def test_anonymous_is_refused(client):
    assert client.get("/en/audit/").status_code == 403


def test_admin_actions_are_recorded(client, site_admin, member):
    client.force_login(site_admin)
    response = client.post(
        f"/en/admin/accounts/user/{member.pk}/change/",
        {
            "email": member.email,
            "display_name": "Renamed",
            "language": "",
            "is_active": "on",
            "date_joined_0": "2026-01-01",
            "date_joined_1": "00:00:00",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    entry = AuditEntry.objects.filter(action="admin.change").get()
    assert entry.actor == site_admin
    assert entry.details["object"] == "Renamed"


def test_admin_cannot_change_the_log(client, site_admin):
    entry = audit_record(actor=site_admin, action="x")
    client.force_login(site_admin)
    assert client.get(f"/en/admin/audit/auditentry/{entry.pk}/change/").status_code == 200
    client.post(f"/en/admin/audit/auditentry/{entry.pk}/delete/", {"post": "yes"})
    assert AuditEntry.objects.filter(pk=entry.pk).exists()


def test_role_changes_are_recorded(member):
    from django.contrib.auth.models import Group

    member.groups.add(Group.objects.create(name="moderator"))
    entry = AuditEntry.objects.get(action="roles.add")
    assert entry.details == {"roles": ["moderator"]}
    assert entry.target_id == str(member.pk)
