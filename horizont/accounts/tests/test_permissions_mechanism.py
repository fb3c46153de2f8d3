"""One permission mechanism: ``user.has_perm`` everywhere; a permission declared in an
app's rules.py is decided by its rules alone, for superusers too."""

import pytest
import rules

from horizont.testing.personas import make_user

pytestmark = pytest.mark.django_db


def test_superuser_gets_no_rules_permission_by_being_superuser(site_admin, member):
    # accounts.delete_user is for oneself only: Django's superuser bypass would grant it
    assert not site_admin.has_perm("accounts.delete_user", member)
    assert site_admin.has_perm("accounts.delete_user", site_admin)


def test_superuser_without_two_factor_has_neither_rules_nor_admin_permissions(
    site_admin_without_mfa,
):
    assert not site_admin_without_mfa.has_perm("audit.view_log")
    assert not site_admin_without_mfa.has_perm("accounts.change_user")


def test_superuser_with_two_factor_has_admin_model_permissions(site_admin):
    assert site_admin.has_perm("accounts.change_user")
    assert site_admin.has_perm("audit.view_log")


def test_elections_and_sanctions_use_has_perm_not_their_own_can():
    import horizont.elections.rules as election_rules
    import horizont.sanctions.rules as sanction_rules

    assert not hasattr(election_rules, "can")
    assert not hasattr(sanction_rules, "can")
    assert rules.perm_exists("elections.import_election")
    assert rules.perm_exists("sanctions.manage_lists")


def test_coordinator_imports_elections_and_member_is_refused(coordinator, member):
    assert coordinator.has_perm("elections.import_election")
    assert not member.has_perm("elections.import_election")


def test_inactive_user_has_no_permission(db):
    user = make_user("gone@example.org", superuser=True, mfa=True, is_active=False)
    assert not user.has_perm("audit.view_log")
