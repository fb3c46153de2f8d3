from __future__ import annotations

from pathlib import Path
from typing import Any

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from horizont.elections import services
from horizont.elections.models import Election

#: Upload limit in megabytes (the 2021 State Duma file is 3.5 MB zipped, 40 MB as CSV).
MAX_UPLOAD_MB = 200


class ImportForm(forms.Form):
    name = forms.CharField(label=_("Name of the election"), max_length=200)
    date = forms.DateField(
        label=_("Election day"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    kind = forms.ChoiceField(label=_("Kind"), choices=Election.Kind.choices)
    country = forms.CharField(
        label=_("Country code"),
        max_length=2,
        min_length=2,
        initial="RU",
        help_text=_("Two letters, for example RU."),
    )
    upload = forms.FileField(
        label=_("Results file"),
        required=False,
        help_text=_(
            "Official per-station results: CSV, CSV inside a ZIP archive, or Parquet. "
            "Columns are recognised by their Russian names."
        ),
    )
    server_file = forms.ChoiceField(
        label=_("Or a file already on the server"),
        required=False,
        help_text=_("Files placed by the administrators in the import folder."),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        files = services.server_files()
        self.fields["server_file"].choices = [("", "—")] + [(f, f) for f in files]

    def clean_country(self) -> str:
        return self.cleaned_data["country"].upper()

    def clean_upload(self) -> Any:
        upload = self.cleaned_data.get("upload")
        if not upload:
            return upload
        suffix = Path(upload.name).suffix.lower()
        if suffix not in services.SUFFIXES:
            raise forms.ValidationError(
                _("Please upload a CSV file, a ZIP archive with a CSV file, or a Parquet file.")
            )
        limit = getattr(settings, "ELECTIONS_MAX_UPLOAD_MB", MAX_UPLOAD_MB)
        if upload.size > limit * 1024 * 1024:
            raise forms.ValidationError(
                _("The file is larger than %(limit)s MB.") % {"limit": limit}
            )
        head = upload.read(4096)
        upload.seek(0)
        if suffix in (".csv", ".txt") and b"\x00" in head:
            raise forms.ValidationError(_("This is not a text (CSV) file."))
        if suffix == ".zip" and not head.startswith(b"PK"):
            raise forms.ValidationError(_("This is not a ZIP archive."))
        return upload

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        if bool(cleaned.get("upload")) == bool(cleaned.get("server_file")):
            if not self.errors.get("upload"):
                raise forms.ValidationError(
                    _("Choose either a file to upload or a file on the server.")
                )
        return cleaned
