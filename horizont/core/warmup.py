"""Work a web process does once at start, so that no visitor waits for it (issue 15).

The first request after a start used to pay for importing every view module (PDF,
plotting and API libraries, about a second and a half) and for loading the city
gazetteer (seconds). ``horizont.wsgi`` calls ``warm_up`` before the process takes its
first request; with gunicorn's ``preload_app`` the workers share the result.
"""

from __future__ import annotations

import logging
import time

logger = logging.getLogger(__name__)


def warm_up() -> float:
    """Load the URL configuration (all views) and open the gazetteer; returns seconds."""
    from django.urls import get_resolver

    from horizont.events.timezones import zone_names, zone_options
    from horizont.network import gazetteer

    started = time.perf_counter()
    get_resolver().url_patterns  # noqa: B018 - imports every view module
    get_resolver()._populate()
    gazetteer.find_city("Berlin", "DE")  # builds the index if this installation has none
    zone_names()  # the time-zone list of event pages reads the whole tz database
    zone_options("")
    elapsed = time.perf_counter() - started
    logger.info("warmed up in %.1f s", elapsed)
    return elapsed
