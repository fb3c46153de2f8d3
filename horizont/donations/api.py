"""REST API of the donations app (mounted at /api/donations/): public, read only.

Bank details of approved initiatives and their yearly totals; never single entries.
"""

from __future__ import annotations

from decimal import Decimal

from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Router, Schema

from horizont.donations import services
from horizont.network.models import Initiative

router = Router(tags=["donations"])


class AccountOut(Schema):
    holder: str
    address: str
    bank_name: str
    iban: str
    bic: str
    currency: str
    purposes: dict[str, str]


class CurrencyTotals(Schema):
    currency: str
    income: Decimal
    expense: Decimal
    balance: Decimal
    categories: dict[str, dict[str, Decimal]]


class YearOut(Schema):
    year: int
    currencies: list[CurrencyTotals]


def _public_initiative(slug: str) -> Initiative:
    return get_object_or_404(Initiative.objects.public(), slug=slug)


@router.get("/{slug}/accounts", response=list[AccountOut], summary="Bank accounts")
def accounts(request: HttpRequest, slug: str) -> list[dict[str, object]]:
    initiative = _public_initiative(slug)
    return [
        {
            "holder": a.holder,
            "address": a.address,
            "bank_name": a.bank_name,
            "iban": a.iban,
            "bic": a.bic,
            "currency": a.currency,
            "purposes": {
                code: getattr(a, f"purpose_{code}")
                for code in ("ru", "en", "de", "pl")
                if getattr(a, f"purpose_{code}")
            },
        }
        for a in initiative.bank_accounts.active()
    ]


@router.get("/{slug}/report/{year}", response=YearOut, summary="Yearly totals")
def report(request: HttpRequest, slug: str, year: int) -> dict[str, object]:
    result = services.yearly_report(initiative=_public_initiative(slug), year=year)
    return {
        "year": result.year,
        "currencies": [
            {
                "currency": c.currency,
                "income": c.income,
                "expense": c.expense,
                "balance": c.balance,
                "categories": {
                    label: {"income": income, "expense": expense}
                    for label, income, expense in c.category_codes
                },
            }
            for c in result.currencies
        ],
    }
