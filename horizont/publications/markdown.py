"""Markdown to safe HTML, for articles and forum posts.

Authors write Markdown; readers get HTML that cannot run anything. The text is rendered
with ``markdown`` and the result is cleaned with ``nh3`` (an allow-list sanitizer) every
time it is shown, so a stored body never needs to be trusted: scripts, iframes, event
handlers, ``style`` attributes and ``javascript:`` links are dropped, links get
``rel="nofollow noopener"``, and images may only come from this site (a picture from
another host would tell that host who reads the page).
"""

from __future__ import annotations

from typing import Any

import markdown as markdown_lib
import nh3
from django.utils.safestring import SafeString, mark_safe

from horizont.lib.urls import local_path

ALLOWED_TAGS = {
    "a", "abbr", "blockquote", "br", "code", "dd", "del", "dl", "dt", "em", "h2", "h3",
    "h4", "h5", "h6", "hr", "img", "li", "ol", "p", "pre", "strong", "sub", "sup", "table",
    "tbody", "td", "th", "thead", "tr", "ul",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "abbr": {"title"},
    "img": {"src", "alt", "title", "width", "height"},
    "th": {"scope", "colspan", "rowspan"},
    "td": {"colspan", "rowspan"},
}
URL_SCHEMES = {"http", "https", "mailto"}
EXTENSIONS = ["extra", "sane_lists"]


def _only_local_images(tag: str, attribute: str, value: str) -> str | None:
    if tag == "img" and attribute == "src":
        # Normalised as a browser reads it: "/\\host/x.png" is "//host/x.png".
        return local_path(value)
    return value


def render_markdown(text: str, **_: Any) -> SafeString:
    """Render ``text`` (Markdown, possibly hostile) to HTML that is safe to include."""
    html = markdown_lib.markdown(text or "", extensions=EXTENSIONS, output_format="html")
    # Headings of the author's text start at h2: the page's own title is the h1.
    html = html.replace("<h1>", "<h2>").replace("</h1>", "</h2>")
    cleaned = nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        clean_content_tags={"script", "style", "iframe", "object", "embed", "template"},
        attributes=ALLOWED_ATTRIBUTES,
        attribute_filter=_only_local_images,
        url_schemes=URL_SCHEMES,
        link_rel="nofollow noopener",
        strip_comments=True,
    )
    return mark_safe(cleaned)  # noqa: S308 - nh3 output is sanitized by an allow-list
