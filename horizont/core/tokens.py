"""Signed links that name one row: confirm, cancel and unsubscribe links in e-mails."""

from __future__ import annotations

from typing import Any, TypeVar

from django.core import signing
from django.db.models import Model, QuerySet

M = TypeVar("M", bound=Model)


class BadToken(Exception):
    """A link is forged, broken, expired, or names a row that is gone."""


def row_token(row: Model, *, salt: str, key: str) -> str:
    """A signed token naming ``row`` (``key`` keeps links already sent valid)."""
    return signing.dumps({key: row.pk}, salt=salt, compress=True)


def row_from_token(
    queryset: QuerySet[M], token: str, *, salt: str, key: str, max_age: Any = None
) -> M:
    """The row of ``queryset`` that ``token`` names; :class:`BadToken` otherwise."""
    try:
        data = signing.loads(token, salt=salt, max_age=max_age)
        return queryset.get(pk=int(data[key]))
    except (signing.BadSignature, KeyError, TypeError, ValueError) as exc:
        raise BadToken from exc
    except queryset.model.DoesNotExist as exc:
        raise BadToken from exc
