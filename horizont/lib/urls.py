"""Addresses written by users, normalised the way a browser reads them.

A browser strips tabs and line breaks anywhere in an address, trims spaces and control
characters at its ends, and treats a backslash like a slash: ``/\\host/x.png`` and
``/\\t/host/x.png`` are both ``//host/x.png``, a picture from another host. Checks on
addresses must therefore look at the normalised form, never at the raw text.
"""

from __future__ import annotations

from urllib.parse import unquote, urlsplit

_STRIPPED_INSIDE = str.maketrans("", "", "\t\n\r")
_C0_AND_SPACE = "".join(chr(c) for c in range(0x21))


def browser_normalised(url: str) -> str:
    """``url`` as a browser parses it: inner tabs and line breaks gone, ends trimmed,
    backslashes read as slashes."""
    return url.translate(_STRIPPED_INSIDE).strip(_C0_AND_SPACE).replace("\\", "/")


def local_path(url: str) -> str | None:
    """The normalised ``url`` if it is a path on this site (``/media/a.png``), else None.

    Refused: any scheme (``https:``, ``data:``, ``javascript:``), protocol-relative
    addresses (``//host``, ``/\\host``, ``\\\\host``), and paths whose percent-decoded
    start would read as one (``/%2F/host`` is harmless to a browser, but a proxy or a
    feed reader that decodes it would leave the site).
    """
    normalised = browser_normalised(url)
    if not normalised.startswith("/") or normalised.startswith("//"):
        return None
    decoded = browser_normalised(unquote(normalised))
    if decoded.startswith("//"):
        return None
    parts = urlsplit(normalised)
    if parts.scheme or parts.netloc:
        return None
    return normalised
