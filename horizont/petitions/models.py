"""Petitions of an initiative, their texts, addressees, signatures, deliveries and replies."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from horizont.core.fields import EncryptedTextField
from horizont.petitions.storage import private_storage

UNCONFIRMED_LIFETIME = dt.timedelta(days=7)
MILESTONE_FRACTIONS = (0.1, 0.25, 0.5, 0.75, 1.0)


class PetitionQuerySet(models.QuerySet["Petition"]):
    def public(self) -> PetitionQuerySet:
        return self.exclude(status=Petition.Status.DRAFT).filter(initiative__status="approved")


class Petition(models.Model):
    """A petition: collecting while ``open`` and before its deadline, then delivered,
    answered and closed. The count of confirmed signatures is kept in
    ``signature_count``, changed only with atomic ``F()`` updates in the same transaction
    as the signature's status, so it always equals the confirmed rows."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("draft")
        OPEN = "open", _("collecting signatures")
        DELIVERED = "delivered", _("delivered")
        ANSWERED = "answered", _("answered")
        CLOSED = "closed", _("closed")

    initiative = models.ForeignKey(
        "network.Initiative", on_delete=models.CASCADE, related_name="petitions"
    )
    case = models.ForeignKey(
        "sanctions.Case",
        verbose_name=_("sanctions case"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="petitions",
    )
    default_language = models.CharField(
        _("main language"), max_length=8, choices=settings.LANGUAGES, default="de"
    )
    goal = models.PositiveIntegerField(_("goal (signatures)"), default=1000)
    deadline = models.DateTimeField(_("deadline"))
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    signature_count = models.PositiveIntegerField(default=0, editable=False)
    delivered_at = models.DateTimeField(null=True, blank=True, editable=False)
    signers_erased_at = models.DateTimeField(null=True, blank=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = PetitionQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("petition")
        verbose_name_plural = _("petitions")

    def __str__(self) -> str:
        text = self.text_for(self.default_language)
        return text.title if text else f"#{self.pk}"

    def get_absolute_url(self) -> str:
        return reverse("petitions:detail", args=[self.pk])

    def is_collecting(self, now: dt.datetime | None = None) -> bool:
        """Open for signatures: published and before the deadline."""
        return self.status == self.Status.OPEN and (now or timezone.now()) < self.deadline

    def text_for(self, language: str | None) -> PetitionText | None:
        texts = {t.language: t for t in self.texts.all()}
        return (
            texts.get(language or "")
            or texts.get(self.default_language)
            or next(iter(texts.values()), None)
        )

    @property
    def percent(self) -> int:
        if not self.goal:
            return 100
        return min(100, self.signature_count * 100 // self.goal)

    def milestones(self) -> list[dict[str, Any]]:
        marks = sorted({max(1, round(self.goal * f)) for f in MILESTONE_FRACTIONS})
        return [{"count": m, "reached": self.signature_count >= m} for m in marks]


class PetitionText(models.Model):
    """The petition in one language; the page offers every language it has."""

    petition = models.ForeignKey(Petition, on_delete=models.CASCADE, related_name="texts")
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    title = models.CharField(_("title"), max_length=200)
    text = models.TextField(_("text of the petition"))
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["language"]
        constraints = [
            models.UniqueConstraint(fields=["petition", "language"], name="one_text_per_language")
        ]

    def __str__(self) -> str:
        return f"{self.title} ({self.language})"


class Addressee(models.Model):
    petition = models.ForeignKey(Petition, on_delete=models.CASCADE, related_name="addressees")
    name = models.CharField(_("name or office"), max_length=200, blank=True)
    institution = models.CharField(_("institution"), max_length=200)
    postal_address = models.TextField(_("postal address"), blank=True)
    email = models.EmailField(_("e-mail address"), blank=True)
    language = models.CharField(
        _("language of the cover letter"), max_length=8, choices=settings.LANGUAGES, default="de"
    )

    class Meta:
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.institution


class SignatureQuerySet(models.QuerySet["Signature"]):
    def confirmed(self) -> SignatureQuerySet:
        return self.filter(status=Signature.Status.CONFIRMED)


class Signature(models.Model):
    """One person's signature. Names, e-mail addresses and cities are encrypted; the
    e-mail is found again through a keyed digest of its normalized form."""

    class Status(models.TextChoices):
        PENDING = "pending", _("waiting for e-mail confirmation")
        CONFIRMED = "confirmed", _("confirmed")
        VOIDED = "voided", _("voided")

    class Public(models.TextChoices):
        NOTHING = "nothing", _("nothing (only counted)")
        FIRST_NAME_CITY = "first_name_city", _("my first name and city")
        NAME = "name", _("my name")

    class ToAddressee(models.TextChoices):
        COUNT = "count", _("counted only, without my name")
        NAME_CITY = "name_city", _("my name and city")

    petition = models.ForeignKey(Petition, on_delete=models.CASCADE, related_name="signatures")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="petition_signatures",
    )
    name = EncryptedTextField(_("name or pseudonym"), blank=True)
    email = EncryptedTextField(_("e-mail address"), blank=True)
    email_digest = models.CharField(max_length=64, blank=True)
    country = models.CharField(_("country"), max_length=2, blank=True)
    city = EncryptedTextField(_("city"), blank=True)
    language = models.CharField(max_length=8, blank=True)
    public_display = models.CharField(
        _("shown publicly"), max_length=16, choices=Public.choices, default=Public.NOTHING
    )
    addressee_display = models.CharField(
        _("sent to the addressee"),
        max_length=12,
        choices=ToAddressee.choices,
        default=ToAddressee.COUNT,
    )
    wants_updates = models.BooleanField(_("send me updates about this petition"), default=False)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    created_at = models.DateTimeField(default=timezone.now)
    confirmed_at = models.DateTimeField(null=True, blank=True)
    voided_at = models.DateTimeField(null=True, blank=True)
    void_reason = models.CharField(_("reason"), max_length=300, blank=True)

    objects = SignatureQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["petition", "email_digest"],
                condition=~models.Q(email_digest=""),
                name="one_signature_per_email",
            ),
            models.UniqueConstraint(
                fields=["petition", "user"],
                condition=models.Q(user__isnull=False),
                name="one_signature_per_member",
            ),
        ]
        indexes = [
            models.Index(fields=["petition", "status", "created_at"]),
            # The newest signers who agreed to be shown, without sorting every signature.
            models.Index(
                fields=["petition", "-confirmed_at"],
                condition=models.Q(status="confirmed") & ~models.Q(public_display="nothing"),
                name="signature_public_recent",
            ),
        ]

    def __str__(self) -> str:
        return f"signature #{self.pk} ({self.status})"

    @property
    def first_name(self) -> str:
        return (self.name or "").split(" ")[0]

    def public_label(self) -> str:
        """What this signer allowed the public to see ("" for nothing)."""
        if self.public_display == self.Public.NAME:
            return self.name
        if self.public_display == self.Public.FIRST_NAME_CITY:
            return ", ".join(p for p in (self.first_name, self.city) if p)
        return ""

    def addressee_label(self) -> str:
        """What goes to the addressee ("" when only counted)."""
        if self.addressee_display == self.ToAddressee.NAME_CITY:
            return ", ".join(p for p in (self.name, self.city, self.country) if p)
        return ""


class Delivery(models.Model):
    class Method(models.TextChoices):
        EMAIL = "email", _("by e-mail")
        POST = "post", _("by post")
        IN_PERSON = "in_person", _("in person")

    petition = models.ForeignKey(Petition, on_delete=models.CASCADE, related_name="deliveries")
    addressee = models.ForeignKey(
        Addressee, verbose_name=_("addressee"), on_delete=models.CASCADE, related_name="+"
    )
    method = models.CharField(_("how"), max_length=10, choices=Method.choices)
    delivered_on = models.DateField(_("delivered on"))
    note = models.TextField(_("note"), blank=True)
    signature_count = models.PositiveIntegerField(default=0)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["delivered_on", "pk"]

    def __str__(self) -> str:
        return f"{self.addressee} {self.delivered_on}"


class Reply(models.Model):
    petition = models.ForeignKey(Petition, on_delete=models.CASCADE, related_name="replies")
    addressee = models.ForeignKey(
        Addressee, verbose_name=_("from"), on_delete=models.CASCADE, related_name="+"
    )
    received_on = models.DateField(_("received on"))
    text = models.TextField(_("text of the reply"), blank=True)
    public = models.BooleanField(_("show the text publicly"), default=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["received_on", "pk"]

    def __str__(self) -> str:
        return f"{self.addressee} {self.received_on}"


class Attachment(models.Model):
    """A private file: a proof of delivery or a reply's scan, never under MEDIA_ROOT."""

    petition = models.ForeignKey(Petition, on_delete=models.CASCADE, related_name="attachments")
    delivery = models.ForeignKey(
        Delivery, null=True, blank=True, on_delete=models.CASCADE, related_name="attachments"
    )
    reply = models.ForeignKey(
        Reply, null=True, blank=True, on_delete=models.CASCADE, related_name="attachments"
    )
    file = models.FileField(storage=private_storage, upload_to="%Y/%m/")
    original_name = models.CharField(max_length=200)
    content_type = models.CharField(max_length=100)
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return self.original_name


class TimelineEntry(models.Model):
    """The public history of a petition, also its Atom feed."""

    class Kind(models.TextChoices):
        OPENED = "opened", _("Collection started")
        MILESTONE = "milestone", _("Milestone reached")
        DELIVERED = "delivered", _("Delivered")
        ANSWERED = "answered", _("Answer received")
        CLOSED = "closed", _("Closed")
        UPDATE = "update", _("Update")

    petition = models.ForeignKey(Petition, on_delete=models.CASCADE, related_name="timeline")
    kind = models.CharField(max_length=10, choices=Kind.choices)
    title = models.CharField(_("title"), max_length=200, blank=True)
    body = models.TextField(_("text"), blank=True)
    count = models.PositiveIntegerField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["petition", "count"],
                condition=models.Q(kind="milestone"),
                name="one_entry_per_milestone",
            )
        ]

    def __str__(self) -> str:
        return self.title
