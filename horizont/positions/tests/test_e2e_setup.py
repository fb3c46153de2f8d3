"""In a real browser: an organizer starts a joint process and opens a poll; a member
proposes in two languages and discusses; a guest of a public process joins by e-mail."""

import re

import pytest
from django.core import mail

from horizont.network.models import Membership
from horizont.network.tests.factories import make_initiative, make_link
from horizont.positions.models import Poll, Process, Proposal, StatementVote
from horizont.positions.services import statement_add
from horizont.testing.e2e import log_in
from horizont.testing.personas import make_user

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def _log_out(page) -> None:
    page.goto("/en/positions/")
    page.get_by_role("button", name="Log out").first.click()
    if "/logout/" in page.url:
        page.get_by_role("button", name="Sign Out").click()


def test_organizer_sets_up_and_member_discusses(page):
    organizer = make_user("organizer@example.org", display_name="Olga")
    member = make_user("member@example.org", display_name="Lena")
    berlin = make_initiative("Berlin House", organizer=organizer)
    minsk = make_initiative("Belarusian House", country="PL", city="Warsaw")
    make_link(berlin, minsk)
    Membership.objects.create(initiative=minsk, user=member, status="active")

    log_in(page, "organizer@example.org")
    page.goto("/en/positions/")
    page.get_by_role("link", name="Start a joint process").click()
    page.get_by_label("Leading initiative").select_option(label="Berlin House")
    page.get_by_label("Belarusian House").check()
    page.get_by_label("Short address").fill("symbols")
    page.locator("#id_language").select_option("en")
    page.get_by_label("Title").fill("Our symbols")
    page.get_by_label("Who takes part").select_option("members")
    page.get_by_label("Proposals collected from").fill("2020-01-01T10:00")
    page.get_by_label("Discussion from").fill("2020-01-02T10:00")
    page.get_by_label("Decision from").fill("2020-01-03T10:00")
    page.get_by_label("Outcome from").fill("2099-01-01T10:00")
    page.get_by_role("button", name="Create the process").click()
    page.get_by_text("The process has been created.").wait_for()
    process = Process.objects.get(slug="symbols")
    assert list(process.partners.all()) == [minsk]

    page.get_by_role("link", name="Open a poll").click()
    page.get_by_label("Question").fill("Which symbol?")
    page.get_by_label("Kind").select_option("single")
    page.get_by_label("Results shown").select_option("live")
    page.get_by_label("Closes at").fill("2099-01-01T10:00")
    page.get_by_label("Options", exact=True).fill("White-blue-white\nNo symbol")
    page.get_by_role("button", name="Open the poll").click()
    page.get_by_text("The poll has been opened.").wait_for()
    assert Poll.objects.get().options.count() == 2
    _log_out(page)

    log_in(page, "member@example.org")
    page.goto("/en/positions/symbols/")
    page.get_by_role("link", name="Make a proposal").click()
    page.get_by_label("Title (English)").fill("Carry only white-blue-white")
    page.get_by_label("Title (Russian)").fill("Только бело-сине-белый")
    page.get_by_role("button", name="Publish").click()
    page.get_by_text("Your proposal has been published.").wait_for()
    page.get_by_role("button", name="Support").click()
    page.get_by_text("1 supporter").wait_for()
    page.locator("#id_body").fill("A good start.")
    page.get_by_role("button", name="Comment", exact=True).click()
    page.get_by_text("A good start.").wait_for()
    page.get_by_text("Answer", exact=True).first.click()
    page.locator("textarea[id^=reply-]").first.fill("And the Ukrainian flag?")
    page.get_by_role("button", name="Answer", exact=True).first.click()
    page.locator(".comment.depth-1").get_by_text("And the Ukrainian flag?").wait_for()
    proposal = Proposal.objects.get()
    assert proposal.languages() == ["ru", "en"] and proposal.supports.count() == 1


def test_guest_joins_public_process_by_email(page):
    organizer = make_user("organizer@example.org")
    berlin = make_initiative("Berlin House", organizer=organizer)
    from datetime import timedelta

    from django.utils import timezone

    now = timezone.now()
    process = Process.objects.create(
        slug="open-call",
        initiative=berlin,
        original_language="en",
        texts={"en": {"title": "Open call", "body": ""}},
        participation="public",
        collect_from=now - timedelta(days=1),
        discuss_from=now,
        decide_from=now,
        outcome_from=now + timedelta(days=7),
    )
    statement_add(user=organizer, process=process, text="Everyone is welcome.")

    page.goto("/en/positions/open-call/statements/")
    page.get_by_role("link", name="take part with your e-mail address").click()
    page.get_by_label("Your e-mail address").fill("guest@example.org")
    page.get_by_role("button", name="Send me the link").click()
    page.get_by_text("We have sent you a link.").wait_for()
    link = re.search(r"https?://\S+/join/\S+/", mail.outbox[-1].body).group(0)
    page.goto(link)
    page.get_by_role("button", name="Confirm and take part").click()
    page.get_by_text("Your e-mail address is confirmed").wait_for()
    page.locator("#offered").get_by_text("Everyone is welcome.").wait_for()
    page.get_by_role("button", name="Agree", exact=True).click()
    page.get_by_text("You have voted on every statement.").wait_for()
    assert StatementVote.objects.get().value == 1
