"""Symmetric encryption for contact details at rest (Fernet, keys from the environment)."""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Sequence

from cryptography.fernet import Fernet, InvalidToken, MultiFernet

__all__ = ["FieldCipher", "InvalidToken"]


def _fernet_key(secret: str) -> bytes:
    """Turn any secret string into a Fernet key (32 bytes, url-safe base64)."""
    return base64.urlsafe_b64encode(hashlib.sha256(secret.encode("utf-8")).digest())


class FieldCipher:
    """Encrypts with the first key and decrypts with any of them, so keys can be rotated."""

    def __init__(self, secrets: Sequence[str]) -> None:
        if not secrets or not all(secrets):
            raise ValueError("at least one non-empty encryption key is required")
        self._fernet = MultiFernet([Fernet(_fernet_key(s)) for s in secrets])

    def encrypt(self, text: str) -> str:
        return self._fernet.encrypt(text.encode("utf-8")).decode("ascii")

    def decrypt(self, token: str) -> str:
        return self._fernet.decrypt(token.encode("ascii")).decode("utf-8")
