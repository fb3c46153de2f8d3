"""The site's base address for links in e-mails."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest


def site_base_url(request: HttpRequest | None = None) -> str:
    """``scheme://host`` without a trailing slash.

    Taken from the request while answering one (so an onion address stays an onion
    address), else from ``HORIZONT_SITE_URL`` (background jobs such as reminders).
    """
    if request is not None:
        return request.build_absolute_uri("/").rstrip("/")
    return str(settings.HORIZONT_SITE_URL).rstrip("/")
