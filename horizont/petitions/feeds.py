"""The Atom feed of a petition's public timeline."""

from __future__ import annotations

from typing import Any

from django.contrib.syndication.views import Feed
from django.utils import translation
from django.utils.feedgenerator import Atom1Feed

from horizont.petitions.models import Petition, TimelineEntry
from horizont.petitions.templatetags.petitions import timeline_sentence


class PetitionFeed(Feed):
    feed_type = Atom1Feed

    def get_object(self, request: Any, *args: Any, **kwargs: Any) -> Petition:
        return kwargs["petition"]

    def title(self, obj: Petition) -> str:
        text = obj.text_for(translation.get_language())
        return text.title if text else str(obj)

    def link(self, obj: Petition) -> str:
        return obj.get_absolute_url()

    def subtitle(self, obj: Petition) -> str:
        return obj.initiative.name

    def items(self, obj: Petition) -> Any:
        return obj.timeline.order_by("-created_at", "-pk")[:50]

    def item_title(self, item: TimelineEntry) -> str:
        return timeline_sentence(item)

    def item_description(self, item: TimelineEntry) -> str:
        return item.body

    def item_link(self, item: TimelineEntry) -> str:
        return f"{item.petition.get_absolute_url()}#entry-{item.pk}"

    def item_pubdate(self, item: TimelineEntry) -> Any:
        return item.created_at

    def item_updateddate(self, item: TimelineEntry) -> Any:
        return item.created_at
