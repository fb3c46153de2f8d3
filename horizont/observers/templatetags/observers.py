from __future__ import annotations

from typing import Any

from django import template
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from horizont.elections import sections
from horizont.publications.markdown import render_markdown

register = template.Library()


@register.filter
def lesson_markdown(text: str) -> SafeString:
    """Lessons are Markdown, rendered and sanitized as publications are."""
    return render_markdown(text)


@register.filter
def percent(value: float) -> str:
    """A share as a percentage in the reader's language: 0.181 → "18,1 %" in German."""
    return sections.percent(value, 1)


@register.filter
def points(value: float) -> str:
    """A difference of shares in percentage points, signed: −0.014 → "-1,4" in Russian."""
    return ("+" if value >= 0 else "-") + sections.number(abs(100 * value), 1)


@register.filter
def effect_rows(result: Any) -> list[tuple[str, Any]]:
    return [(_("turnout"), result.turnout), (_("leader's share"), result.leader_share)]
