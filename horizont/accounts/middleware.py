from __future__ import annotations

from collections.abc import Callable

from django.contrib.auth import get_user_model
from django.http import HttpRequest, HttpResponse


class UserLanguageMiddleware:
    """Remember the interface language a signed-in user reads in.

    The URL prefix decides the language of a page; when a signed-in user opens a page in
    another language, that language becomes their preference (used for e-mails).
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        user = getattr(request, "user", None)
        language = getattr(request, "LANGUAGE_CODE", None)
        if (
            user is not None
            and user.is_authenticated
            and language
            and request.method == "GET"
            and user.language != language
            and response.status_code == 200
        ):
            get_user_model().objects.filter(pk=user.pk).update(language=language)
        return response
