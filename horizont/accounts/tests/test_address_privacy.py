"""Client addresses only as keyed, salted hashes; none in the logs (issue 9, item 4)."""

import hashlib
import io
import logging
import pickle

import pytest
from django.core.cache import cache
from django.test import Client

from horizont.core import ratelimit
from horizont.testing.personas import make_user

pytestmark = pytest.mark.django_db

ADDRESS = "203.0.113.77"


def _cache_contents() -> str:
    """Every key and value in the (local-memory) cache, as text."""
    if not hasattr(cache, "_cache"):
        pytest.skip("reads the local-memory cache; see docs/operations.md for Redis")
    parts = []
    for key, value in cache._cache.items():
        parts.append(key)
        try:
            parts.append(repr(pickle.loads(value)))
        except Exception:
            parts.append(repr(value))
    return "\n".join(parts)


def test_no_address_in_clear_in_the_cache_after_logins_signups_and_resets(client):
    make_user("me@example.org")
    browser = Client(REMOTE_ADDR=ADDRESS)
    browser.post("/en/accounts/login/", {"login": "me@example.org", "password": "wrong"})
    browser.post(
        "/en/accounts/signup/",
        {"email": "new@example.org", "password1": "long-enough-pw", "password2": "long-enough-pw"},
    )
    browser.post("/en/accounts/password/reset/", {"email": "me@example.org"})
    contents = _cache_contents()
    assert "allauth" in contents  # the limits did count
    assert ADDRESS not in contents
    assert "me@example.org" not in contents


def test_failed_login_keys_hold_no_plain_hash_of_the_account(client):
    make_user("me@example.org")
    Client(REMOTE_ADDR=ADDRESS).post(
        "/en/accounts/login/", {"login": "me@example.org", "password": "wrong"}
    )
    contents = _cache_contents()
    assert "login_failed" in contents
    for login in ("me@example.org", "testserver:me@example.org", "example.com:me@example.org"):
        assert hashlib.sha256(login.encode()).hexdigest() not in contents


def test_own_rate_limit_keys_are_keyed_not_plain_hashes(rf):
    request = rf.post("/", REMOTE_ADDR=ADDRESS)
    request.user = type("Anonymous", (), {"is_authenticated": False})()
    ratelimit.allow(request, "post")
    contents = _cache_contents()
    plain = hashlib.sha256(f"post:ip:{ADDRESS}".encode()).hexdigest()[:32]
    assert plain not in contents
    assert ADDRESS not in contents


def test_address_keys_change_with_the_salt_period(rf, settings):
    request = rf.get("/", REMOTE_ADDR=ADDRESS)
    first = ratelimit.address_key(request)
    assert first == ratelimit.address_key(request)  # stable within a period
    with pytest.MonkeyPatch.context() as patch:
        now = ratelimit.time.time() + settings.HORIZONT_ADDRESS_SALT_SECONDS
        patch.setattr(ratelimit.time, "time", lambda: now)
        assert ratelimit.address_key(request) != first


def test_address_keys_depend_on_the_secret_key(rf, settings):
    request = rf.get("/", REMOTE_ADDR=ADDRESS)
    first = ratelimit.address_key(request)
    settings.SECRET_KEY = "another-secret-key-" + "x" * 40
    assert ratelimit.address_key(request) != first


def test_ipv6_addresses_count_by_their_network(rf):
    one = ratelimit.address_key(rf.get("/", REMOTE_ADDR="2001:db8:1:2::10"))
    same_net = ratelimit.address_key(rf.get("/", REMOTE_ADDR="2001:db8:1:2::99"))
    other_net = ratelimit.address_key(rf.get("/", REMOTE_ADDR="2001:db8:1:3::10"))
    assert one == same_net != other_net


def _gunicorn_logger(**overrides):
    from gunicorn.config import Config

    import horizont.gunicorn_conf as conf

    cfg = Config()
    for name in ("accesslog", "access_log_format", "errorlog", "logger_class"):
        cfg.set(name.replace("_log_", "_log_"), getattr(conf, name))
    for name, value in overrides.items():
        cfg.set(name, value)
    logger = cfg.logger_class(cfg)
    return cfg, logger


def test_shipped_gunicorn_config_has_no_access_log_and_no_address_in_its_format():
    import horizont.gunicorn_conf as conf

    assert conf.accesslog is None
    assert "%(h)s" not in conf.access_log_format
    assert "forwarded" not in conf.access_log_format.lower()
    assert "remote" not in conf.access_log_format.lower()


def test_gunicorn_error_log_carries_no_client_address():
    _cfg, logger = _gunicorn_logger()
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    logger.error_log.addHandler(handler)
    try:
        # what gunicorn's worker writes for a malformed request
        logger.warning(f"Invalid request from ip={ADDRESS}: Invalid HTTP request line")
        logger.error("Error from 2001:db8::7 %s", "x")
    finally:
        logger.error_log.removeHandler(handler)
    written = stream.getvalue()
    assert "Invalid request from ip=[address removed]" in written
    assert ADDRESS not in written and "2001:db8::7" not in written


def test_gunicorn_access_log_if_turned_on_carries_no_address(tmp_path):
    import datetime as dt
    from types import SimpleNamespace

    log_file = tmp_path / "access.log"
    _cfg, logger = _gunicorn_logger(accesslog=str(log_file))
    response = SimpleNamespace(status="200 OK", sent=10, headers=[], response_length=10)
    request = SimpleNamespace(headers=[("X-FORWARDED-FOR", ADDRESS)])
    environ = {
        "REMOTE_ADDR": ADDRESS,
        "REQUEST_METHOD": "GET",
        "RAW_URI": "/en/",
        "PATH_INFO": "/en/",
        "QUERY_STRING": "",
        "SERVER_PROTOCOL": "HTTP/1.1",
    }
    logger.access(response, request, environ, dt.timedelta(seconds=0.01))
    for handler in logger.access_log.handlers:
        handler.flush()
    written = log_file.read_text()
    assert "GET /en/" in written
    assert ADDRESS not in written


def test_django_logs_carry_no_client_address(caplog):
    from django.conf import settings as django_settings

    assert "no_addresses" in django_settings.LOGGING["handlers"]["console"]["filters"]
    from horizont.lib.logs import NoAddressFilter

    record = logging.makeLogRecord({"msg": "from %s", "args": (ADDRESS,)})
    NoAddressFilter().filter(record)
    assert ADDRESS not in record.getMessage()
