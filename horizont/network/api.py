"""REST API of the network app (mounted at /api/network/)."""

from ninja import Router

router = Router(tags=["network"])
