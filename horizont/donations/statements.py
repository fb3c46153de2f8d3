"""Bank statements read into anonymous lines: date, signed amount, currency, a digest.

Counterparty names, accounts and remittance texts are never kept: the public books must
not name donors, and the digest (for importing the same statement twice without
duplicates) is a hash that cannot be turned back into them.

Two formats:

* CAMT.053 (ISO 20022 bank-to-customer statement, any version pycamt reads), parsed by
  ``pycamt`` (lxml without entity resolution or network access).
* CSV in this layout (UTF-8, comma or semicolon separated, a header row, other columns
  ignored)::

      date,amount,currency
      2026-03-14,25.00,EUR
      2026-03-20,-120.50,EUR

  ``date`` is YYYY-MM-DD (DD.MM.YYYY also works), ``amount`` uses a dot or a comma for
  decimals and is negative for money going out; ``currency`` is optional (the account's
  currency is used) and an optional ``category`` column takes the category codes of
  ``BookEntry.Category``.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext as _

MAX_LINES = 10_000


class StatementError(ValueError):
    """The file cannot be read as a statement; the message is for the user."""


@dataclass(frozen=True)
class StatementLine:
    booked_on: dt.date
    amount: Decimal  # negative for money going out
    currency: str
    key: str  # digest of the line, for importing it once
    category: str = ""


def _digest(*parts: str) -> str:
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()


def _parse_date(text: str) -> dt.date:
    text = text.strip()[:10]
    for pattern in ("%Y-%m-%d", "%d.%m.%Y"):
        try:
            return dt.datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    raise ValueError(text)


def _parse_amount(text: str) -> Decimal:
    cleaned = text.strip().replace(" ", "").replace("\u00a0", "")
    if "," in cleaned and "." in cleaned:
        cleaned = cleaned.replace(".", "").replace(",", ".")
    else:
        cleaned = cleaned.replace(",", ".")
    value = Decimal(cleaned)
    if not value.is_finite() or value != round(value, 2):
        raise InvalidOperation(text)
    return value


def read_camt053(data: bytes, *, default_currency: str) -> list[StatementLine]:
    from pycamt.parser import Camt053Parser

    try:
        parser = Camt053Parser(data)
        transactions = parser.get_transactions()
    except Exception:  # noqa: BLE001 - lxml and pycamt raise many kinds
        raise StatementError(_("This file is not a CAMT.053 statement we can read.")) from None
    lines = []
    seen: dict[str, int] = {}
    for number, tx in enumerate(transactions, start=1):
        try:
            booked = _parse_date(tx.get("BookingDate") or tx.get("ValueDate") or "")
            amount = _parse_amount(tx.get("Amount") or "")
        except (ValueError, InvalidOperation):
            raise StatementError(
                _("Entry %(number)s of the statement has no readable date or amount.")
                % {"number": number}
            ) from None
        if tx.get("ReversalIndicator") == "true" or tx.get("Status") not in (None, "BOOK"):
            continue  # reversed or not booked yet
        if tx.get("CreditDebitIndicator") == "DBIT":
            amount = -amount
        currency = (tx.get("Currency") or default_currency).upper()
        ident = tx.get("TransactionID") or tx.get("EndToEndId") or ""
        base = _digest(
            "camt", tx.get("AccountIBAN") or "", ident, booked.isoformat(), str(amount), currency
        )
        # Equal lines without a bank reference stay distinct by their order.
        seen[base] = seen.get(base, 0) + 1
        lines.append(StatementLine(booked, amount, currency, _digest(base, str(seen[base]))))
    if not lines:
        raise StatementError(_("The statement holds no bookings."))
    return lines


def read_csv(data: bytes, *, default_currency: str) -> list[StatementLine]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise StatementError(_("Please save the CSV file as UTF-8.")) from None
    first = text.split("\n", 1)[0]
    delimiter = ";" if first.count(";") > first.count(",") else ","
    reader = csv.DictReader(io.StringIO(text), delimiter=delimiter)
    fields = {name.strip().lower() for name in reader.fieldnames or []}
    if not {"date", "amount"} <= fields:
        raise StatementError(
            _("The CSV file needs a header row with at least the columns date and amount.")
        )
    lines = []
    seen: dict[str, int] = {}
    for number, raw in enumerate(reader, start=2):
        row = {(k or "").strip().lower(): (v or "").strip() for k, v in raw.items()}
        if not any(row.values()):
            continue
        try:
            booked = _parse_date(row["date"])
            amount = _parse_amount(row["amount"])
        except (ValueError, InvalidOperation):
            raise StatementError(
                _("Line %(number)s: the date or the amount cannot be read.") % {"number": number}
            ) from None
        if amount == 0:
            continue
        currency = (row.get("currency") or default_currency).upper()
        base = _digest("csv", booked.isoformat(), str(amount), currency)
        seen[base] = seen.get(base, 0) + 1
        lines.append(
            StatementLine(
                booked,
                amount,
                currency,
                _digest(base, str(seen[base])),
                category=row.get("category", ""),
            )
        )
        if len(lines) > MAX_LINES:
            raise StatementError(_("The file has too many lines."))
    if not lines:
        raise StatementError(_("The statement holds no bookings."))
    return lines


def read_statement(data: bytes, *, default_currency: str) -> tuple[str, list[StatementLine]]:
    """("camt053" or "csv", the lines) of a statement file, by its content."""
    if data.lstrip()[:1] == b"<":
        return "camt053", read_camt053(data, default_currency=default_currency)
    return "csv", read_csv(data, default_currency=default_currency)
