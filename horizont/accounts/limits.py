"""Failed sign-ins are limited per account and per client address, separately.

* Per account: allauth's ``login_failed`` limit, keyed by the account only (a short
  back-off, ``ACCOUNT_RATE_LIMITS``). Wrong passwords and wrong two-factor codes each
  count for their account.
* Per address: how many *different* accounts failed from one address in a window
  (``HORIZONT_RATE_LIMITS["login_failed_accounts"]``). That stops one client from trying
  passwords on many accounts, yet one account's failures count once, however many there
  are, so they never lock out the other people behind the same address — a NAT, a proxy
  or the onion service, where everybody is "one address".

Addresses and account names reach the cache only as keyed hashes.
"""

from __future__ import annotations

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest

from horizont.core.ratelimit import address_key, keyed
from horizont.lib.ratelimit import hit, used

ACTION = "login_failed_accounts"


def login_failure_record(request: HttpRequest, *, account: str) -> None:
    """Note a failed password or two-factor code for ``account`` from this client."""
    limit, window = settings.HORIZONT_RATE_LIMITS[ACTION]
    address = address_key(request)
    first_failure_of_account = cache.add(
        f"rl:{ACTION}:pair:{keyed(address + '|' + account.lower())}", 1, window
    )
    if first_failure_of_account:
        hit(cache, action=ACTION, who=address, limit=limit, window=window)


def login_allowed_from_address(request: HttpRequest) -> bool:
    """False once this address failed on too many different accounts in the window."""
    limit, _window = settings.HORIZONT_RATE_LIMITS[ACTION]
    return used(cache, action=ACTION, who=address_key(request)) < limit
