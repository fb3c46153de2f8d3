from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from horizont.core import moderation
from horizont.core.fields import EncryptedTextField
from horizont.core.translated import TranslatedName, language_columns, translated


class Category(TranslatedName, models.Model):
    name = models.CharField(_("name"), max_length=120)
    slug = models.SlugField(_("short address"), max_length=80, unique=True)
    description = models.TextField(_("description"), blank=True)
    position = models.PositiveIntegerField(_("position"), default=0)
    # Name and description in each interface language (blank: as typed above).
    name_en, name_ru, name_de, name_pl = language_columns(
        models.CharField, "name", max_length=120, blank=True
    )
    description_en, description_ru, description_de, description_pl = language_columns(
        models.TextField, "description", blank=True
    )

    class Meta:
        ordering = ["position", "name"]
        verbose_name = _("category")
        verbose_name_plural = _("categories")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("forum:category", args=[self.slug])

    @property
    def description_label(self) -> str:
        return translated(self, "description")


class Thread(models.Model):
    category = models.ForeignKey(Category, on_delete=models.CASCADE, related_name="threads")
    title = models.CharField(_("title"), max_length=200)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="forum_threads",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    last_post_at = models.DateTimeField(db_index=True)

    class Meta:
        ordering = ["-last_post_at"]
        verbose_name = _("thread")
        verbose_name_plural = _("threads")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("forum:thread", args=[self.pk])


class Post(models.Model):
    thread = models.ForeignKey(Thread, on_delete=models.CASCADE, related_name="posts")
    # A deleted account leaves its posts in place, shown as written by a deleted user.
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="forum_posts",
    )
    body = models.TextField(_("text"), max_length=20_000)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    is_hidden = models.BooleanField(_("hidden by a moderator"), default=False)
    hidden_at = models.DateTimeField(null=True, blank=True)
    hidden_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("post")
        verbose_name_plural = _("posts")

    def __str__(self) -> str:
        return f"{self.thread.title} #{self.pk}"

    def get_absolute_url(self) -> str:
        return f"{self.thread.get_absolute_url()}#post-{self.pk}"


class Subscription(models.Model):
    """E-mail on new replies to a thread, or on new threads in a category."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="forum_subscriptions"
    )
    thread = models.ForeignKey(
        Thread, null=True, blank=True, on_delete=models.CASCADE, related_name="subscriptions"
    )
    category = models.ForeignKey(
        Category, null=True, blank=True, on_delete=models.CASCADE, related_name="subscriptions"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=Q(thread__isnull=False, category__isnull=True)
                | Q(thread__isnull=True, category__isnull=False),
                name="forum_subscription_to_one_thing",
            ),
            models.UniqueConstraint(
                fields=["user", "thread"], name="forum_one_thread_subscription"
            ),
            models.UniqueConstraint(
                fields=["user", "category"], name="forum_one_category_subscription"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} → {self.thread or self.category}"

    @property
    def target(self) -> Thread | Category:
        return self.thread or self.category  # type: ignore[return-value]


class Report(moderation.Report):
    """A reader's report of an abusive post, waiting in the moderation queue."""

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="reports")
    reason = models.TextField(_("what is wrong with this post"), max_length=1000)

    def __str__(self) -> str:
        return f"report #{self.pk} on post #{self.post_id}"


class BusinessProfile(models.Model):
    """An entry in the entrepreneurs' directory."""

    class Sector(models.TextChoices):
        IT = "it", _("software and IT")
        CONSULTING = "consulting", _("consulting")
        TRADE = "trade", _("trade and import/export")
        FOOD = "food", _("food and restaurants")
        CRAFTS = "crafts", _("crafts and construction")
        EDUCATION = "education", _("education and language courses")
        MEDIA = "media", _("media, design and translation")
        HEALTH = "health", _("health and care")
        FINANCE = "finance", _("finance, accounting and law")
        TOURISM = "tourism", _("tourism and transport")
        OTHER = "other", _("other")

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="business_profiles"
    )
    name = models.CharField(_("business name"), max_length=160)
    sector = models.CharField(_("sector"), max_length=12, choices=Sector.choices, db_index=True)
    country = models.CharField(_("country"), max_length=2, db_index=True)
    city = models.CharField(_("city"), max_length=120, blank=True, db_index=True)
    offers = models.TextField(_("what the business offers"), max_length=2000)
    seeks = models.TextField(_("what the business seeks"), max_length=2000, blank=True)
    contact = EncryptedTextField(
        _("contact"),
        help_text=_(
            "E-mail, phone or messenger. Stored encrypted and shown only to people whose "
            "request you approve."
        ),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("business profile")
        verbose_name_plural = _("business profiles")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("forum:profile", args=[self.pk])


class ContactRequest(models.Model):
    """A signed-in user asks a business for its contact; the owner decides."""

    class Status(models.TextChoices):
        REQUESTED = "requested", _("waiting for the owner")
        APPROVED = "approved", _("approved")
        DECLINED = "declined", _("declined")

    profile = models.ForeignKey(
        BusinessProfile, on_delete=models.CASCADE, related_name="contact_requests"
    )
    requester = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="business_contact_requests"
    )
    # Encrypted at rest like contact details: it often says who the requester is.
    message = EncryptedTextField(_("message to the owner"), max_length=1000, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.REQUESTED
    )
    created_at = models.DateTimeField(auto_now_add=True)
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["profile", "requester"], name="forum_one_contact_request"
            )
        ]
        verbose_name = _("contact request")
        verbose_name_plural = _("contact requests")

    def __str__(self) -> str:
        return f"{self.requester} → {self.profile}"
