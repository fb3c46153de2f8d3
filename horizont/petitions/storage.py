"""Private files of petitions (delivery proofs, replies): outside MEDIA_ROOT.

They are served only by ``views.private_file``, which checks permissions. This is the one
place that knows where they live, so that a project-wide private-file helper can replace
it later.
"""

from __future__ import annotations

import os
from pathlib import Path

from django.conf import settings
from django.core.files.storage import FileSystemStorage


def private_root() -> Path:
    configured = getattr(settings, "PRIVATE_MEDIA_ROOT", None)
    root = Path(configured) if configured else Path(settings.MEDIA_ROOT).parent / "private"
    return root / "petitions"


class PrivateStorage(FileSystemStorage):
    """Resolves its folder on every use, so settings changed in tests are honoured."""

    @property  # type: ignore[override]
    def base_location(self) -> str:
        return str(private_root())

    @property  # type: ignore[override]
    def location(self) -> str:
        return os.path.abspath(self.base_location)

    def url(self, name: str | None) -> str:
        raise ValueError("private files have no public URL")


def private_storage() -> PrivateStorage:
    return PrivateStorage()
