"""IBAN, BIC, NIP and amount checks, and bad input through the forms: nothing saved."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from horizont.audit.models import AuditEntry
from horizont.donations.models import BankAccount
from horizont.donations.tests.conftest import (
    FICTIONAL_EUR_IBAN,
    REPORT_IBAN_EUR,
    REPORT_IBAN_PLN,
)
from horizont.donations.validation import clean_amount, clean_bic, clean_iban, clean_nip


@pytest.mark.parametrize("value", [REPORT_IBAN_EUR, REPORT_IBAN_PLN])
def test_meeting_report_accounts_are_valid_and_found_in_the_bank_registry(value):
    iban = clean_iban(value)
    assert iban.country_code == "PL"
    assert iban.bank_name == "Bank Millennium Spółka Akcyjna"
    assert clean_bic("", iban) == "BIGBPLPWXXX"
    assert clean_bic("BIGBPLPW", iban) == "BIGBPLPW"


def _changed_check_digit(value: str) -> str:
    compact = value.replace(" ", "")
    digit = (int(compact[3]) + 1) % 10
    return compact[:3] + str(digit) + compact[4:]


@pytest.mark.parametrize(
    ("value", "code"),
    [
        (_changed_check_digit(REPORT_IBAN_EUR), "iban_checksum"),
        (REPORT_IBAN_PLN[:-1], "iban_length"),
        ("XX60" + REPORT_IBAN_EUR[4:], "iban_country"),
        # valid check digits, but no bank with code 99999999 in Poland
        ("PL57999999990000000012345678", "iban_bank"),
    ],
)
def test_bad_ibans_are_refused_with_the_reason(value, code):
    with pytest.raises(ValidationError) as caught:
        clean_iban(value)
    assert caught.value.code == code


def test_bic_of_another_country_is_refused():
    with pytest.raises(ValidationError) as caught:
        clean_bic("COBADEFFXXX", clean_iban(REPORT_IBAN_EUR))
    assert caught.value.code == "bic_country"
    assert "DE" in caught.value.message and "PL" in caught.value.message


def test_malformed_bic_is_refused():
    with pytest.raises(ValidationError):
        clean_bic("NOT-A-BIC", clean_iban(REPORT_IBAN_EUR))


def test_nip_check_digit():
    assert clean_nip("123-456-32-18") == "1234563218"
    with pytest.raises(ValidationError):
        clean_nip("1234563219")


@pytest.mark.parametrize(
    ("amount", "currency", "code"),
    [
        ("25.005", "EUR", "amount_decimals"),
        ("0.001", "EUR", "amount_decimals"),
        ("0", "EUR", "amount_range"),
        ("1000000000.00", "EUR", "amount_range"),
        ("10000.00", "PLN", "amount_range"),
    ],
)
def test_amounts_beyond_the_standards_are_refused(amount, currency, code):
    with pytest.raises(ValidationError) as caught:
        clean_amount(Decimal(amount), currency)
    assert caught.value.code == code


def test_amounts_at_the_limits_pass():
    assert clean_amount(Decimal("0.01"), "EUR") == Decimal("0.01")
    assert clean_amount(Decimal("999999999.99"), "EUR") == Decimal("999999999.99")
    assert clean_amount(Decimal("9999.99"), "PLN") == Decimal("9999.99")
    assert str(clean_amount(Decimal("25"), "EUR")) == "25.00"


def _account_data(**overrides):
    data = {
        "holder": "Free Voices e.V.",
        "address": "",
        "iban": FICTIONAL_EUR_IBAN,
        "bic": "",
        "bank_name": "",
        "currency": "EUR",
        "tax_number": "",
        "purpose_en": "Donation",
        "is_active": "on",
        "position": "0",
    }
    data.update(overrides)
    return data


def test_organizer_adds_an_account_bank_and_bic_come_from_the_registry(
    client, initiative, organizer
):
    client.force_login(organizer)
    response = client.post(
        "/en/donations/free-voices/accounts/new/",
        _account_data(iban="de84 1001 0010 1234 5678 98"),
    )
    assert response.status_code == 302
    account = BankAccount.objects.get()
    assert account.iban == FICTIONAL_EUR_IBAN
    assert account.bic == "PBNKDEFFXXX"
    assert account.bank_name
    assert AuditEntry.objects.filter(action="donations.account_created").count() == 1


@pytest.mark.parametrize(
    ("overrides", "field", "fragment"),
    [
        ({"iban": _changed_check_digit(REPORT_IBAN_EUR)}, "iban", "check digits"),
        ({"iban": REPORT_IBAN_EUR, "bic": "COBADEFFXXX"}, "bic", "belongs to a bank in DE"),
        ({"purpose_en": "", "purpose_ru": "Пожертвование"}, "purpose_en", "Latin letters"),
        ({"tax_number": "1234563219", "currency": "PLN"}, "tax_number", "NIP"),
    ],
)
def test_bad_account_input_saves_nothing(client, initiative, organizer, overrides, field, fragment):
    client.force_login(organizer)
    response = client.post("/en/donations/free-voices/accounts/new/", _account_data(**overrides))
    assert response.status_code == 200
    assert fragment in " ".join(response.context["form"].errors[field])
    assert not BankAccount.objects.exists()
    assert not AuditEntry.objects.exists()


def test_wrong_check_digit_message_is_in_the_users_language(client, initiative, organizer):
    client.force_login(organizer)
    with translation.override("de"):
        response = client.post(
            "/de/donations/free-voices/accounts/new/",
            _account_data(iban=_changed_check_digit(REPORT_IBAN_EUR)),
        )
    errors = " ".join(response.context["form"].errors["iban"])
    assert "Prüfziffern" in errors
    assert not BankAccount.objects.exists()


@pytest.mark.parametrize(
    ("amount", "fragment"),
    [("25.005", "two decimals"), ("1000000000", "between 0.01 and 999999999.99")],
)
def test_donor_amount_errors_show_no_code(client, eur_account, amount, fragment):
    page = client.get(
        "/en/donations/free-voices/", {"account": eur_account.pk, "amount": amount}
    ).content.decode()
    assert fragment in page
    assert "code.svg?amount" not in page


def test_donor_amount_error_in_polish(client, eur_account):
    with translation.override("pl"):
        page = client.get(
            "/pl/donations/free-voices/", {"account": eur_account.pk, "amount": "25.005"}
        ).content.decode()
    assert "dwoma miejscami po przecinku" in page


def test_code_view_refuses_a_bad_amount(client, eur_account):
    response = client.get(
        f"/en/donations/free-voices/accounts/{eur_account.pk}/code.svg", {"amount": "1.234"}
    )
    assert response.status_code == 400
