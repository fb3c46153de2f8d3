"""The Django admin, open only to staff who have turned on two-factor authentication."""

from __future__ import annotations

from urllib.parse import urlencode

from django.contrib import admin
from django.contrib.admin.apps import AdminConfig
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest


class HorizontAdminSite(admin.AdminSite):
    site_header = "Horizont"
    site_title = "Horizont"

    def has_permission(self, request: HttpRequest) -> bool:
        user = request.user
        return bool(super().has_permission(request) and user.has_mfa)  # type: ignore[union-attr]

    def login(self, request: HttpRequest, extra_context: object = None):  # type: ignore[no-untyped-def,override]
        from django.shortcuts import redirect
        from django.urls import reverse

        if request.user.is_authenticated:
            if not request.user.is_staff:
                raise PermissionDenied
            return redirect(reverse("mfa_index"))
        query = urlencode({"next": request.GET.get("next") or reverse("admin:index")})
        return redirect(f"{reverse('account_login')}?{query}")


class HorizontAdminConfig(AdminConfig):
    default_site = "horizont.core.admin_site.HorizontAdminSite"
