"""Failed sign-ins are limited per account and per address, separately (issue 9, item 2)."""

import pytest
from django.test import Client

from horizont.testing.personas import current_code, make_user

pytestmark = pytest.mark.django_db

ADDRESS = "203.0.113.77"  # one address for everybody: a NAT, a proxy, the onion service


def _client() -> Client:
    return Client(REMOTE_ADDR=ADDRESS)


def _wrong(code: str) -> str:
    return "000000" if code != "000000" else "111111"


def _logs_in(client: Client, email: str) -> bool:
    response = client.post(
        "/en/accounts/login/", {"login": email, "password": "correct-horse-battery"}
    )
    if response.status_code == 302 and "/2fa/authenticate/" in response["Location"]:
        response = client.post("/en/accounts/2fa/authenticate/", {"code": current_code()})
    return client.get("/en/me/profile/").status_code == 200


def test_wrong_two_factor_codes_of_one_account_do_not_lock_out_others_at_the_address():
    make_user("attacked@example.org", mfa=True)
    make_user("neighbour@example.org")
    make_user("neighbour2fa@example.org", mfa=True)
    attacker = _client()
    attacker.post(
        "/en/accounts/login/",
        {"login": "attacked@example.org", "password": "correct-horse-battery"},
    )
    for _ in range(14):
        attacker.post("/en/accounts/2fa/authenticate/", {"code": _wrong(current_code())})
    assert _logs_in(_client(), "neighbour@example.org")
    assert _logs_in(_client(), "neighbour2fa@example.org")


def test_wrong_passwords_of_one_account_do_not_lock_out_others_at_the_address():
    make_user("attacked@example.org")
    make_user("neighbour@example.org")
    attacker = _client()
    for _ in range(14):
        attacker.post("/en/accounts/login/", {"login": "attacked@example.org", "password": "x"})
    assert _logs_in(_client(), "neighbour@example.org")


def test_the_attacked_account_gets_a_back_off_even_for_the_right_password():
    make_user("attacked@example.org")
    attacker = _client()
    for _ in range(5):
        attacker.post("/en/accounts/login/", {"login": "attacked@example.org", "password": "x"})
    response = _client().post(
        "/en/accounts/login/",
        {"login": "attacked@example.org", "password": "correct-horse-battery"},
    )
    assert "Too many failed login attempts" in response.content.decode()


def test_wrong_two_factor_codes_back_off_their_account():
    make_user("attacked@example.org", mfa=True)
    attacker = _client()
    attacker.post(
        "/en/accounts/login/",
        {"login": "attacked@example.org", "password": "correct-horse-battery"},
    )
    for _ in range(5):
        attacker.post("/en/accounts/2fa/authenticate/", {"code": _wrong(current_code())})
    response = attacker.post("/en/accounts/2fa/authenticate/", {"code": current_code()})
    assert "Too many failed" in response.content.decode()
    assert attacker.get("/en/me/profile/").status_code == 302


def test_an_address_failing_on_many_accounts_is_stopped(settings):
    settings.HORIZONT_RATE_LIMITS = {
        **settings.HORIZONT_RATE_LIMITS,
        "login_failed_accounts": (3, 900),
    }
    make_user("real@example.org")
    sprayer = _client()
    for n in range(3):
        sprayer.post("/en/accounts/login/", {"login": f"guess{n}@example.org", "password": "x"})
    response = sprayer.post(
        "/en/accounts/login/", {"login": "real@example.org", "password": "correct-horse-battery"}
    )
    assert "Too many failed login attempts" in response.content.decode()
    # another address is not affected
    other = Client(REMOTE_ADDR="198.51.100.9")
    assert _logs_in(other, "real@example.org")


def test_many_failures_of_one_account_count_once_for_its_address(settings):
    settings.HORIZONT_RATE_LIMITS = {
        **settings.HORIZONT_RATE_LIMITS,
        "login_failed_accounts": (2, 900),
    }
    settings.ACCOUNT_RATE_LIMITS = {**settings.ACCOUNT_RATE_LIMITS, "login_failed": "50/5m/key"}
    make_user("me@example.org")
    client = _client()
    for _ in range(10):
        client.post("/en/accounts/login/", {"login": "typo@example.org", "password": "x"})
    assert _logs_in(_client(), "me@example.org")


def test_hammering_one_account_does_not_use_up_the_address_for_others():
    make_user("attacked@example.org")
    make_user("neighbour@example.org")
    attacker = _client()
    for _ in range(40):  # within a minute
        attacker.post("/en/accounts/login/", {"login": "attacked@example.org", "password": "x"})
    assert _logs_in(_client(), "neighbour@example.org")
