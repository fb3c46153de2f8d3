"""Work a web process does once at start, so that no visitor waits for it (issue 15).

The first request after a start used to pay for importing every view module (PDF,
plotting and API libraries, about a second and a half) and for loading the city
gazetteer (seconds). ``horizont.wsgi`` calls ``warm_up`` before the process takes its
first request; with gunicorn's ``preload_app`` the workers share the result.
"""

from __future__ import annotations

import gc
import logging
import time
from typing import Any

logger = logging.getLogger(__name__)


def warm_up() -> float:
    """Load the URL configuration (all views), the gazetteer and every language's
    translation catalogues; returns seconds."""
    from django.conf import settings
    from django.urls import get_resolver
    from django.utils import translation

    from horizont.events.timezones import zone_names, zone_options
    from horizont.network import gazetteer

    started = time.perf_counter()
    get_resolver().url_patterns  # noqa: B018 - imports every view module
    get_resolver()._populate()
    gazetteer.find_city("Berlin", "DE")  # builds the index if this installation has none
    zone_names()  # the time-zone list of event pages reads the whole tz database
    zone_options("")
    # Each language's catalogues and reverse-URL tables are built on first use (half a
    # second for a language's first page, which reverses URLs of every app).
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            translation.gettext("Search")
            _reverse_tables(get_resolver())
    elapsed = time.perf_counter() - started
    logger.info("warmed up in %.1f s", elapsed)
    return elapsed


def _reverse_tables(resolver: Any) -> None:
    """Build ``resolver``'s and its namespaces' reverse tables in the active language."""
    resolver.reverse_dict  # noqa: B018 - built on access, per language
    for _prefix, inner in resolver.namespace_dict.values():
        _reverse_tables(inner)


def freeze_startup_objects() -> int:
    """Hide everything loaded at start from the garbage collector; returns how many
    objects were frozen.

    A warmed-up web process holds a quarter of a million objects (views, templates,
    gazetteer, screening index) that live as long as it does. Python's full collection
    walks all of them each time: 0.4-2 s during which the process, holding the GIL,
    answers nothing (issue 13: the health check had the same p99 as the report). Frozen
    objects are skipped, so a full collection only walks what requests left behind.
    """
    gc.collect()  # what the start left as garbage is freed, not frozen
    gc.freeze()
    return gc.get_freeze_count()
