"""The public API: bank details and yearly totals of approved initiatives, no entries."""

from __future__ import annotations

from horizont.donations.models import BookEntry
from horizont.donations.tests.conftest import make_account, make_initiative


def test_api_lists_active_accounts_of_public_initiatives(client, eur_account, initiative):
    make_account(initiative, iban="PL93116022020000000012345678", is_active=False)
    data = client.get("/api/donations/free-voices/accounts").json()
    assert [a["iban"] for a in data] == ["DE84100100101234567898"]
    assert data[0]["purposes"] == {"en": "Donation Free Voices", "de": "Spende Free Voices"}


def test_api_hides_pending_initiatives(client, db):
    make_account(make_initiative("pending-one", approved=False))
    assert client.get("/api/donations/pending-one/accounts").status_code == 404
    assert client.get("/api/donations/pending-one/report/2026").status_code == 404


def test_api_report_has_totals_by_category_code(client, initiative):
    for amount in ("25.00", "40.00"):
        BookEntry.objects.create(
            initiative=initiative,
            kind="income",
            category="donations",
            month="2026-03-01",
            amount=amount,
            currency="EUR",
            note="Ivan",
        )
    data = client.get("/api/donations/free-voices/report/2026").json()
    eur = data["currencies"][0]
    assert eur["currency"] == "EUR"
    assert float(eur["income"]) == 65.0
    assert float(eur["categories"]["donations"]["income"]) == 65.0
    assert "Ivan" not in str(data)
