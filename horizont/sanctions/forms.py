from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from horizont.lib.images import CleanImage, ImageRejected, clean_image
from horizont.sanctions import services
from horizont.sanctions.models import TRANSITIONS, Case, CaseMember, Evidence, Letter

SCHEMA_CHOICES = [
    ("", _("any kind")),
    ("person", _("person")),
    ("organization", _("organization or company")),
    ("vessel", _("vessel")),
    ("aircraft", _("aircraft")),
]
MAX_BATCH_BYTES = 2 * 1024 * 1024
MAX_PHOTO_BYTES = 8 * 1024 * 1024

PHOTO_ERRORS = {
    "too_many_pixels": _("The image has too many pixels: upload one of at most 40 megapixels."),
    "too_large": _("The photo is too large: upload an image of at most 8 MB."),
    "format": _("This image format is not accepted: upload a JPEG, PNG, WebP or GIF image."),
    "not_image": _("This file is not an image: upload a JPEG, PNG, WebP or GIF image."),
}


class ScreenForm(forms.Form):
    q = forms.CharField(
        label=_("Name or identifier"),
        max_length=300,
        help_text=_(
            "In any script or spelling: Пригожин, Prigoschin, Prigożyn … or a passport, "
            "registration, IMO or tail number."
        ),
        error_messages={"required": _("Enter a name or an identifier to search for.")},
    )
    schema = forms.ChoiceField(label=_("Kind"), choices=SCHEMA_CHOICES, required=False)
    list = forms.ChoiceField(label=_("List"), required=False)
    country = forms.CharField(label=_("Country"), max_length=100, required=False)
    birth_year = forms.IntegerField(
        label=_("Year of birth"), min_value=1880, max_value=2030, required=False
    )

    def __init__(self, *args: Any, lists: dict[str, str] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["list"].choices = [("", _("every list"))] + sorted(
            (lists or {}).items(), key=lambda item: item[1]
        )

    def clean_q(self) -> str:
        value = self.cleaned_data["q"].strip()
        if not value:
            raise ValidationError(_("Enter a name or an identifier to search for."))
        return value

    def search_request(self) -> services.SearchRequest:
        data = self.cleaned_data
        return services.SearchRequest(
            query=data["q"],
            schema=data.get("schema") or None,
            list_id=data.get("list") or None,
            country=(data.get("country") or "").strip() or None,
            birth_year=data.get("birth_year"),
        )


class BatchForm(forms.Form):
    file = forms.FileField(
        label=_("CSV file with names"),
        help_text=_(
            "UTF-8 CSV, one name or identifier per row; a column headed “name” is used if "
            "present, else the first column. At most 20,000 rows and 2 MB."
        ),
    )

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        if upload.size > MAX_BATCH_BYTES:
            raise ValidationError(_("The file is larger than 2 MB."))
        self.queries = services.batch_queries_parse(upload.read())
        return upload


class PartnerForm(forms.Form):
    q = forms.CharField(
        label=_("Name of the person or organization"),
        max_length=300,
        error_messages={"required": _("Enter a name to check.")},
    )

    def clean_q(self) -> str:
        value = self.cleaned_data["q"].strip()
        if not value:
            raise ValidationError(_("Enter a name to check."))
        return value


class CaseForm(forms.ModelForm):
    class Meta:
        model = Case
        fields = ["title", "summary", "sender", "sender_place"]
        widgets = {
            "summary": forms.Textarea(attrs={"rows": 6}),
            "sender": forms.Textarea(attrs={"rows": 4}),
        }
        help_texts = {
            "summary": _(
                "What happened, where and when. Until the case is published only its team "
                "reads this."
            )
        }


class StatusForm(forms.Form):
    status = forms.ChoiceField(label=_("New status"))

    def __init__(self, *args: Any, case: Case, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        labels = dict(Case.Status.choices)
        self.fields["status"].choices = [(s, labels[s]) for s in TRANSITIONS[case.status]]


class MemberForm(forms.Form):
    email = forms.EmailField(label=_("E-mail address of their account"))
    role = forms.ChoiceField(label=_("Role"), choices=CaseMember.Role.choices)


class SubjectForm(forms.Form):
    entity_id = forms.CharField(
        label=_("Entity id"),
        max_length=200,
        help_text=_("Shown on every entity page, e.g. us-ofac-sdn:27197."),
    )
    note = forms.CharField(label=_("Note"), max_length=500, required=False)


class EvidenceForm(forms.ModelForm):
    photo_upload = forms.FileField(
        label=_("Photo"),
        required=False,
        help_text=_(
            "JPEG, PNG, WebP or GIF, at most 8 MB. Location, camera and time data are removed."
        ),
    )

    class Meta:
        model = Evidence
        fields = ["kind", "title", "url", "text", "observed_on", "place"]
        widgets = {
            "text": forms.Textarea(attrs={"rows": 4}),
            "observed_on": forms.DateInput(attrs={"type": "date"}),
        }

    def clean_photo_upload(self) -> CleanImage | None:
        upload = self.cleaned_data.get("photo_upload")
        if not upload:
            return None
        if upload.size > MAX_PHOTO_BYTES:
            raise ValidationError(PHOTO_ERRORS["too_large"])
        try:
            return clean_image(upload.read(), max_bytes=MAX_PHOTO_BYTES)
        except ImageRejected as error:
            raise ValidationError(
                PHOTO_ERRORS.get(error.code, PHOTO_ERRORS["not_image"])
            ) from error

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        kind = data.get("kind")
        if kind == Evidence.Kind.LINK and not data.get("url"):
            self.add_error("url", _("Give the address of the link."))
        if (
            kind == Evidence.Kind.PHOTO
            and not data.get("photo_upload")
            and "photo_upload" not in self.errors
        ):
            self.add_error("photo_upload", _("Choose a photo to upload."))
        if kind == Evidence.Kind.NOTE and not (data.get("text") or "").strip():
            self.add_error("text", _("Write the note."))
        return data


class LetterStartForm(forms.Form):
    template = forms.ChoiceField(label=_("Authority"), choices=Letter.Template.choices)
    language = forms.ChoiceField(label=_("Language of the letter"), choices=Letter.Language.choices)


class LetterForm(forms.ModelForm):
    class Meta:
        model = Letter
        fields = ["sender", "addressee", "place_and_date", "subject", "body"]
        widgets = {
            "sender": forms.Textarea(attrs={"rows": 3}),
            "addressee": forms.Textarea(attrs={"rows": 5}),
            "body": forms.Textarea(attrs={"rows": 24}),
        }
        help_texts = {
            "sender": _(
                "Name or organization and a contact address, as the authority should see them. "
                "A pseudonym may be refused by an authority."
            )
        }
