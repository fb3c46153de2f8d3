"""Small helpers for views."""

from __future__ import annotations

from django.http import Http404


def row_number_or_404(value: str | None) -> int:
    """A row number posted by a button; anything no button sends (a word, a superscript
    digit, a number beyond the database's integers, nothing) is "not found", not a 500."""
    if not value or not (value.isascii() and value.isdigit() and len(value) <= 18):
        raise Http404
    return int(value)
