"""The REST API: one NinjaAPI, each app adds its router (see CONTRIBUTING.md)."""

from __future__ import annotations

from django.http import HttpRequest
from ninja import NinjaAPI

import horizont

api = NinjaAPI(
    title="Horizont API",
    version=horizont.__version__,
    description="Public data of the Horizont platform. Write access needs a signed-in session.",
    urls_namespace="api",
)


@api.get("/health", tags=["meta"], summary="Service status")
def health(request: HttpRequest) -> dict[str, str]:
    return {"status": "ok", "version": horizont.__version__}


APP_ROUTERS = (
    "network",
    "events",
    "publications",
    "forum",
    "elections",
    "sanctions",
    "donations",
    "petitions",
    "positions",
    "observers",
)
for _app in APP_ROUTERS:
    api.add_router(f"/{_app}/", f"horizont.{_app}.api.router")
