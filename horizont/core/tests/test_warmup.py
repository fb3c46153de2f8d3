"""The start-up warm-up: nothing a first visitor would wait for is left to load."""

from __future__ import annotations

from django.conf import settings
from django.utils.translation import trans_real

from horizont.core.warmup import warm_up


def test_warm_up_loads_every_languages_catalogues(monkeypatch):
    monkeypatch.setattr(trans_real, "_translations", {})
    warm_up()
    assert {code for code, _name in settings.LANGUAGES} <= set(trans_real._translations)


def test_warm_up_builds_the_reverse_url_tables_of_every_language():
    from django.urls import get_resolver

    warm_up()
    _prefix, events = get_resolver().namespace_dict["events"]
    assert {code for code, _name in settings.LANGUAGES} <= set(events._reverse_dict)
