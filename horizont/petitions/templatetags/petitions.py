from __future__ import annotations

from django import template
from django.utils.translation import gettext as _

from horizont.petitions.models import TimelineEntry

register = template.Library()


@register.filter
def timeline_sentence(entry: TimelineEntry) -> str:
    """The entry as a sentence in the reader's language."""
    kind = TimelineEntry.Kind
    if entry.kind == kind.OPENED:
        return _("The petition started collecting signatures.")
    if entry.kind == kind.MILESTONE:
        return _("%(count)d signatures reached.") % {"count": entry.count or 0}
    if entry.kind == kind.DELIVERED:
        return _("Delivered to %(addressee)s with %(count)d signatures.") % {
            "addressee": entry.title,
            "count": entry.count or 0,
        }
    if entry.kind == kind.ANSWERED:
        return _("Answer received from %(addressee)s.") % {"addressee": entry.title}
    if entry.kind == kind.CLOSED:
        return _("The petition is closed.")
    return entry.title
