from __future__ import annotations

from django.http import HttpRequest
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _

from horizont.abroad.apps import AbroadConfig

# The capabilities in the main navigation; a part that is not installed yet is left out.
NAVIGATION = [
    ("network:directory", _("Initiatives")),
    ("events:list", _("Events")),
    ("publications:list", _("Publications")),
    ("forum:index", _("Forum")),
    ("elections:list", _("Elections")),
    # The label comes from the app, so that its catalogue holds the translation.
    ("abroad:finder", AbroadConfig.verbose_name),
    ("sanctions:screen", _("Sanctions")),
    ("petitions:list", _("Petitions")),
    ("positions:list", _("Positions")),
    ("observers:index", _("Observers")),
]


def site(request: HttpRequest) -> dict[str, object]:
    items = []
    path = request.path
    for name, label in NAVIGATION:
        try:
            url = reverse(name)
        except NoReverseMatch:
            continue
        items.append({"url": url, "label": label, "current": path.startswith(url)})
    return {"nav_items": items}
