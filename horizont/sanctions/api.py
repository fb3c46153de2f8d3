"""REST API of the sanctions app (mounted at /api/sanctions/)."""

from ninja import Router

router = Router(tags=["sanctions"])
