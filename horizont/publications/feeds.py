"""RSS and Atom feeds of published articles: everything, per initiative and per tag."""

from __future__ import annotations

from typing import Any

from django.contrib.syndication.views import Feed
from django.db.models import QuerySet
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.translation import gettext as _

from horizont.network.models import Initiative
from horizont.publications.markdown import render_markdown
from horizont.publications.models import Article, Tag

FEED_LENGTH = 30


class _ArticleFeed(Feed):
    feed_type = Rss201rev2Feed

    def articles(self, obj: Any) -> QuerySet[Article]:
        return (
            Article.objects.published()
            .select_related("initiative")
            .prefetch_related("translations", "tags")
        )

    def items(self, obj: Any) -> list[Article]:
        return list(self.articles(obj)[:FEED_LENGTH])

    def link(self, obj: Any) -> str:
        return reverse("publications:list")

    def item_title(self, item: Article) -> str:
        return str(item)

    def item_description(self, item: Article) -> str:
        version = item.version()
        if version is None:
            return ""
        return str(render_markdown(version.summary or version.body))

    def item_link(self, item: Article) -> str:
        version = item.version()
        return version.get_absolute_url() if version else item.get_absolute_url()

    def item_guid(self, item: Article) -> str:
        return f"horizont-article-{item.pk}"

    item_guid_is_permalink = False

    def item_pubdate(self, item: Article) -> Any:
        return item.published_at

    def item_updateddate(self, item: Article) -> Any:
        return item.updated_at

    def item_author_name(self, item: Article) -> str:
        return item.initiative.name

    def item_categories(self, item: Article) -> list[str]:
        return [tag.name for tag in item.tags.all()]


class AllArticlesRss(_ArticleFeed):
    def title(self, obj: Any) -> str:
        return _("Horizont publications")

    def description(self, obj: Any) -> str:
        return _("Articles and meeting reports of the initiatives on Horizont.")


class AllArticlesAtom(AllArticlesRss):
    feed_type = Atom1Feed

    def subtitle(self, obj: Any) -> str:
        return self.description(obj)


class InitiativeArticlesRss(_ArticleFeed):
    def get_object(self, request: HttpRequest, slug: str) -> Initiative:
        return get_object_or_404(Initiative.objects.public(), slug=slug)

    def articles(self, obj: Initiative) -> QuerySet[Article]:
        return super().articles(obj).filter(initiative=obj)

    def title(self, obj: Initiative) -> str:
        return _("Publications of %(initiative)s") % {"initiative": obj.name}

    def description(self, obj: Initiative) -> str:
        return _("Articles and meeting reports published by %(initiative)s.") % {
            "initiative": obj.name
        }

    def link(self, obj: Initiative) -> str:
        return f"{reverse('publications:list')}?initiative={obj.slug}"


class InitiativeArticlesAtom(InitiativeArticlesRss):
    feed_type = Atom1Feed

    def subtitle(self, obj: Initiative) -> str:
        return self.description(obj)


class TagArticlesRss(_ArticleFeed):
    def get_object(self, request: HttpRequest, slug: str) -> Tag:
        return get_object_or_404(Tag, slug=slug)

    def articles(self, obj: Tag) -> QuerySet[Article]:
        return super().articles(obj).filter(tags=obj)

    def title(self, obj: Tag) -> str:
        return _("Publications tagged %(tag)s") % {"tag": obj.name}

    def description(self, obj: Tag) -> str:
        return self.title(obj)

    def link(self, obj: Tag) -> str:
        return obj.get_absolute_url()


class TagArticlesAtom(TagArticlesRss):
    feed_type = Atom1Feed

    def subtitle(self, obj: Tag) -> str:
        return self.description(obj)
