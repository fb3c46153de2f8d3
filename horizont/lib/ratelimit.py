"""A fixed-window rate limit on the cache, for posting and signing.

Keys are hashed, so no IP address or user id is stored in clear, and every key expires
with its window: nothing about a client outlives the window that needs it.
"""

from __future__ import annotations

import hashlib
from typing import Protocol


class Cache(Protocol):
    def add(self, key: str, value: int, timeout: int) -> bool: ...
    def incr(self, key: str) -> int: ...


def hit(cache: Cache, *, action: str, who: str, limit: int, window: int) -> bool:
    """Count one attempt; return False when ``who`` has used up ``limit`` for ``window`` s."""
    digest = hashlib.sha256(f"{action}:{who}".encode()).hexdigest()[:32]
    key = f"rl:{action}:{digest}"
    if cache.add(key, 1, window):
        return limit >= 1
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add() and incr()
        cache.add(key, 1, window)
        return limit >= 1
    return count <= limit
