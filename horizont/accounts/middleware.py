from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.middleware import get_user
from django.http import HttpRequest, HttpResponse
from django.utils import translation
from django.utils.functional import SimpleLazyObject


class UserLanguageMiddleware:
    """Remember the interface language a signed-in user reads in.

    The URL prefix decides the language of a page; when a signed-in user opens a page in
    another language, that language becomes their preference (used for e-mails). Paths
    without a prefix (``/healthz``, the API) say nothing about it: they neither load the
    user nor write their language.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if request.method != "GET" or response.status_code != 200:
            return response
        language = translation.get_language_from_path(request.path_info)
        if not language:
            return response
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and user.language != language:
            get_user_model().objects.filter(pk=user.pk).update(language=language)
        return response


def session_passed_two_factor(request: HttpRequest, user: Any) -> bool:
    """Whether this session passed a two-factor check for ``user`` (allauth records each
    authentication step of a session; enrolling an authenticator records none)."""
    from allauth.account.authentication import get_authentication_records

    return any(
        record.get("method") == "mfa" for record in get_authentication_records(request, user)
    )


class SessionTwoFactorMiddleware:
    """Tell ``request.user`` whether this session passed two-factor
    (``user.mfa_session_passed``, behind ``user.has_mfa`` and the ``has_mfa`` rule).

    Lazy like Django's own ``request.user``: nothing is read for requests that never
    look at the user.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        request.user = SimpleLazyObject(lambda: self._user(request))  # type: ignore[assignment]
        return self.get_response(request)

    @staticmethod
    def _user(request: HttpRequest) -> Any:
        user = get_user(request)
        if user.is_authenticated:
            user.mfa_session_passed = session_passed_two_factor(request, user)
        return user
