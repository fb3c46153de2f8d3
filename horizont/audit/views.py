from __future__ import annotations

from urllib.parse import urlencode

from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from horizont.audit.models import AuditEntry


def audit_log(request: HttpRequest) -> HttpResponse:
    if not request.user.has_perm("audit.view_log"):
        raise PermissionDenied
    entries = AuditEntry.objects.select_related("actor")
    action = request.GET.get("action", "").strip()
    if action:
        entries = entries.filter(action=action)
    page = Paginator(entries, 50).get_page(request.GET.get("page"))
    query = urlencode({"action": action}) if action else ""
    return render(request, "audit/log.html", {"page": page, "action": action, "query": query})
