from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from horizont.abroad import stationcsv
from horizont.abroad.models import Ride, Station, Vote
from horizont.core import places
from horizont.network import gazetteer


class VoteForm(forms.ModelForm):
    class Meta:
        model = Vote
        fields = [
            "name", "slug", "first_day", "last_day", "results",
            "guidance_ru", "guidance_en", "guidance_de", "guidance_pl",
        ]  # fmt: skip
        widgets = {
            "first_day": forms.DateInput(attrs={"type": "date"}),
            "last_day": forms.DateInput(attrs={"type": "date"}),
        }

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        first, last = data.get("first_day"), data.get("last_day")
        if first and last and last < first:
            self.add_error("last_day", _("The last voting day cannot come before the first."))
        elif first and last and (last - first).days > 14:
            self.add_error("last_day", _("A vote lasts at most two weeks."))
        return data


class StationForm(forms.ModelForm):
    number = forms.IntegerField(label=_("Official number"), min_value=1, max_value=9999)
    timezone = forms.ChoiceField(label=_("Time zone"), choices=[])
    country = forms.ChoiceField(label=_("Country"), choices=[], required=False)
    hours_text = forms.CharField(
        label=_("Opening hours"),
        required=False,
        help_text=_(
            "“08:00-20:00” for every voting day, or one day per line: “2021-09-17 08:00-20:00”. "
            "Empty: 08:00-20:00."
        ),
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    class Meta:
        model = Station
        fields = [
            "number", "country", "city", "host", "address", "latitude", "longitude",
            "timezone", "accessibility", "region", "district",
        ]  # fmt: skip
        widgets = {"accessibility": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args: Any, vote: Vote, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.vote = vote
        self.fields["timezone"].choices = [
            ("", "—"),
            *places.grouped_zone_choices(keep=self.instance.timezone if self.instance.pk else ""),
        ]
        self.fields["country"].choices = [("", "—"), *gazetteer.country_choices()]
        if self.instance.pk:
            self.fields["number"].disabled = True
            self.fields["hours_text"].initial = stationcsv.format_hours(self.instance.hours)

    def clean_number(self) -> int:
        number = self.cleaned_data["number"]
        others = Station.objects.filter(vote=self.vote, number=number)
        if self.instance.pk:
            others = others.exclude(pk=self.instance.pk)
        if others.exists():
            raise forms.ValidationError(_("This vote already has a station with this number."))
        return int(number)

    def clean_hours_text(self) -> dict[str, list[str]]:
        try:
            return stationcsv.parse_hours(self.cleaned_data["hours_text"], self.vote.voting_days)
        except stationcsv.HoursError as exc:
            raise forms.ValidationError(
                _("Cannot read the opening hours “%(value)s”."), params={"value": exc.args[0]}
            ) from exc

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if (data.get("latitude") is None) != (data.get("longitude") is None):
            self.add_error("longitude", _("Give both latitude and longitude, or neither."))
        return data

    def values(self) -> dict[str, Any]:
        data = dict(self.cleaned_data)
        data["hours"] = data.pop("hours_text")
        return data


class CsvImportForm(forms.Form):
    file = forms.FileField(
        label=_("CSV file"),
        help_text=_("Columns: %(columns)s.") % {"columns": ", ".join(stationcsv.COLUMNS)},
    )

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        if upload.size > 2 * 1024 * 1024:
            raise forms.ValidationError(_("The file is larger than 2 MB."))
        return upload


class GuestPledgeForm(forms.Form):
    email = forms.EmailField(label=_("Your e-mail address"), max_length=254)


class RideForm(forms.ModelForm):
    class Meta:
        model = Ride
        fields = ["day", "kind", "departure_city", "departure_time", "seats", "note"]
        widgets = {"departure_time": forms.TimeInput(attrs={"type": "time"})}

    def __init__(self, *args: Any, station: Station, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["day"] = forms.TypedChoiceField(
            label=_("Voting day"),
            choices=[(d.isoformat(), d.isoformat()) for d in station.vote.voting_days],
            coerce=dt.date.fromisoformat,
        )
        self.fields["seats"].min_value = 1
        self.fields["seats"].widget.attrs.update({"min": 1, "max": 8})

    def clean_seats(self) -> int:
        seats = self.cleaned_data["seats"]
        if not 1 <= seats <= 8:
            raise forms.ValidationError(_("Between 1 and 8 seats."))
        return int(seats)


class RideContactForm(forms.Form):
    message = forms.CharField(
        label=_("Your message"), max_length=1000, widget=forms.Textarea(attrs={"rows": 4})
    )


class QueueReportForm(forms.Form):
    people = forms.IntegerField(label=_("People in the queue (about)"), min_value=0, max_value=5000)
    wait_minutes = forms.IntegerField(
        label=_("Waiting time in minutes (about)"), min_value=0, max_value=1440
    )
    comment = forms.CharField(label=_("Comment"), max_length=200, required=False)


class NoticeForm(forms.Form):
    text = forms.CharField(label=_("Notice"), max_length=300)


class FinderForm(forms.Form):
    country = forms.ChoiceField(label=_("Country"), required=False, choices=[])
    city = forms.CharField(label=_("City"), required=False, max_length=120)
    near = forms.CharField(label=_("Near (a city)"), required=False, max_length=120)

    def __init__(self, *args: Any, countries: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["country"].choices = [("", _("all countries")), *countries]
