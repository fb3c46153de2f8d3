"""Joint processes of initiatives: proposals, decisions, polls and an opinion map."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from horizont.core import moderation

LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]


def localized_text(texts: dict[str, dict[str, str]], original: str, language: str | None = None):
    """The ``{"title": …, "body": …}`` in ``language``, else in the original language."""
    language = language or get_language() or original
    return texts.get(language) or texts.get(original) or next(iter(texts.values()), {})


class Process(models.Model):
    """A time-boxed process of one initiative or of several linked initiatives."""

    class Phase(models.TextChoices):
        UPCOMING = "upcoming", _("not started")
        COLLECT = "collect", _("collecting proposals")
        DISCUSS = "discuss", _("discussion")
        DECIDE = "decide", _("decision")
        OUTCOME = "outcome", _("outcome")

    class Participation(models.TextChoices):
        MEMBERS = "members", _("members of the initiatives")
        CONFIRMED = "confirmed", _("any account with a confirmed e-mail address")
        PUBLIC = "public", _("anyone who confirms an e-mail address")

    slug = models.SlugField(_("short address"), max_length=80, unique=True)
    initiative = models.ForeignKey(
        "network.Initiative",
        on_delete=models.CASCADE,
        related_name="positions_processes",
        verbose_name=_("leading initiative"),
    )
    partners = models.ManyToManyField(
        "network.Initiative",
        blank=True,
        related_name="positions_partner_processes",
        verbose_name=_("partner initiatives"),
    )
    original_language = models.CharField(
        _("original language"), max_length=8, choices=settings.LANGUAGES
    )
    # {"en": {"title": …, "body": …}, "ru": {…}}: up to the four site languages.
    texts = models.JSONField(default=dict)
    participation = models.CharField(
        _("who takes part"),
        max_length=10,
        choices=Participation.choices,
        default=Participation.MEMBERS,
    )
    facilitator = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("facilitator"),
    )
    collect_from = models.DateTimeField(_("proposals collected from"))
    discuss_from = models.DateTimeField(_("discussion from"))
    decide_from = models.DateTimeField(_("decision from"))
    outcome_from = models.DateTimeField(_("outcome from"))
    outcome_article = models.ForeignKey(
        "publications.Article",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("outcome publication"),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-collect_from"]
        verbose_name = _("process")
        verbose_name_plural = _("processes")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(collect_from__lte=models.F("discuss_from"))
                & models.Q(discuss_from__lte=models.F("decide_from"))
                & models.Q(decide_from__lte=models.F("outcome_from")),
                name="positions_phases_in_order",
            )
        ]

    def __str__(self) -> str:
        return self.text()["title"]

    def get_absolute_url(self) -> str:
        return reverse("positions:process", args=[self.slug])

    def text(self, language: str | None = None) -> dict[str, str]:
        return localized_text(self.texts, self.original_language, language) or {
            "title": self.slug,
            "body": "",
        }

    def phase_at(self, moment: datetime | None = None) -> str:
        """The phase at ``moment`` (default: now); each phase ends where the next begins."""
        moment = moment or timezone.now()
        if moment < self.collect_from:
            return self.Phase.UPCOMING
        if moment < self.discuss_from:
            return self.Phase.COLLECT
        if moment < self.decide_from:
            return self.Phase.DISCUSS
        if moment < self.outcome_from:
            return self.Phase.DECIDE
        return self.Phase.OUTCOME

    @property
    def phase(self) -> str:
        return self.phase_at()

    @property
    def phase_label(self) -> Any:
        return self.Phase(self.phase).label

    @property
    def is_open(self) -> bool:
        """Participants act between the start of collection and the outcome."""
        return self.phase not in (self.Phase.UPCOMING, self.Phase.OUTCOME)

    def initiatives(self) -> list[Any]:
        return [self.initiative, *self.partners.all()]


class Proposal(models.Model):
    process = models.ForeignKey(Process, on_delete=models.CASCADE, related_name="proposals")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="positions_proposals",
    )
    amends = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="amendments",
        verbose_name=_("amendment of"),
    )
    original_language = models.CharField(
        _("original language"), max_length=8, choices=settings.LANGUAGES
    )
    texts = models.JSONField(default=dict)
    is_hidden = models.BooleanField(_("hidden by a moderator"), default=False)
    # Comments are forum posts, so reports and moderation are the forum's.
    thread = models.OneToOneField(
        "forum.Thread", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("proposal")
        verbose_name_plural = _("proposals")

    def __str__(self) -> str:
        return self.text()["title"]

    def get_absolute_url(self) -> str:
        return reverse("positions:proposal", args=[self.process.slug, self.pk])

    def text(self, language: str | None = None) -> dict[str, str]:
        return localized_text(self.texts, self.original_language, language) or {
            "title": f"#{self.pk}",
            "body": "",
        }

    def languages(self) -> list[str]:
        return [code for code in LANGUAGE_CODES if code in self.texts]


class Support(models.Model):
    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="supports")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="positions_supports"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["proposal", "user"], name="positions_one_support")
        ]

    def __str__(self) -> str:
        return f"{self.user_id} → {self.proposal_id}"


class CommentReply(models.Model):
    """Makes forum comments on a proposal a tree: ``post`` answers ``parent``."""

    post = models.OneToOneField("forum.Post", on_delete=models.CASCADE, related_name="+")
    parent = models.ForeignKey("forum.Post", on_delete=models.CASCADE, related_name="+")

    def __str__(self) -> str:
        return f"{self.post_id} → {self.parent_id}"


class Decision(models.Model):
    """A proposal put to a decision in Loomio's manner."""

    class Choice(models.TextChoices):
        AGREE = "agree", _("agree")
        ABSTAIN = "abstain", _("abstain")
        DISAGREE = "disagree", _("disagree")
        BLOCK = "block", _("block")

    process = models.ForeignKey(Process, on_delete=models.CASCADE, related_name="decisions")
    proposal = models.ForeignKey(
        Proposal, null=True, blank=True, on_delete=models.SET_NULL, related_name="decisions"
    )
    title = models.CharField(_("question"), max_length=200)
    details = models.TextField(_("details"), blank=True, max_length=5000)
    closes_at = models.DateTimeField(_("deadline"))
    quorum = models.PositiveIntegerField(
        _("quorum"), default=0, help_text=_("How many positions are needed for a valid decision.")
    )
    outcome = models.TextField(_("outcome statement"), blank=True, max_length=5000)
    outcome_recorded_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["closes_at", "pk"]
        verbose_name = _("decision")
        verbose_name_plural = _("decisions")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("positions:decision", args=[self.process.slug, self.pk])

    def is_open_at(self, moment: datetime | None = None) -> bool:
        moment = moment or timezone.now()
        return self.outcome_recorded_at is None and moment < self.closes_at

    @property
    def is_open(self) -> bool:
        return self.is_open_at()

    def tally(self) -> dict[str, int]:
        counts = dict.fromkeys(self.Choice.values, 0)
        for row in self.positions.values("choice").annotate(n=models.Count("pk")):
            counts[row["choice"]] = row["n"]
        return counts


class Position(models.Model):
    decision = models.ForeignKey(Decision, on_delete=models.CASCADE, related_name="positions")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="positions_positions"
    )
    choice = models.CharField(_("your position"), max_length=10, choices=Decision.Choice.choices)
    reason = models.TextField(_("reason"), blank=True, max_length=2000)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at"]
        constraints = [
            models.UniqueConstraint(fields=["decision", "user"], name="positions_one_position")
        ]

    def __str__(self) -> str:
        return f"{self.decision_id}: {self.choice}"


class Poll(models.Model):
    class Kind(models.TextChoices):
        SINGLE = "single", _("single choice")
        MULTIPLE = "multiple", _("multiple choice")
        RANKED = "ranked", _("ranked choice")
        SCORE = "score", _("score voting")
        TEXT = "text", _("free text")

    class Results(models.TextChoices):
        LIVE = "live", _("while the poll runs")
        AFTER = "after", _("after the poll closes")

    process = models.ForeignKey(Process, on_delete=models.CASCADE, related_name="polls")
    question = models.CharField(_("question"), max_length=300)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    anonymous = models.BooleanField(
        _("anonymous"), default=True, help_text=_("Nobody sees who answered what.")
    )
    results = models.CharField(
        _("results shown"), max_length=6, choices=Results.choices, default=Results.AFTER
    )
    max_choices = models.PositiveSmallIntegerField(_("most options to choose"), default=0)
    score_max = models.PositiveSmallIntegerField(_("highest score"), default=5)
    closes_at = models.DateTimeField(_("closes at"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["closes_at", "pk"]
        verbose_name = _("poll")
        verbose_name_plural = _("polls")

    def __str__(self) -> str:
        return self.question

    def get_absolute_url(self) -> str:
        return reverse("positions:poll", args=[self.process.slug, self.pk])

    def is_open_at(self, moment: datetime | None = None) -> bool:
        return (moment or timezone.now()) < self.closes_at

    @property
    def is_open(self) -> bool:
        return self.is_open_at()

    @property
    def results_visible(self) -> bool:
        return self.results == self.Results.LIVE or not self.is_open


class PollOption(models.Model):
    poll = models.ForeignKey(Poll, on_delete=models.CASCADE, related_name="options")
    label = models.CharField(_("option"), max_length=200)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "pk"]

    def __str__(self) -> str:
        return self.label


class Ballot(models.Model):
    """One answer to a poll. ``voter_key`` stops a second ballot; ``voter`` only if named."""

    poll = models.ForeignKey(Poll, on_delete=models.CASCADE, related_name="ballots")
    voter_key = models.CharField(max_length=64)
    voter = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="positions_ballots",
    )
    # single: [option index]; multiple: [indices]; ranked: [indices, best first];
    # score: [score or null per option]; text: [].
    answer = models.JSONField(default=list)
    text = models.TextField(blank=True, max_length=2000)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["poll", "voter_key"], name="positions_one_ballot")
        ]

    def __str__(self) -> str:
        return f"ballot #{self.pk} in poll {self.poll_id}"


#: ``opinion.statement_priority`` of a statement without votes (checked by a test; written
#: out here so that the models do not import the numerical engine).
NEW_STATEMENT_PRIORITY = 31.640625


class Statement(models.Model):
    """A short statement of the opinion map (≤ 140 characters, no links)."""

    process = models.ForeignKey(Process, on_delete=models.CASCADE, related_name="statements")
    author_key = models.CharField(max_length=64, db_index=True)
    text = models.CharField(_("statement"), max_length=140)
    is_hidden = models.BooleanField(_("hidden by a moderator"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    # How informative a vote on it would be (``opinion.statement_priority`` of its vote
    # counts), stored by every computation of the map so that offering the next statement
    # reads an index instead of counting every vote of the process. A new statement starts
    # with the priority of one without votes (the novelty boost): it is offered early.
    priority = models.FloatField(default=NEW_STATEMENT_PRIORITY, editable=False)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("statement")
        verbose_name_plural = _("statements")
        indexes = [
            models.Index(fields=["process", "-priority", "id"], name="positions_statement_offer")
        ]

    def __str__(self) -> str:
        return self.text


class StatementVote(models.Model):
    """A vote on a statement, stored under the participant's pseudonymous key only."""

    class Value(models.IntegerChoices):
        AGREE = 1, _("agree")
        PASS = 0, _("pass / unsure")
        DISAGREE = -1, _("disagree")

    statement = models.ForeignKey(Statement, on_delete=models.CASCADE, related_name="votes")
    participant_key = models.CharField(max_length=64)
    value = models.SmallIntegerField(choices=Value.choices)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["statement", "participant_key"], name="positions_one_statement_vote"
            )
        ]
        indexes = [models.Index(fields=["participant_key"], name="positions_vote_key")]

    def __str__(self) -> str:
        return f"{self.statement_id}: {self.value}"


class OpinionMapResult(models.Model):
    """The latest computed opinion map of a process (see ``horizont.lib.opinion``)."""

    process = models.OneToOneField(Process, on_delete=models.CASCADE, related_name="opinion_map")
    data = models.JSONField(default=dict)
    computed_at = models.DateTimeField()

    def __str__(self) -> str:
        return f"opinion map of process {self.process_id}"


class Report(moderation.Report):
    """A reader's report of a proposal or a statement, waiting for the moderators
    (comments are forum posts and reported there)."""

    process = models.ForeignKey(Process, on_delete=models.CASCADE, related_name="reports")
    proposal = models.ForeignKey(
        Proposal, null=True, blank=True, on_delete=models.CASCADE, related_name="reports"
    )
    statement = models.ForeignKey(
        Statement, null=True, blank=True, on_delete=models.CASCADE, related_name="reports"
    )

    class Meta(moderation.Report.Meta):
        constraints = [
            models.CheckConstraint(
                condition=models.Q(proposal__isnull=False, statement__isnull=True)
                | models.Q(proposal__isnull=True, statement__isnull=False),
                name="positions_report_one_target",
            )
        ]

    @property
    def target(self) -> Proposal | Statement:
        return self.proposal or self.statement  # type: ignore[return-value]


class Mute(models.Model):
    """An account that asked for no more e-mails about a process."""

    process = models.ForeignKey(Process, on_delete=models.CASCADE, related_name="mutes")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="positions_mutes"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["process", "user"], name="positions_one_mute")
        ]

    def __str__(self) -> str:
        return f"{self.user_id} muted {self.process_id}"
