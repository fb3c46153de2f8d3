import os
import subprocess
import sys
from pathlib import Path

import pytest

from horizont.lib.env import env_bool, env_int, env_list, env_secret

ROOT = Path(__file__).resolve().parents[3]


def test_env_helpers(monkeypatch, tmp_path):
    monkeypatch.setenv("X_BOOL", "yes")
    monkeypatch.setenv("X_INT", "42")
    monkeypatch.setenv("X_LIST", "a, b,,c")
    assert env_bool("X_BOOL") is True
    assert env_int("X_INT", 1) == 42
    assert env_list("X_LIST", []) == ["a", "b", "c"]
    monkeypatch.setenv("X_BOOL", "perhaps")
    with pytest.raises(ValueError, match="X_BOOL"):
        env_bool("X_BOOL")
    monkeypatch.setenv("X_INT", "many")
    with pytest.raises(ValueError, match="X_INT"):
        env_int("X_INT", 1)


def test_env_secret_from_file_and_generated(monkeypatch, tmp_path):
    secret_file = tmp_path / "s"
    secret_file.write_text("from-file\n")
    monkeypatch.setenv("X_SECRET_FILE", str(secret_file))
    assert env_secret("X_SECRET") == "from-file"
    monkeypatch.delenv("X_SECRET_FILE")
    target = tmp_path / "var" / "generated"
    first = env_secret("X_SECRET", generate_into=target)
    assert len(first) > 40
    assert env_secret("X_SECRET", generate_into=target) == first
    assert oct(target.stat().st_mode)[-3:] == "600"


def _production_env(tmp_path):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTEST", "DJANGO"))}
    env.update(
        DEBUG="0",
        SECRET_KEY="x" * 20 + "-production-secret-with-enough-entropy-0123456789abcdef",
        ALLOWED_HOSTS="horizont.example.org",
        HORIZONT_VAR_DIR=str(tmp_path),
        DATABASE_URL=f"sqlite:///{tmp_path}/db.sqlite3",
    )
    env.pop("HORIZONT_TESTING", None)
    return env


@pytest.fixture(scope="module")
def production(tmp_path_factory):
    """One Python process with production settings: `check --deploy`, then the settings
    (one interpreter start-up instead of two)."""
    tmp_path = tmp_path_factory.mktemp("production")
    code = (
        "import django; from django.conf import settings; django.setup();"
        "from django.core.management import call_command;"
        "call_command('check', deploy=True, fail_level='WARNING');"
        "print('SETTINGS', settings.SESSION_COOKIE_SECURE, settings.CSRF_COOKIE_SECURE,"
        " settings.DEBUG, settings.PASSWORD_HASHERS[0].rsplit('.', 1)[1])"
    )
    env = _production_env(tmp_path) | {"DJANGO_SETTINGS_MODULE": "horizont.settings"}
    return subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True
    )


def test_check_deploy_reports_nothing_with_production_settings(production):
    assert production.returncode == 0, production.stdout + production.stderr
    assert "no issues" in production.stdout + production.stderr


def test_production_settings_harden_cookies_and_hash_with_argon2(production):
    line = next(x for x in production.stdout.splitlines() if x.startswith("SETTINGS"))
    assert line.split()[1:] == ["True", "True", "False", "Argon2PasswordHasher"]


def test_translations_are_complete_and_compiled():
    result = subprocess.run(
        [sys.executable, "scripts/messages.py", "check"], cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout


@pytest.mark.slow  # also run by `make lint` in CI
def test_engines_do_not_import_django():
    result = subprocess.run(
        [sys.executable, "scripts/check_engine_imports.py"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout


def test_demo_refuses_to_run_with_debug_off_unless_forced(db, settings, monkeypatch):
    from django.contrib.auth import get_user_model
    from django.core.management import CommandError, call_command

    from horizont.core.management.commands import demo

    monkeypatch.setattr(demo.apps, "get_app_configs", lambda: [])  # the admin only: fast
    settings.DEBUG = False
    with pytest.raises(CommandError, match="--force"):
        call_command("demo")
    assert not get_user_model().objects.filter(email="admin@example.org").exists()
    call_command("demo", "--force", stdout=open(os.devnull, "w"))  # noqa: SIM115
    assert get_user_model().objects.filter(email="admin@example.org").exists()


def _settings_module_with(monkeypatch, **env: str):
    """horizont/settings.py evaluated afresh with ``env`` (Django's live settings stay)."""
    import importlib

    import horizont.settings

    for name, value in env.items():
        monkeypatch.setenv(name, value)
    return importlib.reload(horizont.settings)


def test_proxy_ssl_header_is_trusted_only_behind_a_trusted_proxy(monkeypatch):
    try:
        direct = _settings_module_with(monkeypatch, TRUSTED_PROXY_COUNT="0")
        assert not hasattr(direct, "SECURE_PROXY_SSL_HEADER")
        behind_proxy = _settings_module_with(monkeypatch, TRUSTED_PROXY_COUNT="1")
        assert behind_proxy.SECURE_PROXY_SSL_HEADER == ("HTTP_X_FORWARDED_PROTO", "https")
    finally:
        monkeypatch.undo()
        _settings_module_with(monkeypatch)


def test_database_connections_are_health_checked(settings):
    assert settings.DATABASES["default"]["CONN_HEALTH_CHECKS"] is True


def test_request_size_limits_are_set_and_documented(settings):
    assert settings.DATA_UPLOAD_MAX_MEMORY_SIZE <= 10 * 1024 * 1024
    assert settings.DATA_UPLOAD_MAX_NUMBER_FIELDS <= 1000
    operations = (ROOT / "docs" / "operations.md").read_text()
    for name in (
        "DATA_UPLOAD_MAX_MEMORY_SIZE",
        "FILE_UPLOAD_MAX_MEMORY_SIZE",
        "client_max_body_size",
    ):
        assert name in operations
