"""Privileged powers need a session that passed two-factor, not merely an enrolled
authenticator; enrolment and removal are audited and mailed (issue 9, item 6)."""

import pytest
from allauth.mfa.models import Authenticator
from django.core import mail
from django.test import Client

from horizont.audit.models import AuditEntry
from horizont.lib.totp import totp_code
from horizont.testing.personas import current_code, make_user

pytestmark = pytest.mark.django_db

PASSWORD = "correct-horse-battery"


def _password_login(client: Client, email: str) -> None:
    response = client.post("/en/accounts/login/", {"login": email, "password": PASSWORD})
    assert response.status_code == 302


def _enrol_totp(client: Client) -> None:
    response = client.get("/en/accounts/2fa/totp/activate/")
    if response.status_code == 302 and "/reauthenticate/" in response["Location"]:
        client.post(response["Location"], {"password": PASSWORD})
        response = client.get("/en/accounts/2fa/totp/activate/")
    secret = response.context["form"].secret
    response = client.post("/en/accounts/2fa/totp/activate/", {"code": totp_code(secret)})
    assert response.status_code == 302


def test_superuser_who_enrols_in_a_password_only_session_gets_no_privileged_powers():
    user = make_user("root@example.org", superuser=True, is_staff=True)
    client = Client()
    _password_login(client, "root@example.org")
    _enrol_totp(client)
    assert Authenticator.objects.filter(user=user, type="totp").exists()
    assert client.get("/en/audit/").status_code == 403
    admin = client.get("/en/admin/")
    assert admin.status_code in (302, 403)
    assert client.get("/en/admin/accounts/user/").status_code in (302, 403)


def test_the_same_superuser_after_a_two_factor_login_has_them():
    make_user("root@example.org", superuser=True, is_staff=True, mfa=True)
    client = Client()
    response = client.post(
        "/en/accounts/login/", {"login": "root@example.org", "password": PASSWORD}
    )
    assert "/2fa/authenticate/" in response["Location"]
    client.post("/en/accounts/2fa/authenticate/", {"code": current_code()})
    assert client.get("/en/audit/").status_code == 200
    assert client.get("/en/admin/accounts/user/").status_code == 200


def test_moderator_who_enrols_in_this_session_cannot_moderate(rf):
    moderator = make_user("mod@example.org", roles=("moderator",))
    client = Client()
    _password_login(client, "mod@example.org")
    _enrol_totp(client)
    from horizont.accounts.middleware import SessionTwoFactorMiddleware

    request = rf.get("/")
    request.session = client.session
    from django.contrib.auth import get_user

    request._cached_user = get_user(request)
    user = SessionTwoFactorMiddleware._user(request)
    assert user.pk == moderator.pk and user.mfa_enrolled
    assert not user.has_mfa
    assert not user.has_perm("accounts.moderate")


@pytest.mark.django_db(transaction=True)  # allauth sends its signals on commit
def test_enrolling_and_removing_an_authenticator_is_audited_and_mailed(settings):
    # Mails name the site by its public address; the client's (127.0.0.1) never appears.
    settings.HORIZONT_SITE_URL = "https://horizont.example.org"
    user = make_user("me@example.org")
    client = Client()
    _password_login(client, "me@example.org")
    mail.outbox.clear()
    _enrol_totp(client)
    added = AuditEntry.objects.filter(action="mfa.added", target_id=str(user.pk))
    assert added.filter(details__type="totp").exists()
    assert any(m.to == ["me@example.org"] for m in mail.outbox)
    body = "\n".join(m.body for m in mail.outbox)
    assert "127.0.0.1" not in body and "addr-" not in body  # no address, not even hashed

    mail.outbox.clear()
    response = client.post("/en/accounts/2fa/totp/deactivate/")
    if response.status_code == 302 and "/reauthenticate/" in response["Location"]:
        client.post(response["Location"], {"code": current_code()})
        client.post("/en/accounts/2fa/totp/deactivate/")
    assert not Authenticator.objects.filter(user=user, type="totp").exists()
    assert AuditEntry.objects.filter(action="mfa.removed", target_id=str(user.pk)).exists()
    assert [m.to for m in mail.outbox] == [["me@example.org"]]


def test_has_mfa_is_read_once_per_request_object(django_assert_num_queries):
    user = make_user("me@example.org", mfa=True)
    user.forget_mfa_enrolment()
    with django_assert_num_queries(1):
        for _ in range(5):
            assert user.has_mfa


def test_enrolment_cache_is_dropped_when_an_authenticator_goes(client):
    user = make_user("me@example.org", mfa=True)
    assert user.mfa_enrolled
    from allauth.mfa import signals

    authenticator = Authenticator.objects.get(user=user, type="totp")
    authenticator.delete()
    signals.authenticator_removed.send(
        sender=Authenticator, request=None, user=user, authenticator=authenticator
    )
    assert not user.mfa_enrolled


def test_profile_tells_a_moderator_who_enrolled_in_this_session_to_sign_in_again():
    make_user("mod@example.org", roles=("moderator",))
    client = Client()
    _password_login(client, "mod@example.org")
    _enrol_totp(client)
    page = client.get("/en/me/profile/").content.decode()
    assert "Sign out and sign in again with your authenticator" in page
