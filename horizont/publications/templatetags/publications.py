from django import template
from django.utils.safestring import SafeString

from horizont.publications.markdown import render_markdown

register = template.Library()


@register.filter(name="markdown")
def markdown_filter(text: str) -> SafeString:
    """Markdown rendered to sanitized HTML (see horizont/publications/markdown.py)."""
    return render_markdown(text)
