from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.files.storage import default_storage
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from horizont.core.fulltext import MAX_SEARCHED_TEXT, search_indexes
from horizont.core.translated import TranslatedName, language_columns

LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]
#: What the site search matches in a language version, most important first.
VERSION_SEARCH_FIELDS = ("title", "summary", "body")


class Tag(TranslatedName, models.Model):
    name = models.CharField(_("name"), max_length=60, unique=True)
    slug = models.SlugField(_("short address"), max_length=80, unique=True, allow_unicode=True)
    # The name in each interface language (blank: the name as typed), ``label`` picks it.
    name_en, name_ru, name_de, name_pl = language_columns(
        models.CharField, "name", max_length=60, blank=True
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("tag")
        verbose_name_plural = _("tags")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return f"{reverse('publications:list')}?tag={self.slug}"


class ArticleQuerySet(models.QuerySet):
    def published(self) -> ArticleQuerySet:
        return self.filter(status=Article.Status.PUBLISHED, initiative__status="approved")

    def visible_to(self, user: Any) -> ArticleQuerySet:
        """Published articles, plus every article of initiatives ``user`` organizes."""
        public = Q(status=Article.Status.PUBLISHED, initiative__status="approved")
        if user is None or not user.is_authenticated:
            return self.filter(public)
        organizes = Q(
            initiative__memberships__user=user,
            initiative__memberships__role="organizer",
            initiative__memberships__status="active",
        )
        return self.filter(pk__in=self.filter(public | organizes).values("pk"))


class Article(models.Model):
    """An article or a meeting report, published by an initiative in one or more languages."""

    class Kind(models.TextChoices):
        ARTICLE = "article", _("article")
        REPORT = "report", _("meeting report")

    class Status(models.TextChoices):
        DRAFT = "draft", _("draft")
        PUBLISHED = "published", _("published")

    initiative = models.ForeignKey(
        "network.Initiative",
        on_delete=models.CASCADE,
        related_name="articles",
        verbose_name=_("publishing initiative"),
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="articles",
        verbose_name=_("author"),
    )
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.ARTICLE)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT, db_index=True
    )
    original_language = models.CharField(
        _("original language"), max_length=8, choices=settings.LANGUAGES
    )
    tags = models.ManyToManyField(Tag, blank=True, related_name="articles", verbose_name=_("tags"))
    image = models.ImageField(_("image"), upload_to="publications/%Y/%m/", blank=True)
    image_alt = models.CharField(_("image description"), max_length=250, blank=True)
    image_width = models.PositiveIntegerField(null=True, blank=True)
    image_height = models.PositiveIntegerField(null=True, blank=True)
    # {"480": "publications/…-480.jpg", "1200": …}: the sizes generated from the upload.
    image_sizes = models.JSONField(default=dict, blank=True)
    published_at = models.DateTimeField(_("published at"), null=True, blank=True, db_index=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ArticleQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at", "-created_at"]
        verbose_name = _("article")
        verbose_name_plural = _("articles")

    def __str__(self) -> str:
        version = self.version()
        return version.title if version else f"#{self.pk}"

    def get_absolute_url(self) -> str:
        return reverse("publications:article", args=[self.pk])

    @property
    def is_published(self) -> bool:
        return self.status == self.Status.PUBLISHED

    def versions(self) -> list[ArticleTranslation]:
        """All language versions, the original first (uses prefetched translations)."""
        versions = list(self.translations.all())
        versions.sort(key=lambda v: (v.language != self.original_language, v.language))
        return versions

    def version(self, language: str | None = None) -> ArticleTranslation | None:
        """The version in ``language`` (default: the interface language), else the original."""
        language = language or get_language()
        versions = self.versions()
        for candidate in versions:
            if candidate.language == language:
                return candidate
        return versions[0] if versions else None

    def srcset(self) -> str:
        parts = [
            f"{default_storage.url(path)} {width}w"
            for width, path in sorted(self.image_sizes.items(), key=lambda item: int(item[0]))
        ]
        return ", ".join(parts)

    def image_url(self) -> str:
        """The largest generated size (or the cleaned original)."""
        if self.image_sizes:
            largest = max(self.image_sizes, key=int)
            return default_storage.url(self.image_sizes[largest])
        return self.image.url if self.image else ""


class ArticleTranslation(models.Model):
    """One language version of an article."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="translations")
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("short address"), max_length=200, allow_unicode=True)
    summary = models.TextField(_("summary"), blank=True, max_length=600)
    body = models.TextField(
        _("text"),
        max_length=MAX_SEARCHED_TEXT,
        help_text=_("Markdown: **bold**, *italic*, [link](https://…), lists, headings."),
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["language"]
        constraints = [
            models.UniqueConstraint(
                fields=["article", "language"], name="one_version_per_language"
            ),
        ]
        indexes = search_indexes("article_version", VERSION_SEARCH_FIELDS)
        verbose_name = _("language version")
        verbose_name_plural = _("language versions")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse(
            "publications:version", args=[self.article_id, self.language, self.slug or "-"]
        )
