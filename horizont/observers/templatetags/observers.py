from __future__ import annotations

from django import template
from django.utils.safestring import SafeString

from horizont.publications.markdown import render_markdown

register = template.Library()


@register.filter
def lesson_markdown(text: str) -> SafeString:
    """Lessons are Markdown, rendered and sanitized as publications are."""
    return render_markdown(text)
