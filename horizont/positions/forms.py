from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from horizont.lib import opinion
from horizont.positions.models import Decision, Poll, Process, StatementVote

_DATETIME = forms.DateTimeInput(attrs={"type": "datetime-local"})


class ProposalForm(forms.Form):
    """Title and text in up to four languages; at least one language is needed."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for code, name in settings.LANGUAGES:
            self.fields[f"title_{code}"] = forms.CharField(
                label=_("Title (%(language)s)") % {"language": name},
                max_length=200,
                required=False,
            )
            self.fields[f"body_{code}"] = forms.CharField(
                label=_("Text (%(language)s)") % {"language": name},
                max_length=10_000,
                required=False,
                widget=forms.Textarea(attrs={"rows": 5}),
            )

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        versions = self.versions()
        if not versions:
            raise forms.ValidationError(_("Give the proposal a title in at least one language."))
        for code, _name in settings.LANGUAGES:
            if data.get(f"body_{code}", "").strip() and not data.get(f"title_{code}", "").strip():
                self.add_error(f"title_{code}", _("A text needs a title in the same language."))
        return data

    def versions(self) -> dict[str, tuple[str, str]]:
        data = getattr(self, "cleaned_data", {})
        return {
            code: (data.get(f"title_{code}", ""), data.get(f"body_{code}", ""))
            for code, _name in settings.LANGUAGES
            if data.get(f"title_{code}", "").strip()
        }


class CommentForm(forms.Form):
    body = forms.CharField(
        label=_("Your comment"), max_length=5000, widget=forms.Textarea(attrs={"rows": 3})
    )
    parent = forms.IntegerField(required=False, widget=forms.HiddenInput)


class PositionForm(forms.Form):
    choice = forms.ChoiceField(
        label=_("Your position"), choices=Decision.Choice.choices, widget=forms.RadioSelect
    )
    reason = forms.CharField(
        label=_("Reason"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Required when you block."),
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if data.get("choice") == Decision.Choice.BLOCK and not data.get("reason", "").strip():
            self.add_error("reason", _("A block needs a reason."))
        return data


class DecisionForm(forms.ModelForm):
    class Meta:
        model = Decision
        fields = ["title", "details", "closes_at", "quorum"]
        widgets = {"closes_at": forms.DateTimeInput(attrs={"type": "datetime-local"})}


class OutcomeForm(forms.Form):
    statement = forms.CharField(
        label=_("Outcome statement"), max_length=5000, widget=forms.Textarea(attrs={"rows": 4})
    )


class StatementForm(forms.Form):
    text = forms.CharField(
        label=_("Your statement"),
        max_length=2000,  # checked precisely below, so the error says why
        widget=forms.Textarea(attrs={"rows": 2, "maxlength": opinion.MAX_STATEMENT_LENGTH}),
        help_text=_("At most 140 characters, no links."),
    )

    def clean_text(self) -> str:
        text = self.cleaned_data["text"]
        problem = opinion.statement_problem(text)
        if problem == "long":
            raise forms.ValidationError(
                _("A statement has at most %(n)d characters (this one has %(m)d)."),
                params={"n": opinion.MAX_STATEMENT_LENGTH, "m": len(" ".join(text.split()))},
            )
        if problem == "link":
            raise forms.ValidationError(_("A statement cannot contain links."))
        return " ".join(text.split())


class StatementVoteForm(forms.Form):
    statement = forms.IntegerField(widget=forms.HiddenInput)
    value = forms.TypedChoiceField(choices=StatementVote.Value.choices, coerce=int)


def ballot_form(poll: Poll, options: list[Any], data: Any = None) -> forms.Form:
    """A form for one ballot of ``poll``; ``form.answer()`` gives the stored answer."""
    choices = [(str(i), option.label) for i, option in enumerate(options)]
    fields: dict[str, forms.Field] = {}
    if poll.kind == Poll.Kind.SINGLE:
        fields["choice"] = forms.ChoiceField(
            label=poll.question, choices=choices, widget=forms.RadioSelect
        )
    elif poll.kind == Poll.Kind.MULTIPLE:
        fields["choices"] = forms.MultipleChoiceField(
            label=poll.question, choices=choices, widget=forms.CheckboxSelectMultiple
        )
    elif poll.kind == Poll.Kind.RANKED:
        for rank in range(1, len(options) + 1):
            fields[f"rank_{rank}"] = forms.ChoiceField(
                label=_("Choice %(rank)d") % {"rank": rank},
                choices=[("", "—"), *choices],
                required=rank == 1,
            )
    elif poll.kind == Poll.Kind.SCORE:
        for i, option in enumerate(options):
            fields[f"score_{i}"] = forms.IntegerField(
                label=option.label, min_value=0, max_value=poll.score_max, required=False
            )
    else:
        fields["text"] = forms.CharField(
            label=poll.question, max_length=2000, widget=forms.Textarea(attrs={"rows": 4})
        )

    def answer(self: forms.Form) -> list[Any]:
        data = self.cleaned_data
        if poll.kind == Poll.Kind.SINGLE:
            return [int(data["choice"])]
        if poll.kind == Poll.Kind.MULTIPLE:
            return sorted(int(c) for c in data["choices"])
        if poll.kind == Poll.Kind.RANKED:
            ranked = [data.get(f"rank_{r}") for r in range(1, len(options) + 1)]
            return [int(c) for c in ranked if c not in (None, "")]
        if poll.kind == Poll.Kind.SCORE:
            return [data.get(f"score_{i}") for i in range(len(options))]
        return []

    form_class = type("BallotForm", (forms.Form,), {**fields, "answer": answer})
    return form_class(data)


class ProcessForm(forms.Form):
    initiative = forms.ModelChoiceField(label=_("Leading initiative"), queryset=None)
    partners = forms.ModelMultipleChoiceField(
        label=_("Partner initiatives"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Only initiatives with a confirmed link to the leading initiative."),
    )
    slug = forms.SlugField(label=_("Short address"), max_length=80)
    language = forms.ChoiceField(label=_("Language"), choices=settings.LANGUAGES)
    title = forms.CharField(label=_("Title"), max_length=200)
    body = forms.CharField(
        label=_("Description"), required=False, max_length=10_000, widget=forms.Textarea
    )
    participation = forms.ChoiceField(
        label=_("Who takes part"), choices=Process.Participation.choices
    )
    collect_from = forms.DateTimeField(label=_("Proposals collected from"), widget=_DATETIME)
    discuss_from = forms.DateTimeField(label=_("Discussion from"), widget=_DATETIME)
    decide_from = forms.DateTimeField(label=_("Decision from"), widget=_DATETIME)
    outcome_from = forms.DateTimeField(label=_("Outcome from"), widget=_DATETIME)

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        from horizont.network.models import Initiative, Link

        organized = Initiative.objects.public().organized_by(user)
        self.fields["initiative"].queryset = organized  # type: ignore[attr-defined]
        linked = Link.objects.confirmed().filter(
            models.Q(source__in=organized) | models.Q(target__in=organized)
        )
        ids = {pk for pair in linked.values_list("source", "target") for pk in pair}
        self.fields["partners"].queryset = Initiative.objects.public().filter(  # type: ignore[attr-defined]
            pk__in=ids
        )

    def clean_slug(self) -> str:
        slug = self.cleaned_data["slug"]
        if Process.objects.filter(slug=slug).exists():
            raise forms.ValidationError(_("This short address is taken."))
        return slug

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        dates = [data.get(name) for name in PHASE_FIELDS]
        if all(dates) and any(a > b for a, b in zip(dates, dates[1:], strict=False)):
            raise forms.ValidationError(_("The phases must follow each other in time."))
        return data


PHASE_FIELDS = ["collect_from", "discuss_from", "decide_from", "outcome_from"]


class PollForm(forms.ModelForm):
    options_text = forms.CharField(
        label=_("Options"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("One option per line, 2 to 10 options (not needed for free text)."),
    )

    class Meta:
        model = Poll
        fields = [
            "question",
            "kind",
            "anonymous",
            "results",
            "closes_at",
            "max_choices",
            "score_max",
        ]
        widgets = {"closes_at": forms.DateTimeInput(attrs={"type": "datetime-local"})}

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        options = [line.strip() for line in data.get("options_text", "").splitlines()]
        options = [line for line in options if line]
        if data.get("kind") != Poll.Kind.TEXT and not 2 <= len(options) <= 10:
            self.add_error("options_text", _("Give between 2 and 10 options."))
        if len(set(options)) != len(options):
            self.add_error("options_text", _("Each option only once."))
        if any(len(option) > 200 for option in options):
            self.add_error("options_text", _("An option has at most 200 characters."))
        data["options"] = options if data.get("kind") != Poll.Kind.TEXT else []
        return data


class JoinForm(forms.Form):
    email = forms.EmailField(
        label=_("Your e-mail address"),
        help_text=_("We send you a link. The address itself is not stored."),
    )


class ReportForm(forms.ModelForm):
    class Meta:
        from horizont.positions.models import Report

        model = Report
        fields = ["reason"]
        widgets = {"reason": forms.Textarea(attrs={"rows": 4})}
        help_texts = {
            "reason": _("Moderators read this. Say briefly which rule it breaks."),
        }
