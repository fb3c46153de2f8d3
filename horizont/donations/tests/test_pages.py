"""The donation page, the amount form that redraws the code, and the block others include."""

from __future__ import annotations

from django.template import Context, Template

from horizont.donations.tests.conftest import make_account
from horizont.publications.tests.conftest import make_article


def test_donation_page_shows_details_and_asks_for_an_amount(client, eur_account, pln_account):
    page = client.get("/en/donations/free-voices/").content.decode()
    assert "DE84 1001 0010 1234 5678 98" in page
    assert "PBNKDEFFXXX" in page and "Donation Free Voices" in page
    # no amount yet: the GiroCode waits for one, the Polish code lets the payer type it
    assert f"accounts/{eur_account.pk}/code.svg" not in page
    assert f"accounts/{pln_account.pk}/code.svg" in page
    assert "Choose an amount" in page


def test_chosen_amount_redraws_the_code_without_javascript(client, eur_account, pln_account):
    response = client.get("/en/donations/free-voices/", {"account": eur_account.pk, "amount": "25"})
    page = response.content.decode()
    assert f"accounts/{eur_account.pk}/code.svg?amount=25.00" in page
    assert "Amount: 25.00 EUR" in page
    # the amount belongs to the EUR account only
    assert f"accounts/{pln_account.pk}/code.svg?amount" not in page


def test_purpose_follows_the_page_language(client, eur_account):
    page = client.get("/de/donations/free-voices/").content.decode()
    assert "Spende Free Voices" in page


def test_hidden_account_is_not_shown(client, initiative):
    make_account(initiative, is_active=False)
    page = client.get("/en/donations/free-voices/").content.decode()
    assert "DE84" not in page
    assert "has not published a bank account" in page


def test_page_has_no_inline_script_or_style(client, eur_account):
    page = client.get("/en/donations/free-voices/", {"account": eur_account.pk, "amount": "25"})
    html = page.content.decode()
    assert "<script>" not in html and "style=" not in html
    assert "donations/js/copy.js" in html


def test_block_renders_nothing_without_accounts(initiative):
    html = Template("{% load donations %}{% donation_block initiative %}").render(
        Context({"initiative": initiative})
    )
    assert html.strip() == ""


def test_block_shows_the_accounts_for_petitions_and_others(eur_account, initiative):
    html = Template("{% load donations %}{% donation_block initiative %}").render(
        Context({"initiative": initiative})
    )
    assert "DE84 1001 0010 1234 5678 98" in html
    assert "/en/donations/free-voices/" in html


def test_article_shows_the_publishing_initiatives_donation_block(client, eur_account, initiative):
    article = make_article(initiative)
    page = client.get(article.get_absolute_url()).content.decode()
    assert "DE84 1001 0010 1234 5678 98" in page
    assert "Support Free Voices" in page


def test_russian_page_offers_a_latin_purpose_for_the_transfer(client, initiative):
    make_account(initiative, purpose_ru="Пожертвование", purpose_en="Donation Free Voices")
    page = client.get("/ru/donations/free-voices/").content.decode()
    assert "Donation Free Voices" in page
    assert "Пожертвование" not in page


def test_pln_account_prefers_the_polish_purpose(pln_account):
    pln_account.purpose_en = "Donation"
    assert pln_account.purpose_for("en") == "Darowizna"


def test_german_donor_types_a_decimal_comma(client, eur_account):
    page = client.get(
        "/de/donations/free-voices/", {"account": eur_account.pk, "amount": "25,50"}
    ).content.decode()
    assert f"accounts/{eur_account.pk}/code.svg?amount=25.50" in page
    code = client.get(f"/de/donations/free-voices/accounts/{eur_account.pk}/code.svg?amount=25.50")
    assert code.status_code == 200
