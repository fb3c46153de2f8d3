"""The 2021 State Duma results from ../shared/data imported into the database."""

from __future__ import annotations

import pytest
from django.urls import reverse

from horizont.elections import services
from horizont.elections.models import Station
from horizont.forensics.flags import station_flags
from horizont.testing.data import shared_data

pytestmark = [pytest.mark.slow, pytest.mark.django_db]


def test_2021_file_is_imported_whole():
    path = shared_data("elections", "ru", "2021.csv.zip")
    info = services.ElectionInfo(name="State Duma 2021", source_name=path.name)
    results = services.election_read(path=path, info=info)
    election = services.election_store(
        results=results,
        info=info,
        sha256=services.file_sha256(path),
        created_by=None,
        flags=station_flags(results),
        bundle=None,
    )
    assert election.stations == 96_325
    assert election.registered == 109_204_662
    assert Station.objects.filter(election=election).count() == 96_325
    assert round(100 * election.turnout, 2) == 51.72
    assert "ЕДИНАЯ РОССИЯ" in election.leader
    assert round(100 * election.leader_share, 2) == 49.82
    assert election.abroad["abroad"]["stations"] > 300
    assert Station.objects.filter(election=election, remote=True).exists()
    assert Station.objects.filter(election=election).flagged().count() > 10_000


@pytest.mark.parametrize(
    ("year", "issued_line", "turnout"),
    [("2004", "выданных в день голосования", 64.39), ("2020", "выданных участникам", 67.69)],
)
def test_import_of_older_layouts_shows_the_column_mapping(
    client, fast_engine, year, issued_line, turnout
):
    path = shared_data("elections", "ru", f"{year}.csv.zip")
    election = services.election_import(
        path=path,
        info=services.ElectionInfo(name=f"Federal {year}", source_name=path.name),
        created_by=None,
        mc_draws=20,
        documents=False,
    )
    assert round(100 * election.turnout, 2) == turnout
    response = client.get(reverse("elections:detail", args=[election.pk]))
    html = response.content.decode()
    assert issued_line in html
    assert 'role="alert"' not in html  # nothing implausible
