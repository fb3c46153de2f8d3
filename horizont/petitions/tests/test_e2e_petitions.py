"""In a real browser: an organizer starts the BAFA petition from the demo aircraft case, a
guest signs and confirms by e-mail, the organizer downloads the delivery PDF, records the
delivery and the reply, and the public timeline shows them."""

import io
import re

import pytest
from django.core import mail
from django.utils import timezone
from playwright.sync_api import expect
from pypdf import PdfReader

from horizont.petitions.models import Petition, Signature
from horizont.petitions.tests.conftest import make_initiative, make_organizer
from horizont.sanctions.demo import DEMO_CASE_TITLE
from horizont.sanctions.models import Case, CaseMember
from horizont.testing.personas import current_code

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]
PASSWORD = "correct-horse-battery"


def _confirm_path(message) -> str:
    match = re.search(r"https?://[^/\s]+(/\S+/petitions/confirm/\S+/)", message.body)
    assert match, message.body
    return match.group(1)


def _guest_signs(browser, live_server, petition, *, name, email, city, to_addressee=None):
    context = browser.new_context(base_url=live_server.url, locale="en-US")
    guest = context.new_page()
    guest.goto(f"/en/petitions/{petition.pk}/")
    guest.get_by_label("Name or pseudonym").fill(name)
    guest.get_by_label("E-mail address").fill(email)
    guest.get_by_label("Country", exact=True).select_option("DE")
    guest.get_by_label("City (optional)").fill(city)
    if to_addressee:
        guest.get_by_label(to_addressee, exact=True).check()
    guest.get_by_role("button", name="Sign the petition").click()
    expect(guest.get_by_role("heading", name="Check your e-mail")).to_be_visible()
    guest.goto(_confirm_path(mail.outbox[-1]))
    guest.get_by_role("button", name="Confirm my signature").click()
    guest.wait_for_url(re.compile(rf"/en/petitions/{petition.pk}/$"))
    expect(guest.get_by_text("Your signature is confirmed")).to_be_visible()
    context.close()


def test_bafa_petition_from_case_to_signatures_delivery_reply_and_timeline(
    page, browser, live_server, tmp_path
):
    initiative = make_initiative("free-voices")
    organizer = make_organizer("organizer@example.org", initiative, display_name="Org", mfa=True)
    case = Case.objects.create(title=DEMO_CASE_TITLE, summary="A jet stood in a hangar.")
    CaseMember.objects.create(case=case, user=organizer, role=CaseMember.Role.COORDINATOR)

    page.goto("/en/accounts/login/")
    page.get_by_label("Email").fill("organizer@example.org")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign In").click()
    page.wait_for_url(re.compile(r"/2fa/authenticate/"))
    page.get_by_label("Code").fill(current_code())
    page.get_by_role("button", name="Sign In").click()
    page.wait_for_url(re.compile(r"/(en|de|ru|pl)/$"))  # the start page after login

    # Start the petition from the case: its summary becomes the text, BAFA the addressee.
    page.goto("/en/petitions/")
    page.get_by_role("link", name="Start a petition").click()
    page.get_by_label("Start from a sanctions case").select_option(str(case.pk))
    page.get_by_role("button", name="Use this case").click()
    assert page.get_by_label("Text of the petition").input_value() == "A jet stood in a hangar."
    page.get_by_label("Title").fill("Den Jet RA-02791 festsetzen")
    page.get_by_label("Goal (signatures)").fill("100")
    deadline = (timezone.now() + timezone.timedelta(days=20)).strftime("%Y-%m-%dT%H:%M")
    page.get_by_label("Deadline").fill(deadline)
    assert page.get_by_label("Bundesamt für Wirtschaft und Ausfuhrkontrolle (BAFA)").is_checked()
    page.get_by_role("button", name="Save").click()
    page.wait_for_url(re.compile(r"/en/petitions/\d+/$"))
    petition = Petition.objects.get()
    assert petition.case == case and petition.status == "draft"
    page.get_by_role("button", name="Publish and start collecting").click()
    expect(page.get_by_text("The petition is published")).to_be_visible()

    # Two guests: one lets the addressee see name and city, one is counted only.
    _guest_signs(browser, live_server, petition, name="Wanda Open", email="wanda@example.org",
                 city="Leipzig", to_addressee="my name and city")  # fmt: skip
    _guest_signs(browser, live_server, petition, name="Quentin Quiet",
                 email="quentin@example.org", city="Jena")  # fmt: skip
    assert Signature.objects.filter(status="confirmed").count() == 2

    # The delivery package.
    page.goto(f"/en/petitions/{petition.pk}/")
    expect(page.get_by_text("2 signatures of 100")).to_be_visible()
    page.get_by_role("link", name="Delivery and reply").click()
    with page.expect_download() as download_info:
        page.get_by_role("link", name=re.compile("Delivery package for .*BAFA")).click()
    pdf_path = tmp_path / "package.pdf"
    download_info.value.save_as(pdf_path)
    reader = PdfReader(io.BytesIO(pdf_path.read_bytes()))
    text = "\n".join(p.extract_text() for p in reader.pages)
    assert "Den Jet RA-02791 festsetzen" in text
    assert "Wanda Open, Leipzig, DE" in text
    assert "Quentin" not in text and "Jena" not in text
    assert "Weitere 1 Unterschriften ohne Namensnennung" in text
    assert "Insgesamt: 2 bestätigte Unterschriften" in text

    # Record the delivery with a proof, then the reply.
    proof = tmp_path / "receipt.pdf"
    proof.write_bytes(b"%PDF-1.4 fake receipt")
    page.get_by_label("Addressee", exact=True).select_option(
        label=petition.addressees.get().institution
    )
    page.get_by_label("How", exact=True).select_option("post")
    page.get_by_label("Delivered on").fill(timezone.localdate().isoformat())
    page.get_by_label("Proof (receipt, sent e-mail, photo)").set_input_files(str(proof))
    page.get_by_role("button", name="Record the delivery").click()
    expect(page.get_by_text("The delivery was recorded.")).to_be_visible()
    expect(page.get_by_role("link", name="receipt.pdf")).to_be_visible()
    page.get_by_label("Received on").fill(timezone.localdate().isoformat())
    page.get_by_label("Text of the reply").fill("Wir prüfen den Vorgang.")
    page.get_by_role("button", name="Record the reply").click()
    expect(page.get_by_text("The reply was recorded.")).to_be_visible()
    petition.refresh_from_db()
    assert petition.status == "answered"

    # Anyone sees the history.
    context = browser.new_context(base_url=live_server.url, locale="en-US")
    public = context.new_page()
    public.goto(f"/en/petitions/{petition.pk}/")
    timeline = public.get_by_role("list").filter(has_text="Delivered to")
    expect(
        timeline.get_by_text(re.compile(r"Delivered to .*BAFA.* with 2 signatures"))
    ).to_be_visible()
    expect(timeline.get_by_text(re.compile(r"Answer received from .*BAFA"))).to_be_visible()
    expect(public.get_by_text("Wir prüfen den Vorgang.")).to_be_visible()
    # Reach: the embed snippet loads only the badge image; the script adds a copy button.
    snippet = public.get_by_label(re.compile("Put this petition on your website")).input_value()
    assert "<img" in snippet and "badge.svg" in snippet and "<script" not in snippet
    expect(public.get_by_role("button", name="Copy")).to_be_visible()
    context.close()
