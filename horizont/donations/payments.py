"""Payment codes a banking app scans: the EPC "GiroCode" and the Polish ZBP transfer code.

Plain functions without Django, so they are tested on their own.

EPC069-12 (European Payments Council, "Quick Response Code: Guidelines to Enable Data
Capture for the Initiation of a SEPA Credit Transfer", version 002): built by segno's
``segno.helpers.make_epc_qr``; amounts 0.01 … 999999999.99 EUR with at most two
decimals. segno writes the amount without trailing zeros ("EUR25" for 25.00), which the
guidelines allow (their own example is "EUR12.3").

ZBP: Związek Banków Polskich, "Rekomendacja dotycząca standardu 2D (kodów QR) dla
płatności" (2013-12-03,
https://zbp.pl/getmedia/1d7fef90-d193-4a2d-a1c3-ffdf1b0e0649/2013-12-03_-_Rekomendacja_-_Standard_2D).
Nine fields separated by "|":

    recipient NIP (10 digits or empty) | country code "PL" | account number (26 digits, the
    NRB) | amount in grosze (exactly 6 digits; 000000 lets the payer type it) | recipient
    name (≤ 20 characters) | transfer title (≤ 32 characters) | three reserved fields
    (direct-debit id, Invoobill id, reserve — left empty)

e.g. ``|PL|92124012340001567890123456|001200|Odbiorca 1|Przelew ekspress|||`` (the
recommendation's "typ 2" example, also used by the tests of IonBazan/pl-qr-payment).
Six digits of grosze cap an amount at 9999.99 PLN.
"""

from __future__ import annotations

import io
from decimal import Decimal

import segno
import segno.helpers

EPC_MIN = Decimal("0.01")
EPC_MAX = Decimal("999999999.99")
EPC_NAME_MAX = 70
EPC_TEXT_MAX = 140
ZBP_MIN = Decimal("0.01")
ZBP_MAX = Decimal("9999.99")
ZBP_NAME_MAX = 20
ZBP_TITLE_MAX = 32

# The only currencies a code exists for, with the amounts each standard allows.
AMOUNT_LIMITS: dict[str, tuple[Decimal, Decimal]] = {
    "EUR": (EPC_MIN, EPC_MAX),
    "PLN": (ZBP_MIN, ZBP_MAX),
}


def _single_line(text: str) -> str:
    return " ".join(text.split())


def epc_code(*, name: str, iban: str, bic: str, amount: Decimal, text: str) -> segno.QRCode:
    """The EPC069-12 code of a SEPA credit transfer in euro (segno's helper)."""
    return segno.helpers.make_epc_qr(
        name=_single_line(name)[:EPC_NAME_MAX],
        iban=iban,
        amount=amount,
        text=_single_line(text)[:EPC_TEXT_MAX] or "-",
        bic=bic or None,
    )


def _zbp_clean(text: str, limit: int) -> str:
    return _single_line(text.replace("|", " "))[:limit].strip()


def zbp_payload(
    *, nip: str, account_number: str, amount: Decimal | None, name: str, title: str
) -> str:
    """The text of the ZBP transfer code (see the module docstring for the fields)."""
    digits = "".join(ch for ch in account_number if ch.isdigit())
    if len(digits) != 26:
        raise ValueError("a Polish account number (NRB) has 26 digits")
    if nip and (len(nip) != 10 or not nip.isdigit()):
        raise ValueError("a NIP has 10 digits")
    grosze = 0 if amount is None else int((amount * 100).to_integral_exact())
    if not 0 <= grosze <= 999999:
        raise ValueError("the ZBP code holds at most 9999.99 PLN")
    fields = [
        nip,
        "PL",
        digits,
        f"{grosze:06d}",
        _zbp_clean(name, ZBP_NAME_MAX),
        _zbp_clean(title, ZBP_TITLE_MAX),
        "",
        "",
        "",
    ]
    return "|".join(fields)


def zbp_code(
    *, nip: str, account_number: str, amount: Decimal | None, name: str, title: str
) -> segno.QRCode:
    """The ZBP transfer code as a QR code (UTF-8, error correction level M)."""
    payload = zbp_payload(
        nip=nip, account_number=account_number, amount=amount, name=name, title=title
    )
    return segno.make_qr(payload, error="m", encoding="utf-8")


def svg_bytes(code: segno.QRCode, *, title: str) -> bytes:
    """A stand-alone SVG document: dark modules on white, no styles (the site's CSP)."""
    buffer = io.BytesIO()
    code.save(buffer, kind="svg", scale=6, border=4, dark="#000", light="#fff", title=title)
    return buffer.getvalue()


def png_bytes(code: segno.QRCode, *, scale: int = 6) -> bytes:
    buffer = io.BytesIO()
    code.save(buffer, kind="png", scale=scale, border=4)
    return buffer.getvalue()


def nip_is_valid(nip: str) -> bool:
    """The check digit of a Polish tax number (NIP): weights 6 5 7 2 3 4 5 6 7, mod 11."""
    if len(nip) != 10 or not nip.isdigit():
        return False
    weights = (6, 5, 7, 2, 3, 4, 5, 6, 7)
    check = sum(int(d) * w for d, w in zip(nip, weights, strict=False)) % 11
    return check != 10 and check == int(nip[9])
