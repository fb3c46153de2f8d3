from __future__ import annotations

from django import template
from django.conf import settings

register = template.Library()


@register.simple_tag
def reauthentication_minutes() -> int:
    """The window after a sign-in in which security settings do not ask for the password
    again (``ACCOUNT_REAUTHENTICATION_TIMEOUT``, docs/operations.md)."""
    return int(settings.ACCOUNT_REAUTHENTICATION_TIMEOUT) // 60
