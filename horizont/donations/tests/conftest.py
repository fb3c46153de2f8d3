"""Donations test data: an initiative with organizers and accounts with known IBANs."""

from __future__ import annotations

from typing import Any

import pytest
from django.utils import translation

from horizont.donations.models import BankAccount
from horizont.network.models import Initiative, Membership
from horizont.testing.personas import make_user

# The two accounts printed in the Berlin meeting report (Bank Millennium, Warsaw): public
# test vectors for validation only, never demo or fixture data shown on a page.
REPORT_IBAN_EUR = "PL60 1160 2202 0000 0004 9849 9990"
REPORT_IBAN_PLN = "PL13 1160 2202 0000 0003 5776 5282"

# Fictional accounts with valid check digits (schwifty's IBAN.generate).
FICTIONAL_EUR_IBAN = "DE84100100101234567898"  # Postbank bank code, invented account
FICTIONAL_PLN_IBAN = "PL93116022020000000012345678"  # Bank Millennium code, invented account


def make_initiative(slug: str, *, approved: bool = True) -> Initiative:
    return Initiative.objects.create(
        name=slug.replace("-", " ").title(),
        slug=slug,
        language="en",
        country="DE",
        city="Berlin",
        status=Initiative.Status.APPROVED if approved else Initiative.Status.PENDING,
    )


def make_organizer(email: str, initiative: Initiative, *, mfa: bool = False) -> Any:
    user = make_user(email, display_name=email.split("@")[0], mfa=mfa)
    Membership.objects.create(initiative=initiative, user=user, role="organizer", status="active")
    return user


def make_account(initiative: Initiative, **fields: Any) -> BankAccount:
    values: dict[str, Any] = {
        "holder": "Free Voices e.V.",
        "iban": FICTIONAL_EUR_IBAN,
        "bic": "PBNKDEFFXXX",
        "bank_name": "Postbank",
        "currency": "EUR",
        "purpose_en": "Donation Free Voices",
        "purpose_de": "Spende Free Voices",
    }
    values.update(fields)
    return BankAccount.objects.create(initiative=initiative, **values)


@pytest.fixture(autouse=True)
def _english() -> Any:
    with translation.override("en"):
        yield


@pytest.fixture
def initiative(db: Any) -> Initiative:
    return make_initiative("free-voices")


@pytest.fixture
def organizer(initiative: Initiative) -> Any:
    """Organizer without two-factor: manages accounts, but sees no single transactions."""
    return make_organizer("organizer@example.org", initiative)


@pytest.fixture
def organizer_mfa(initiative: Initiative) -> Any:
    return make_organizer("organizer-mfa@example.org", initiative, mfa=True)


@pytest.fixture
def other_organizer(db: Any) -> Any:
    """Organizes another initiative (with two-factor): must be refused everything here."""
    return make_organizer("other@example.org", make_initiative("other-circle"), mfa=True)


@pytest.fixture
def eur_account(initiative: Initiative) -> BankAccount:
    return make_account(initiative)


@pytest.fixture
def pln_account(initiative: Initiative) -> BankAccount:
    return make_account(
        initiative,
        holder="Fundacja Wolne Glosy",
        iban=FICTIONAL_PLN_IBAN,
        bic="BIGBPLPWXXX",
        bank_name="Bank Millennium",
        currency="PLN",
        purpose_en="",
        purpose_de="",
        purpose_pl="Darowizna",
        position=1,
    )
