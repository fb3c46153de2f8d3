from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from horizont.core import places
from horizont.events.models import MAX_DURATION, Event
from horizont.events.timezones import NonexistentTime, local_to_utc, place_zone, zone_or_none
from horizont.network.models import Initiative

LOCAL_FORMATS = ["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M:%S"]


class LocalDateTimeInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(format="%Y-%m-%dT%H:%M", **kwargs)


class EventForm(forms.ModelForm):
    """Organizers enter dates as wall-clock times at the place, in the place's zone."""

    initiative = forms.ModelChoiceField(
        queryset=Initiative.objects.none(), label=_("Organized by"), empty_label=None
    )
    timezone = forms.ChoiceField(
        label=_("Time zone of the place"),
        required=False,
        help_text=_(
            "Dates and times below are local times at the place. Leave “the zone of the "
            "place” and it follows from the city and country."
        ),
    )
    start_local = forms.DateTimeField(
        label=_("Starts (local time)"), input_formats=LOCAL_FORMATS, widget=LocalDateTimeInput()
    )
    end_local = forms.DateTimeField(
        label=_("Ends (local time)"), input_formats=LOCAL_FORMATS, widget=LocalDateTimeInput()
    )

    class Meta:
        model = Event
        fields = [
            "initiative",
            "title",
            "kind",
            "description",
            "timezone",
            "start_local",
            "end_local",
            "address",
            "city",
            "country",
            "latitude",
            "longitude",
            "online_url",
            "capacity",
            "report_url",
            "report_title",
        ]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 6}),
            "country": forms.Select(),
        }

    def __init__(self, *args: Any, initiatives: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["timezone"].choices = [
            ("", _("the zone of the place (from the city and country)")),
            *places.grouped_zone_choices(keep=self.instance.timezone if self.instance.pk else ""),
        ]
        self.fields["country"].widget.choices = [("", "—"), *places.country_choices()]
        if self.instance.pk:
            # An event stays with its initiative.
            del self.fields["initiative"]
            self.fields["start_local"].initial = self.instance.local_start.replace(tzinfo=None)
            self.fields["end_local"].initial = self.instance.local_end.replace(tzinfo=None)
        else:
            self.fields["initiative"].queryset = initiatives
        # The parts of the form the model does not validate on its own.
        self.fields["country"].widget.attrs["autocomplete"] = "country"

    def clean_country(self) -> str:
        value: str = self.cleaned_data.get("country", "").strip().upper()
        if value and not (len(value) == 2 and value.isalpha()):
            raise forms.ValidationError(_("Use the two-letter country code, for example DE."))
        return value

    def clean_latitude(self) -> float | None:
        value = self.cleaned_data.get("latitude")
        if value is not None and not -90 <= value <= 90:
            raise forms.ValidationError(_("Latitude lies between -90 and 90."))
        return value

    def clean_longitude(self) -> float | None:
        value = self.cleaned_data.get("longitude")
        if value is not None and not -180 <= value <= 180:
            raise forms.ValidationError(_("Longitude lies between -180 and 180."))
        return value

    def _utc(self, name: str, zone: Any) -> dt.datetime | None:
        value = self.cleaned_data.get(name)
        if value is None:
            return None
        try:
            return local_to_utc(value.replace(tzinfo=None), zone)
        except NonexistentTime:
            self.add_error(
                name,
                _(
                    "This time does not exist in the chosen time zone: the clocks jump "
                    "forward then. Choose a time one hour later."
                ),
            )
            return None

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if not data.get("timezone") and "timezone" not in self.errors:
            initiative = data.get("initiative") or getattr(self.instance, "initiative", None)
            country = data.get("country") or getattr(initiative, "country", "")
            data["timezone"] = place_zone(data.get("city", ""), country)
            if not data["timezone"]:
                self.add_error(
                    "timezone",
                    _("We cannot tell the time zone from the place: choose it from the list."),
                )
            else:
                self.instance.timezone = data["timezone"]
        zone = zone_or_none(data.get("timezone"))
        if zone is None:
            return data
        start = self._utc("start_local", zone)
        end = self._utc("end_local", zone)
        if start is not None and end is not None:
            if end <= start:
                self.add_error("end_local", _("The event must end after it starts."))
            elif end - start > MAX_DURATION:
                self.add_error("end_local", _("An event can last at most 31 days."))
            else:
                self.instance.start = start
                self.instance.end = end
        kind = data.get("kind")
        if kind == Event.Kind.ONLINE:
            if not data.get("online_url"):
                self.add_error("online_url", _("An online event needs its link."))
        else:
            for name in ("city", "country"):
                if not data.get(name):
                    self.add_error(name, _("Say where the event takes place."))
        if (data.get("latitude") is None) != (data.get("longitude") is None):
            self.add_error("longitude", _("Give both latitude and longitude, or neither."))
        return data


class GuestRegistrationForm(forms.Form):
    name = forms.CharField(
        label=_("Your name"),
        max_length=80,
        help_text=_("A pseudonym is fine. Only the organizers see it."),
    )
    email = forms.EmailField(
        label=_("Your e-mail address"),
        help_text=_("We send you a link to confirm. Only then is a place held for you."),
    )


class EventFilterForm(forms.Form):
    WHEN_CHOICES = [("upcoming", _("Upcoming")), ("past", _("Past"))]

    when = forms.ChoiceField(label=_("When"), choices=WHEN_CHOICES, required=False)
    city = forms.CharField(label=_("City"), max_length=120, required=False)
    kind = forms.ChoiceField(
        label=_("Kind"), choices=[("", _("All kinds"))] + Event.Kind.choices, required=False
    )
    initiative = forms.SlugField(label=_("Initiative"), max_length=80, required=False)
