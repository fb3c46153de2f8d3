"""Markdown from authors is hostile until proven otherwise: it renders inert."""

import pytest

from horizont.publications.markdown import render_markdown

HOSTILE = [
    "<script>alert('x')</script>",
    "<img src=x onerror=alert(1)>",
    "[click](javascript:alert(1))",
    '<a href="JaVaScRiPt:alert(1)">x</a>',
    '<iframe src="https://evil.example/"></iframe>',
    '<p style="background:url(https://evil.example/t.png)">styled</p>',
    "<svg onload=alert(1)><circle/></svg>",
    '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">d</a>',
    '<form action="https://evil.example"><input name=p></form>',
    '<div onmouseover="alert(1)">hover</div>',
    '<object data="x.swf"></object><embed src="x.swf">',
]


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_markdown_renders_inert(text):
    html = str(render_markdown(text)).lower()
    for needle in (
        "<script", "onerror", "onload", "onmouseover", "javascript:", "<iframe", "style=",
        "<svg", "data:text", "<form", "<input", "<object", "<embed", "evil.example",
    ):  # fmt: skip
        assert needle not in html, (text, html)


def test_markdown_formatting_survives_and_links_get_nofollow():
    html = str(render_markdown("# Title\n\n**bold** and [a link](https://example.org/)"))
    assert "<strong>bold</strong>" in html
    assert '<a href="https://example.org/" rel="nofollow noopener">a link</a>' in html
    assert "<h2>Title</h2>" in html  # the page's own title is the only h1


def test_images_only_from_this_site():
    html = str(render_markdown("![remote](https://tracker.example/pixel.png) ![own](/media/a.png)"))
    assert "tracker.example" not in html
    assert 'src="/media/a.png"' in html
    assert "//" not in str(render_markdown("![x](//tracker.example/p.png)"))


def test_script_text_content_is_removed_not_shown():
    assert "alert" not in str(render_markdown("<script>alert(1)</script>safe"))


OTHER_HOST_IMAGES = [
    "![t](/\\host.example/x.png)",
    '<img src="\\\\host.example/x.png">',
    "![t](/\\/host.example/x.png)",
    "![t](https:host.example/x.png)",
    '<img src="/&#92;host.example/x.png">',
    '<img src="/&bsol;host.example/x.png">',
    '<img src="/\n/host.example/x.png">',
    '<img src=" //host.example/x.png">',
    '<img src="/%2F/host.example/x.png">',
    '<img src="/%5Chost.example/x.png">',
    '<img src="&#x2F;&#x2F;host.example/x.png">',
]


@pytest.mark.parametrize("text", OTHER_HOST_IMAGES)
def test_images_from_other_hosts_are_dropped_however_written(text):
    html = str(render_markdown(text))
    assert "<img" in html  # the image stays, without its address
    assert "host.example" not in html, html


def test_own_images_keep_their_address():
    html = str(render_markdown("![a](/media/publications/2026/01/a.png?v=2)"))
    assert 'src="/media/publications/2026/01/a.png?v=2"' in html
