"""Workflows of the network app: initiatives, memberships and links between initiatives."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from horizont.network.models import Initiative


def initiatives_organized_by(user: Any) -> QuerySet[Initiative]:
    """Initiatives where ``user`` is an active organizer (pending ones included).

    Other apps (events, publications) use this to offer "publish as …" choices; filter
    with ``.public()`` where only approved initiatives may act.
    """
    return Initiative.objects.organized_by(user)
