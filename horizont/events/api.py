"""REST API of the events app (mounted at /api/events/)."""

from ninja import Router

router = Router(tags=["events"])
