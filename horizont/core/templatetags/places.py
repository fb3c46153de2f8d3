"""``{% load places %}``: ``{{ code|country }}`` names a country in the reader's language,
``{{ zone|zone }}`` a time zone."""

from __future__ import annotations

from django import template

from horizont.core import places

register = template.Library()


@register.filter
def country(code: str) -> str:
    return places.country_name(code)


@register.filter
def zone(name: str) -> str:
    return places.zone_name(name)
