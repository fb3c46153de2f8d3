"""Donation workflows: accounts and books changed with an audit entry, statements imported
whole or not at all, and the public yearly report."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.db.models import Sum
from django.utils.dates import MONTHS_3

from horizont.audit.services import audit_record
from horizont.donations.forms import BankAccountForm, BookEntryForm
from horizont.donations.models import BankAccount, BookEntry
from horizont.donations.statements import read_statement
from horizont.network.models import Initiative


def bank_account_save(*, form: BankAccountForm, initiative: Initiative, actor: Any) -> BankAccount:
    """Store a checked account form and write who changed which account."""
    created = form.instance.pk is None
    with transaction.atomic():
        account = form.save(commit=False)
        account.initiative = initiative
        account.save()
        audit_record(
            actor=actor,
            action="donations.account_created" if created else "donations.account_changed",
            target=account,
            details={
                "initiative": initiative.slug,
                "iban": account.iban,
                "changed": sorted(form.changed_data),
            },
        )
    return account


def bank_account_delete(*, account: BankAccount, actor: Any) -> None:
    with transaction.atomic():
        audit_record(
            actor=actor,
            action="donations.account_deleted",
            target=account,
            details={"initiative": account.initiative.slug, "iban": account.iban},
        )
        account.delete()


def book_entry_record(*, form: BookEntryForm, initiative: Initiative, actor: Any) -> BookEntry:
    """Store a new entry (entered by hand) or a corrected one (e.g. an imported line's
    category), with an audit entry."""
    created = form.instance.pk is None
    with transaction.atomic():
        entry = form.save(commit=False)
        entry.initiative = initiative
        if created:
            entry.created_by = actor
            entry.source = BookEntry.Source.MANUAL
        entry.save()
        audit_record(
            actor=actor,
            action="donations.entry_recorded" if created else "donations.entry_changed",
            target=entry,
            details={"initiative": initiative.slug, "changed": sorted(form.changed_data)},
        )
    return entry


def book_entry_delete(*, entry: BookEntry, actor: Any) -> None:
    with transaction.atomic():
        audit_record(
            actor=actor,
            action="donations.entry_deleted",
            target=entry,
            details={"initiative": entry.initiative.slug},
        )
        entry.delete()


@dataclass(frozen=True)
class ImportResult:
    created: int
    skipped: int
    source: str


def statement_import(
    *,
    initiative: Initiative,
    account: BankAccount | None,
    data: bytes,
    default_currency: str,
    actor: Any,
) -> ImportResult:
    """Add a statement's bookings to the books: all of them or, on any error, none.

    Money in becomes income "donations", money out an expense "other"; organizers
    re-categorize afterwards. Lines imported before (same digest) are skipped.

    Raises StatementError with a message for the user.
    """
    currency = account.currency if account is not None else default_currency
    source, lines = read_statement(data, default_currency=currency)
    categories = set(BookEntry.Category.values)
    existing = set(
        BookEntry.objects.filter(
            initiative=initiative, import_key__in=[line.key for line in lines]
        ).values_list("import_key", flat=True)
    )
    fresh = [line for line in lines if line.key not in existing]
    entries = []
    for line in fresh:
        income = line.amount > 0
        default = BookEntry.Category.DONATIONS if income else BookEntry.Category.OTHER
        entries.append(
            BookEntry(
                initiative=initiative,
                account=account,
                kind=BookEntry.Kind.INCOME if income else BookEntry.Kind.EXPENSE,
                category=line.category if line.category in categories else default,
                month=line.booked_on.replace(day=1),
                amount=abs(line.amount),
                currency=line.currency[:3],
                source=source,
                import_key=line.key,
                created_by=actor,
            )
        )
    with transaction.atomic():
        BookEntry.objects.bulk_create(entries)
        audit_record(
            actor=actor,
            action="donations.statement_imported",
            target=initiative,
            details={
                "format": source,
                "created": len(entries),
                "skipped": len(lines) - len(entries),
                "account": account.pk if account is not None else None,
            },
        )
    return ImportResult(created=len(entries), skipped=len(lines) - len(entries), source=source)


# --- the public yearly report ---------------------------------------------------------

ZERO = Decimal("0.00")
CENT = Decimal("0.01")
CHART_WIDTH = 640
CHART_HEIGHT = 220
CHART_TOP = 10
CHART_BOTTOM = 30  # room for month labels
CHART_LEFT = 10


@dataclass(frozen=True)
class Bar:
    x: float
    y: float
    width: float
    height: float
    kind: str
    month_label: str
    amount: Decimal


@dataclass
class CurrencyReport:
    currency: str
    income: Decimal = ZERO
    expense: Decimal = ZERO
    categories: list[tuple[str, Decimal, Decimal]] = field(default_factory=list)
    category_codes: list[tuple[str, Decimal, Decimal]] = field(default_factory=list)
    months: list[tuple[str, Decimal, Decimal]] = field(default_factory=list)
    bars: list[Bar] = field(default_factory=list)
    labels: list[tuple[float, str]] = field(default_factory=list)

    @property
    def balance(self) -> Decimal:
        return self.income - self.expense


@dataclass(frozen=True)
class YearReport:
    year: int
    currencies: list[CurrencyReport]
    years: list[int]


def _chart(report: CurrencyReport) -> None:
    """Bars for income and expense per month, scaled to the largest month."""
    peak = max([max(i, e) for _, i, e in report.months] + [ZERO])
    plot_height = CHART_HEIGHT - CHART_TOP - CHART_BOTTOM
    group = (CHART_WIDTH - CHART_LEFT) / 12
    bar_width = group * 0.38
    for index, (label, income, expense) in enumerate(report.months):
        left = CHART_LEFT + index * group + group * 0.1
        report.labels.append((round(left + bar_width, 1), label))
        for offset, kind, amount in ((0.0, "income", income), (bar_width, "expense", expense)):
            height = float(amount / peak) * plot_height if peak else 0.0
            report.bars.append(
                Bar(
                    x=round(left + offset, 1),
                    y=round(CHART_TOP + plot_height - height, 1),
                    width=round(bar_width, 1),
                    height=round(height, 1),
                    kind=kind,
                    month_label=label,
                    amount=amount,
                )
            )


def yearly_report(*, initiative: Initiative, year: int) -> YearReport:
    """Totals by currency, category and month of one year: sums only, never single lines."""
    rows = (
        BookEntry.objects.filter(initiative=initiative)
        .in_year(year)
        .values("currency", "kind", "category", "month")
        .annotate(total=Sum("amount"))
        .order_by()
    )
    sums: dict[str, dict[tuple[str, str, int], Decimal]] = {}
    for row in rows:
        by_currency = sums.setdefault(row["currency"], {})
        key = (row["kind"], row["category"], row["month"].month)
        # SQLite sums lose the decimal places: give every total its cents back.
        total = Decimal(row["total"]).quantize(CENT)
        by_currency[key] = by_currency.get(key, ZERO) + total
    labels = dict(BookEntry.Category.choices)
    reports = []
    for currency in sorted(sums):
        values = sums[currency]
        report = CurrencyReport(currency=currency)
        for category in BookEntry.Category.values:
            income = sum(
                (v for (k, c, _m), v in values.items() if k == "income" and c == category),
                ZERO,
            )
            expense = sum(
                (v for (k, c, _m), v in values.items() if k == "expense" and c == category),
                ZERO,
            )
            if income or expense:
                report.categories.append((str(labels[category]), income, expense))
                report.category_codes.append((category, income, expense))
        for month in range(1, 13):
            income = sum(
                (v for (k, _c, m), v in values.items() if k == "income" and m == month),
                ZERO,
            )
            expense = sum(
                (v for (k, _c, m), v in values.items() if k == "expense" and m == month),
                ZERO,
            )
            report.months.append((str(MONTHS_3[month]).capitalize(), income, expense))
        report.income = sum((i for _, i, _e in report.months), ZERO)
        report.expense = sum((e for _, _i, e in report.months), ZERO)
        _chart(report)
        reports.append(report)
    years = sorted(
        {d.year for d in BookEntry.objects.filter(initiative=initiative).dates("month", "year")}
        | {year},
        reverse=True,
    )
    return YearReport(year=year, currencies=reports, years=years)


def current_year() -> int:
    return dt.date.today().year
