"""Checks of bank details with schwifty, answered in the user's language."""

from __future__ import annotations

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from schwifty import BIC, IBAN, exceptions, registry

from horizont.donations.payments import AMOUNT_LIMITS, nip_is_valid


def _country_has_bank_registry(country_code: str) -> bool:
    try:
        return bool(registry.get_banks_by_country(country_code))
    except Exception:  # noqa: BLE001 - no registry for that country
        return False


def clean_iban(value: str) -> IBAN:
    """The IBAN, or a ValidationError that says what is wrong with it."""
    try:
        iban = IBAN(value, validate_bban=True)
    except exceptions.InvalidCountryCode:
        raise ValidationError(
            _("This IBAN starts with an unknown country code."), code="iban_country"
        ) from None
    except exceptions.InvalidLength:
        raise ValidationError(
            _("This IBAN has the wrong length for its country."), code="iban_length"
        ) from None
    except exceptions.InvalidChecksumDigits:
        raise ValidationError(
            _("The check digits of this IBAN are wrong: please compare it with your bank's."),
            code="iban_checksum",
        ) from None
    except exceptions.InvalidBBANChecksum:
        raise ValidationError(
            _("The national check digits inside this IBAN are wrong."), code="iban_bban"
        ) from None
    except exceptions.SchwiftyException:
        raise ValidationError(_("This is not a valid IBAN."), code="iban_invalid") from None
    if iban.bank is None and _country_has_bank_registry(iban.country_code):
        raise ValidationError(
            _("No bank with the bank code of this IBAN is registered in its country."),
            code="iban_bank",
        )
    return iban


def clean_bic(value: str, iban: IBAN | None) -> str:
    """The BIC (empty: the one the bank registry knows for the IBAN), checked against it."""
    value = value.replace(" ", "").upper()
    if not value:
        return str(iban.bic) if iban is not None and iban.bic is not None else ""
    try:
        bic = BIC(value)
    except exceptions.SchwiftyException:
        raise ValidationError(_("This is not a valid BIC."), code="bic_invalid") from None
    if iban is not None and bic.country_code != iban.country_code:
        raise ValidationError(
            _("This BIC belongs to a bank in %(bic_country)s, the IBAN to %(iban_country)s.")
            % {"bic_country": bic.country_code, "iban_country": iban.country_code},
            code="bic_country",
        )
    return str(bic)


def clean_nip(value: str) -> str:
    value = value.replace(" ", "").replace("-", "")
    if value and not nip_is_valid(value):
        raise ValidationError(
            _("A Polish tax number (NIP) has 10 digits with a valid check digit."), code="nip"
        )
    return value


def clean_amount(amount: Decimal, currency: str) -> Decimal:
    """An amount a payment code can carry: two decimals at most, within the standard's limits."""
    if not amount.is_finite() or amount != round(amount, 2):
        raise ValidationError(
            _("Please give the amount with at most two decimals, like 25.50."),
            code="amount_decimals",
        )
    low, high = AMOUNT_LIMITS.get(currency, (Decimal("0.01"), Decimal("999999999.99")))
    if not low <= amount <= high:
        raise ValidationError(
            _("The amount must be between %(low)s and %(high)s %(currency)s.")
            % {"low": low, "high": high, "currency": currency},
            code="amount_range",
        )
    return round(amount, 2)
