"""Volunteers' personal data is deleted a configurable number of days after the
programme ends; reports stay, without the people."""

import datetime as dt
import io

import pytest
import time_machine
from django.core.management import call_command

from horizont.observers.models import Volunteer

pytestmark = pytest.mark.django_db


def test_personal_data_is_erased_after_the_retention_period(settings, programme, assigned):
    settings.OBSERVERS_RETENTION_DAYS = 30
    programme.ends_on = dt.date(2030, 10, 1)
    programme.save()
    with time_machine.travel(dt.datetime(2030, 10, 31, 12, tzinfo=dt.UTC)):
        call_command("erase_observer_data", stdout=io.StringIO())
    volunteer = Volunteer.objects.get(pk=assigned.pk)
    assert volunteer.user is not None and volunteer.contact == "@anna"
    with time_machine.travel(dt.datetime(2030, 11, 1, 12, tzinfo=dt.UTC)):
        out = io.StringIO()
        call_command("erase_observer_data", stdout=out)
    assert "1 programme" in out.getvalue()
    volunteer.refresh_from_db()
    programme.refresh_from_db()
    assert (
        volunteer.user is None and volunteer.contact == "" and volunteer.pseudonym.startswith("#")
    )
    assert volunteer.assignments.count() == 1  # the station's coverage stays, anonymous
    assert programme.personal_data_erased_at is not None


def test_programme_without_an_end_is_kept(settings, programme, assigned):
    settings.OBSERVERS_RETENTION_DAYS = 0
    with time_machine.travel(dt.datetime(2040, 1, 1, tzinfo=dt.UTC)):
        call_command("erase_observer_data", stdout=io.StringIO())
    assert Volunteer.objects.get(pk=assigned.pk).contact == "@anna"


def test_account_deletion_erases_the_volunteer(assigned):
    from horizont.observers.services import user_observer_erase, user_observer_export

    data = user_observer_export(assigned.user)
    assert data["observer_applications"][0]["pseudonym"] == "Anna"
    user_observer_erase(assigned.user)
    volunteer = Volunteer.objects.get(pk=assigned.pk)
    assert volunteer.user is None and volunteer.contact == ""
