from __future__ import annotations

from django import template

from horizont.network.models import Initiative

register = template.Library()


@register.filter
def localized_name(initiative: Initiative, language: str) -> str:
    return initiative.localized(language)[0]


@register.filter
def localized_description(initiative: Initiative, language: str) -> str:
    return initiative.localized(language)[1]


@register.filter
def localized_language(initiative: Initiative, language: str) -> str:
    """The language the name and description are shown in (for a ``lang`` attribute)."""
    return initiative.localized(language)[2]
