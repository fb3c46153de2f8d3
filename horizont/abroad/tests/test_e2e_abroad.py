"""In a real browser: a voter in Leipzig finds the nearest station, pledges as a guest,
confirms by e-mail, is reminded and offers a ride; a coordinator imports the stations
abroad from the 2021 results, fills in one address, and the page shows its results."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.core import mail

from horizont.abroad import services
from horizont.abroad.models import Pledge, Ride, Station, Vote
from horizont.abroad.tests.conftest import make_station, make_vote
from horizont.testing.e2e import log_in
from horizont.testing.personas import make_user

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def _path(message, name):
    match = re.search(rf"https?://[^/\s]+(/\S+/abroad/{name}/\S+/)", message.body)
    assert match, message.body
    return match.group(1)


def test_voter_in_leipzig_pledges_as_guest_is_reminded_and_offers_a_ride(page, live_server):
    first = dt.date.today() + dt.timedelta(days=10)
    vote = make_vote("demo-vote", first=first, days=2, name="Fictional vote")
    make_station(vote, 8101, "Berlin", "DE", "Europe/Berlin", host="embassy")
    make_station(vote, 8105, "Munich", "DE", "Europe/Berlin")
    make_station(vote, 8201, "Warsaw", "PL", "Europe/Warsaw", host="embassy")

    page.goto("/de/")
    nav = page.get_by_role("navigation", name="Hauptnavigation")
    nav.get_by_role("link", name="Wählen im Ausland").click()
    page.get_by_label("In der Nähe von (Stadt)").fill("Leipzig")
    page.get_by_role("button", name="Wahllokale finden").click()
    assert page.get_by_role("heading", name="Wahllokale nahe Leipzig").is_visible()
    stations = page.locator(".station-list h3")
    assert stations.nth(0).inner_text() == "Wahllokal 8101"  # Berlin, about 150 km
    assert stations.nth(1).inner_text() == "Wahllokal 8105"
    stations.nth(0).get_by_role("link").click()
    assert page.get_by_role("heading", name="Wahllokal 8101").is_visible()
    assert page.get_by_text("etwa 150 km von Leipzig (Luftlinie)").is_visible()
    assert page.get_by_text("Bringen Sie Ihren russischen Reisepass mit.").is_visible()

    page.get_by_label("Ihre E-Mail-Adresse").fill("waehlerin@example.org")
    page.get_by_role("button", name="Ich wähle hier").click()
    assert page.get_by_role("heading", name="Prüfen Sie Ihre E-Mails").is_visible()
    assert Pledge.objects.get().status == "pending"
    (confirmation,) = mail.outbox
    assert "Bitte bestätigen" in confirmation.subject
    page.goto(_path(confirmation, "confirm"))
    page.get_by_role("button", name="Meine Zusage bestätigen").click()
    page.wait_for_url(re.compile(r"/de/abroad/s/demo-vote-8101/$"))
    assert page.get_by_text("Ihre Zusage ist bestätigt.").is_visible()
    assert Pledge.objects.get().status == "confirmed"

    # The reminder job, run twice on the eve: one German reminder with the local hours.
    eve = dt.datetime.combine(first - dt.timedelta(days=1), dt.time(19), dt.UTC)
    assert services.reminders_send(now=eve) == 1
    assert services.reminders_send(now=eve) == 0
    reminder = mail.outbox[-1]
    assert reminder.to == ["waehlerin@example.org"] and "Erinnerung" in reminder.subject
    assert "08:00–20:00 (Europe/Berlin)" in reminder.body

    # Without an account she offers a ride from Leipzig, from the link in her reminder.
    page.goto(_path(reminder, "rides/guest"))
    assert page.get_by_text("Sie nehmen als Gast teil").is_visible()
    page.get_by_label("Art", exact=True).select_option("offer")
    page.get_by_label("Abfahrtsort").fill("Leipzig")
    page.get_by_label("Abfahrtszeit (Ortszeit)").fill("07:30")
    page.get_by_label("Plätze").fill("3")
    page.get_by_role("button", name="Veröffentlichen").click()
    page.wait_for_url(re.compile(r"/de/abroad/s/demo-vote-8101/$"))
    assert page.get_by_text("Ihre Fahrt ist eingetragen.").is_visible()
    ride = Ride.objects.get()
    assert ride.departure_city == "Leipzig" and ride.pledge == Pledge.objects.get()
    assert ride.author is None
    assert "waehlerin@example.org" not in page.content()  # contacts stay hidden
    page.goto("/de/abroad/v/demo-vote/?near=Leipzig")
    assert page.get_by_text("Mitfahrgelegenheiten angeboten oder gesucht").first.is_visible()

    # A member asks for a seat through the relay form; her address is not shown.
    make_user("mitfahrer@example.org", display_name="Mitfahrer")
    log_in(page, "mitfahrer@example.org", language="de")
    page.goto("/de/abroad/s/demo-vote-8101/")
    page.get_by_role("link", name="Über die Website schreiben").click()
    page.get_by_label("Ihre Nachricht").fill("Hätten Sie einen Platz für mich?")
    page.get_by_role("button", name="Senden").click()
    page.wait_for_url(re.compile(r"/de/abroad/s/demo-vote-8101/$"))
    relayed = mail.outbox[-1]
    assert relayed.to == ["waehlerin@example.org"]
    assert "mitfahrer@example.org" not in relayed.body


def test_finder_and_station_page_work_without_javascript(browser, live_server):
    vote = make_vote("no-js", first=dt.date.today() + dt.timedelta(days=5))
    make_station(vote, 8201, "Warsaw", "PL", "Europe/Warsaw")
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    page = context.new_page()
    page.goto("/en/abroad/")
    page.get_by_label("Country", exact=True).select_option("PL")
    page.get_by_role("button", name="Find stations").click()
    page.get_by_role("link", name="Polling station 8201").click()
    assert page.get_by_text("Bring your Russian passport.").is_visible()
    page.get_by_role("link", name="Live page of the country").click()
    assert page.get_by_role("heading", name="Live: Poland").is_visible()
    context.close()


@pytest.mark.slow
def test_coordinator_imports_2021_stations_abroad_fills_an_address_and_sees_results(
    page, live_server
):
    from horizont.elections import services as election_services
    from horizont.elections.models import Station as ResultStation
    from horizont.network import gazetteer
    from horizont.testing.data import shared_data

    path = shared_data("elections", "ru", "2021.csv.zip")
    election = election_services.election_import(
        path=path, created_by=None, mc_draws=10, documents=False,
        info=election_services.ElectionInfo(
            name="Государственная Дума 2021", source_name=path.name, date=dt.date(2021, 9, 19)),
    )  # fmt: skip
    make_user("coordinator@example.org", roles=("coordinator",), mfa=True)
    gazetteer.find_city("Leipzig", "DE")  # loads the gazetteer once, before the clock runs
    log_in(page, "coordinator@example.org", mfa=True)

    page.goto("/en/abroad/manage/")
    page.get_by_label("Name", exact=True).fill("State Duma 2021")
    page.get_by_label("Short name in addresses", exact=True).fill("duma-2021")
    page.get_by_label("First voting day", exact=True).fill("2021-09-17")
    page.get_by_label("Last voting day", exact=True).fill("2021-09-19")
    page.get_by_label("Official results", exact=True).select_option(str(election.pk))
    page.get_by_role("button", name="Create").click()
    page.wait_for_url(re.compile(r"/en/abroad/manage/duma-2021/$"))
    page.get_by_role("button", name=re.compile("Import the stations abroad")).click()
    assert page.get_by_text(re.compile(r"\d+ stations created, 0 updated")).is_visible()
    vote = Vote.objects.get(slug="duma-2021")
    abroad = ResultStation.objects.filter(election=election, abroad=True, remote=False)
    assert vote.stations.count() == abroad.values("uik").distinct().count() > 300

    number = min(vote.stations.values_list("number", flat=True))
    page.get_by_role("link", name=str(number), exact=True).click()
    page.get_by_label("Country", exact=True).select_option("DE")
    page.get_by_label("City", exact=True).fill("Leipzig")
    page.get_by_label("Host", exact=True).select_option("consulate")
    page.get_by_label("Address", exact=True).fill("Turmgutstraße 1")
    page.get_by_label("Time zone", exact=True).select_option("Europe/Berlin")
    page.get_by_role("button", name="Save").click()
    page.wait_for_url(re.compile(rf"/en/abroad/s/duma-2021-{number}/$"))
    station = Station.objects.get(vote=vote, number=number)
    assert station.address == "Turmgutstraße 1" and station.latitude is not None
    official = ResultStation.objects.get(election=election, uik=number, abroad=True)
    assert page.get_by_role(
        "heading", name="Official results: Государственная Дума 2021"
    ).is_visible()
    assert page.get_by_text(f"0 pledges, {official.ballots_issued} voters").is_visible()
    page.goto("/en/abroad/v/duma-2021/results/DE/")
    assert page.get_by_role("cell", name="Leipzig, Germany").is_visible()
