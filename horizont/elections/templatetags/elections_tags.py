from __future__ import annotations

from typing import Any

from django import template

from horizont.elections.sections import number, percent

register = template.Library()


@register.filter
def pct(value: Any, digits: int = 2) -> str:
    """A fraction as a localized percentage: 0.5172 → "51,72 %" in Russian."""
    return percent(value, int(digits))


@register.filter
def num(value: Any, digits: int = 0) -> str:
    """A localized number with thousands grouping."""
    return number(value, int(digits))
