from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.core.validators import URLValidator
from django.utils.translation import gettext_lazy as _

from horizont.core.fulltext import MAX_SEARCHED_TEXT
from horizont.lib.images import CleanImage, ImageRejected, clean_image
from horizont.network import gazetteer
from horizont.network.models import WORKING_LANGUAGES, Initiative, Link, Topic

MAX_LOGO_BYTES = 2 * 1024 * 1024

LOGO_ERRORS = {
    "too_many_pixels": _("The image has too many pixels: upload one of at most 40 megapixels."),
    "too_large": _("The logo is too large: upload an image of at most 2 MB."),
    "format": _("This image format is not accepted: upload a JPEG, PNG, WebP or GIF image."),
    "not_image": _("This file is not an image: upload a JPEG, PNG, WebP or GIF image."),
}


class InitiativeForm(forms.ModelForm):
    country = forms.ChoiceField(label=_("country"))
    topics = forms.ModelMultipleChoiceField(
        label=_("topics"),
        queryset=Topic.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    working_languages = forms.MultipleChoiceField(
        label=_("working languages"),
        choices=WORKING_LANGUAGES,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    logo_upload = forms.FileField(
        label=_("logo"),
        required=False,
        help_text=_("JPEG, PNG, WebP or GIF, at most 2 MB. Metadata such as GPS is removed."),
    )
    remove_logo = forms.BooleanField(label=_("remove the current logo"), required=False)

    class Meta:
        model = Initiative
        fields = [
            "name",
            "description",
            "language",
            "country",
            "city",
            "latitude",
            "longitude",
            "website",
            "social_links",
            "contact",
            "contact_visibility",
        ]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 6}),
            "social_links": forms.Textarea(attrs={"rows": 3}),
            "contact": forms.Textarea(attrs={"rows": 2}),
            "latitude": forms.NumberInput(attrs={"step": "any", "min": -90, "max": 90}),
            "longitude": forms.NumberInput(attrs={"step": "any", "min": -180, "max": 180}),
        }
        help_texts = {
            "city": _("We look up the coordinates of the city; you can move the pin below."),
            "latitude": _(
                "Optional. Click the map to place the pin, or type the numbers (e.g. 52.52)."
            ),
            "longitude": _("Optional (e.g. 13.40)."),
            "contact": _(
                "An e-mail address, messenger handle or phone. Stored encrypted; shown only "
                "to the people you choose below."
            ),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["country"].choices = [("", "—"), *gazetteer.country_choices()]
        self.fields["topics"].label_from_instance = lambda topic: topic.label
        if self.instance.pk:
            self.fields["topics"].initial = list(self.instance.topics.all())
            self.fields["working_languages"].initial = list(
                self.instance.working_languages.values_list("code", flat=True)
            )
        if not (self.instance.pk and self.instance.logo):
            del self.fields["remove_logo"]
        self.logo: CleanImage | None = None

    def clean_latitude(self) -> float | None:
        value = self.cleaned_data.get("latitude")
        if value is not None and not -90 <= value <= 90:
            raise forms.ValidationError(_("Latitude must be between -90 and 90."))
        return value

    def clean_longitude(self) -> float | None:
        value = self.cleaned_data.get("longitude")
        if value is not None and not -180 <= value <= 180:
            raise forms.ValidationError(_("Longitude must be between -180 and 180."))
        return value

    def clean_social_links(self) -> str:
        lines = [
            line.strip() for line in self.cleaned_data["social_links"].splitlines() if line.strip()
        ]
        if len(lines) > 10:
            raise forms.ValidationError(_("At most 10 links, please."))
        validate = URLValidator(schemes=["http", "https"])
        for line in lines:
            try:
                validate(line)
            except forms.ValidationError as exc:
                raise forms.ValidationError(
                    _("“%(line)s” is not a web address (it must start with https://)."),
                    params={"line": line[:80]},
                ) from exc
        return "\n".join(lines)

    def clean_logo_upload(self) -> Any:
        upload = self.cleaned_data.get("logo_upload")
        if not upload:
            return None
        if upload.size > MAX_LOGO_BYTES:
            raise forms.ValidationError(LOGO_ERRORS["too_large"])
        try:
            self.logo = clean_image(upload.read(), max_bytes=MAX_LOGO_BYTES)
        except ImageRejected as exc:
            raise forms.ValidationError(
                LOGO_ERRORS.get(exc.code, LOGO_ERRORS["not_image"])
            ) from exc
        return upload

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        lat, lon = data.get("latitude"), data.get("longitude")
        if (lat is None) != (lon is None) and not self.has_error("latitude"):
            raise forms.ValidationError(_("Give both latitude and longitude, or neither."))
        city, country = data.get("city", "").strip(), data.get("country", "")
        if city and country:
            found = gazetteer.find_city(city, country)
            if found is not None:
                data["city"] = found.name
                if lat is None and lon is None:
                    data["latitude"], data["longitude"] = found.latitude, found.longitude
        return data

    def model_fields(self) -> dict[str, Any]:
        return {name: self.cleaned_data[name] for name in self.Meta.fields}


class TranslationForm(forms.Form):
    name = forms.CharField(
        label=_("name"),
        max_length=200,
        required=False,
        help_text=_("Leave empty to remove this translation."),
    )
    description = forms.CharField(
        label=_("description"),
        required=False,
        max_length=MAX_SEARCHED_TEXT,
        widget=forms.Textarea(attrs={"rows": 6}),
    )


class ReviewForm(forms.Form):
    note = forms.CharField(
        label=_("note to the organizers"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class LinkProposalForm(forms.Form):
    kind = forms.ChoiceField(label=_("kind of link"), choices=Link.Kind.choices)
    target = forms.CharField(
        label=_("other initiative"),
        max_length=200,
        help_text=_("Its exact name, or search for it by name above."),
    )

    def __init__(self, *args: Any, source: Initiative, candidates: Any = (), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.source = source
        if candidates:
            # Found by the search above: choose one instead of typing its name.
            self.fields["target"].widget = forms.RadioSelect(
                choices=[
                    (c.slug, ", ".join(part for part in (c.name, c.city) if part))
                    for c in candidates
                ]
            )
            self.fields["target"].help_text = ""
            if len(candidates) == 1:
                self.initial["target"] = candidates[0].slug

    def clean_target(self) -> Initiative:
        value = self.cleaned_data["target"].strip()
        public = Initiative.objects.public()
        # Its address (/initiatives/<slug>/) or slug still works, as does its exact name.
        target = public.filter(slug=value.strip("/").rsplit("/", 1)[-1]).first()
        if target is None:
            named = list(public.filter(name__iexact=value)[:2])
            if len(named) > 1:
                raise forms.ValidationError(
                    _("Several public initiatives have this name. Search for it and choose one.")
                )
            target = named[0] if named else None
        if target is None:
            raise forms.ValidationError(
                _("No public initiative has this name. Search for it by a part of its name.")
            )
        if target.pk == self.source.pk:
            raise forms.ValidationError(_("An initiative cannot be linked to itself."))
        return target


LANGUAGE_NAMES = dict(settings.LANGUAGES)
