"""In a real browser: an organizer creates an event, a guest registers through the
confirmation e-mail and downloads the event's .ics file."""

import datetime as dt
import re

import pytest
from django.core import mail
from django.utils import timezone
from icalendar import Calendar

from horizont.events.models import Event, Registration
from horizont.events.tests.conftest import make_event, make_initiative, make_organizer
from horizont.testing.personas import current_code

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]
PASSWORD = "correct-horse-battery"


def _known_zone(page, live_server, zone="Europe/Berlin"):
    # Set the zone cookie up front so that the progressive script does not reload pages.
    page.context.add_cookies([{"name": "tz", "value": zone, "url": live_server.url}])


def _confirm_path(message) -> str:
    match = re.search(r"https?://[^/\s]+(/\S+/events/confirm/\S+/)", message.body)
    assert match, message.body
    return match.group(1)


def test_organizer_creates_event_and_guest_registers_by_mail_and_downloads_ics(
    page, live_server, tmp_path
):
    initiative = make_initiative("free-voices")
    # Two-factor on: organizers see the participant list, which is others' data.
    make_organizer("organizer@example.org", initiative, display_name="Org", mfa=True)
    _known_zone(page, live_server)
    day = (timezone.now() + dt.timedelta(days=12)).date()

    page.goto("/en/accounts/login/")
    page.get_by_label("Email").fill("organizer@example.org")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign In").click()
    page.wait_for_url(re.compile(r"/2fa/authenticate/"))
    page.get_by_label("Code").fill(current_code())
    page.get_by_role("button", name="Sign In").click()
    page.wait_for_url(re.compile(r"/(en|de|ru|pl)/$"))  # the start page after login

    page.goto("/en/events/")
    page.get_by_role("link", name="Create an event").click()
    page.get_by_label("Title", exact=True).fill("Poetry evening")
    page.get_by_label("Kind").select_option("cultural")
    # The time zone is left at "the zone of the place": Warsaw's, from the city.
    page.get_by_label("Starts (local time)").fill(f"{day}T19:00")
    page.get_by_label("Ends (local time)").fill(f"{day}T21:00")
    page.get_by_label("Address").fill("ul. Przykładowa 7")
    page.get_by_label("City").fill("Warsaw")
    page.get_by_label("Country").select_option("PL")
    page.get_by_label("Places").fill("10")
    page.get_by_role("button", name="Save").click()
    page.wait_for_url(re.compile(r"/en/events/\d+/$"))
    assert page.get_by_role("heading", name="Poetry evening").is_visible()
    assert page.get_by_text("The event was created.").is_visible()
    event = Event.objects.get()
    assert event.local_start.hour == 19 and event.timezone == "Europe/Warsaw"

    # A guest, in a browser of their own.
    guest = page.context.browser.new_context(base_url=live_server.url, locale="en-US")
    guest_page = guest.new_page()
    guest_page.goto(f"/en/events/{event.pk}/")
    guest_page.get_by_label("Your name").fill("Wanderer")
    guest_page.get_by_label("Your e-mail address").fill("wanderer@example.org")
    guest_page.get_by_role("button", name="Register").click()
    assert guest_page.get_by_role("heading", name="Check your e-mail").is_visible()
    assert Registration.objects.get().status == "pending"
    assert len(mail.outbox) == 1

    guest_page.goto(_confirm_path(mail.outbox[0]))
    guest_page.get_by_role("button", name="Confirm my registration").click()
    guest_page.wait_for_url(re.compile(rf"/en/events/{event.pk}/$"))
    assert guest_page.get_by_text("Your place is confirmed.").is_visible()
    assert Registration.objects.get().status == "confirmed"
    assert "You are registered" in mail.outbox[-1].subject
    # The page says so and offers the way out; the mail carries the event for a calendar.
    assert guest_page.get_by_text("You are registered.").is_visible()
    assert guest_page.get_by_role("link", name="Cancel my registration").is_visible()
    assert mail.outbox[-1].attachments[0][0] == f"event-{event.pk}.ics"

    with guest_page.expect_download() as download_info:
        guest_page.get_by_role("link", name="Add to calendar (.ics)").click()
    path = tmp_path / "event.ics"
    download_info.value.save_as(path)
    (vevent,) = Calendar.from_ical(path.read_bytes()).walk("VEVENT")
    assert str(vevent["SUMMARY"]) == "Poetry evening"
    assert vevent.decoded("DTSTART").hour == 19
    assert str(vevent["DTSTART"].params["TZID"]) == "Europe/Warsaw"
    assert "Warsaw" in str(vevent["LOCATION"])
    guest.close()

    # The organizer sees the guest on the private participant list.
    page.goto(f"/en/events/{event.pk}/participants/")
    assert page.get_by_role("row", name=re.compile("Wanderer")).is_visible()


def test_browser_zone_is_used_for_the_viewer_time(browser, live_server):
    initiative = make_initiative("free-voices")
    event = make_event(initiative, title="Zone check")
    context = browser.new_context(
        base_url=live_server.url, locale="en-US", timezone_id="Asia/Tbilisi"
    )
    page = context.new_page()
    page.goto(f"/en/events/{event.pk}/")
    page.get_by_text("your time (Georgia)").wait_for()
    context.close()


def test_event_page_works_without_javascript(browser, live_server):
    initiative = make_initiative("free-voices")
    event = make_event(initiative, title="No script")
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    page = context.new_page()
    page.goto(f"/en/events/{event.pk}/")
    assert not page.get_by_text(re.compile(r"\d\d:\d\d–\d\d:\d\d UTC")).count()
    page.get_by_label("Also show times in").select_option("America/New_York")
    page.get_by_role("button", name="Show").click()
    assert page.get_by_text("your time (United States — New York)").is_visible()
    context.close()
