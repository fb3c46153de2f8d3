"""REST API of the forum app (mounted at /api/forum/)."""

from ninja import Router

router = Router(tags=["forum"])
