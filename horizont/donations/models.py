from __future__ import annotations

import datetime as dt
from decimal import Decimal

import segno
from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from horizont.donations import payments

CURRENCIES = [
    ("EUR", "EUR"),
    ("PLN", "PLN"),
    ("CZK", "CZK"),
    ("CHF", "CHF"),
    ("GBP", "GBP"),
    ("USD", "USD"),
]
PURPOSE_LANGUAGES = ("ru", "en", "de", "pl")


def _is_latin(text: str) -> bool:
    try:
        text.encode("iso-8859-2")
    except UnicodeEncodeError:
        try:
            text.encode("iso-8859-1")
        except UnicodeEncodeError:
            return False
    return True


class BankAccountQuerySet(models.QuerySet):
    def active(self) -> BankAccountQuerySet:
        return self.filter(is_active=True)


class BankAccount(models.Model):
    """An account of an initiative that donors transfer money to."""

    initiative = models.ForeignKey(
        "network.Initiative", on_delete=models.CASCADE, related_name="bank_accounts"
    )
    holder = models.CharField(_("account holder"), max_length=payments.EPC_NAME_MAX)
    address = models.CharField(_("holder's address"), max_length=200, blank=True)
    bank_name = models.CharField(
        _("bank"), max_length=140, blank=True, help_text=_("Left empty: taken from the IBAN.")
    )
    iban = models.CharField(_("IBAN"), max_length=34)
    bic = models.CharField(
        _("BIC"), max_length=11, blank=True, help_text=_("Left empty: taken from the IBAN.")
    )
    currency = models.CharField(_("currency"), max_length=3, choices=CURRENCIES, default="EUR")
    tax_number = models.CharField(
        _("Polish tax number (NIP)"),
        max_length=10,
        blank=True,
        help_text=_("Optional; goes into the Polish transfer code of a PLN account."),
    )
    purpose_ru = models.CharField(
        _("payment purpose in Russian"), max_length=payments.EPC_TEXT_MAX, blank=True
    )
    purpose_en = models.CharField(
        _("payment purpose in English"), max_length=payments.EPC_TEXT_MAX, blank=True
    )
    purpose_de = models.CharField(
        _("payment purpose in German"), max_length=payments.EPC_TEXT_MAX, blank=True
    )
    purpose_pl = models.CharField(
        _("payment purpose in Polish"), max_length=payments.EPC_TEXT_MAX, blank=True
    )
    is_active = models.BooleanField(_("shown to donors"), default=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = BankAccountQuerySet.as_manager()

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("bank account")
        verbose_name_plural = _("bank accounts")

    def __str__(self) -> str:
        return f"{self.holder} · {self.iban_display} ({self.currency})"

    def get_absolute_url(self) -> str:
        return reverse("donations:page", args=[self.initiative.slug]) + f"#account-{self.pk}"

    @property
    def iban_display(self) -> str:
        return " ".join(self.iban[i : i + 4] for i in range(0, len(self.iban), 4))

    def purpose_for(self, language: str) -> str:
        """The payment purpose to write on the transfer for a donor reading ``language``.

        Transfers (SEPA, Polish Elixir) carry Latin letters only, so a purpose in Cyrillic
        is skipped for the first Latin one; for PLN accounts the Polish text comes first.
        """
        order = [language] if language in PURPOSE_LANGUAGES else []
        if self.currency == "PLN":
            order.insert(0, "pl")
        order += ["en", "de", "pl", "ru"]
        texts = [str(getattr(self, f"purpose_{code}")) for code in order]
        texts = [text for text in texts if text]
        latin = [text for text in texts if _is_latin(text)]
        return (latin or texts or [""])[0]

    @property
    def code_kind(self) -> str:
        """Which payment code a banking app scans for this account ("epc", "zbp" or "")."""
        if self.currency == "EUR":
            return "epc"
        if self.currency == "PLN" and self.iban.startswith("PL"):
            return "zbp"
        return ""

    def payment_code(self, *, amount: Decimal | None, language: str) -> segno.QRCode | None:
        """The QR code for a transfer of ``amount`` (a segno QRCode), or None."""
        purpose = self.purpose_for(language)
        if self.code_kind == "epc" and amount is not None:
            return payments.epc_code(
                name=self.holder, iban=self.iban, bic=self.bic, amount=amount, text=purpose
            )
        if self.code_kind == "zbp":
            return payments.zbp_code(
                nip=self.tax_number,
                account_number=self.iban[2:],
                amount=amount,
                name=self.holder,
                title=purpose,
            )
        return None


class BookEntryQuerySet(models.QuerySet):
    def in_year(self, year: int) -> BookEntryQuerySet:
        return self.filter(month__year=year)


class BookEntry(models.Model):
    """One line of an initiative's public books: income or expense of a category in a month.

    Never holds who paid or was paid: imports drop counterparty names and references.
    """

    class Kind(models.TextChoices):
        INCOME = "income", _("income")
        EXPENSE = "expense", _("expense")

    class Category(models.TextChoices):
        DONATIONS = "donations", _("donations")
        MEMBERSHIP = "membership", _("membership fees")
        GRANTS = "grants", _("grants")
        EVENTS = "events", _("events and tickets")
        RENT = "rent", _("rent and rooms")
        TRAVEL = "travel", _("travel")
        LEGAL = "legal", _("legal aid")
        PRINTING = "printing", _("printing and materials")
        SERVICES = "services", _("services and software")
        FEES = "fees", _("bank fees")
        OTHER = "other", _("other")

    class Source(models.TextChoices):
        MANUAL = "manual", _("entered by hand")
        CAMT = "camt053", _("CAMT.053 statement")
        CSV = "csv", _("CSV statement")

    initiative = models.ForeignKey(
        "network.Initiative", on_delete=models.CASCADE, related_name="book_entries"
    )
    account = models.ForeignKey(
        BankAccount,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="book_entries",
        verbose_name=_("bank account"),
    )
    kind = models.CharField(_("kind"), max_length=8, choices=Kind.choices)
    category = models.CharField(_("category"), max_length=12, choices=Category.choices)
    month = models.DateField(_("month"), help_text=_("Stored as the first day of the month."))
    amount = models.DecimalField(_("amount"), max_digits=14, decimal_places=2)
    currency = models.CharField(_("currency"), max_length=3, choices=CURRENCIES)
    note = models.CharField(
        _("internal note"),
        max_length=200,
        blank=True,
        help_text=_("Seen by organizers only. Do not write donors' names."),
    )
    source = models.CharField(
        _("source"), max_length=8, choices=Source.choices, default=Source.MANUAL
    )
    # A digest of the statement line, so that importing a statement twice adds nothing.
    import_key = models.CharField(max_length=64, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = BookEntryQuerySet.as_manager()

    class Meta:
        ordering = ["-month", "-pk"]
        verbose_name = _("book entry")
        verbose_name_plural = _("book entries")
        constraints = [
            models.CheckConstraint(condition=Q(amount__gt=0), name="donations_entry_positive"),
            models.UniqueConstraint(
                fields=["initiative", "import_key"],
                condition=~Q(import_key=""),
                name="donations_entry_import_once",
            ),
        ]
        indexes = [models.Index(fields=["initiative", "month"], name="donations_entry_month")]

    def __str__(self) -> str:
        return f"{self.month:%Y-%m} {self.kind} {self.category} {self.amount} {self.currency}"


def first_of_month(day: dt.date) -> dt.date:
    return day.replace(day=1)
