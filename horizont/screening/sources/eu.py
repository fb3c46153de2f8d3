"""Placeholder, written below."""

from __future__ import annotations

from pathlib import Path

from horizont.screening.sources.base import ListFormatError, ParsedList

FORMAT = "eu"


def detect(path: Path) -> bool:
    return False


def parse(path: Path, *, version: str | None = None, list_id: str | None = None) -> ParsedList:
    raise ListFormatError("not yet")
