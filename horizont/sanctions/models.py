"""Case files about suspected sanctions violations, their team, evidence and letters.

Listed entities themselves are not stored here: they live in the screening engine's
list store (``settings.HORIZONT_LISTS_DIR``). A case refers to them by their entity id
and keeps a snapshot of their caption, so a case stays readable when a list changes.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from horizont.core.private_files import private_storage


class CaseQuerySet(models.QuerySet["Case"]):
    def published(self) -> CaseQuerySet:
        return self.filter(published=True)

    def of_team(self, user: object) -> CaseQuerySet:
        if not getattr(user, "is_authenticated", False):
            return self.none()
        return self.filter(members__user=user)


class Case(models.Model):
    """A suspected violation being documented by a team, until it goes to an authority."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("draft")
        REVIEW = "review", _("under review")
        SUBMITTED = "submitted", _("submitted to the authority")
        ANSWERED = "answered", _("answered")
        CLOSED = "closed", _("closed")

    title = models.CharField(_("title"), max_length=200)
    summary = models.TextField(_("summary"), blank=True)
    # Who writes to the authority, and from where: the letters take them from the case.
    sender = models.TextField(
        _("sender"),
        blank=True,
        help_text=_(
            "Name or organization and a postal address, one item a line, as the authority "
            "should see them. A pseudonym may be refused by an authority."
        ),
    )
    sender_place = models.CharField(
        _("place of the sender"),
        max_length=100,
        blank=True,
        help_text=_("The town written before the date of a letter, for example Hamburg."),
    )
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.DRAFT
    )
    published = models.BooleanField(_("published"), default=False)
    published_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = CaseQuerySet.as_manager()

    class Meta:
        ordering = ["-updated_at"]
        verbose_name = _("case")
        verbose_name_plural = _("cases")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("sanctions:case", args=[self.pk])


# The workflow: which status may follow which.
TRANSITIONS: dict[str, tuple[str, ...]] = {
    Case.Status.DRAFT: (Case.Status.REVIEW, Case.Status.CLOSED),
    Case.Status.REVIEW: (Case.Status.DRAFT, Case.Status.SUBMITTED, Case.Status.CLOSED),
    Case.Status.SUBMITTED: (Case.Status.ANSWERED, Case.Status.CLOSED),
    Case.Status.ANSWERED: (Case.Status.SUBMITTED, Case.Status.CLOSED),
    Case.Status.CLOSED: (Case.Status.DRAFT,),
}


class CaseMember(models.Model):
    """A person on the case team; coordinators manage the team and the status."""

    class Role(models.TextChoices):
        COORDINATOR = "coordinator", _("coordinator")
        MEMBER = "member", _("team member")

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="members")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="sanctions_cases"
    )
    role = models.CharField(_("role"), max_length=12, choices=Role.choices, default=Role.MEMBER)
    added_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["added_at"]
        constraints = [
            models.UniqueConstraint(fields=["case", "user"], name="sanctions_member_once")
        ]

    def __str__(self) -> str:
        return f"{self.user} ({self.role})"


class CaseSubject(models.Model):
    """A listed entity the case is about (by screening entity id, with a snapshot)."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="subjects")
    entity_id = models.CharField(_("entity id"), max_length=200)
    caption = models.CharField(_("name"), max_length=500)
    schema = models.CharField(max_length=20, blank=True)
    list_id = models.CharField(max_length=100, blank=True)
    list_version = models.CharField(max_length=50, blank=True)
    identifiers = models.JSONField(default=list, blank=True)
    note = models.CharField(_("note"), max_length=500, blank=True)
    added_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["added_at"]
        constraints = [
            models.UniqueConstraint(fields=["case", "entity_id"], name="sanctions_subject_once")
        ]

    def __str__(self) -> str:
        return self.caption


def _evidence_photo_path(instance: Evidence, filename: str) -> str:
    return f"sanctions/evidence/{filename}"


class Evidence(models.Model):
    """A link, photo or note that documents the case, with when and where."""

    class Kind(models.TextChoices):
        LINK = "link", _("link")
        PHOTO = "photo", _("photo")
        NOTE = "note", _("note")

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="evidence")
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    title = models.CharField(_("title"), max_length=200)
    url = models.URLField(_("link"), max_length=1000, blank=True)
    # Private: under PRIVATE_ROOT, served only by the evidence_photo view.
    photo = models.ImageField(
        _("photo"), upload_to=_evidence_photo_path, storage=private_storage, blank=True
    )
    text = models.TextField(_("description"), blank=True)
    observed_on = models.DateField(_("date"), null=True, blank=True)
    place = models.CharField(_("place"), max_length=200, blank=True)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    added_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["observed_on", "added_at"]
        verbose_name = _("evidence")
        verbose_name_plural = _("evidence")

    def __str__(self) -> str:
        return self.title


class Letter(models.Model):
    """A letter or petition to an authority, drafted from a case."""

    class Template(models.TextChoices):
        BAFA = "bafa", _("Federal Office for Economic Affairs and Export Control (BAFA)")
        # The key stays "bmwk" (stored in letters); the ministry is called BMWE since May 2025.
        BMWK = "bmwk", _("Federal Ministry for Economic Affairs and Energy (BMWE)")

    class Language(models.TextChoices):
        DE = "de", _("German")
        EN = "en", _("English")

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="letters")
    template = models.CharField(_("authority"), max_length=10, choices=Template.choices)
    language = models.CharField(_("language of the letter"), max_length=2, choices=Language.choices)
    sender = models.TextField(_("sender"), blank=True)
    addressee = models.TextField(_("addressee"))
    place_and_date = models.CharField(_("place and date"), max_length=200, blank=True)
    subject = models.CharField(_("subject line"), max_length=300)
    body = models.TextField(_("text of the letter"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-updated_at"]

    def __str__(self) -> str:
        return self.subject

    def get_absolute_url(self) -> str:
        return reverse("sanctions:letter", args=[self.case_id, self.pk])
