"""Time-based one-time passwords (RFC 6238), for the demo and for tests."""

from __future__ import annotations

import base64
import hashlib
import hmac
import struct
import time


def totp_code(
    secret_base32: str, *, at: float | None = None, period: int = 30, digits: int = 6
) -> str:
    """The code an authenticator app shows for ``secret_base32`` at time ``at``."""
    padded = secret_base32.upper() + "=" * (-len(secret_base32) % 8)
    key = base64.b32decode(padded)
    counter = int((time.time() if at is None else at) // period)
    digest = hmac.new(key, struct.pack(">Q", counter), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    value = struct.unpack(">I", digest[offset : offset + 4])[0] & 0x7FFFFFFF
    return str(value % 10**digits).zfill(digits)
