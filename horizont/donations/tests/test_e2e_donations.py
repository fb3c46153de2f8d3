"""In a real browser: a donor opens the Warsaw demo initiative's donation page, chooses
25 EUR and scans the GiroCode; the PLN code reads as a Polish (ZBP) transfer. An
organizer adds an account (after a refused IBAN), imports a statement and the public
report shows the totals."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest
from playwright.sync_api import expect

from horizont.donations import demo
from horizont.donations.models import BankAccount, BookEntry
from horizont.donations.tests.conftest import make_initiative, make_organizer
from horizont.donations.tests.qr import decode_png
from horizont.testing.personas import current_code

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]
PASSWORD = "correct-horse-battery"


def test_donor_chooses_25_eur_and_the_girocode_decodes(page):
    demo.load()
    eur = BankAccount.objects.get(initiative__slug="demo-warsaw-partner", currency="EUR")
    pln = BankAccount.objects.get(initiative__slug="demo-warsaw-partner", currency="PLN")

    page.goto("/en/initiatives/demo-warsaw-partner/")
    page.get_by_role("link", name="Donate by bank transfer").click()
    page.wait_for_url(re.compile(r"/en/donations/demo-warsaw-partner/"))
    section = page.locator(f"#account-{eur.pk}")
    section.get_by_label("Amount in EUR").fill("25")
    section.get_by_role("button", name="Show the QR code").click()
    page.wait_for_url(re.compile(r"amount=25"))
    section = page.locator(f"#account-{eur.pk}")
    assert "Amount: 25.00 EUR" in section.inner_text()

    image = section.get_by_role("img")
    image.wait_for()
    assert page.evaluate("(img) => img.complete && img.naturalWidth > 0", image.element_handle())
    lines = decode_png(image.screenshot()).split("\n")
    assert lines[:4] == ["BCD", "002", lines[2], "SCT"]
    assert lines[4] == "BIGBPLPWXXX"
    assert lines[5] == "Fundacja Dom Partnerski (demo)"
    assert lines[6] == eur.iban
    assert lines[7].startswith("EUR") and Decimal(lines[7][3:]) == Decimal("25.00")
    assert lines[10] == "Donation Dom Partnerski"

    # the Polish account's code (amount typed in the banking app) is a ZBP transfer
    pln_code = decode_png(page.locator(f"#account-{pln.pk}").get_by_role("img").screenshot())
    fields = pln_code.split("|")
    assert len(fields) == 9
    assert fields[1:4] == ["PL", pln.iban[2:], "000000"]

    # copy buttons: a JavaScript enhancement from a static file
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    copy_iban = section.get_by_role("button", name=re.compile(r"^Copy: PL93"))
    copy_iban.click()
    expect(copy_iban).to_have_text("Copied")  # set once the clipboard write resolves
    assert page.evaluate("navigator.clipboard.readText()") == eur.iban

    # a bad amount is refused in the donor's language and draws no code
    section.get_by_label("Amount in EUR").fill("25.555")
    section.get_by_role("button", name="Show the QR code").click()
    section = page.locator(f"#account-{eur.pk}")
    assert "at most two decimals" in section.inner_text()
    assert section.get_by_role("img").count() == 0


def test_organizer_adds_an_account_imports_a_statement_and_the_report_shows_totals(page, tmp_path):
    initiative = make_initiative("free-voices")
    make_organizer("organizer@example.org", initiative, mfa=True)

    page.goto("/en/accounts/login/")
    page.get_by_label("Email").fill("organizer@example.org")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign In").click()
    page.wait_for_url(re.compile(r"/2fa/authenticate/"))
    page.get_by_label("Code").fill(current_code())
    page.get_by_role("button", name="Sign In").click()
    page.wait_for_url(re.compile(r"/(en|de|ru|pl)/$"))  # the start page after login

    page.goto("/en/initiatives/free-voices/")
    page.get_by_role("link", name="Manage bank accounts and books").click()
    page.get_by_role("link", name="Add a bank account").click()
    page.get_by_label("Account holder").fill("Free Voices e.V.")
    page.get_by_label("IBAN").fill("DE85 1001 0010 1234 5678 98")  # one check digit off
    page.get_by_label("Payment purpose in English").fill("Donation Free Voices")
    page.get_by_role("button", name="Save").click()
    assert page.get_by_text("The check digits of this IBAN are wrong").is_visible()
    assert not BankAccount.objects.exists()
    page.get_by_label("IBAN").fill("DE84 1001 0010 1234 5678 98")
    page.get_by_role("button", name="Save").click()
    page.wait_for_url(re.compile(r"/manage/$"))
    assert BankAccount.objects.get().bic == "PBNKDEFFXXX"

    statement = tmp_path / "statement.csv"
    statement.write_text(
        "date;amount;currency;name\n2026-03-01;25,00;EUR;Ivan Fictional\n"
        "2026-03-05;-10,00;EUR;Print Shop\n"
    )
    page.get_by_role("link", name="Import a bank statement").click()
    page.get_by_label("Statement file").set_input_files(str(statement))
    page.get_by_role("button", name="Import").click()
    page.wait_for_url(re.compile(r"/books/$"))
    assert "2 bookings added" in page.content()
    assert BookEntry.objects.count() == 2

    page.goto("/en/donations/free-voices/report/?year=2026")
    text = page.locator("main").inner_text()
    assert "25.00 EUR" in text and "10.00 EUR" in text and "15.00 EUR" in text
    assert "Ivan" not in page.content()
    assert page.locator("svg.report-chart rect.bar-income").count() == 12
