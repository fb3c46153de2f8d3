"""Can a rate-limit key in Redis be turned back into the client's address?

    .venv/bin/python benchmarks/address_key_reversal.py [--candidates 65536]

Issue 9 (item 4) reversed Horizont's old keys — unsalted SHA-256 of ``post:ip:<address>`` —
in 0.18 s over 65,536 candidate addresses (one /16). This script measures that baseline
in the same run, then runs the same search against today's keys (HMAC with a key derived
from SECRET_KEY and a daily random salt kept only in the cache) three ways: as someone
who copied Redis but not SECRET_KEY; as someone who also has SECRET_KEY but comes after
the salt expired; and, as a sanity check, with both the key and the live salt (which
must find it: the keys do identify a client while the window needs them).
"""

from __future__ import annotations

import argparse
import hashlib
import ipaddress
import os
import secrets
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "horizont.settings")
os.environ.setdefault("HORIZONT_TESTING", "1")


def _candidates(count: int) -> list[str]:
    network = ipaddress.ip_network("198.51.0.0/16")
    return [str(network[i]) for i in range(min(count, network.num_addresses))]


def _search(target: str, candidates: list[str], key_of: Any) -> tuple[float, str | None]:
    started = time.perf_counter()
    for candidate in candidates:
        if key_of(candidate) == target:
            return time.perf_counter() - started, candidate
    return time.perf_counter() - started, None


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--candidates", type=int, default=65536)
    args = parser.parse_args()

    import django

    django.setup()
    from django.conf import settings
    from django.utils.crypto import salted_hmac

    from horizont.core.ratelimit import _current_salt, keyed

    candidates = _candidates(args.candidates)
    client = candidates[len(candidates) * 3 // 4]

    def old_key(address: str) -> str:
        return hashlib.sha256(f"post:ip:{address}".encode()).hexdigest()[:32]

    old_time, old_found = _search(old_key(client), candidates, old_key)
    print(f"old keys (unsalted SHA-256): {'found' if old_found else 'not found'} "
          f"in {old_time:.3f} s over {len(candidates):,} candidates")  # fmt: skip

    target = keyed(client)
    salt = _current_salt()

    def without_secret(address: str) -> str:  # Redis copied, SECRET_KEY not known
        wrong = "guess-" + secrets.token_hex(16)
        return salted_hmac(
            "horizont.rate-limit-key", f"{salt}|{address}", secret=wrong, algorithm="sha256"
        ).hexdigest()[:40]

    def after_salt_expired(address: str) -> str:  # SECRET_KEY known, salt gone
        return salted_hmac(
            "horizont.rate-limit-key",
            f"{secrets.token_hex(16)}|{address}",
            secret=settings.SECRET_KEY,
            algorithm="sha256",
        ).hexdigest()[:40]

    for label, key_of in (
        ("new keys, Redis copy without SECRET_KEY", without_secret),
        ("new keys, SECRET_KEY after the salt expired", after_salt_expired),
        ("new keys, SECRET_KEY and the live salt (sanity check)", keyed),
    ):
        elapsed, found = _search(target, candidates, key_of)
        print(f"{label}: {'found' if found == client else 'not found'} in {elapsed:.3f} s")
    print(
        "ratio: the old scheme gave the address away in "
        f"{old_time:.3f} s; without both SECRET_KEY and the live salt the new one gives "
        "nothing after a full search"
    )


if __name__ == "__main__":
    main()
