import json
import logging

import pytest
from django.test import RequestFactory
from django.utils import translation

from horizont.core.views import error_500
from horizont.lib.logs import JsonFormatter


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("ru", "Ошибка сервера"),
        ("en", "Server error"),
        ("de", "Serverfehler"),
        ("pl", "Błąd serwera"),
    ],
)
def test_500_page_is_translated_and_needs_no_database(lang, text):
    request = RequestFactory().get(f"/{lang}/")
    with translation.override(lang):
        response = error_500(request)
    assert response.status_code == 500
    assert text in response.content.decode()


def test_json_logs_drop_the_request_and_its_ip_address():
    request = RequestFactory().get("/en/", REMOTE_ADDR="203.0.113.7")
    record = logging.makeLogRecord(
        {
            "name": "django.request",
            "levelname": "WARNING",
            "msg": "Not Found: %s",
            "args": ("/en/x",),
            "request": request,
            "status_code": 404,
        }
    )
    line = JsonFormatter().format(record)
    payload = json.loads(line)
    assert payload["message"] == "Not Found: /en/x"
    assert payload["status_code"] == 404
    assert "203.0.113.7" not in line
