"""Country names for the directory, in the reader's language (``core.places``)."""

from __future__ import annotations

from horizont.core import places


def country_choices() -> list[tuple[str, str]]:
    return places.country_choices()


def country_name(code: str) -> str:
    return places.country_name(code)
