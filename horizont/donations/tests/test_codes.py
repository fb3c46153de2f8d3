"""The payment codes decode (with zxing-cpp) to the EPC069-12 and ZBP formats."""

from __future__ import annotations

from decimal import Decimal

import pytest

from horizont.donations import payments
from horizont.donations.tests.conftest import FICTIONAL_PLN_IBAN
from horizont.donations.tests.qr import decode_png


def test_girocode_decodes_to_a_valid_epc_payload(eur_account):
    code = eur_account.payment_code(amount=Decimal("25.00"), language="en")
    lines = decode_png(payments.png_bytes(code)).split("\n")
    assert lines[0] == "BCD"  # service tag
    assert lines[1] == "002"  # version
    assert lines[2] in {str(n) for n in range(1, 9)}  # character set
    assert lines[3] == "SCT"  # SEPA credit transfer
    assert lines[4] == "PBNKDEFFXXX"
    assert lines[5] == "Free Voices e.V."
    assert lines[6] == "DE84100100101234567898"
    # EPC069-12 allows the amount without trailing zeros; segno writes "EUR25".
    assert lines[7].startswith("EUR") and Decimal(lines[7][3:]) == Decimal("25.00")
    assert lines[8] == ""  # purpose code
    assert lines[9] == ""  # structured reference
    assert lines[10] == "Donation Free Voices"  # the English payment purpose
    assert len(lines) == 11


def test_girocode_carries_the_purpose_in_the_donors_language(eur_account):
    code = eur_account.payment_code(amount=Decimal("5.5"), language="de")
    lines = decode_png(payments.png_bytes(code)).split("\n")
    assert lines[10] == "Spende Free Voices"
    assert Decimal(lines[7][3:]) == Decimal("5.50")


def test_polish_code_decodes_to_the_zbp_format(pln_account):
    code = pln_account.payment_code(amount=Decimal("50.00"), language="pl")
    text = decode_png(payments.png_bytes(code))
    fields = text.split("|")
    assert len(fields) == 9
    nip, country, account, amount, name, title, *reserved = fields
    assert nip == ""
    assert country == "PL"
    assert account == FICTIONAL_PLN_IBAN[2:] and len(account) == 26
    assert amount == "005000"  # 50.00 PLN in grosze, six digits
    assert name == "Fundacja Wolne Glosy"
    assert len(name) <= 20
    assert title == "Darowizna"
    assert reserved == ["", "", ""]


def test_polish_code_without_amount_lets_the_payer_type_it(pln_account):
    fields = decode_png(
        payments.png_bytes(pln_account.payment_code(amount=None, language="pl"))
    ).split("|")
    assert fields[3] == "000000"


def test_zbp_payload_matches_the_recommendations_example():
    # "2D dla Odbiorcy typ 1 z kwotą płatności bez możliwości edycji" (ZBP 2013-12-03)
    assert (
        payments.zbp_payload(
            nip="1234567890",
            account_number="92124012340001567890123456",
            amount=Decimal("12.00"),
            name="Odbiorca 1",
            title="FV 1234/34/2012",
        )
        == "1234567890|PL|92124012340001567890123456|001200|Odbiorca 1|FV 1234/34/2012|||"
    )


def test_zbp_fields_are_cut_to_their_length_and_lose_separators():
    payload = payments.zbp_payload(
        nip="",
        account_number="PL" + "1" * 26,
        amount=Decimal("9999.99"),
        name="A very long recipient | name of a foundation",
        title="x" * 40,
    )
    fields = payload.split("|")
    assert len(fields) == 9
    assert fields[3] == "999999"
    assert len(fields[4]) <= 20 and len(fields[5]) == 32


def test_zbp_refuses_what_six_digits_cannot_hold():
    with pytest.raises(ValueError):
        payments.zbp_payload(
            nip="", account_number="1" * 26, amount=Decimal("10000"), name="A", title="B"
        )


def test_code_view_serves_svg_without_styles(client, eur_account):
    response = client.get(
        f"/en/donations/free-voices/accounts/{eur_account.pk}/code.svg", {"amount": "25"}
    )
    assert response.status_code == 200
    assert response["Content-Type"] == "image/svg+xml"
    body = response.content.decode()
    assert body.lstrip().startswith("<?xml") and "<svg" in body
    assert "style" not in body


def test_girocode_needs_an_amount(client, eur_account):
    url = f"/en/donations/free-voices/accounts/{eur_account.pk}/code.svg"
    assert client.get(url).status_code == 404
