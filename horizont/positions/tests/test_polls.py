"""Polls: each kind of ballot, bad ballots, results live or after closing, CSV."""

from __future__ import annotations

from datetime import timedelta

import pytest
import time_machine

from horizont.positions.models import Ballot
from horizont.positions.tests.conftest import make_poll

pytestmark = pytest.mark.django_db


def test_ranked_ballot_and_explained_results(client, process, member):
    poll = make_poll(process, "ranked", results="live")
    client.force_login(member)
    response = client.post(poll.get_absolute_url(), {"rank_1": "2", "rank_2": "0", "rank_3": ""})
    assert response.status_code == 302
    assert Ballot.objects.get().answer == [2, 0]
    page = client.get(poll.get_absolute_url()).content.decode()
    assert "You have answered this poll." in page
    assert "Instant-runoff" in page and "Schulze" in page
    assert "Any flag has more than half of the votes and wins." in page


def test_ranked_ballot_with_repeated_option_is_refused(client, process, member):
    poll = make_poll(process, "ranked")
    client.force_login(member)
    response = client.post(poll.get_absolute_url(), {"rank_1": "1", "rank_2": "1"})
    assert response.status_code == 200
    assert "Each option can be ranked only once." in response.content.decode()
    assert not Ballot.objects.exists()


def test_voting_twice_is_refused(client, process, member):
    poll = make_poll(process, "single")
    client.force_login(member)
    client.post(poll.get_absolute_url(), {"choice": "0"})
    response = client.post(poll.get_absolute_url(), {"choice": "1"}, follow=True)
    assert "You have already answered this poll." in response.content.decode()
    assert Ballot.objects.get().answer == [0]


def test_voting_after_closing_is_refused(client, process, member):
    poll = make_poll(process, "single")
    client.force_login(member)
    with time_machine.travel(poll.closes_at + timedelta(seconds=1), tick=False):
        response = client.post(poll.get_absolute_url(), {"choice": "0"}, follow=True)
    assert not Ballot.objects.exists()
    assert "This poll is closed." in response.content.decode()


def test_outsider_cannot_vote(client, process, outsider):
    poll = make_poll(process, "single")
    client.force_login(outsider)
    client.post(poll.get_absolute_url(), {"choice": "0"})
    assert not Ballot.objects.exists()


def test_results_after_closing_are_hidden_until_then(client, process, member):
    poll = make_poll(process, "multiple", results="after")
    client.force_login(member)
    client.post(poll.get_absolute_url(), {"choices": ["0", "2"]})
    assert Ballot.objects.get().answer == [0, 2]
    page = client.get(poll.get_absolute_url()).content.decode()
    assert "Results are shown after the poll closes." in page
    assert client.get(poll.get_absolute_url() + "results.csv").status_code == 403
    with time_machine.travel(poll.closes_at + timedelta(seconds=1), tick=False):
        page = client.get(poll.get_absolute_url()).content.decode()
        csv = client.get(poll.get_absolute_url() + "results.csv").content.decode()
    assert "Download as CSV" in page
    assert csv.splitlines() == ["ballot,White-blue-white,No flags,Any flag", "1,1,0,1"]


def test_named_poll_csv_names_the_voter_anonymous_does_not(client, process, member, facilitator):
    named = make_poll(process, "score", anonymous=False, results="live")
    anonymous = make_poll(process, "text", results="live")
    client.force_login(member)
    client.post(named.get_absolute_url(), {"score_0": "5", "score_1": "", "score_2": "2"})
    client.post(anonymous.get_absolute_url(), {"text": "Only peace symbols"})
    named_csv = client.get(named.get_absolute_url() + "results.csv").content.decode()
    anonymous_csv = client.get(anonymous.get_absolute_url() + "results.csv").content.decode()
    assert "Lena" in named_csv and "5,,2" in named_csv
    assert "Lena" not in anonymous_csv and "Only peace symbols" in anonymous_csv
    assert Ballot.objects.get(poll=anonymous).voter is None


def test_score_out_of_range_is_refused(client, process, member):
    poll = make_poll(process, "score")
    client.force_login(member)
    response = client.post(poll.get_absolute_url(), {"score_0": "9"})
    assert response.status_code == 200
    assert not Ballot.objects.exists()


def test_repeated_option_error_in_russian(client, process, member):
    poll = make_poll(process, "ranked")
    client.force_login(member)
    url = "/ru" + poll.get_absolute_url()[3:]
    response = client.post(url, {"rank_1": "0", "rank_2": "0"})
    assert "Каждый вариант можно указать только один раз." in response.content.decode()
    assert not Ballot.objects.exists()
