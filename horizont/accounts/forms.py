from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from horizont.accounts.models import User


class ProfileForm(forms.ModelForm):
    class Meta:
        model = User
        fields = ["display_name", "language", "contact"]
        widgets = {"contact": forms.Textarea(attrs={"rows": 3})}


class DeleteAccountForm(forms.Form):
    confirm = forms.CharField(
        label=_("Type DELETE to confirm"),
        help_text=_("This cannot be undone."),
    )

    def clean_confirm(self) -> str:
        value: str = self.cleaned_data["confirm"]
        if value.strip().upper() not in {"DELETE", "УДАЛИТЬ", "LÖSCHEN", "USUŃ"}:
            raise forms.ValidationError(_("Type DELETE to confirm that the account should go."))
        return value
