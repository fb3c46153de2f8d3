import pytest

from horizont.donations import demo
from horizont.donations.models import BankAccount, BookEntry
from horizont.donations.tests.conftest import REPORT_IBAN_EUR, REPORT_IBAN_PLN
from horizont.donations.validation import clean_bic, clean_iban

pytestmark = pytest.mark.django_db


def test_demo_is_idempotent_and_its_accounts_are_valid_and_fictional():
    assert "3 bank accounts" in demo.load()
    counts = (BankAccount.objects.count(), BookEntry.objects.count())
    demo.load()
    assert (BankAccount.objects.count(), BookEntry.objects.count()) == counts
    real = {REPORT_IBAN_EUR.replace(" ", ""), REPORT_IBAN_PLN.replace(" ", "")}
    for account in BankAccount.objects.all():
        assert account.iban not in real
        iban = clean_iban(account.iban)
        assert clean_bic(account.bic, iban) == account.bic
    warsaw = BankAccount.objects.filter(initiative__slug="demo-warsaw-partner")
    assert {a.currency for a in warsaw} == {"EUR", "PLN"}
    assert BookEntry.objects.filter(initiative__slug="demo-warsaw-partner").exists()
