"""The read-only REST API."""

from __future__ import annotations

import pytest

from horizont.elections.models import Station

pytestmark = pytest.mark.django_db


def test_elections_list_and_detail(client, election):
    listing = client.get("/api/elections/").json()
    assert listing["count"] == 1
    item = listing["items"][0]
    assert item["name"] == "Fictional assembly"
    assert item["stations"] == 180
    detail = client.get(f"/api/elections/{election.pk}").json()
    assert detail["parties"][0]["name"] == '1. Партия "Утренняя роса"'
    assert detail["abroad"]["abroad"]["stations"] == 8
    assert detail["flagged_csv_url"].endswith("/flagged.csv")
    assert client.get(detail["report_url"]).status_code == 200


def test_stations_are_paginated_and_filtered(client, election):
    url = f"/api/elections/{election.pk}/stations"
    page = client.get(url).json()
    assert page["count"] == 180
    assert len(page["items"]) == 50
    assert client.get(url, {"region": "Тестовый край"}).json()["count"] == 60
    flagged = client.get(url, {"flagged": "true"}).json()
    assert flagged["count"] == Station.objects.flagged().count()
    assert all(item["flags"] for item in flagged["items"])
    assert client.get(url, {"abroad": "true"}).json()["count"] == 8
    tik = Station.objects.first().tik
    assert client.get(url, {"tik": tik}).json()["count"] == Station.objects.filter(tik=tik).count()


def test_report_json_follows_the_engine_schema(client, election):
    data = client.get(f"/api/elections/{election.pk}/report").json()
    assert data["schema"] == "horizont.forensics.report/1"
    assert data["totals"]["stations"] == 180
    assert "cells" in data["integer_test"]
    region = client.get(f"/api/elections/{election.pk}/report", {"region": "Тестовый край"}).json()
    assert region["totals"]["stations"] == 60
    assert client.get(f"/api/elections/{election.pk}/report", {"region": "X"}).status_code == 404


def test_unknown_election_is_404(client, db):
    assert client.get("/api/elections/999").status_code == 404
    assert client.get("/api/elections/999/stations").status_code == 404
