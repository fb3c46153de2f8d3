from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from horizont.core.fields import EncryptedTextField
from horizont.core.fulltext import MAX_SEARCHED_TEXT, search_indexes

#: What the site search matches, most important first (horizont.core.search).
INITIATIVE_SEARCH_FIELDS = ("name", "description", "city")
TRANSLATION_SEARCH_FIELDS = ("name", "description")


class InitiativeQuerySet(models.QuerySet):
    def public(self) -> InitiativeQuerySet:
        return self.filter(status=Initiative.Status.APPROVED)

    def organized_by(self, user: Any) -> InitiativeQuerySet:
        """Initiatives where ``user`` is an active organizer (any status)."""
        if user is None or not getattr(user, "is_authenticated", False):
            return self.none()
        return self.filter(
            memberships__user=user,
            memberships__role=Membership.Role.ORGANIZER,
            memberships__status=Membership.Status.ACTIVE,
        ).distinct()


class Initiative(models.Model):
    """A diaspora initiative: a group, association, media project or chapter."""

    class Status(models.TextChoices):
        PENDING = "pending", _("waiting for approval")
        APPROVED = "approved", _("public")
        REJECTED = "rejected", _("rejected")
        # Its last organizer deleted their account and nobody was left to hand it over to.
        ARCHIVED = "archived", _("archived")

    class ContactVisibility(models.TextChoices):
        NOBODY = "nobody", _("nobody")
        MEMBERS = "members", _("members of the initiative")
        SIGNED_IN = "signed_in", _("signed-in users")
        EVERYONE = "everyone", _("everyone")

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("short address"), max_length=80, unique=True)
    description = models.TextField(_("description"), blank=True, max_length=MAX_SEARCHED_TEXT)
    language = models.CharField(
        _("language of name and description"), max_length=8, choices=settings.LANGUAGES
    )
    country = models.CharField(_("country"), max_length=2, db_index=True)
    city = models.CharField(_("city"), max_length=120, blank=True, db_index=True)
    latitude = models.FloatField(_("latitude"), null=True, blank=True)
    longitude = models.FloatField(_("longitude"), null=True, blank=True)
    website = models.URLField(_("website"), blank=True)
    social_links = models.TextField(
        _("social media links"), blank=True, help_text=_("One address per line.")
    )
    topics = models.ManyToManyField("Topic", blank=True, related_name="initiatives")
    logo = models.ImageField(_("logo"), upload_to="network/logos/", blank=True)
    contact = EncryptedTextField(_("contact address"), blank=True)
    contact_visibility = models.CharField(
        _("who sees the contact address"),
        max_length=12,
        choices=ContactVisibility.choices,
        default=ContactVisibility.MEMBERS,
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING, db_index=True
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)
    review_note = models.TextField(_("note from the moderator"), blank=True)

    objects = InitiativeQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("initiative")
        verbose_name_plural = _("initiatives")
        indexes = [
            models.Index(fields=["status", "name"], name="network_ini_status_name"),
            models.Index(fields=["status", "country", "city"], name="network_ini_status_place"),
            models.Index(fields=["latitude", "longitude"], name="network_ini_lat_lon"),
            *search_indexes("initiative", INITIATIVE_SEARCH_FIELDS),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("network:initiative", args=[self.slug])

    @property
    def is_public(self) -> bool:
        return self.status == self.Status.APPROVED

    @property
    def has_pin(self) -> bool:
        return self.latitude is not None and self.longitude is not None

    @property
    def social_link_list(self) -> list[str]:
        return [line.strip() for line in self.social_links.splitlines() if line.strip()]

    @property
    def country_name(self) -> str:
        from horizont.network.gazetteer import country_name

        return country_name(self.country)

    def translation_for(self, language: str) -> InitiativeTranslation | None:
        """The translation into ``language`` (uses prefetched translations when present)."""
        if language == self.language:
            return None
        for translation in self.translations.all():
            if translation.language == language:
                return translation
        return None

    def localized(self, language: str) -> tuple[str, str, str]:
        """Name, description and their language, in ``language`` where translated."""
        translation = self.translation_for(language)
        if translation is not None:
            return (
                translation.name or self.name,
                translation.description or self.description,
                translation.language,
            )
        return self.name, self.description, self.language

    def contact_visible_to(self, user: Any) -> bool:
        visibility = self.contact_visibility
        if not self.contact or visibility == self.ContactVisibility.NOBODY:
            return False
        if visibility == self.ContactVisibility.EVERYONE:
            return True
        if not getattr(user, "is_authenticated", False):
            return False
        if visibility == self.ContactVisibility.SIGNED_IN:
            return True
        return self.memberships.filter(user=user, status=Membership.Status.ACTIVE).exists()


TOPIC_LABELS = {
    "culture": _("culture"),
    "education": _("political education"),
    "elections": _("elections and observation"),
    "human-rights": _("human rights"),
    "refugees": _("help for refugees and newcomers"),
    "political-prisoners": _("political prisoners"),
    "media": _("independent media"),
    "protest": _("protest and advocacy"),
    "business": _("entrepreneurs and business"),
    "anti-war": _("anti-war"),
    "legal": _("legal aid"),
    "youth": _("youth"),
}


class Topic(models.Model):
    """A theme initiatives work on; the label shown comes from ``TOPIC_LABELS``."""

    slug = models.SlugField(_("short address"), max_length=40, unique=True)
    name = models.CharField(_("name"), max_length=80)

    class Meta:
        ordering = ["slug"]
        verbose_name = _("topic")
        verbose_name_plural = _("topics")

    def __str__(self) -> str:
        return str(self.label)

    @property
    def label(self) -> Any:
        return TOPIC_LABELS.get(self.slug, self.name)


WORKING_LANGUAGES = [
    ("ru", _("Russian")),
    ("en", _("English")),
    ("de", _("German")),
    ("pl", _("Polish")),
    ("uk", _("Ukrainian")),
    ("be", _("Belarusian")),
    ("cs", _("Czech")),
    ("lt", _("Lithuanian")),
    ("lv", _("Latvian")),
    ("et", _("Estonian")),
    ("ka", _("Georgian")),
    ("fr", _("French")),
    ("he", _("Hebrew")),
    ("kk", _("Kazakh")),
]


class InitiativeLanguage(models.Model):
    """A language an initiative works in."""

    initiative = models.ForeignKey(
        Initiative, on_delete=models.CASCADE, related_name="working_languages"
    )
    code = models.CharField(_("language"), max_length=8, choices=WORKING_LANGUAGES)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["initiative", "code"], name="one_row_per_language")
        ]
        indexes = [models.Index(fields=["code", "initiative"], name="network_lang_code")]

    def __str__(self) -> str:
        return self.code


class InitiativeTranslation(models.Model):
    """Name and description of an initiative in another of the four site languages."""

    initiative = models.ForeignKey(
        Initiative, on_delete=models.CASCADE, related_name="translations"
    )
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True, max_length=MAX_SEARCHED_TEXT)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["initiative", "language"], name="one_translation_per_language"
            )
        ]
        indexes = search_indexes("initiative_tr", TRANSLATION_SEARCH_FIELDS)
        verbose_name = _("translation")
        verbose_name_plural = _("translations")

    def __str__(self) -> str:
        return f"{self.initiative} ({self.language})"


class Membership(models.Model):
    class Role(models.TextChoices):
        ORGANIZER = "organizer", _("organizer")
        MEMBER = "member", _("member")

    class Status(models.TextChoices):
        REQUESTED = "requested", _("requested")
        ACTIVE = "active", _("active")

    initiative = models.ForeignKey(Initiative, on_delete=models.CASCADE, related_name="memberships")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(_("role"), max_length=10, choices=Role.choices, default=Role.MEMBER)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.REQUESTED
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["initiative", "user"], name="one_membership_per_user")
        ]
        indexes = [models.Index(fields=["user", "role", "status"], name="network_membership_user")]
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")

    def __str__(self) -> str:
        return f"{self.user} @ {self.initiative} ({self.role})"


class LinkQuerySet(models.QuerySet):
    def confirmed(self) -> LinkQuerySet:
        return self.filter(status=Link.Status.CONFIRMED)

    def public(self) -> LinkQuerySet:
        """Confirmed links whose both sides are public initiatives."""
        return self.confirmed().filter(
            source__status=Initiative.Status.APPROVED,
            target__status=Initiative.Status.APPROVED,
        )

    def involving(self, initiative: Initiative) -> LinkQuerySet:
        return self.filter(models.Q(source=initiative) | models.Q(target=initiative))


class Link(models.Model):
    """A typed link between two initiatives: proposed by one side, confirmed by the other."""

    class Kind(models.TextChoices):
        PARTNER = "partner", _("partner")
        COALITION = "coalition", _("coalition")
        CHAPTER_OF = "chapter_of", _("chapter of")
        SUPPORTS = "supports", _("supports")

    class Status(models.TextChoices):
        PROPOSED = "proposed", _("proposed")
        CONFIRMED = "confirmed", _("confirmed")

    source = models.ForeignKey(Initiative, on_delete=models.CASCADE, related_name="links_out")
    target = models.ForeignKey(Initiative, on_delete=models.CASCADE, related_name="links_in")
    kind = models.CharField(_("kind of link"), max_length=12, choices=Kind.choices)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PROPOSED
    )
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    confirmed_at = models.DateTimeField(null=True, blank=True)

    objects = LinkQuerySet.as_manager()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["source", "target", "kind"], name="one_link_per_kind"),
            models.CheckConstraint(
                condition=~models.Q(source=models.F("target")), name="link_not_to_itself"
            ),
        ]
        indexes = [
            models.Index(fields=["source", "status"], name="network_link_source"),
            models.Index(fields=["target", "status"], name="network_link_target"),
            models.Index(fields=["status", "id"], name="network_link_status"),
        ]
        verbose_name = _("link")
        verbose_name_plural = _("links")

    def __str__(self) -> str:
        return f"{self.source} → {self.target} ({self.kind})"

    def other_side(self, initiative: Initiative) -> Initiative:
        return self.target if self.source_id == initiative.pk else self.source
