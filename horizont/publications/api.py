"""REST API of the publications app (mounted at /api/publications/)."""

from ninja import Router

router = Router(tags=["publications"])
