"""Workflows of the publications app: writing articles, their versions and images."""

from __future__ import annotations

import io
import uuid
from typing import Any

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from PIL import Image

from horizont.lib.images import CleanImage
from horizont.network.models import Initiative
from horizont.publications.models import Article, ArticleTranslation, Tag

IMAGE_WIDTHS = (480, 1200)


def tags_from_text(text: str) -> list[Tag]:
    """Tags named in a comma-separated list, created when new."""
    tags = []
    for raw in text.split(","):
        name = " ".join(raw.split())[:60]
        if not name:
            continue
        slug = slugify(name, allow_unicode=True)[:80] or "tag"
        tag = Tag.objects.filter(slug=slug).first() or Tag.objects.create(name=name, slug=slug)
        if tag not in tags:
            tags.append(tag)
    return tags


def _slug_for(title: str) -> str:
    return slugify(title, allow_unicode=True)[:200] or "article"


def _resized(image: CleanImage, width: int) -> bytes:
    with Image.open(io.BytesIO(image.content)) as source:
        height = max(1, round(source.height * width / source.width))
        resized = source.resize((width, height), Image.Resampling.LANCZOS)
        out = io.BytesIO()
        if image.extension == "jpg":
            resized.convert("RGB").save(out, format="JPEG", quality=85, optimize=True)
        elif image.extension == "webp":
            resized.save(out, format="WEBP", quality=85)
        else:
            resized.save(out, format="PNG", optimize=True)
    return out.getvalue()


def article_image_set(*, article: Article, image: CleanImage, alt: str) -> None:
    """Store a cleaned image (no metadata) and the sizes used in ``srcset``."""
    article_image_remove(article=article)
    stem = f"publications/{timezone.now():%Y/%m}/{uuid.uuid4().hex}"
    article.image.save(f"{uuid.uuid4().hex}.{image.extension}", ContentFile(image.content), False)
    sizes = {}
    for width in IMAGE_WIDTHS:
        if width >= image.width:
            sizes[str(image.width)] = article.image.name
            break
        path = f"{stem}-{width}.{image.extension}"
        sizes[str(width)] = default_storage.save(path, ContentFile(_resized(image, width)))
    article.image_sizes = sizes
    article.image_width = image.width
    article.image_height = image.height
    article.image_alt = alt
    article.save()


def article_image_remove(*, article: Article) -> None:
    paths = set(article.image_sizes.values())
    if article.image:
        paths.add(article.image.name)
    for path in paths:
        default_storage.delete(path)
    article.image = ""
    article.image_sizes = {}
    article.image_width = article.image_height = None
    article.image_alt = ""


@transaction.atomic
def article_create(
    *,
    author: Any,
    initiative: Initiative,
    kind: str,
    status: str,
    tags_text: str,
    language: str,
    title: str,
    summary: str,
    body: str,
    image: CleanImage | None = None,
    image_alt: str = "",
) -> Article:
    article = Article.objects.create(
        initiative=initiative,
        author=author,
        kind=kind,
        status=status,
        original_language=language,
        published_at=timezone.now() if status == Article.Status.PUBLISHED else None,
    )
    article.tags.set(tags_from_text(tags_text))
    ArticleTranslation.objects.create(
        article=article,
        language=language,
        title=title,
        slug=_slug_for(title),
        summary=summary,
        body=body,
    )
    if image is not None:
        article_image_set(article=article, image=image, alt=image_alt)
    return article


@transaction.atomic
def article_update(
    *,
    article: Article,
    kind: str,
    status: str,
    tags_text: str,
    image: CleanImage | None = None,
    image_alt: str = "",
    remove_image: bool = False,
) -> Article:
    article.kind = kind
    if status == Article.Status.PUBLISHED and article.published_at is None:
        article.published_at = timezone.now()
    article.status = status
    if remove_image:
        article_image_remove(article=article)
    elif article.image:
        article.image_alt = image_alt
    article.save()
    article.tags.set(tags_from_text(tags_text))
    if image is not None:
        article_image_set(article=article, image=image, alt=image_alt)
    return article


@transaction.atomic
def translation_save(
    *, article: Article, language: str, title: str, summary: str, body: str
) -> ArticleTranslation:
    """Add the version in ``language`` or replace its text."""
    version, _created = ArticleTranslation.objects.update_or_create(
        article=article,
        language=language,
        defaults={"title": title, "slug": _slug_for(title), "summary": summary, "body": body},
    )
    Article.objects.filter(pk=article.pk).update(updated_at=timezone.now())
    return version


@transaction.atomic
def translation_delete(*, version: ArticleTranslation) -> None:
    """Remove a version; the original language version cannot be removed."""
    if version.language == version.article.original_language:
        raise ValueError("the original version cannot be removed")
    version.delete()


def user_articles_export(user: Any) -> dict[str, Any]:
    """Articles the user wrote (they belong to the initiative and stay when the user goes;
    the author link is cleared)."""
    articles = Article.objects.filter(author=user).prefetch_related("translations")
    return {
        "publications_articles": [
            {
                "id": article.pk,
                "initiative": article.initiative.slug,
                "status": article.status,
                "versions": [
                    {"language": v.language, "title": v.title} for v in article.versions()
                ],
            }
            for article in articles.select_related("initiative")
        ]
    }
