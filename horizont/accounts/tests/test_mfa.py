import pytest
from allauth.mfa.models import Authenticator
from django.core.cache import cache

from horizont.lib.totp import totp_code
from horizont.testing.personas import age_login, current_code, make_user

pytestmark = pytest.mark.django_db


def _password_step(client, email):
    return client.post("/en/accounts/login/", {"login": email, "password": "correct-horse-battery"})


def test_login_with_totp_asks_for_code_and_accepts_the_right_one(client):
    make_user("two@example.org", mfa=True)
    response = _password_step(client, "two@example.org")
    assert response.status_code == 302
    assert "/accounts/2fa/authenticate/" in response["Location"]
    assert client.get("/en/me/profile/").status_code == 302  # not logged in yet
    response = client.post("/en/accounts/2fa/authenticate/", {"code": current_code()})
    assert response.status_code == 302
    assert client.get("/en/me/profile/").status_code == 200


def test_wrong_totp_code_is_refused_and_counted_against_the_rate_limit(client, settings):
    settings.ACCOUNT_RATE_LIMITS = {**settings.ACCOUNT_RATE_LIMITS, "login_failed": "3/5m/key"}
    make_user("two@example.org", mfa=True)
    _password_step(client, "two@example.org")
    wrong = "000000" if current_code() != "000000" else "111111"
    for _ in range(3):
        response = client.post("/en/accounts/2fa/authenticate/", {"code": wrong})
        assert response.status_code == 200
        assert "Incorrect code" in response.content.decode()
    response = client.post("/en/accounts/2fa/authenticate/", {"code": current_code()})
    assert "Too many failed" in response.content.decode()
    assert client.get("/en/me/profile/").status_code == 302


def test_user_can_activate_totp(client, member):
    client.force_login(member)
    age_login(client, 16 * 60)
    response = client.get("/en/accounts/2fa/totp/activate/")
    assert "/accounts/reauthenticate/" in response["Location"]
    client.post(response["Location"], {"password": "correct-horse-battery"})
    page = client.get("/en/accounts/2fa/totp/activate/")
    assert page.status_code == 200
    secret = page.context["form"].secret
    response = client.post("/en/accounts/2fa/totp/activate/", {"code": totp_code(secret)})
    assert response.status_code == 302
    assert Authenticator.objects.filter(user=member, type=Authenticator.Type.TOTP).exists()
    assert Authenticator.objects.filter(
        user=member, type=Authenticator.Type.RECOVERY_CODES
    ).exists()


def test_recovery_code_logs_in(client):
    from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes

    user = make_user("two@example.org", mfa=True)
    codes = RecoveryCodes.activate(user).get_unused_codes()
    _password_step(client, "two@example.org")
    response = client.post("/en/accounts/2fa/authenticate/", {"code": codes[0]})
    assert response.status_code == 302
    assert client.get("/en/me/profile/").status_code == 200


def test_login_is_rate_limited_by_failures(client, settings):
    settings.ACCOUNT_RATE_LIMITS = {**settings.ACCOUNT_RATE_LIMITS, "login_failed": "2/5m/key"}
    make_user("victim@example.org")
    for _ in range(2):
        client.post("/en/accounts/login/", {"login": "victim@example.org", "password": "nope"})
    response = _password_step(client, "victim@example.org")
    assert response.status_code == 200
    assert "Too many failed login attempts" in response.content.decode()
    cache.clear()


def test_recovery_codes_are_a_readable_list(client):
    user = make_user("codes@example.org", mfa=True)
    from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes

    codes = RecoveryCodes.activate(user).get_unused_codes()
    client.force_login(user)
    page = client.get("/en/accounts/2fa/recovery-codes/").content.decode()
    assert '<ol class="recovery-codes"' in page
    for code in codes:
        assert f"<li><code>{code}</code></li>" in page
    assert "<textarea" not in page
