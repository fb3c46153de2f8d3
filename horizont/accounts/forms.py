from __future__ import annotations

import re
import unicodedata
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from horizont.accounts.models import User
from horizont.lib.names import impersonates_role, skeleton


class ProfileForm(forms.ModelForm):
    class Meta:
        model = User
        fields = ["display_name", "language", "contact"]
        widgets = {"contact": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk and not self.instance.display_name:
            # The automatic pseudonym ("Member 8") is what others see: show it, and that
            # it can be changed.
            automatic = _("Member %(id)s") % {"id": self.instance.pk}
            field = self.fields["display_name"]
            field.widget.attrs["placeholder"] = automatic
            field.help_text = _(
                "Others see you as “%(name)s”, a name we gave you. Write any pseudonym "
                "here to change it; we never ask for your real name."
            ) % {"name": automatic}

    def clean_display_name(self) -> str:
        """Refuse names that pass for a role of the site or for another member."""
        name = re.sub(" {2,}", " ", unicodedata.normalize("NFC", self.cleaned_data["display_name"]))
        if not name:
            return name
        if impersonates_role(name) and not self.instance.is_privileged:
            raise forms.ValidationError(
                _("A name may not claim a role of the site (administrator, moderator, …)."),
                code="impersonation",
            )
        similar = User.objects.filter(display_name_skeleton=skeleton(name)).exclude(
            pk=self.instance.pk
        )
        if similar.exists():
            raise forms.ValidationError(
                _("This name is taken or looks like another member's name. Please choose another."),
                code="confusable",
            )
        return name


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
