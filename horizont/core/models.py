"""What every app shares: the demo loaders' stable keys."""

from __future__ import annotations

from django.contrib.contenttypes.models import ContentType
from django.db import models


class DemoKey(models.Model):
    """The fixed name under which a demo loader finds again an object it created.

    Demo texts change between versions (a title translated, a name reworded); a loader
    that found its objects by their texts created them a second time on a database filled
    by an older version. ``key`` ("events:newcomers-evening") never changes.
    """

    key = models.CharField(max_length=100, unique=True)
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField()

    def __str__(self) -> str:
        return self.key
