"""Model fields shared by all apps."""

from __future__ import annotations

from functools import cache
from typing import Any

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import models

from horizont.lib.crypto import FieldCipher, InvalidToken


@cache
def _cipher(keys: tuple[str, ...]) -> FieldCipher:
    return FieldCipher(keys)


def cipher() -> FieldCipher:
    return _cipher(tuple(settings.FIELD_ENCRYPTION_KEYS))


class EncryptedTextField(models.TextField):
    """Text stored encrypted with ``FIELD_ENCRYPTION_KEY``; it cannot be searched or sorted.

    Losing the key makes the stored values unreadable (see docs/operations.md).
    """

    def get_prep_value(self, value: Any) -> Any:
        value = super().get_prep_value(value)
        if value in (None, ""):
            return value
        return cipher().encrypt(str(value))

    def from_db_value(self, value: Any, expression: Any, connection: Any) -> Any:
        if value in (None, ""):
            return value
        try:
            return cipher().decrypt(value)
        except InvalidToken as exc:
            raise ImproperlyConfigured(
                "An encrypted field cannot be read with the configured FIELD_ENCRYPTION_KEY."
            ) from exc
