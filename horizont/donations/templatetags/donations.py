"""``{% load donations %}{% donation_block initiative %}``: an initiative's bank details
beside an article or a petition, with a link to its donation page (QR codes there)."""

from __future__ import annotations

from typing import Any

from django import template
from django.utils.translation import get_language

register = template.Library()


@register.inclusion_tag("donations/_block.html")
def donation_block(initiative: Any) -> dict[str, Any]:
    """Renders nothing when the initiative is not public or has no account shown to donors."""
    if initiative is None or not getattr(initiative, "is_public", False):
        return {"accounts": []}
    language = (get_language() or "en")[:2]
    accounts = [
        {"account": account, "purpose": account.purpose_for(language)}
        for account in initiative.bank_accounts.active()
    ]
    return {"initiative": initiative, "accounts": accounts}


@register.inclusion_tag("donations/_links.html", takes_context=True)
def donation_links(context: template.Context, initiative: Any) -> dict[str, Any]:
    """List items for an initiative's page: donate, the public report, and for organizers
    the management page."""
    request = context.get("request")
    user = getattr(request, "user", None)
    can_manage = bool(user is not None and user.has_perm("donations.manage_accounts", initiative))
    public = bool(getattr(initiative, "is_public", False))
    return {
        "initiative": initiative,
        "has_accounts": public and initiative.bank_accounts.active().exists(),
        "has_books": public and initiative.book_entries.exists(),
        "can_manage": can_manage,
    }
