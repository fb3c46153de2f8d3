"""REST API of the elections app (mounted at /api/elections/)."""

from ninja import Router

router = Router(tags=["elections"])
