"""Small helpers to build initiatives, memberships and links in tests."""

from __future__ import annotations

from typing import Any

from horizont.network.models import Initiative, Link, Membership


def make_initiative(
    name: str,
    *,
    organizer: Any = None,
    status: str = "approved",
    country: str = "DE",
    city: str = "Berlin",
    latitude: float | None = 52.52,
    longitude: float | None = 13.40,
    **fields: Any,
) -> Initiative:
    from django.utils.text import slugify

    initiative = Initiative.objects.create(
        name=name,
        slug=slugify(name),
        language=fields.pop("language", "en"),
        country=country,
        city=city,
        latitude=latitude,
        longitude=longitude,
        status=status,
        **fields,
    )
    if organizer is not None:
        Membership.objects.create(
            initiative=initiative, user=organizer, role="organizer", status="active"
        )
    return initiative


def make_link(
    source: Initiative, target: Initiative, *, kind: str = "partner", confirmed=True
) -> Link:
    return Link.objects.create(
        source=source, target=target, kind=kind, status="confirmed" if confirmed else "proposed"
    )
