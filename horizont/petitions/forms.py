from __future__ import annotations

from pathlib import Path
from typing import Any

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from horizont.lib.images import ImageRejected, clean_image
from horizont.network import gazetteer
from horizont.network.models import Initiative
from horizont.petitions.models import Addressee, Delivery, Petition, PetitionText, Signature
from horizont.sanctions.letters import ADDRESSEES
from horizont.sanctions.models import Case

MAX_UPLOAD = 10 * 1024 * 1024
ALLOWED_UPLOADS = {"application/pdf", "image/jpeg", "image/png", "text/plain", "message/rfc822"}

# Addressees of the sanctions letters, offered as presets (institution, postal address).
PRESETS = {
    "bafa": ("Bundesamt für Wirtschaft und Ausfuhrkontrolle (BAFA)", "poststelle@bafa.bund.de"),
    # The key stays "bmwk"; the ministry is called BMWE since May 2025 (docs/glossary.md).
    "bmwk": ("Bundesministerium für Wirtschaft und Energie (BMWE)", "info@bmwe.bund.de"),
}


def preset_addressee(key: str) -> dict[str, str]:
    institution, email = PRESETS[key]
    lines = ADDRESSEES[(key, "de")].split("\n")
    return {
        "institution": institution,
        "postal_address": "\n".join(lines[1:]),
        "email": email,
        "language": "de",
    }


class DateTimeLocalInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(format="%Y-%m-%dT%H:%M", **kwargs)


class PetitionForm(forms.ModelForm):
    initiative = forms.ModelChoiceField(
        queryset=Initiative.objects.none(), label=_("Initiative"), empty_label=None
    )
    title = forms.CharField(label=_("Title"), max_length=200)
    text = forms.CharField(
        label=_("Text of the petition"), widget=forms.Textarea(attrs={"rows": 12})
    )
    presets = forms.MultipleChoiceField(
        label=_("Addressees"),
        required=False,
        choices=[("bafa", PRESETS["bafa"][0]), ("bmwk", PRESETS["bmwk"][0])],
        widget=forms.CheckboxSelectMultiple,
        help_text=_("You can add other addressees after saving."),
    )

    class Meta:
        model = Petition
        fields = ["initiative", "case", "default_language", "title", "text", "goal", "deadline"]
        widgets = {"deadline": DateTimeLocalInput()}
        help_texts = {
            "deadline": _("Signatures are accepted until this moment (UTC)."),
        }

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["initiative"].queryset = Initiative.objects.organized_by(user)
        # The cases this user may see (sanctions.view_case): published ones, and their
        # team's once two-factor is on.
        cases = Case.objects.published()
        if user.has_mfa:
            cases = cases | Case.objects.of_team(user)
        self.fields["case"].queryset = cases.distinct().order_by("title")
        self.fields["case"].required = False
        self.fields["deadline"].input_formats = ["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"]
        if self.instance.pk:
            for name in ("initiative", "title", "text", "presets"):
                del self.fields[name]

    def clean_deadline(self) -> Any:
        deadline = self.cleaned_data["deadline"]
        if deadline is not None and deadline <= timezone.now() and not self.instance.pk:
            raise ValidationError(_("The deadline must be in the future."))
        return deadline

    def clean_goal(self) -> int:
        goal = self.cleaned_data["goal"]
        if goal < 1:
            raise ValidationError(_("The goal must be at least one signature."))
        return int(goal)


class PetitionTextForm(forms.ModelForm):
    class Meta:
        model = PetitionText
        fields = ["title", "text"]
        widgets = {"text": forms.Textarea(attrs={"rows": 14})}


class AddresseeForm(forms.ModelForm):
    class Meta:
        model = Addressee
        fields = ["institution", "name", "postal_address", "email", "language"]
        widgets = {"postal_address": forms.Textarea(attrs={"rows": 4})}


class SignatureChoicesForm(forms.Form):
    """What a signer allows: the defaults are the most private choices."""

    public_display = forms.ChoiceField(
        label=_("Shown publicly on this page"),
        choices=Signature.Public.choices,
        initial=Signature.Public.NOTHING,
        widget=forms.RadioSelect,
    )
    addressee_display = forms.ChoiceField(
        label=_("Sent to the addressee"),
        choices=Signature.ToAddressee.choices,
        initial=Signature.ToAddressee.COUNT,
        widget=forms.RadioSelect,
    )
    wants_updates = forms.BooleanField(
        label=_("Send me news about this petition by e-mail"), required=False
    )


def _country_choices() -> list[tuple[str, str]]:
    # A callable: the long list is built only when a form is shown or checked, not each
    # time the petition page (whose empty form is cached) creates one.
    return [("", "—"), *gazetteer.country_choices()]


class MemberSignatureForm(SignatureChoicesForm):
    city = forms.CharField(label=_("City (optional)"), max_length=120, required=False)
    country = forms.ChoiceField(
        label=_("Country (optional)"), required=False, choices=_country_choices
    )


class GuestSignatureForm(SignatureChoicesForm):
    name = forms.CharField(
        label=_("Name or pseudonym"),
        max_length=120,
        help_text=_("A pseudonym is fine unless you want your name sent to the addressee."),
    )
    email = forms.EmailField(
        label=_("E-mail address"),
        help_text=_("We send you a link to confirm. Only confirmed signatures count."),
    )
    country = forms.ChoiceField(label=_("Country"), choices=_country_choices)
    city = forms.CharField(label=_("City (optional)"), max_length=120, required=False)

    field_order = ["name", "email", "country", "city"]


class VoidForm(forms.Form):
    reason = forms.CharField(label=_("Reason"), max_length=300)


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class ProofFilesField(forms.FileField):
    """Zero or more files (PDF, images, text, e-mails), each at most 10 MB."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("widget", MultipleFileInput())
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)

    def clean(self, data: Any, initial: Any = None) -> list[Any]:
        files = data if isinstance(data, list | tuple) else ([data] if data else [])
        cleaned = []
        for upload in files:
            if upload.size > MAX_UPLOAD:
                raise ValidationError(_("A file is larger than 10 MB."))
            if upload.content_type not in ALLOWED_UPLOADS:
                raise ValidationError(_("Allowed are PDF, JPEG, PNG, text files and e-mails."))
            content = upload.read()
            if upload.content_type.startswith("image/"):
                # Photos of a delivery can carry where and when they were taken: re-encode.
                try:
                    image = clean_image(content, max_bytes=MAX_UPLOAD)
                except ImageRejected as error:
                    raise ValidationError(_("An image could not be read.")) from error
                name = f"{Path(upload.name or 'photo').stem}.{image.extension}"
                cleaned.append(SimpleUploadedFile(name, image.content, image.content_type))
                continue
            if upload.content_type == "application/pdf" and not content.startswith(b"%PDF"):
                raise ValidationError(_("A file is not the PDF it claims to be."))
            cleaned.append(SimpleUploadedFile(upload.name, content, upload.content_type))
        return cleaned


class DeliveryForm(forms.ModelForm):
    files = ProofFilesField(label=_("Proof (receipt, sent e-mail, photo)"))

    class Meta:
        model = Delivery
        fields = ["addressee", "method", "delivered_on", "note"]
        widgets = {"delivered_on": forms.DateInput(attrs={"type": "date"})}

    def __init__(self, *args: Any, petition: Petition, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["addressee"].queryset = petition.addressees.all()
        self.fields["addressee"].empty_label = None

    def clean_delivered_on(self) -> Any:
        day = self.cleaned_data["delivered_on"]
        if day > timezone.localdate():
            raise ValidationError(_("The date cannot be in the future."))
        return day


class ReplyForm(forms.Form):
    addressee = forms.ModelChoiceField(
        queryset=Addressee.objects.none(), label=_("From"), empty_label=None
    )
    received_on = forms.DateField(
        label=_("Received on"), widget=forms.DateInput(attrs={"type": "date"})
    )
    text = forms.CharField(
        label=_("Text of the reply"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 10}),
        help_text=_("Paste the reply, upload it, or both."),
    )
    public = forms.BooleanField(label=_("Show the text publicly"), required=False, initial=True)
    files = ProofFilesField(label=_("The reply as a file"))

    def __init__(self, *args: Any, petition: Petition, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["addressee"].queryset = petition.addressees.all()

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if not data.get("text", "").strip() and not data.get("files"):
            raise ValidationError(_("Paste the text of the reply or upload it."))
        return data


class UpdateForm(forms.Form):
    title = forms.CharField(label=_("Headline"), max_length=200)
    body = forms.CharField(label=_("Text"), widget=forms.Textarea(attrs={"rows": 8}))


class LanguageChoiceForm(forms.Form):
    language = forms.ChoiceField(label=_("Language"), choices=settings.LANGUAGES)
