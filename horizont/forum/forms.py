from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from horizont.forum.countries import country_choices
from horizont.forum.models import BusinessProfile, ContactRequest, Report

MARKDOWN_HELP = _("Markdown: **bold**, *italic*, [link](https://…), lists, quotes with >.")


class ThreadForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    body = forms.CharField(
        label=_("Your post"),
        max_length=20_000,
        widget=forms.Textarea(attrs={"rows": 10}),
        help_text=MARKDOWN_HELP,
    )
    subscribe = forms.BooleanField(
        label=_("E-mail me when someone replies"), required=False, initial=True
    )


class ReplyForm(forms.Form):
    body = forms.CharField(
        label=_("Your reply"),
        max_length=20_000,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=MARKDOWN_HELP,
    )


class ReportForm(forms.ModelForm):
    class Meta:
        model = Report
        fields = ["reason"]
        widgets = {"reason": forms.Textarea(attrs={"rows": 4})}
        help_texts = {
            "reason": _("Moderators read this. Say briefly which rule the post breaks."),
        }


class BusinessProfileForm(forms.ModelForm):
    country = forms.ChoiceField(label=_("Country"))

    class Meta:
        model = BusinessProfile
        fields = ["name", "sector", "country", "city", "offers", "seeks", "contact"]
        widgets = {
            "offers": forms.Textarea(attrs={"rows": 4}),
            "seeks": forms.Textarea(attrs={"rows": 4}),
            "contact": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["country"].choices = [("", "—"), *country_choices()]


class ContactRequestForm(forms.ModelForm):
    class Meta:
        model = ContactRequest
        fields = ["message"]
        widgets = {"message": forms.Textarea(attrs={"rows": 3})}
        help_texts = {
            "message": _("Optional: who you are and why you would like to get in touch."),
        }


class DirectorySearchForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=100)
    sector = forms.ChoiceField(
        label=_("Sector"),
        required=False,
        choices=[("", _("all sectors")), *BusinessProfile.Sector.choices],
    )
    country = forms.ChoiceField(label=_("Country"), required=False)
    city = forms.CharField(label=_("City"), required=False, max_length=120)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["country"].choices = [("", _("all countries")), *country_choices()]
