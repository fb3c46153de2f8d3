from __future__ import annotations

from typing import Any

from django import template
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from horizont.publications.markdown import render_markdown

register = template.Library()


@register.filter
def lesson_markdown(text: str) -> SafeString:
    """Lessons are Markdown, rendered and sanitized as publications are."""
    return render_markdown(text)


@register.filter
def percent(value: float) -> str:
    return f"{100 * value:.1f}%"


@register.filter
def points(value: float) -> str:
    return f"{100 * value:+.1f}"


@register.filter
def effect_rows(result: Any) -> list[tuple[str, Any]]:
    return [(_("turnout"), result.turnout), (_("leader's share"), result.leader_share)]
