"""Mails greet with the site's name, not the address a request used (issue 15, item 4)."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.django_db


def test_confirmation_mail_greets_with_the_site_name(client, mailoutbox, settings):
    settings.SITE_NAME = "Horizont Test"
    settings.HORIZONT_SITE_URL = "https://horizont.example.org"
    response = client.post(
        "/en/accounts/signup/",
        {
            "email": "new@example.org",
            "password1": "a-long-pass-phrase",
            "password2": "a-long-pass-phrase",
        },
        HTTP_HOST="127.0.0.1",
    )
    assert response.status_code == 302
    body = mailoutbox[0].body
    assert "Hello from Horizont Test!" in body
    assert "horizont.example.org" in body
    assert "Hello from 127.0.0.1" not in body and "Hello from testserver" not in body


def test_greeting_is_translated(client, mailoutbox):
    client.post(
        "/de/accounts/signup/",
        {
            "email": "neu@example.org",
            "password1": "a-long-pass-phrase",
            "password2": "a-long-pass-phrase",
        },
    )
    assert "Horizont" in mailoutbox[0].body.splitlines()[0]
    assert "Hello" not in mailoutbox[0].body
