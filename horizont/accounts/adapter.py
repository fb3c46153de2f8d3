from __future__ import annotations

from allauth.account.adapter import DefaultAccountAdapter
from django.http import HttpRequest


class AccountAdapter(DefaultAccountAdapter):
    """Sign-up can be closed by an operator with ``ACCOUNT_ALLOW_SIGNUP=False``."""

    def is_open_for_signup(self, request: HttpRequest) -> bool:
        from django.conf import settings

        return bool(getattr(settings, "ACCOUNT_ALLOW_SIGNUP", True))
