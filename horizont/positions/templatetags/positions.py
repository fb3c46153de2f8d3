from __future__ import annotations

from typing import Any

from django import template

register = template.Library()


@register.filter
def index(sequence: Any, position: int) -> Any:
    """``sequence[position]``, or an empty string when out of range."""
    try:
        return sequence[position]
    except (IndexError, KeyError, TypeError):
        return ""


@register.filter
def percent(share: float) -> str:
    return f"{round(100 * float(share))} %"
