"""Stable keys for demo content: a demo loader finds its objects again by a key it chose,
not by a visible text that a later version may change (see :class:`DemoKey`).

Not named ``demo.py``: the ``demo`` command loads each app's ``demo`` module.
"""

from __future__ import annotations

from typing import TypeVar

from django.contrib.contenttypes.models import ContentType
from django.db import models

from horizont.core.models import DemoKey

M = TypeVar("M", bound=models.Model)


def demo_object(model: type[M], key: str, *, legacy: models.QuerySet[M] | None = None) -> M | None:
    """The object of ``model`` stored under ``key``, or None.

    ``legacy`` finds the object as an older version of the demo created it, before it had
    a key (by its texts then); the first one found that has no key yet is stored under
    ``key`` from now on. A key whose object was deleted is forgotten.
    """
    content_type = ContentType.objects.get_for_model(model)
    stored = DemoKey.objects.filter(key=key).first()
    if stored is not None:
        if stored.content_type_id == content_type.pk:
            found = model._default_manager.filter(pk=stored.object_id).first()
            if found is not None:
                return found
        stored.delete()
    if legacy is None:
        return None
    keyed = DemoKey.objects.filter(content_type=content_type).values("object_id")
    found = legacy.exclude(pk__in=keyed).order_by("pk").first()
    if found is not None:
        demo_remember(found, key)
    return found


def demo_remember(obj: models.Model, key: str) -> None:
    """Store ``obj`` under ``key`` (replacing what the key named before)."""
    DemoKey.objects.update_or_create(
        key=key,
        defaults={
            "content_type": ContentType.objects.get_for_model(type(obj)),
            "object_id": obj.pk,
        },
    )
