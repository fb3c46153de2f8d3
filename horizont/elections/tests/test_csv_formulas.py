"""The flagged-stations CSV never carries a spreadsheet formula (issue 9, item 16)."""

import csv
import io

import pytest
from django.urls import reverse

from horizont.elections.models import Station

pytestmark = pytest.mark.django_db


def test_station_names_that_look_like_formulas_are_quoted(client, election):
    station = Station.objects.flagged().first()
    Station.objects.filter(pk=station.pk).update(tik='=HYPERLINK("http://evil.example/")')
    response = client.get(reverse("elections:flagged_csv", args=[election.pk]))
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    tiks = [row[3] for row in rows[1:]]
    assert '\'=HYPERLINK("http://evil.example/")' in tiks
    assert not any(tik.startswith("=") for tik in tiks)
