"""Books: entries by hand, statement imports without donors' names, the public report."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from horizont.audit.models import AuditEntry
from horizont.donations.models import BookEntry

FILES = Path(__file__).parent / "files"
CAMT = (FILES / "statement.camt053.xml").read_bytes()
CSV = (
    b"date;amount;currency;counterparty;text\n"
    b"2026-05-03;15,00;EUR;Olga Fictional;Spende Olga\n"
    b"2026-05-03;15,00;EUR;Olga Fictional;Spende Olga\n"
    b"2026-05-09;-30.00;EUR;Room Rental Ltd;Miete\n"
)


def _upload(client, data, name="statement.xml", **extra):
    return client.post(
        "/en/donations/free-voices/books/import/",
        {"statement": SimpleUploadedFile(name, data), "currency": "EUR", **extra},
    )


def test_organizer_records_an_entry_by_hand(client, initiative, organizer):
    client.force_login(organizer)
    response = client.post(
        "/en/donations/free-voices/books/new/",
        {
            "kind": "expense",
            "category": "rent",
            "year": "2026",
            "month_number": "2",
            "amount": "300.00",
            "currency": "EUR",
            "note": "February room",
        },
    )
    assert response.status_code == 302
    entry = BookEntry.objects.get()
    assert entry.month.isoformat() == "2026-02-01"
    assert entry.amount == Decimal("300.00") and entry.created_by == organizer
    assert AuditEntry.objects.filter(action="donations.entry_recorded").exists()


@pytest.mark.parametrize("amount", ["-5", "0", "12.345"])
def test_bad_entry_amount_saves_nothing(client, initiative, organizer, amount):
    client.force_login(organizer)
    response = client.post(
        "/en/donations/free-voices/books/new/",
        {
            "kind": "income",
            "category": "donations",
            "year": "2026",
            "month_number": "1",
            "amount": amount,
            "currency": "EUR",
        },
    )
    assert response.status_code == 200 and response.context["form"].errors["amount"]
    assert not BookEntry.objects.exists()


def test_camt053_import_keeps_no_names_and_runs_once(
    client, initiative, organizer_mfa, eur_account
):
    client.force_login(organizer_mfa)
    response = _upload(client, CAMT, account=eur_account.pk)
    assert response.status_code == 302
    entries = list(BookEntry.objects.order_by("month", "amount"))
    assert [(e.kind, e.category, e.month.isoformat(), e.amount) for e in entries] == [
        ("income", "donations", "2026-03-01", Decimal("25.00")),
        ("income", "donations", "2026-03-01", Decimal("40.00")),
        ("expense", "other", "2026-04-01", Decimal("120.50")),
    ]
    assert all(e.source == "camt053" and e.account == eur_account for e in entries)
    for entry in entries:
        stored = " ".join(str(v) for v in entry.__dict__.values())
        assert "Fictional" not in stored and "DE021203" not in stored
    audit = AuditEntry.objects.get(action="donations.statement_imported")
    assert audit.details["created"] == 3 and "Fictional" not in str(audit.details)
    # the same statement again adds nothing
    _upload(client, CAMT, account=eur_account.pk)
    assert BookEntry.objects.count() == 3
    books = client.get("/en/donations/free-voices/books/").content.decode()
    assert "Fictional" not in books


def test_csv_import_in_the_documented_layout(client, initiative, organizer_mfa):
    client.force_login(organizer_mfa)
    response = _upload(client, CSV, name="statement.csv")
    assert response.status_code == 302
    entries = BookEntry.objects.order_by("kind", "pk")
    # two equal donations on one day stay two entries
    assert [(e.kind, e.amount, e.source) for e in entries] == [
        ("expense", Decimal("30.00"), "csv"),
        ("income", Decimal("15.00"), "csv"),
        ("income", Decimal("15.00"), "csv"),
    ]
    assert not BookEntry.objects.filter(note__icontains="Olga").exists()
    _upload(client, CSV, name="statement.csv")
    assert BookEntry.objects.count() == 3


@pytest.mark.parametrize(
    ("data", "fragment"),
    [
        (b"<Document><broken", "not a CAMT.053 statement"),
        (b"when;how much\n2026-01-01;5\n", "header row"),
        (b"date,amount\n2026-01-01,5.00\nyesterday,5.00\n", "Line 3"),
        (b"date,amount\n2026-01-01,5.001\n", "Line 2"),
    ],
)
def test_bad_statement_saves_nothing(client, initiative, organizer_mfa, data, fragment):
    client.force_login(organizer_mfa)
    response = _upload(client, data)
    assert response.status_code == 200
    assert fragment in " ".join(response.context["form"].errors["statement"])
    assert not BookEntry.objects.exists()
    assert not AuditEntry.objects.exists()


def _entry(initiative, kind, category, month, amount, currency="EUR"):
    return BookEntry.objects.create(
        initiative=initiative,
        kind=kind,
        category=category,
        month=month,
        amount=amount,
        currency=currency,
        note="Donation from Ivan Fictional",
    )


def test_public_yearly_report_has_totals_and_a_chart_but_no_details(client, initiative):
    _entry(initiative, "income", "donations", "2026-03-01", "25.00")
    _entry(initiative, "income", "donations", "2026-03-01", "40.00")
    _entry(initiative, "expense", "rent", "2026-04-01", "120.50")
    _entry(initiative, "income", "grants", "2025-06-01", "999.00")
    _entry(initiative, "income", "donations", "2026-05-01", "100.00", currency="PLN")
    response = client.get("/en/donations/free-voices/report/", {"year": "2026"})
    assert response.status_code == 200
    report = response.context["report"]
    eur = next(c for c in report.currencies if c.currency == "EUR")
    assert eur.income == Decimal("65.00") and eur.expense == Decimal("120.50")
    assert eur.balance == Decimal("-55.50")
    assert ("donations", Decimal("65.00"), Decimal("0")) in eur.categories
    assert [m[1] for m in eur.months][2] == Decimal("65.00")
    assert {c.currency for c in report.currencies} == {"EUR", "PLN"}
    assert report.years == [2026, 2025]
    page = response.content.decode()
    assert "<svg" in page and 'class="bar-income"' in page
    assert "Ivan" not in page
    # the tallest bar is the largest month
    tallest = max(eur.bars, key=lambda bar: bar.height)
    assert tallest.kind == "expense" and tallest.month_label.startswith("Apr")


def test_report_of_an_empty_year(client, initiative):
    page = client.get("/en/donations/free-voices/report/", {"year": "2001"}).content.decode()
    assert "Nothing recorded" in page


def test_organizer_recategorizes_an_imported_line(
    client, initiative, organizer_mfa, other_organizer
):
    client.force_login(organizer_mfa)
    _upload(client, CSV, name="statement.csv")
    entry = BookEntry.objects.get(kind="expense")
    data = {
        "kind": "expense",
        "category": "rent",
        "year": "2026",
        "month_number": "5",
        "amount": "30.00",
        "currency": "EUR",
    }
    client.force_login(other_organizer)
    url = f"/en/donations/free-voices/books/{entry.pk}/edit/"
    assert client.post(url, data).status_code == 403
    client.force_login(organizer_mfa)
    assert client.get(url).content.decode().count('value="2026"') == 1
    assert client.post(url, data).status_code == 302
    entry.refresh_from_db()
    assert entry.category == "rent" and entry.source == "csv"
    assert AuditEntry.objects.filter(action="donations.entry_changed").exists()


def test_camt_parser_resolves_no_external_entities(tmp_path):
    from pycamt.parser import Camt053Parser

    secret = tmp_path / "secret.txt"  # a local file whose text must not enter the statement
    secret.write_text("top-secret-words")
    hostile = CAMT.replace(
        b'<?xml version="1.0" encoding="UTF-8"?>',
        b'<?xml version="1.0" encoding="UTF-8"?>'
        b'<!DOCTYPE Document [<!ENTITY leak SYSTEM "' + secret.as_uri().encode() + b'">]>',
    ).replace(b"<AcctSvcrRef>REF-0001</AcctSvcrRef>", b"<AcctSvcrRef>&leak;</AcctSvcrRef>")
    transactions = Camt053Parser(hostile).get_transactions()
    assert "top-secret-words" not in str(transactions)
    assert transactions[1]["TransactionID"] == "REF-0002"
