"""A fixed-window rate limit on the cache, for posting and signing.

Callers pass ``who`` already keyed (see ``horizont.core.ratelimit.client_key``), so no
IP address or user id reaches the cache in clear; every key expires with its window:
nothing about a client outlives the window that needs it.
"""

from __future__ import annotations

import hashlib
from typing import Protocol


class Cache(Protocol):
    def add(self, key: str, value: int, timeout: int) -> bool: ...
    def incr(self, key: str) -> int: ...
    def get(self, key: str, default: int = 0) -> int: ...


def _key(action: str, who: str) -> str:
    digest = hashlib.sha256(f"{action}:{who}".encode()).hexdigest()[:32]
    return f"rl:{action}:{digest}"


def hit(cache: Cache, *, action: str, who: str, limit: int, window: int) -> bool:
    """Count one attempt; return False when ``who`` has used up ``limit`` for ``window`` s."""
    key = _key(action, who)
    if cache.add(key, 1, window):
        return limit >= 1
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add() and incr()
        cache.add(key, 1, window)
        return limit >= 1
    return count <= limit


def used(cache: Cache, *, action: str, who: str) -> int:
    """How many attempts ``who`` made in the current window of ``action`` (no counting)."""
    return int(cache.get(_key(action, who), 0) or 0)
