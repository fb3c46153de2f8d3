"""Who may see and change donations: always with a user who must be refused."""

from __future__ import annotations

import pytest

from horizont.audit.models import AuditEntry
from horizont.donations.models import BankAccount, BookEntry
from horizont.donations.tests.conftest import make_account, make_initiative


def test_rules(initiative, organizer, organizer_mfa, other_organizer, outsider):
    from django.contrib.auth.models import AnonymousUser

    anonymous = AnonymousUser()
    assert anonymous.has_perm("donations.view_donations", initiative)
    assert not anonymous.has_perm("donations.manage_accounts", initiative)
    for perm in ("manage_accounts", "record_entries"):
        assert organizer.has_perm(f"donations.{perm}", initiative)
        assert not other_organizer.has_perm(f"donations.{perm}", initiative)
        assert not outsider.has_perm(f"donations.{perm}", initiative)
    for perm in ("view_transactions", "import_statement"):
        assert organizer_mfa.has_perm(f"donations.{perm}", initiative)
        # two-factor is required to see single transactions
        assert not organizer.has_perm(f"donations.{perm}", initiative)
        assert not other_organizer.has_perm(f"donations.{perm}", initiative)
        assert not outsider.has_perm(f"donations.{perm}", initiative)


def test_pending_initiative_has_no_public_donation_page(client, db, outsider):
    pending = make_initiative("not-yet", approved=False)
    make_account(pending)
    assert client.get("/en/donations/not-yet/").status_code == 404
    client.force_login(outsider)
    assert client.get("/en/donations/not-yet/").status_code == 404


@pytest.mark.parametrize(
    "path",
    ["manage/", "accounts/new/", "books/new/"],
)
def test_organizer_of_another_initiative_cannot_manage(client, initiative, other_organizer, path):
    client.force_login(other_organizer)
    assert client.get(f"/en/donations/free-voices/{path}").status_code == 403


def test_guest_is_sent_to_login(client, initiative):
    response = client.get("/en/donations/free-voices/manage/")
    assert response.status_code == 302 and "login" in response["Location"]


def test_outsider_cannot_add_an_account(client, initiative, outsider):
    client.force_login(outsider)
    response = client.post(
        "/en/donations/free-voices/accounts/new/",
        {"holder": "Thief", "iban": "DE84100100101234567898", "currency": "EUR"},
    )
    assert response.status_code == 403
    assert not BankAccount.objects.exists()


def test_other_organizer_cannot_change_or_delete_an_account(client, eur_account, other_organizer):
    client.force_login(other_organizer)
    base = f"/en/donations/free-voices/accounts/{eur_account.pk}"
    assert client.post(f"{base}/edit/", {"holder": "X"}).status_code == 403
    assert client.post(f"{base}/delete/").status_code == 403
    eur_account.refresh_from_db()
    assert eur_account.holder == "Free Voices e.V."


def test_organizer_deletes_an_account_audited(client, eur_account, organizer):
    client.force_login(organizer)
    response = client.post(f"/en/donations/free-voices/accounts/{eur_account.pk}/delete/")
    assert response.status_code == 302
    assert not BankAccount.objects.exists()
    entry = AuditEntry.objects.get(action="donations.account_deleted")
    assert entry.actor == organizer and entry.details["iban"] == eur_account.iban


def test_transactions_need_two_factor(client, initiative, organizer, organizer_mfa):
    BookEntry.objects.create(
        initiative=initiative,
        kind="income",
        category="donations",
        month="2026-03-01",
        amount="25.00",
        currency="EUR",
        note="secret note",
    )
    client.force_login(organizer)
    assert client.get("/en/donations/free-voices/books/").status_code == 403
    assert client.get("/en/donations/free-voices/books/import/").status_code == 403
    manage = client.get("/en/donations/free-voices/manage/").content.decode()
    assert "two-factor" in manage
    client.force_login(organizer_mfa)
    page = client.get("/en/donations/free-voices/books/")
    assert page.status_code == 200 and "secret note" in page.content.decode()


def test_other_organizer_cannot_delete_an_entry(client, initiative, other_organizer):
    entry = BookEntry.objects.create(
        initiative=initiative,
        kind="income",
        category="donations",
        month="2026-03-01",
        amount="25.00",
        currency="EUR",
    )
    client.force_login(other_organizer)
    assert client.post(f"/en/donations/free-voices/books/{entry.pk}/delete/").status_code == 403
    assert BookEntry.objects.filter(pk=entry.pk).exists()
