import pytest
from django.contrib.auth.models import AnonymousUser

pytestmark = pytest.mark.django_db


def test_moderator_with_mfa_may_moderate(moderator):
    assert moderator.has_perm("accounts.moderate")


def test_moderator_without_mfa_is_refused_until_two_factor(moderator_without_mfa):
    assert not moderator_without_mfa.has_perm("accounts.moderate")


def test_member_and_anonymous_cannot_moderate(member):
    assert not member.has_perm("accounts.moderate")
    assert not AnonymousUser().has_perm("accounts.moderate")


def test_coordinator_role_needs_mfa(coordinator, moderator):
    assert coordinator.has_perm("accounts.coordinate")
    assert not moderator.has_perm("accounts.coordinate")


def test_site_admin_without_mfa_cannot_use_admin(client, site_admin_without_mfa):
    client.force_login(site_admin_without_mfa)
    response = client.get("/en/admin/", follow=True)
    assert response.redirect_chain[-1][0].endswith("/accounts/2fa/")


def test_site_admin_with_mfa_uses_admin(client, site_admin):
    client.force_login(site_admin)
    assert client.get("/en/admin/").status_code == 200


def test_member_cannot_use_admin(client, member):
    client.force_login(member)
    response = client.get("/en/admin/", follow=True)
    assert response.status_code == 403


def test_privileged_user_without_mfa_sees_the_prompt(client, moderator_without_mfa):
    client.force_login(moderator_without_mfa)
    response = client.get("/en/me/profile/")
    assert "Turn on two-factor authentication" in response.content.decode()
