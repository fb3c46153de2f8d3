"""In a real browser, the issue's journey: a member of the Berlin initiative takes part in
the demo process; the facilitator records the outcome and publishes it in four languages."""

import re

import pytest

from horizont.network.demo import DEMO_ORGANIZER_EMAIL, DEMO_ORGANIZER_PASSWORD
from horizont.positions import demo
from horizont.positions.models import (
    Ballot,
    Position,
    Process,
    Report,
    Statement,
    StatementVote,
)
from horizont.publications.models import Article
from horizont.testing.e2e import log_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def _log_out(page) -> None:
    page.goto("/en/positions/")
    page.get_by_role("button", name="Log out").first.click()
    if "/logout/" in page.url:
        page.get_by_role("button", name="Sign Out").click()


def test_member_takes_part_and_facilitator_publishes_outcome(page):
    demo.load()
    process = Process.objects.get(slug=demo.PROCESS_SLUG)

    log_in(page, demo.MEMBER_EMAIL, password=demo.MEMBER_PASSWORD)
    page.goto("/en/positions/")
    page.get_by_role("link", name="Flags at our protests").click()
    page.get_by_role("heading", name="Flags at our protests").wait_for()
    page.get_by_role("link", name="Vote on statements and add your own").first.click()

    # A statement over 140 characters is refused, then a short one is added.
    page.get_by_label("Your statement").fill("x" * 150)
    page.get_by_role("button", name="Add the statement").click()
    page.get_by_text("A statement has at most 140 characters").wait_for()
    page.get_by_label("Your statement").fill("Our flags should never hide our message.")
    page.get_by_role("button", name="Add the statement").click()
    page.get_by_text("Your statement has been added.").wait_for()
    assert Statement.objects.filter(text="Our flags should never hide our message.").exists()

    # Ten votes on the statements offered, the camp of the first demo group.
    leanings = {text: first for text, first, _second in demo.STATEMENTS}
    for number in range(10):
        offered = page.locator("#offered").inner_text()
        name = "Agree" if leanings.get(offered, 1) > 0 else "Disagree"
        page.get_by_role("button", name=name, exact=True).click()
        page.locator("#voted-count").get_by_text(f"voted on {number + 1} statement").wait_for()
    assert (
        StatementVote.objects.filter(statement__process=process)
        .exclude(participant_key__startswith="demo-")
        .count()
        == 10
    )

    # She reports the statement she is offered now; the moderators will see it.
    reported = page.locator("#offered").inner_text()
    page.get_by_role("link", name="Report this statement").click()
    page.get_by_label("What is wrong with it").fill("It insults the Belarusian partners.")
    page.get_by_role("button", name="Send report").click()
    page.get_by_text("Thank you. Moderators will look at it.").wait_for()
    assert Report.objects.get(statement__text=reported).reason.startswith("It insults")

    page.get_by_role("link", name="See the opinion map").click()
    page.get_by_text(re.compile(r"You are in Group [AB]")).wait_for()
    consensus = page.locator("#consensus")
    assert demo.STATEMENTS[0][0] in consensus.inner_text()
    # The map image (server-side SVG) loads and shows something.
    page.wait_for_function(
        "() => { const img = document.querySelector('.opinion-map img');"
        " return img && img.complete && img.naturalWidth > 0; }"
    )

    # Rank the options of the poll.
    page.goto(process.get_absolute_url().replace("/ru/", "/en/"))
    page.get_by_role("link", name=re.compile("С какими флагами нам выходить")).click()
    page.get_by_label("Choice 1").select_option(label=demo.POLL_OPTIONS[1])
    page.get_by_label("Choice 2").select_option(label=demo.POLL_OPTIONS[1])
    page.get_by_role("button", name="Send my answer").click()
    page.get_by_text("Each option can be ranked only once.", exact=True).wait_for()
    page.get_by_label("Choice 2").select_option(label=demo.POLL_OPTIONS[0])
    page.get_by_role("button", name="Send my answer").click()
    page.get_by_text("Your answer has been recorded.").wait_for()
    page.locator("#runoff-winner").wait_for()
    assert Ballot.objects.filter(poll__process=process, answer=[1, 0]).exists()

    # Take a position on the decision.
    page.goto(process.get_absolute_url().replace("/ru/", "/en/"))
    page.get_by_role("link", name=re.compile("Принять: только бело-сине-белые")).click()
    page.get_by_label("block").check()
    page.get_by_role("button", name="Record my position").click()
    page.get_by_text("A block needs a reason.").first.wait_for()
    page.get_by_label("agree", exact=True).check()
    page.get_by_role("button", name="Record my position").click()
    page.get_by_text("Your position has been recorded.").wait_for()
    assert Position.objects.filter(decision__process=process, choice="agree").count() == 5
    _log_out(page)

    # The facilitator records the outcome and publishes it.
    log_in(page, DEMO_ORGANIZER_EMAIL, password=DEMO_ORGANIZER_PASSWORD)
    page.goto(process.get_absolute_url().replace("/ru/", "/en/"))
    page.get_by_role("link", name=re.compile("Принять: только бело-сине-белые")).click()
    page.get_by_label("Outcome statement").fill(
        "Adopted with one block; the block is discussed at the next meeting."
    )
    page.get_by_role("button", name="Record the outcome and notify participants").click()
    page.get_by_text("participants notified").wait_for()
    page.goto(process.get_absolute_url().replace("/ru/", "/en/"))
    page.get_by_role("button", name="Publish the outcome in four languages").click()
    page.get_by_text("The outcome has been published in four languages.").wait_for()
    article = Article.objects.get()
    assert sorted(v.language for v in article.versions()) == ["de", "en", "pl", "ru"]
    page.get_by_role("heading", name="Outcome: Flags at our protests").wait_for()
    assert page.locator("article img, main img").count() >= 1
    page.goto(page.url.replace("/en/", "/de/"))
    page.get_by_role("heading", name="Ergebnis: Flaggen auf unseren Kundgebungen").wait_for()
