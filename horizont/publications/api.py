"""REST API of the publications app (mounted at /api/publications/): published articles only."""

from __future__ import annotations

from datetime import datetime

from django.db.models import QuerySet
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Router, Schema

from horizont.publications.markdown import render_markdown
from horizont.publications.models import Article

router = Router(tags=["publications"])


class VersionOut(Schema):
    language: str
    title: str
    summary: str
    url: str


class VersionDetailOut(VersionOut):
    body_markdown: str
    body_html: str


class ArticleOut(Schema):
    id: int
    kind: str
    initiative: str
    initiative_name: str
    original_language: str
    tags: list[str]
    published_at: datetime | None
    url: str
    versions: list[VersionOut]


class ArticleDetailOut(ArticleOut):
    image_url: str | None
    image_alt: str
    versions: list[VersionDetailOut]  # type: ignore[assignment]


def _version(v, detail: bool = False) -> dict:
    data = {
        "language": v.language,
        "title": v.title,
        "summary": v.summary,
        "url": v.get_absolute_url(),
    }
    if detail:
        data["body_markdown"] = v.body
        data["body_html"] = str(render_markdown(v.body))
    return data


def _article(article: Article, detail: bool = False) -> dict:
    data = {
        "id": article.pk,
        "kind": article.kind,
        "initiative": article.initiative.slug,
        "initiative_name": article.initiative.name,
        "original_language": article.original_language,
        "tags": [tag.slug for tag in article.tags.all()],
        "published_at": article.published_at,
        "url": article.get_absolute_url(),
        "versions": [_version(v, detail) for v in article.versions()],
    }
    if detail:
        data["image_url"] = article.image_url() or None
        data["image_alt"] = article.image_alt
    return data


def _published() -> QuerySet[Article]:
    return (
        Article.objects.published()
        .select_related("initiative")
        .prefetch_related("translations", "tags")
    )


class ArticlePage(Schema):
    count: int
    items: list[ArticleOut]


@router.get("/articles", response=ArticlePage, summary="Published articles, newest first")
def list_articles(
    request: HttpRequest,
    tag: str | None = None,
    initiative: str | None = None,
    language: str | None = None,
    limit: int = 20,
    offset: int = 0,
) -> dict:
    articles = _published()
    if tag:
        articles = articles.filter(tags__slug=tag)
    if initiative:
        articles = articles.filter(initiative__slug=initiative)
    if language:
        articles = articles.filter(translations__language=language)
    articles = articles.distinct()
    limit, offset = max(1, min(limit, 100)), max(0, offset)
    return {
        "count": articles.count(),
        "items": [_article(a) for a in articles[offset : offset + limit]],
    }


@router.get("/articles/{article_id}", response=ArticleDetailOut, summary="One published article")
def get_article(request: HttpRequest, article_id: int) -> dict:
    return _article(get_object_or_404(_published(), pk=article_id), detail=True)
