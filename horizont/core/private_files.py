"""Private files: stored outside the public media folder, served only by views that
check permissions.

``MEDIA_ROOT`` is served by the proxy at ``/media/`` to anyone who knows an address.
Case evidence, batch-screening results and uploads waiting for a job live under
``PRIVATE_ROOT`` instead, which no proxy serves on its own. A view checks who asks, then
hands the file over with :func:`private_file_response`: through the proxy when
``PRIVATE_FILES_SERVER`` says one is there (nginx ``X-Accel-Redirect`` to an ``internal``
location, or Apache/lighttpd ``X-Sendfile``), else streamed by Django.
"""

from __future__ import annotations

import mimetypes
import os
from pathlib import Path
from typing import Any
from urllib.parse import quote

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.http import FileResponse, Http404, HttpResponse
from django.utils.deconstruct import deconstructible


@deconstructible(path="horizont.core.private_files.PrivateStorage")
class PrivateStorage(FileSystemStorage):
    """File storage under ``PRIVATE_ROOT``; its files have no public address."""

    @property  # type: ignore[override]
    def base_location(self) -> str:
        return str(self._value_or_setting(self._location, settings.PRIVATE_ROOT))

    @property  # type: ignore[override]
    def location(self) -> str:
        return os.path.abspath(self.base_location)

    def url(self, name: str | None) -> str:
        raise ValueError("private files have no public address; serve them through a view")


private_storage = PrivateStorage()


def private_path(*parts: str) -> Path:
    """A path under ``PRIVATE_ROOT`` (refuses anything that would leave it)."""
    root = Path(settings.PRIVATE_ROOT).resolve()
    path = root.joinpath(*parts).resolve()
    if root != path and root not in path.parents:
        raise ValueError("path outside PRIVATE_ROOT")
    return path


def private_file_response(
    path: Path | str,
    *,
    filename: str | None = None,
    as_attachment: bool = False,
    content_type: str | None = None,
) -> HttpResponse:
    """Answer with the private file at ``path`` (already permission-checked by the caller)."""
    path = Path(path).resolve()
    root = Path(settings.PRIVATE_ROOT).resolve()
    if root not in path.parents or not path.is_file():
        raise Http404
    content_type = content_type or mimetypes.guess_type(path.name)[0] or "application/octet-stream"
    server = settings.PRIVATE_FILES_SERVER
    response: HttpResponse
    if server == "nginx":
        response = HttpResponse(content_type=content_type)
        prefix = settings.PRIVATE_FILES_INTERNAL_URL.rstrip("/")
        response["X-Accel-Redirect"] = f"{prefix}/{quote(str(path.relative_to(root)))}"
    elif server == "sendfile":
        response = HttpResponse(content_type=content_type)
        response["X-Sendfile"] = str(path)
    else:
        response = FileResponse(path.open("rb"), content_type=content_type)
    if filename or as_attachment:
        disposition = "attachment" if as_attachment else "inline"
        response["Content-Disposition"] = (
            f"{disposition}; filename*=UTF-8''{quote(filename or path.name)}"
        )
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response


def private_files_remove(*paths: Any) -> None:
    """Remove private files or folders (missing ones are fine)."""
    from horizont.tasks import remove_job_files

    remove_job_files([str(p) for p in paths])
