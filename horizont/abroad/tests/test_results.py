"""Official results of the stations abroad, with the previous election and pledges."""

from __future__ import annotations

import csv
import datetime as dt
import io

import pytest
from django.urls import reverse

from horizont.abroad import services
from horizont.elections.models import Station as ResultStation

pytestmark = pytest.mark.django_db


@pytest.fixture
def linked(vote, results_election, coordinator):
    vote.results = results_election
    vote.save()
    services.stations_import_results(vote=vote, actor=coordinator)
    vote.stations.filter(number__in=[8001, 8002]).update(country="DE", city="Berlin")
    vote.stations.filter(number__in=[8003, 8004]).update(country="PL", city="Warsaw")
    return vote


def test_station_page_shows_its_official_results_and_pledges_against_voters(client, linked, member):
    station = linked.stations.get(number=8001)
    official = ResultStation.objects.get(election=linked.results, uik=8001)
    services.pledge_member(station=station, user=member)
    text = client.get(station.get_absolute_url()).content.decode()
    assert "Official results: Fictional results" in text
    assert f"<dd>{official.registered}</dd>" in text
    assert f"1 pledges, {official.ballots_issued} voters" in text
    best = max(official.party_results(), key=lambda p: p["votes"])
    assert best["name"].replace('"', "&quot;") in text and str(best["votes"]) in text


@pytest.mark.usefixtures("fast_engine")
def test_previous_election_at_the_same_number_is_shown(client, linked, tmp_path):
    assert (
        "Previous election"
        not in client.get(linked.stations.get(number=8002).get_absolute_url()).content.decode()
    )
    from horizont.elections import services as election_services
    from horizont.elections.synthetic import synthetic_csv

    path = tmp_path / "earlier.csv"
    path.write_text(synthetic_csv(stations_per_region=12, abroad=4, seed=3), encoding="utf-8")
    earlier = election_services.election_import(
        path=path, created_by=None, mc_draws=10, documents=False,
        info=election_services.ElectionInfo(
            name="Earlier results", source_name="earlier.csv", date=dt.date(2026, 9, 20)),
    )  # fmt: skip
    previous = ResultStation.objects.get(election=earlier, uik=8002)
    # Imported after the stations were linked: the next page view links it, no re-import.
    text = client.get(linked.stations.get(number=8002).get_absolute_url()).content.decode()
    assert "Previous election at this number: Earlier results" in text
    assert f"{previous.ballots_issued} voters of {previous.registered} registered" in text
    assert linked.stations.get(number=8002).previous_official == previous
    # Results removed: the link goes, the page still works.
    earlier.delete()
    text = client.get(linked.stations.get(number=8002).get_absolute_url()).content.decode()
    assert "Previous election" not in text


def test_results_per_country_sum_their_stations(client, linked):
    url = reverse("abroad:results_country", args=[linked.slug, "pl"])
    response = client.get(url)
    assert response.status_code == 200
    official = ResultStation.objects.filter(election=linked.results, uik__in=[8003, 8004])
    total = sum(s.registered for s in official)
    text = response.content.decode()
    assert f"<dd>{total}</dd>" in text and "<svg" in text
    assert ">8001<" not in text and ">8003<" in text


def test_results_csv_has_one_row_per_station_and_party_columns(client, linked):
    response = client.get(reverse("abroad:results_csv", args=[linked.slug]))
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0][:7] == [
        "number", "country", "city", "registered", "ballots_issued", "turnout", "pledges",
    ]  # fmt: skip
    assert len(rows[0]) == 7 + len(linked.results.party_names)
    by_number = {r[0]: r for r in rows[1:]}
    official = ResultStation.objects.get(election=linked.results, uik=8004)
    assert by_number["8004"][3] == str(official.registered)
    assert [int(v) for v in by_number["8004"][7:]] == official.votes


def test_no_results_page_before_results_are_linked(client, vote):
    assert client.get(reverse("abroad:results", args=[vote.slug])).status_code == 404


def test_results_per_city(client, linked):
    linked.stations.filter(number=8004).update(city="Kraków")
    url = reverse("abroad:results_country", args=[linked.slug, "PL"])
    text = client.get(url, {"city": "Kraków"}).content.decode()
    official = ResultStation.objects.get(election=linked.results, uik=8004)
    assert f"<dd>{official.registered}</dd>" in text
    assert ">8004<" in text and ">8003<" not in text
    assert "Warsaw (1)" in text and "Kraków (1)" in text
