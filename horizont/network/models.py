from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from horizont.core.fields import EncryptedTextField


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

    class ContactVisibility(models.TextChoices):
        NOBODY = "nobody", _("nobody")
        MEMBERS = "members", _("members of the initiative")
        SIGNED_IN = "signed_in", _("signed-in users")
        EVERYONE = "everyone", _("everyone")

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("short address"), max_length=80, unique=True)
    description = models.TextField(_("description"), blank=True)
    language = models.CharField(
        _("language of name and description"), max_length=8, choices=settings.LANGUAGES
    )
    country = models.CharField(_("country"), max_length=2, db_index=True)
    city = models.CharField(_("city"), max_length=120, blank=True, db_index=True)
    latitude = models.FloatField(_("latitude"), null=True, blank=True)
    longitude = models.FloatField(_("longitude"), null=True, blank=True)
    website = models.URLField(_("website"), blank=True)
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

    objects = InitiativeQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("initiative")
        verbose_name_plural = _("initiatives")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("network:initiative", args=[self.slug])

    @property
    def is_public(self) -> bool:
        return self.status == self.Status.APPROVED


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
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")

    def __str__(self) -> str:
        return f"{self.user} @ {self.initiative} ({self.role})"
