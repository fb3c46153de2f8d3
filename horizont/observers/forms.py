from __future__ import annotations

import uuid
from typing import Any

from django import forms
from django.conf import settings
from django.core.files.base import ContentFile
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from horizont.elections.models import Station
from horizont.lib.images import CleanImage, ImageRejected, clean_image
from horizont.observers.models import (
    PROTOCOL_LINES,
    Assignment,
    Attempt,
    ChecklistForm,
    Course,
    Incident,
    Lesson,
    Programme,
    Question,
    Role,
    Volunteer,
    file_remove_on_commit,
)

MAX_PHOTOS = 5
MAX_PHOTO_BYTES = 5 * 1024 * 1024


def _image(upload: Any) -> CleanImage:
    try:
        return clean_image(upload.read(), max_bytes=MAX_PHOTO_BYTES)
    except ImageRejected as exc:
        if exc.code == "too_large":
            raise forms.ValidationError(
                _("“%(name)s” is too large (at most 5 MB)."), params={"name": upload.name}
            ) from exc
        raise forms.ValidationError(
            _("“%(name)s” is not a photo (JPEG, PNG, WebP or GIF)."), params={"name": upload.name}
        ) from exc


class ProgrammeForm(forms.ModelForm):
    class Meta:
        model = Programme
        fields = ["election", "name", "description", "ends_on", "allow_shared_stations"]
        widgets = {"ends_on": forms.DateInput(attrs={"type": "date"})}


class ResultsForm(forms.ModelForm):
    class Meta:
        model = Programme
        fields = ["results_election"]


class ApplyForm(forms.Form):
    pseudonym = forms.CharField(
        label=_("Pseudonym"),
        max_length=80,
        help_text=_("Shown to coordinators instead of your name. Do not use your real name."),
    )
    contact = forms.CharField(
        label=_("Contact details"),
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("For example a messenger handle. Stored encrypted."),
    )
    role = forms.ChoiceField(label=_("Role"), choices=Role.choices)
    consent = forms.BooleanField(
        label=_("I agree that my pseudonym is named in complaints based on my reports."),
        required=False,
    )


class AssignmentForm(forms.Form):
    volunteer = forms.ModelChoiceField(label=_("Volunteer"), queryset=Volunteer.objects.none())
    station_number = forms.IntegerField(label=_("Polling station number"), min_value=0)
    region = forms.CharField(
        label=_("Region"),
        required=False,
        help_text=_("Only where several stations share the number."),
    )
    day = forms.DateField(label=_("Voting day"), widget=forms.DateInput(attrs={"type": "date"}))
    shift = forms.ChoiceField(label=_("Shift"), choices=Assignment.Shift.choices)

    def __init__(self, *args: Any, programme: Programme, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["volunteer"].queryset = programme.volunteers.accepted()


class ChecklistDefinitionForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=ChecklistForm.Kind.choices)
    title = forms.CharField(label=_("Title"), max_length=200)
    definition = forms.CharField(
        label=_("Fields"),
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_(
            "One field per line: type, colon, label. Types: yesno, number, choice, text, time. "
            "A choice lists its options after | (choice: Seals intact | yes | no | unclear)."
        ),
    )


class KeyedForm(forms.Form):
    """A form with an idempotency key: sending it twice stores it once."""

    key = forms.UUIDField(widget=forms.HiddenInput)

    def __init__(self, *args: Any, stations: list[Station], **kwargs: Any) -> None:
        kwargs.setdefault("initial", {}).setdefault("key", uuid.uuid4())
        super().__init__(*args, **kwargs)
        self.fields["station"] = forms.TypedChoiceField(
            label=_("Polling station"),
            coerce=int,
            choices=[(s.pk, str(s)) for s in stations],
        )
        self.order_fields(["station"])


def report_form(
    checklist: ChecklistForm, data: Any = None, *, stations: list[Station]
) -> KeyedForm:
    form = KeyedForm(data, stations=stations)
    for index, spec in enumerate(checklist.fields):
        name, label = f"f{index}", spec["label"]
        field: forms.Field
        if spec["type"] == "yesno":
            field = forms.TypedChoiceField(
                label=label,
                choices=[("yes", _("yes")), ("no", _("no"))],
                widget=forms.RadioSelect,
            )
        elif spec["type"] == "number":
            field = forms.IntegerField(label=label, min_value=0)
        elif spec["type"] == "choice":
            field = forms.ChoiceField(label=label, choices=[(c, c) for c in spec["choices"]])
        elif spec["type"] == "time":
            field = forms.TimeField(label=label, widget=forms.TimeInput(attrs={"type": "time"}))
        else:
            field = forms.CharField(
                label=label, required=False, widget=forms.Textarea(attrs={"rows": 2})
            )
        form.fields[name] = field
    return form


def report_answers(checklist: ChecklistForm, cleaned: dict[str, Any]) -> list[Any]:
    out = []
    for index, _spec in enumerate(checklist.fields):
        value = cleaned.get(f"f{index}")
        out.append(value.strftime("%H:%M") if hasattr(value, "strftime") else value)
    return out


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class PhotosField(forms.FileField):
    widget = MultipleFileInput

    def clean(self, data: Any, initial: Any = None) -> list[CleanImage]:
        uploads = [d for d in (data if isinstance(data, list | tuple) else [data]) if d]
        if len(uploads) > MAX_PHOTOS:
            raise forms.ValidationError(_("At most 5 photos."))
        return [_image(super(PhotosField, self).clean(upload, initial)) for upload in uploads]


class IncidentForm(KeyedForm):
    category = forms.ChoiceField(label=_("Category"), choices=Incident.Category.choices)
    occurred_at = forms.TimeField(label=_("Time"), widget=forms.TimeInput(attrs={"type": "time"}))
    description = forms.CharField(
        label=_("What happened"), widget=forms.Textarea(attrs={"rows": 4})
    )
    severity = forms.ChoiceField(label=_("Severity"), choices=Incident.Severity.choices)
    photos = PhotosField(
        label=_("Photos"), required=False, help_text=_("Up to 5; location data is removed.")
    )


class IncidentUpdateForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"))
    lawyer = forms.ModelChoiceField(
        label=_("Lawyer"), queryset=Volunteer.objects.none(), required=False
    )
    text = forms.CharField(
        label=_("Comment"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args: Any, incident: Incident, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        current = (incident.status, incident.get_status_display())
        self.fields["status"].choices = [current, *incident.next_statuses()]
        self.fields["lawyer"].queryset = incident.programme.volunteers.accepted().filter(
            role=Role.LAWYER
        )


def _protocol_fields(form: forms.Form, party_names: list[str]) -> None:
    for name, label in PROTOCOL_LINES:
        form.fields[name] = forms.IntegerField(label=label, min_value=0)
    for index, party in enumerate(party_names):
        form.fields[f"party{index}"] = forms.IntegerField(label=party, min_value=0)


def protocol_lines(cleaned: dict[str, Any], party_names: list[str]) -> dict[str, Any]:
    lines: dict[str, Any] = {name: cleaned[name] for name, _label in PROTOCOL_LINES}
    lines["votes"] = [cleaned[f"party{i}"] for i in range(len(party_names))]
    return lines


class ProtocolForm(KeyedForm):
    photo = forms.FileField(label=_("Photo of the protocol"), required=False)

    def __init__(self, *args: Any, party_names: list[str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _protocol_fields(self, party_names)

    def clean_photo(self) -> CleanImage | None:
        upload = self.cleaned_data.get("photo")
        return _image(upload) if upload else None


class ResolveForm(forms.Form):
    def __init__(self, *args: Any, party_names: list[str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _protocol_fields(self, party_names)


class CourseForm(forms.ModelForm):
    required_for = forms.MultipleChoiceField(
        label=_("Required for the roles"),
        choices=Role.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Passing unlocks assignment."),
    )

    class Meta:
        model = Course
        fields = ["title", "required_for", "pass_mark", "max_attempts", "deadline"]
        widgets = {"deadline": forms.DateTimeInput(attrs={"type": "datetime-local"})}


class LessonForm(forms.ModelForm):
    picture = forms.FileField(
        label=_("Image"), required=False, help_text=_("Location data is removed.")
    )

    class Meta:
        model = Lesson
        fields = ["position", "language", "title", "body"]

    def clean_picture(self) -> CleanImage | None:
        upload = self.cleaned_data.get("picture")
        return _image(upload) if upload else None

    def save(self, commit: bool = True) -> Lesson:
        picture = self.cleaned_data.get("picture")
        if picture is not None:
            file_remove_on_commit(self.instance.image)  # the image it replaces
            # the name only gives the extension: lesson_image_path makes a random one
            self.instance.image.save(
                f"lesson.{picture.extension}", ContentFile(picture.content), save=False
            )
        return super().save(commit)


class QuestionForm(forms.Form):
    text = forms.CharField(label=_("Question"), max_length=500)
    kind = forms.ChoiceField(label=_("Kind"), choices=Question.Kind.choices)
    choices = forms.CharField(
        label=_("Answers"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("One per line; start the correct ones with *."),
    )
    explanation = forms.CharField(
        label=_("Explanation shown after an attempt"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # The question in each site language (optional): shown to volunteers who read
        # the site in it; the answers in the same order as above.
        for code, name in settings.LANGUAGES:
            self.fields[f"text_{code}"] = forms.CharField(
                label=_("Question in %(language)s") % {"language": name},
                max_length=500,
                required=False,
            )
            self.fields[f"choices_{code}"] = forms.CharField(
                label=_("Answers in %(language)s") % {"language": name},
                required=False,
                widget=forms.Textarea(attrs={"rows": 3}),
                help_text=_("One per line, in the same order as above."),
            )
            self.fields[f"explanation_{code}"] = forms.CharField(
                label=_("Explanation in %(language)s") % {"language": name},
                required=False,
                widget=forms.Textarea(attrs={"rows": 2}),
            )

    def question(self) -> dict[str, Any]:
        """The cleaned data as ``training.question_add`` takes it."""
        data = self.cleaned_data
        return {
            "text": data["text"],
            "kind": data["kind"],
            "choices": data["choices"],
            "explanation": data["explanation"],
            "translations": {
                code: {
                    "text": data.get(f"text_{code}", ""),
                    "choices": data.get(f"choices_{code}", ""),
                    "explanation": data.get(f"explanation_{code}", ""),
                }
                for code, _name in settings.LANGUAGES
            },
        }


def quiz_form(attempt: Attempt, data: Any = None) -> forms.Form:
    """The attempt's questions in its shuffled order, in the reader's language where the
    coordinator translated them."""
    form = forms.Form(data)
    language = get_language()
    questions = {q.pk: q for q in attempt.course.questions.prefetch_related("choices")}
    for pk in attempt.order:
        question = questions.get(pk)
        if question is None:
            continue
        options = [(c.pk, c.text_in(language)) for c in question.choices.all()]
        if question.kind == Question.Kind.MULTIPLE:
            form.fields[f"q{pk}"] = forms.TypedMultipleChoiceField(
                label=question.text_in(language),
                choices=options,
                coerce=int,
                required=False,
                widget=forms.CheckboxSelectMultiple,
            )
        else:
            form.fields[f"q{pk}"] = forms.TypedChoiceField(
                label=question.text_in(language),
                choices=options,
                coerce=int,
                widget=forms.RadioSelect,
            )
    return form


def quiz_answers(form: forms.Form) -> dict[int, list[int]]:
    out = {}
    for name, value in form.cleaned_data.items():
        out[int(name[1:])] = list(value) if isinstance(value, list) else [value]
    return out
