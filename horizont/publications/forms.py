from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from horizont.lib.images import ImageRejected, clean_image
from horizont.network.models import Initiative
from horizont.publications.models import Article, ArticleTranslation, Tag

MAX_IMAGE_BYTES = 8 * 1024 * 1024

IMAGE_ERRORS = {
    "too_many_pixels": _("The image has too many pixels: upload one of at most 40 megapixels."),
    "too_large": _("The image is too large. Upload a file of at most 8 MB and 40 megapixels."),
    "format": _("This image format is not accepted. Upload a JPEG, PNG, WebP or GIF file."),
    "not_image": _("This file is not an image we can read. Upload a JPEG, PNG, WebP or GIF file."),
}


def _tags_text(article: Article | None) -> str:
    if article is None or article.pk is None:
        return ""
    return ", ".join(tag.name for tag in article.tags.all())


class ArticleForm(forms.Form):
    """What an article is: who publishes it, its kind, state, tags and picture."""

    initiative = forms.ModelChoiceField(
        label=_("Publishing initiative"), queryset=Initiative.objects.none()
    )
    kind = forms.ChoiceField(label=_("Kind"), choices=Article.Kind.choices)
    status = forms.ChoiceField(
        label=_("Status"),
        choices=Article.Status.choices,
        help_text=_("A draft is visible only to the organizers of the initiative."),
    )
    tags = forms.CharField(
        label=_("Tags"),
        required=False,
        max_length=400,
        help_text=_("Separate tags with commas, e.g. culture, Berlin."),
    )
    image = forms.FileField(
        label=_("Image"),
        required=False,
        help_text=_("JPEG, PNG, WebP or GIF, at most 8 MB. Location and camera data are removed."),
    )
    image_alt = forms.CharField(
        label=_("Image description"),
        required=False,
        max_length=250,
        help_text=_("What the image shows, for readers who cannot see it."),
    )
    remove_image = forms.BooleanField(label=_("Remove the current image"), required=False)

    def __init__(self, *args: Any, user: Any, article: Article | None = None, **kwargs: Any):
        if article is not None:
            kwargs.setdefault(
                "initial",
                {
                    "initiative": article.initiative_id,
                    "kind": article.kind,
                    "status": article.status,
                    "tags": _tags_text(article),
                    "image_alt": article.image_alt,
                },
            )
        super().__init__(*args, **kwargs)
        self.article = article
        if article is None:
            self.fields["initiative"].queryset = Initiative.objects.organized_by(user).public()
            del self.fields["remove_image"]
        else:
            # The publishing initiative does not change after the article is created.
            del self.fields["initiative"]
            if not article.image:
                del self.fields["remove_image"]

    def clean_image(self) -> Any:
        upload = self.cleaned_data.get("image")
        if not upload:
            return None
        if upload.size > MAX_IMAGE_BYTES:
            raise forms.ValidationError(IMAGE_ERRORS["too_large"], code="too_large")
        try:
            return clean_image(upload.read(), max_bytes=MAX_IMAGE_BYTES)
        except ImageRejected as exc:
            raise forms.ValidationError(
                IMAGE_ERRORS.get(exc.code, IMAGE_ERRORS["not_image"]), code=exc.code
            ) from exc

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        has_image = data.get("image") or (
            self.article is not None and self.article.image and not data.get("remove_image")
        )
        if has_image and not data.get("image_alt", "").strip():
            self.add_error("image_alt", _("Describe the image for readers who cannot see it."))
        return data


class TranslationForm(forms.ModelForm):
    class Meta:
        model = ArticleTranslation
        fields = ["language", "title", "summary", "body"]
        widgets = {
            "summary": forms.Textarea(attrs={"rows": 3}),
            "body": forms.Textarea(attrs={"rows": 18}),
        }

    def __init__(self, *args: Any, article: Article | None = None, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.article = article
        self.fields["language"].choices = settings.LANGUAGES
        if self.instance.pk:
            # The language of an existing version is fixed; it is part of its address.
            self.fields["language"].disabled = True

    def clean_language(self) -> str:
        language = self.cleaned_data["language"]
        if (
            self.article is not None
            and not self.instance.pk
            and self.article.translations.filter(language=language).exists()
        ):
            raise forms.ValidationError(
                _("This article already has a version in this language. Edit that version.")
            )
        return language


class FilterForm(forms.Form):
    tag = forms.ChoiceField(label=_("Tag"), required=False)
    initiative = forms.ChoiceField(label=_("Initiative"), required=False)
    language = forms.ChoiceField(
        label=_("Language"),
        required=False,
        choices=[("", _("any language")), *settings.LANGUAGES],
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        published = Article.objects.published()
        tags = Tag.objects.filter(articles__in=published).distinct().values_list("slug", "name")
        initiatives = (
            Initiative.objects.filter(articles__in=published)
            .distinct()
            .order_by("name")
            .values_list("slug", "name")
        )
        self.fields["tag"].choices = [("", _("all tags")), *tags]
        self.fields["initiative"].choices = [("", _("all initiatives")), *initiatives]
