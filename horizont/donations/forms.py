from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.dates import MONTHS
from django.utils.translation import gettext_lazy as _

from horizont.donations.models import CURRENCIES, BankAccount, BookEntry
from horizont.donations.validation import clean_amount, clean_bic, clean_iban, clean_nip

MAX_STATEMENT_BYTES = 5 * 1024 * 1024


class BankAccountForm(forms.ModelForm):
    class Meta:
        model = BankAccount
        fields = [
            "holder",
            "address",
            "iban",
            "bic",
            "bank_name",
            "currency",
            "tax_number",
            "purpose_ru",
            "purpose_en",
            "purpose_de",
            "purpose_pl",
            "is_active",
            "position",
        ]

    def clean_iban(self) -> str:
        return str(clean_iban(self.cleaned_data["iban"]).compact)

    def clean_tax_number(self) -> str:
        return clean_nip(self.cleaned_data.get("tax_number", ""))

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        iban_text = data.get("iban")
        iban = clean_iban(iban_text) if iban_text else None
        try:
            data["bic"] = clean_bic(data.get("bic", ""), iban)
        except ValidationError as error:
            self.add_error("bic", error)
        if iban is not None and not data.get("bank_name") and iban.bank_name:
            data["bank_name"] = iban.bank_name
        if not any(data.get(f"purpose_{code}") for code in ("en", "de", "pl")):
            self.add_error(
                "purpose_en",
                _(
                    "Please give the payment purpose in English, German or Polish: "
                    "bank transfers carry Latin letters only."
                ),
            )
        if data.get("tax_number") and data.get("currency") != "PLN":
            self.add_error("tax_number", _("The NIP is used only for accounts in PLN."))
        return data


class AmountForm(forms.Form):
    """The amount a donor chooses; the code is redrawn by submitting it (GET)."""

    account = forms.IntegerField(widget=forms.HiddenInput)
    amount = forms.DecimalField(
        label=_("Amount"),
        max_digits=15,
        min_value=Decimal("0"),
        # Donors type the amount the way their language writes it ("25,50" in German).
        localize=True,
        widget=forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off", "size": 10}),
    )

    def __init__(self, *args: Any, currency: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.currency = currency
        self.fields["amount"].label = _("Amount in %(currency)s") % {"currency": currency}

    def clean_amount(self) -> Decimal:
        return clean_amount(self.cleaned_data["amount"], self.currency)


class BookEntryForm(forms.ModelForm):
    year = forms.IntegerField(label=_("Year"), min_value=2000, max_value=2100)
    month_number = forms.TypedChoiceField(
        label=_("Month"), choices=sorted(MONTHS.items()), coerce=int
    )

    class Meta:
        model = BookEntry
        fields = ["kind", "category", "amount", "currency", "account", "note"]

    def __init__(self, *args: Any, initiative: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["account"].queryset = initiative.bank_accounts.all()
        self.fields["amount"].min_value = Decimal("0.01")
        month = self.instance.month if self.instance.pk else dt.date.today()
        self.fields["year"].initial = month.year
        self.fields["month_number"].initial = month.month
        self.order_fields(["kind", "category", "year", "month_number", "amount", "currency"])

    def clean_amount(self) -> Decimal:
        amount = self.cleaned_data["amount"]
        if amount is not None and amount <= 0:
            raise ValidationError(_("The amount must be more than zero."))
        return amount

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if data.get("year") and data.get("month_number"):
            self.instance.month = dt.date(data["year"], data["month_number"], 1)
        return data


class StatementImportForm(forms.Form):
    account = forms.ModelChoiceField(
        label=_("Bank account"), queryset=BankAccount.objects.none(), required=False
    )
    currency = forms.ChoiceField(
        label=_("Currency where the file names none"), choices=CURRENCIES, initial="EUR"
    )
    statement = forms.FileField(
        label=_("Statement file"),
        help_text=_("CAMT.053 (XML) or CSV with the columns date, amount and currency."),
    )

    def __init__(self, *args: Any, initiative: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["account"].queryset = initiative.bank_accounts.all()

    def clean_statement(self) -> Any:
        upload = self.cleaned_data["statement"]
        if upload.size > MAX_STATEMENT_BYTES:
            raise ValidationError(_("The file is larger than 5 MB."))
        return upload


class YearForm(forms.Form):
    year = forms.IntegerField(min_value=2000, max_value=2100, required=False)
