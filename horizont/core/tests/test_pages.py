import re

import pytest
from django.conf import settings

pytestmark = pytest.mark.django_db

LANGS = [code for code, _ in settings.LANGUAGES]


def test_root_redirects_to_a_language(client):
    response = client.get("/")
    assert response.status_code == 302
    assert re.match(r"^/(ru|en|de|pl)/$", response["Location"])


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("ru", "Ваша безопасность"),
        ("en", "Your safety"),
        ("de", "Ihre Sicherheit"),
        ("pl", "Twoje bezpieczeństwo"),
    ],
)
def test_home_page_in_every_language(client, lang, text):
    response = client.get(f"/{lang}/")
    assert response.status_code == 200
    body = response.content.decode()
    assert f'<html lang="{lang}">' in body
    assert text in body
    assert 'name="language"' in body


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("ru", "Страница не найдена"),
        ("en", "Page not found"),
        ("de", "Seite nicht gefunden"),
        ("pl", "Nie znaleziono strony"),
    ],
)
def test_404_is_translated(client, lang, text):
    response = client.get(f"/{lang}/no-such-page/")
    assert response.status_code == 404
    assert text in response.content.decode()


def test_403_is_translated(client, member):
    client.force_login(member)
    response = client.get("/de/audit/")
    assert response.status_code == 403
    assert "Zugriff verweigert" in response.content.decode()


def test_language_switch_without_javascript(client):
    response = client.post("/i18n/setlang/", {"language": "pl", "next": "/de/"})
    assert response.status_code == 302
    assert response["Location"] == "/pl/"


def test_security_headers(client):
    response = client.get("/en/")
    csp = response["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert "frame-ancestors 'none'" in csp
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"


@pytest.mark.parametrize("path", ["/en/", "/en/accounts/login/", "/en/accounts/signup/"])
def test_pages_load_nothing_from_other_hosts_and_have_no_inline_script(client, path):
    body = client.get(path).content.decode()
    assert not re.search(r'(src|href)="(https?:)?//', body)
    assert not re.search(r"<script(?![^>]*\bsrc=)(?![^>]*application/json)[^>]*>", body)
    assert " style=" not in body
    assert " on" + "click=" not in body


def test_forms_label_their_inputs(client):
    body = client.get("/en/accounts/signup/").content.decode()
    for input_id in re.findall(r'<input[^>]*type="(?:email|password)"[^>]*id="([^"]+)"', body):
        assert f'for="{input_id}"' in body


def test_healthz_checks_the_database(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}


def test_healthz_reports_an_unreachable_database(client, monkeypatch):
    from django.db.backends.utils import CursorWrapper

    def broken(*args, **kwargs):
        raise RuntimeError("database down")

    monkeypatch.setattr(CursorWrapper, "execute", broken)
    response = client.get("/healthz")
    assert response.status_code == 503


def test_api_schema_is_published(client):
    response = client.get("/api/openapi.json")
    assert response.status_code == 200
    assert response.json()["info"]["title"] == "Horizont API"
