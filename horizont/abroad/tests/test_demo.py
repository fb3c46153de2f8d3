"""The demo: a fictional upcoming vote marked as demo data; the 2021 stations abroad."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.management import call_command

from horizont.abroad import demo
from horizont.abroad.models import Pledge, QueueReport, Ride, Station, Vote

pytestmark = pytest.mark.django_db


def test_demo_creates_a_fictional_upcoming_vote_once(client):
    first = demo.load()
    assert "created the fictional vote abroad with 10 stations" in first
    assert "no 2021 stations abroad" in first
    demo.load()
    vote = Vote.objects.get(slug=demo.DEMO_SLUG)
    assert vote.is_demo and vote.first_day > dt.date.today()
    assert set(vote.stations.values_list("country", flat=True)) == {"DE", "PL"}
    addresses = set(vote.stations.values_list("country", "address"))
    assert addresses == {(country, text) for country, text in demo.DEMO_ADDRESS.items()}
    assert Station.objects.count() == 10 and Ride.objects.count() == 2
    assert Pledge.objects.filter(vote=vote).count() > 50 and QueueReport.objects.exists()
    text = client.get(f"/en/abroad/s/{demo.DEMO_SLUG}-8104/").content.decode()
    assert "demo data: check the address with the consulate" in text


def test_demo_links_2021_results_when_the_elections_demo_imported_them(results_election):
    from horizont.elections.demo import REAL_2021

    results_election.name = REAL_2021
    results_election.save()
    assert "2021 stations abroad: 4 created" in demo.load()
    vote = Vote.objects.get(slug=demo.DUMA_2021_SLUG)
    assert vote.results == results_election and vote.stations.count() == 4
    assert "2021 stations abroad: 0 created" in demo.load()


def test_reminder_command_runs_as_a_job(stations):
    from horizont.jobs.models import Job

    call_command("send_abroad_reminders")
    assert Job.objects.get().status == Job.Status.DONE
