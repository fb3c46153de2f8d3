"""Demo bank accounts and books. Every account is fictional: real bank codes (so that the
bank registry check passes) with invented account numbers and valid check digits.

The accounts printed in the Berlin meeting report are test vectors only and never appear
here. Running ``load()`` twice changes nothing.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.utils import timezone

from horizont.donations.models import BankAccount, BookEntry
from horizont.network.models import Initiative

WARSAW = "demo-warsaw-partner"
BERLIN = "demo-berlin-open-house"

ACCOUNTS = [
    # slug, holder, IBAN, BIC, bank, currency, purposes (ru, en, de, pl)
    (
        WARSAW,
        "Fundacja Dom Partnerski (demo)",
        "PL93116022020000000012345678",
        "BIGBPLPWXXX",
        "Bank Millennium",
        "EUR",
        (
            "Пожертвование Dom Partnerski",
            "Donation Dom Partnerski",
            "Spende Dom Partnerski",
            "Darowizna Dom Partnerski",
        ),
    ),
    (
        WARSAW,
        "Fundacja Dom Partnerski (demo)",
        "PL35116022020000000087654321",
        "BIGBPLPWXXX",
        "Bank Millennium",
        "PLN",
        (
            "Пожертвование Dom Partnerski",
            "Donation Dom Partnerski",
            "Spende Dom Partnerski",
            "Darowizna na cele statutowe",
        ),
    ),
    (
        BERLIN,
        "Open House Berlin e.V. (demo)",
        "DE84100100101234567898",
        "PBNKDEFFXXX",
        "Postbank",
        "EUR",
        (
            "Пожертвование Open House",
            "Donation Open House",
            "Spende Open House",
            "Darowizna Open House",
        ),
    ),
]

# month offset from January, kind, category, amount (EUR)
BOOKS = [
    (0, "income", "donations", "420.00"),
    (0, "expense", "rent", "300.00"),
    (1, "income", "donations", "385.50"),
    (1, "expense", "rent", "300.00"),
    (2, "income", "donations", "610.00"),
    (2, "income", "grants", "1500.00"),
    (2, "expense", "events", "240.00"),
    (3, "income", "donations", "298.00"),
    (3, "expense", "printing", "95.40"),
    (4, "income", "membership", "180.00"),
    (4, "expense", "legal", "450.00"),
    (5, "income", "donations", "512.25"),
    (5, "expense", "fees", "12.00"),
]


def _initiative(slug: str) -> Initiative | None:
    return Initiative.objects.filter(slug=slug).first()


def load() -> str:
    if _initiative(WARSAW) is None:
        from horizont.network import demo as network_demo

        network_demo.load()
    created = 0
    for slug, holder, iban, bic, bank, currency, purposes in ACCOUNTS:
        initiative = _initiative(slug)
        if initiative is None:
            continue
        _account, made = BankAccount.objects.get_or_create(
            initiative=initiative,
            iban=iban,
            defaults={
                "holder": holder,
                "bic": bic,
                "bank_name": bank,
                "currency": currency,
                "address": "ul. Przykładowa 7, 00-001 Warszawa (fictional)"
                if slug == WARSAW
                else "Beispielstraße 1, 10999 Berlin (fictional)",
                "purpose_ru": purposes[0],
                "purpose_en": purposes[1],
                "purpose_de": purposes[2],
                "purpose_pl": purposes[3],
                "position": 0 if currency == "EUR" else 1,
            },
        )
        created += made
    entries = 0
    warsaw = _initiative(WARSAW)
    if warsaw is not None and not warsaw.book_entries.exists():
        this_year = timezone.localdate().year
        for year in (this_year - 1, this_year):
            for offset, kind, category, amount in BOOKS:
                BookEntry.objects.create(
                    initiative=warsaw,
                    kind=kind,
                    category=category,
                    month=dt.date(year, 1 + offset + (6 if year < this_year else 0), 1),
                    amount=Decimal(amount),
                    currency="EUR",
                    note="demo",
                )
                entries += 1
    return f"{created} bank accounts and {entries} book entries created"
