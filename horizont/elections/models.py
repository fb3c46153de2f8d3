"""Official election results, one row per polling station, and their forensic reports.

An election is stored whole or not at all: the import service writes the election, its
stations and its report in one transaction (see ``services.election_import``).
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from horizont.elections import flags as flag_names


def _ratio(part: float, whole: float) -> float | None:
    return part / whole if whole else None


class ElectionQuerySet(models.QuerySet):
    def published(self) -> ElectionQuerySet:
        return self.filter(status=Election.Status.PUBLISHED)


class Election(models.Model):
    """One election whose official per-station results were imported."""

    class Kind(models.TextChoices):
        PARLIAMENT = "parliament", _("parliamentary election")
        PRESIDENT = "president", _("presidential election")
        REFERENDUM = "referendum", _("referendum")
        REGIONAL = "regional", _("regional or local election")
        OTHER = "other", _("other vote")

    class Status(models.TextChoices):
        PUBLISHED = "published", _("published")
        HIDDEN = "hidden", _("hidden")

    name = models.CharField(_("name"), max_length=200)
    date = models.DateField(_("election day"), null=True, blank=True)
    country = models.CharField(_("country"), max_length=2, default="RU")
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices, default=Kind.PARLIAMENT)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PUBLISHED
    )
    source_name = models.CharField(_("source file"), max_length=255)
    source_sha256 = models.CharField(_("SHA-256 of the source file"), max_length=64)
    # totals over all stations, as the engine counts them
    stations = models.PositiveIntegerField(_("polling stations"), default=0)
    registered = models.PositiveBigIntegerField(_("registered voters"), default=0)
    ballots_issued = models.PositiveBigIntegerField(_("ballots issued"), default=0)
    ballots_cast = models.PositiveBigIntegerField(_("ballots in the boxes"), default=0)
    valid = models.PositiveBigIntegerField(_("valid ballots"), default=0)
    invalid = models.PositiveBigIntegerField(_("invalid ballots"), default=0)
    party_names = models.JSONField(default=list)
    party_votes = models.JSONField(default=list)
    leader = models.CharField(_("leader"), max_length=300, blank=True)
    leader_index = models.PositiveSmallIntegerField(default=0)
    abroad = models.JSONField(default=dict)
    warnings = models.JSONField(default=list)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ElectionQuerySet.as_manager()

    class Meta:
        ordering = ["-date", "-created_at"]
        verbose_name = _("election")
        verbose_name_plural = _("elections")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("elections:detail", args=[self.pk])

    @property
    def turnout(self) -> float | None:
        return _ratio(self.ballots_issued, self.registered)

    @property
    def leader_votes(self) -> int:
        return int(self.party_votes[self.leader_index]) if self.party_votes else 0

    @property
    def leader_share(self) -> float | None:
        return _ratio(self.leader_votes, self.ballots_cast)

    def party_results(self) -> list[dict[str, Any]]:
        """Parties by votes, with their share of ballots in the boxes."""
        rows = [
            {"name": name, "votes": int(votes), "share": _ratio(int(votes), self.ballots_cast)}
            for name, votes in zip(self.party_names, self.party_votes, strict=True)
        ]
        rows.sort(key=lambda r: -r["votes"])
        return rows


class StationQuerySet(models.QuerySet):
    def flagged(self) -> StationQuerySet:
        return self.filter(flag_count__gt=0)


class Station(models.Model):
    """One polling station (UIK) of an election, with its protocol numbers."""

    election = models.ForeignKey(Election, on_delete=models.CASCADE, related_name="station_set")
    row = models.PositiveIntegerField(_("line in the file"))
    region = models.CharField(_("region"), max_length=200)
    oik = models.CharField(_("district commission"), max_length=200, blank=True)
    tik = models.CharField(_("territorial commission"), max_length=300, blank=True)
    uik = models.IntegerField(_("station number"))
    registered = models.PositiveIntegerField(_("registered voters"))
    ballots_issued = models.PositiveIntegerField(_("ballots issued"))
    ballots_cast = models.PositiveIntegerField(_("ballots in the boxes"))
    valid = models.PositiveIntegerField(_("valid ballots"))
    invalid = models.PositiveIntegerField(_("invalid ballots"))
    leader_votes = models.PositiveIntegerField(_("votes for the leader"))
    votes = models.JSONField(default=list)
    turnout = models.FloatField(_("turnout"), null=True)
    leader_share = models.FloatField(_("leader's share"), null=True)
    abroad = models.BooleanField(_("abroad"), default=False)
    remote = models.BooleanField(_("remote electronic voting"), default=False)
    flags = models.JSONField(default=list)
    flag_count = models.PositiveSmallIntegerField(default=0)

    objects = StationQuerySet.as_manager()

    class Meta:
        ordering = ["row"]
        verbose_name = _("polling station")
        verbose_name_plural = _("polling stations")
        indexes = [
            models.Index(fields=["election", "region", "row"]),
            models.Index(fields=["election", "tik"]),
            models.Index(fields=["election", "flag_count"]),
            models.Index(fields=["election", "row"]),
            # The station list: most flagged first, and a look-up by station number.
            models.Index(
                fields=["election", "-flag_count", "row"], name="elections_station_flagged"
            ),
            models.Index(fields=["election", "uik"], name="elections_station_number"),
        ]

    def __str__(self) -> str:
        return f"{self.region} · {self.label}"

    def get_absolute_url(self) -> str:
        return reverse("elections:station", args=[self.election_id, self.pk])

    @property
    def label(self) -> str:
        return f"№{self.uik}" if self.uik >= 0 else "—"

    def party_results(self) -> list[dict[str, Any]]:
        names = self.election.party_names
        return [
            {"name": name, "votes": int(votes), "share": _ratio(int(votes), self.ballots_cast)}
            for name, votes in zip(names, self.votes, strict=True)
        ]

    def flag_labels(self) -> list[tuple[str, Any]]:
        return [(name, flag_names.label(name)) for name in self.flags]


class ForensicReport(models.Model):
    """The engine's report on an election (``region`` empty) or on one of its regions."""

    election = models.ForeignKey(Election, on_delete=models.CASCADE, related_name="reports")
    region = models.CharField(_("region"), max_length=200, blank=True)
    data = models.JSONField()
    mc_draws = models.PositiveIntegerField(_("Monte Carlo draws"))
    seed = models.IntegerField(_("random seed"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["election", "region"]
        constraints = [
            models.UniqueConstraint(fields=["election", "region"], name="one_report_per_region")
        ]

    def __str__(self) -> str:
        return f"{self.election} · {self.region}" if self.region else str(self.election)


class ReportPlot(models.Model):
    """A plot of a report, rendered by the engine as SVG in one interface language."""

    report = models.ForeignKey(ForensicReport, on_delete=models.CASCADE, related_name="plots")
    name = models.CharField(max_length=40)
    language = models.CharField(max_length=8)
    svg = models.TextField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["report", "name", "language"], name="one_plot_per_language"
            )
        ]

    def __str__(self) -> str:
        return f"{self.report} · {self.name} ({self.language})"


class ReportDocument(models.Model):
    """The engine's self-contained HTML report in one language, ready for download."""

    report = models.ForeignKey(ForensicReport, on_delete=models.CASCADE, related_name="documents")
    language = models.CharField(max_length=8)
    html = models.TextField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["report", "language"], name="one_document_per_language")
        ]

    def __str__(self) -> str:
        return f"{self.report} ({self.language})"
