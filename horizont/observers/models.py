"""Observer programmes: volunteers, assignments to polling stations, election-day reports,
incidents and protocol copies.

Volunteers appear under a pseudonym everywhere; their contact details are encrypted.
Stations are the polling stations of an imported election (``elections.Station``).
"""

from __future__ import annotations

import uuid
from typing import Any

from django.conf import settings
from django.db import models, transaction
from django.db.models.signals import post_delete
from django.dispatch import receiver
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from horizont.core.fields import EncryptedTextField
from horizont.core.private_files import private_storage
from horizont.elections.models import Election, Station

#: Protocol lines an observer copies, in the order of the official protocol, with the
#: ``elections.Station`` field that holds the official number.
PROTOCOL_LINES = (
    ("registered", _("registered voters")),
    ("ballots_issued", _("ballots issued")),
    ("ballots_cast", _("ballots in the boxes")),
    ("invalid", _("invalid ballots")),
    ("valid", _("valid ballots")),
)


class Role(models.TextChoices):
    OBSERVER = "observer", _("observer")
    ADVISORY = "advisory", _("commission member with advisory vote")
    JOURNALIST = "journalist", _("journalist")
    MOBILE = "mobile", _("mobile group")
    LAWYER = "lawyer", _("lawyer / hotline")
    COORDINATOR = "coordinator", _("coordinator")


class Programme(models.Model):
    """An observation programme for one election."""

    class Status(models.TextChoices):
        OPEN = "open", _("open for applications")
        CLOSED = "closed", _("closed")

    election = models.ForeignKey(
        Election, on_delete=models.PROTECT, related_name="observer_programmes"
    )
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    status = models.CharField(_("status"), max_length=8, choices=Status.choices, default="open")
    ends_on = models.DateField(
        _("programme ends on"),
        null=True,
        blank=True,
        help_text=_("Volunteers' personal data is deleted a set number of days after this day."),
    )
    allow_shared_stations = models.BooleanField(
        _("allow several volunteers of one role per station and shift"), default=False
    )
    results_election = models.ForeignKey(
        Election,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("official results to compare with"),
        help_text=_("An imported election; stations are matched by region and number."),
    )
    public_dashboard = models.BooleanField(_("publish the public dashboard"), default=False)
    personal_data_erased_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("observer programme")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("observers:programme", args=[self.pk])

    @property
    def official(self) -> Election:
        return self.results_election or self.election


class VolunteerQuerySet(models.QuerySet):
    def accepted(self) -> VolunteerQuerySet:
        return self.filter(status=Volunteer.Status.ACCEPTED)


class Volunteer(models.Model):
    """A person's application to a programme, under a pseudonym."""

    class Status(models.TextChoices):
        APPLIED = "applied", _("applied")
        ACCEPTED = "accepted", _("accepted")
        DECLINED = "declined", _("declined")

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="volunteers")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="observer_volunteering",
    )
    pseudonym = models.CharField(_("pseudonym"), max_length=80)
    contact = EncryptedTextField(
        _("contact details"),
        blank=True,
        help_text=_("Stored encrypted; seen only by coordinators with two-factor."),
    )
    role = models.CharField(_("role"), max_length=12, choices=Role.choices)
    status = models.CharField(_("status"), max_length=9, choices=Status.choices, default="applied")
    identity_consent_at = models.DateTimeField(_("agreed to be named in complaints"), null=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = VolunteerQuerySet.as_manager()

    class Meta:
        ordering = ["pseudonym"]
        constraints = [
            models.UniqueConstraint(fields=["programme", "user"], name="one_application_per_user")
        ]

    def __str__(self) -> str:
        return self.pseudonym


class Assignment(models.Model):
    """A volunteer at a station for one shift of one voting day."""

    class Shift(models.TextChoices):
        ALL_DAY = "all_day", _("all day, opening to count")
        MORNING = "morning", _("morning")
        AFTERNOON = "afternoon", _("afternoon")
        COUNT = "count", _("count")

    volunteer = models.ForeignKey(Volunteer, on_delete=models.CASCADE, related_name="assignments")
    station = models.ForeignKey(Station, on_delete=models.PROTECT, related_name="+")
    day = models.DateField(_("voting day"))
    shift = models.CharField(_("shift"), max_length=9, choices=Shift.choices, default="all_day")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["day", "station__uik"]

    def __str__(self) -> str:
        return f"{self.station} · {self.day} · {self.get_shift_display()}"


class ChecklistForm(models.Model):
    """A coordinator's election-day form; a change makes a new version."""

    class Kind(models.TextChoices):
        OPENING = "opening", _("opening")
        TURNOUT = "turnout", _("hourly turnout")
        CLOSING = "closing", _("closing and count")

    class FieldType(models.TextChoices):
        YESNO = "yesno", _("yes/no")
        NUMBER = "number", _("number")
        CHOICE = "choice", _("choice")
        TEXT = "text", _("text")
        TIME = "time", _("time")

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="forms")
    kind = models.CharField(_("kind"), max_length=8, choices=Kind.choices)
    title = models.CharField(_("title"), max_length=200)
    version = models.PositiveIntegerField(default=1)
    #: [{"label": …, "type": FieldType, "choices": [...]}]
    fields = models.JSONField(default=list)
    current = models.BooleanField(default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["kind", "-version"]
        constraints = [
            models.UniqueConstraint(fields=["programme", "kind", "version"], name="form_version")
        ]

    def __str__(self) -> str:
        return f"{self.title} (v{self.version})"


class Report(models.Model):
    """One filled-in checklist, sent once (``key`` makes a retried submission harmless)."""

    key = models.UUIDField(unique=True)
    form = models.ForeignKey(ChecklistForm, on_delete=models.PROTECT, related_name="reports")
    volunteer = models.ForeignKey(Volunteer, on_delete=models.CASCADE, related_name="reports")
    station = models.ForeignKey(Station, on_delete=models.PROTECT, related_name="+")
    answers = models.JSONField(default=list)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.form} · {self.station.label}"


class Incident(models.Model):
    class Category(models.TextChoices):
        OBSTRUCTION = "obstruction", _("observer obstructed or removed")
        STUFFING = "stuffing", _("ballot stuffing")
        CAROUSEL = "carousel", _("multiple voting (carousel)")
        PRESSURE = "pressure", _("pressure on voters")
        COUNT = "count", _("count violations")
        OTHER = "other", _("other")

    class Severity(models.TextChoices):
        LOW = "low", _("low")
        MEDIUM = "medium", _("medium")
        HIGH = "high", _("high")

    class Status(models.TextChoices):
        NEW = "new", _("new")
        VERIFIED = "verified", _("verified")
        COMPLAINT = "complaint", _("complaint filed")
        RESOLVED = "resolved", _("resolved")
        REJECTED = "rejected", _("rejected")

    #: The workflow: which status may follow which.
    NEXT: dict[str, tuple[str, ...]] = {
        "new": ("verified", "rejected"),
        "verified": ("complaint", "resolved", "rejected"),
        "complaint": ("resolved", "rejected"),
        "resolved": (),
        "rejected": (),
    }

    key = models.UUIDField(unique=True)
    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="incidents")
    volunteer = models.ForeignKey(Volunteer, on_delete=models.CASCADE, related_name="incidents")
    station = models.ForeignKey(Station, on_delete=models.PROTECT, related_name="+")
    category = models.CharField(_("category"), max_length=12, choices=Category.choices)
    occurred_at = models.TimeField(_("time"))
    description = models.TextField(_("what happened"))
    severity = models.CharField(_("severity"), max_length=6, choices=Severity.choices)
    status = models.CharField(_("status"), max_length=9, choices=Status.choices, default="new")
    lawyer = models.ForeignKey(
        Volunteer,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="cases",
        verbose_name=_("lawyer"),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.get_category_display()} · {self.station.label}"

    def next_statuses(self) -> list[tuple[str, Any]]:
        labels = dict(self.Status.choices)
        return [(value, labels[value]) for value in self.NEXT[self.status]]


def incident_photo_path(instance: IncidentPhoto, filename: str) -> str:
    """A random name: the file's name says nothing of the station or the observer."""
    extension = filename.rsplit(".", 1)[-1].lower() if "." in filename else "bin"
    return f"observers/incidents/{uuid.uuid4().hex}.{extension}"


class IncidentPhoto(models.Model):
    """A photo without metadata, stored as a private file (under ``PRIVATE_ROOT``, not in
    the database and without a public address), served only by a view that checks
    permissions; the file goes with the row."""

    incident = models.ForeignKey(Incident, on_delete=models.CASCADE, related_name="photos")
    file = models.FileField(upload_to=incident_photo_path, storage=private_storage, max_length=200)
    content_type = models.CharField(max_length=20)

    def __str__(self) -> str:
        return f"photo {self.pk} of incident {self.incident_id}"


def file_remove_on_commit(field: Any) -> None:
    """Delete ``field``'s file once the transaction that dropped it commits (never a
    file that a rolled-back row still names)."""
    if field:
        name, storage = field.name, field.storage
        transaction.on_commit(lambda: storage.delete(name))


@receiver(post_delete, sender=IncidentPhoto)
def _incident_photo_file_remove(sender: Any, instance: IncidentPhoto, **kwargs: Any) -> None:
    file_remove_on_commit(instance.file)


class IncidentNote(models.Model):
    """A comment in the incident's workflow, with the status change it came with."""

    incident = models.ForeignKey(Incident, on_delete=models.CASCADE, related_name="notes")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    status = models.CharField(max_length=9, choices=Incident.Status.choices)
    text = models.TextField(_("comment"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at"]

    def __str__(self) -> str:
        return self.get_status_display()


def protocol_photo_path(instance: ProtocolEntry, filename: str) -> str:
    extension = filename.rsplit(".", 1)[-1].lower() if "." in filename else "bin"
    return f"observers/protocols/{uuid.uuid4().hex}.{extension}"


class ProtocolEntry(models.Model):
    """One volunteer's typing of a station's final protocol (double entry: two per copy)."""

    key = models.UUIDField(unique=True)
    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="entries")
    station = models.ForeignKey(Station, on_delete=models.PROTECT, related_name="+")
    volunteer = models.ForeignKey(
        Volunteer, null=True, on_delete=models.SET_NULL, related_name="entries"
    )
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    #: {"registered": n, …, "votes": [n, …]}
    lines = models.JSONField()
    #: the protocol's photo, without metadata, a private file like incident photos
    photo = models.FileField(
        upload_to=protocol_photo_path, storage=private_storage, blank=True, max_length=200
    )
    photo_type = models.CharField(max_length=20, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at"]

    def __str__(self) -> str:
        return f"entry {self.pk} · {self.station.label}"


@receiver(post_delete, sender=ProtocolEntry)
def _protocol_photo_file_remove(sender: Any, instance: ProtocolEntry, **kwargs: Any) -> None:
    file_remove_on_commit(instance.photo)


class ProtocolCopy(models.Model):
    """A station's protocol as observers copied it: agreed by double entry, or waiting for
    a third person to settle the mismatch."""

    class Status(models.TextChoices):
        WAITING = "waiting", _("waiting for the second entry")
        MISMATCH = "mismatch", _("entries differ: a third person decides")
        AGREED = "agreed", _("agreed")

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="copies")
    station = models.ForeignKey(Station, on_delete=models.PROTECT, related_name="+")
    status = models.CharField(max_length=8, choices=Status.choices, default="waiting")
    lines = models.JSONField(null=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["station__uik"]
        constraints = [
            models.UniqueConstraint(fields=["programme", "station"], name="one_copy_per_station")
        ]

    def __str__(self) -> str:
        return f"{self.programme} · {self.station}"


# -- training -------------------------------------------------------------------------------


class Course(models.Model):
    """Training for a programme: lessons in the four languages and a quiz."""

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="courses")
    title = models.CharField(_("title"), max_length=200)
    required_for = models.JSONField(
        _("required for the roles"), default=list, help_text=_("Passing unlocks assignment.")
    )
    pass_mark = models.PositiveSmallIntegerField(_("pass mark (%)"), default=80)
    max_attempts = models.PositiveSmallIntegerField(_("attempts allowed"), default=3)
    deadline = models.DateTimeField(_("deadline"), null=True, blank=True)

    class Meta:
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.title


def lesson_image_path(instance: Lesson, filename: str) -> str:
    """A random name under the public media: course images are not personal data, but
    the name should not carry what the uploader's file was called."""
    extension = filename.rsplit(".", 1)[-1].lower() if "." in filename else "bin"
    return f"observers/lessons/{uuid.uuid4().hex}.{extension}"


class Lesson(models.Model):
    course = models.ForeignKey(Course, on_delete=models.CASCADE, related_name="lessons")
    position = models.PositiveSmallIntegerField(_("position"), default=1)
    language = models.CharField(_("language"), max_length=2, choices=settings.LANGUAGES)
    title = models.CharField(_("title"), max_length=200)
    body = models.TextField(_("text (Markdown)"))
    #: an illustration, stored without metadata (``horizont.lib.images.clean_image``) as a
    #: public media file; the file goes with the row
    image = models.FileField(upload_to=lesson_image_path, blank=True, max_length=200)

    class Meta:
        ordering = ["position", "language"]

    def __str__(self) -> str:
        return self.title


@receiver(post_delete, sender=Lesson)
def _lesson_image_file_remove(sender: Any, instance: Lesson, **kwargs: Any) -> None:
    file_remove_on_commit(instance.image)


class Question(models.Model):
    class Kind(models.TextChoices):
        SINGLE = "single", _("one answer")
        MULTIPLE = "multiple", _("several answers")

    course = models.ForeignKey(Course, on_delete=models.CASCADE, related_name="questions")
    text = models.CharField(_("question"), max_length=500)
    kind = models.CharField(_("kind"), max_length=8, choices=Kind.choices, default="single")
    explanation = models.TextField(_("explanation shown after an attempt"), blank=True)
    #: the question in other languages: {"de": {"text": …, "explanation": …}, …}
    translations = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.text

    def text_in(self, language: str | None) -> str:
        """The question in ``language`` when translated, else as written."""
        return str(self.translations.get((language or "")[:2], {}).get("text") or self.text)

    def explanation_in(self, language: str | None) -> str:
        entry = self.translations.get((language or "")[:2], {})
        return str(entry.get("explanation") or self.explanation) if entry else self.explanation


class Choice(models.Model):
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="choices")
    text = models.CharField(max_length=300)
    correct = models.BooleanField(default=False)
    #: the answer in other languages: {"de": "…", …}
    translations = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.text

    def text_in(self, language: str | None) -> str:
        return str(self.translations.get((language or "")[:2]) or self.text)


class Attempt(models.Model):
    """One go at a course's quiz; ``order`` is the shuffled order of its questions."""

    course = models.ForeignKey(Course, on_delete=models.CASCADE, related_name="attempts")
    volunteer = models.ForeignKey(Volunteer, on_delete=models.CASCADE, related_name="attempts")
    order = models.JSONField(default=list)
    #: {question id: [choice ids]}
    answers = models.JSONField(default=dict)
    wrong = models.JSONField(default=list)
    score = models.PositiveSmallIntegerField(null=True)
    passed = models.BooleanField(default=False)
    started_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True)

    class Meta:
        ordering = ["started_at"]

    def __str__(self) -> str:
        return f"{self.course} · {self.volunteer} · {self.score}"
