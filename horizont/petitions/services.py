"""Workflows of petitions: creating, signing and confirming, voiding, delivering,
replies, updates to signers, exports and the clean-up of signer data.

The public count is exact by design: a signature's status and the petition's
``signature_count`` change in one transaction, the status with a conditional UPDATE
(only one request can move a row from pending to confirmed) and the count with ``F()``
(on PostgreSQL both in a single statement, see ``CONFIRM_AND_COUNT``).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import io
import logging
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.core.files.uploadedfile import UploadedFile
from django.core.mail import send_mail
from django.db import IntegrityError, connection, transaction
from django.db.models import F
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.crypto import get_random_string
from django.utils.translation import gettext_lazy as _

from horizont import tasks
from horizont.accounts.services import register_erasure, register_export
from horizont.audit.services import audit_record
from horizont.core import tokens
from horizont.core.links import site_base_url
from horizont.lib.csvsafe import SafeCsvWriter
from horizont.lib.ratelimit import hit
from horizont.petitions.models import (
    UNCONFIRMED_LIFETIME,
    Addressee,
    Attachment,
    Delivery,
    Petition,
    PetitionText,
    Reply,
    Signature,
    TimelineEntry,
)

logger = logging.getLogger(__name__)

CONFIRM_SALT = "horizont.petitions.confirm"
UNSUBSCRIBE_SALT = "horizont.petitions.unsubscribe"


class PetitionClosed(Exception):
    """The petition does not collect signatures (not open, or past its deadline)."""


class AlreadySigned(Exception):
    """This member has signed already."""


class DisposableAddress(Exception):
    """The e-mail address belongs to a throw-away mail service."""


class TooManyAttempts(Exception):
    """Too many signatures with this e-mail address in the rate-limit window."""


BadToken = tokens.BadToken  # a confirmation or unsubscribe link is forged, broken or expired


def _after_commit(fn: Any) -> None:
    """Mail only what was really saved (tests replace this to run ``fn`` at once)."""
    transaction.on_commit(fn)


# --- e-mail addresses --------------------------------------------------------------------

GMAIL_DOMAINS = {"gmail.com", "googlemail.com"}


def email_normalize(email: str) -> str:
    """One spelling per mailbox: lower case, no ``+tag``; Gmail also ignores dots."""
    local, _sep, domain = email.strip().lower().rpartition("@")
    local = local.split("+", 1)[0]
    if domain in GMAIL_DOMAINS:
        local, domain = local.replace(".", ""), "gmail.com"
    return f"{local}@{domain}"


def email_digest(email: str) -> str:
    """A keyed hash of the normalized address: finds duplicates without storing it in clear."""
    key = settings.SECRET_KEY.encode()
    return hmac.new(key, email_normalize(email).encode(), hashlib.sha256).hexdigest()


def email_is_disposable(email: str) -> bool:
    """True for addresses at a throw-away mail service (or a subdomain of one)."""
    from disposable_email_domains import blocklist

    domain = email.strip().lower().rpartition("@")[2]
    parts = domain.split(".")
    return any(".".join(parts[i:]) in blocklist for i in range(len(parts) - 1))


# --- petitions ---------------------------------------------------------------------------


def petition_create(
    *,
    initiative: Any,
    user: Any,
    language: str,
    title: str,
    text: str,
    goal: int,
    deadline: dt.datetime,
    case: Any = None,
    addressees: Iterable[dict[str, str]] = (),
) -> Petition:
    with transaction.atomic():
        petition = Petition.objects.create(
            initiative=initiative,
            case=case,
            default_language=language,
            goal=goal,
            deadline=deadline,
            created_by=user,
        )
        PetitionText.objects.create(petition=petition, language=language, title=title, text=text)
        for fields in addressees:
            Addressee.objects.create(petition=petition, **fields)
        audit_record(actor=user, action="petitions.create", target=petition)
    return petition


def petition_open(*, petition: Petition, actor: Any) -> Petition:
    """Publish a draft: it starts collecting signatures."""
    with transaction.atomic():
        petition = Petition.objects.select_for_update().get(pk=petition.pk)
        if petition.status != Petition.Status.DRAFT:
            return petition
        petition.status = Petition.Status.OPEN
        petition.save(update_fields=["status", "updated_at"])
        _timeline_add(petition, TimelineEntry.Kind.OPENED, "")
        audit_record(actor=actor, action="petitions.open", target=petition)
    return petition


def _timeline_add(
    petition: Petition, kind: str, title: str, body: str = "", count: int | None = None
) -> TimelineEntry:
    # ``title`` holds only what varies (an addressee, an organizer's headline); the
    # sentence around it is translated when shown, in the reader's language.
    return TimelineEntry.objects.create(
        petition=petition, kind=kind, title=title[:200], body=body, count=count
    )


# --- signing -----------------------------------------------------------------------------


def confirm_token(signature: Signature) -> str:
    return tokens.row_token(signature, salt=CONFIRM_SALT, key="s")


def unsubscribe_token(signature: Signature) -> str:
    return tokens.row_token(signature, salt=UNSUBSCRIBE_SALT, key="s")


def signature_from_token(token: str, *, purpose: str = "confirm") -> Signature:
    salt = CONFIRM_SALT if purpose == "confirm" else UNSUBSCRIBE_SALT
    max_age = UNCONFIRMED_LIFETIME.total_seconds() if purpose == "confirm" else None
    signatures = Signature.objects.select_related("petition", "petition__initiative")
    return tokens.row_from_token(signatures, token, salt=salt, key="s", max_age=max_age)


def _send_to_signer(signature: Signature, template: str, subject: Any, **context: Any) -> None:
    language = signature.language or settings.LANGUAGE_CODE
    with translation.override(language):
        petition = signature.petition
        text = petition.text_for(language)
        title = text.title if text else str(petition)
        base_url = context.pop("base_url", None) or site_base_url()
        context.update(
            {
                "signature": signature,
                "petition": petition,
                "title": title,
                "petition_url": base_url + petition.get_absolute_url(),
                "base_url": base_url,
            }
        )
        body = render_to_string(f"petitions/email/{template}.txt", context)
        send_mail(f"[Horizont] {subject}: {title}", body, None, [signature.email])


def _check_collecting(petition: Petition) -> None:
    if not petition.is_collecting():
        raise PetitionClosed


def signature_sign_member(
    *,
    petition: Petition,
    user: Any,
    public_display: str,
    addressee_display: str,
    wants_updates: bool,
    city: str = "",
    country: str = "",
) -> Signature:
    """A member signs with one click: confirmed at once (their address is verified)."""
    _check_collecting(petition)
    try:
        with transaction.atomic():
            signature = Signature.objects.create(
                petition=petition,
                user=user,
                name=user.public_name,
                email=user.email,
                email_digest=email_digest(user.email),
                city=city.strip(),
                country=country.strip().upper(),
                language=translation.get_language() or "",
                public_display=public_display,
                addressee_display=addressee_display,
                wants_updates=wants_updates,
                status=Signature.Status.CONFIRMED,
                confirmed_at=timezone.now(),
            )
            _count_change(petition, +1)
    except IntegrityError as exc:
        raise AlreadySigned from exc
    return signature


def signature_sign_guest(
    *,
    petition: Petition,
    name: str,
    email: str,
    country: str,
    city: str,
    public_display: str,
    addressee_display: str,
    wants_updates: bool,
    base_url: str,
) -> Signature | None:
    """A guest signs: a pending signature and a confirmation e-mail in their language.

    Someone who signed already gets an e-mail saying so; the page never tells whether an
    address has signed, so nobody can test whether a person signed.
    """
    _check_collecting(petition)
    if email_is_disposable(email):
        raise DisposableAddress
    digest = email_digest(email)
    limit, window = settings.HORIZONT_RATE_LIMITS.get("signature_email", (3, 3600))
    if not hit(cache, action="signature_email", who=digest, limit=limit, window=window):
        raise TooManyAttempts
    language = translation.get_language() or ""
    with transaction.atomic():
        existing = (
            Signature.objects.select_for_update()
            .filter(petition=petition, email_digest=digest)
            .first()
        )
        if existing is not None and existing.status != Signature.Status.PENDING:
            existing.language = language or existing.language
            _after_commit(
                lambda: _send_to_signer(
                    existing, "already_signed", _("You have already signed"), base_url=base_url
                )
            )
            return None
        signature = existing or Signature(petition=petition, email_digest=digest)
        signature.name = name.strip()
        signature.email = email.strip()
        signature.country = country.strip().upper()
        signature.city = city.strip()
        signature.language = language
        signature.public_display = public_display
        signature.addressee_display = addressee_display
        signature.wants_updates = wants_updates
        signature.created_at = timezone.now()
        signature.save()
        _after_commit(
            lambda: _send_to_signer(
                signature,
                "confirm",
                _("Please confirm your signature"),
                base_url=base_url,
                confirm_url=base_url
                + reverse("petitions:confirm", args=[confirm_token(signature)]),
            )
        )
    return signature


def _count_change(petition: Petition, delta: int) -> int:
    """Change the public count atomically; returns the new count (row locked until commit)."""
    Petition.objects.filter(pk=petition.pk).update(signature_count=F("signature_count") + delta)
    count = Petition.objects.values_list("signature_count", flat=True).get(pk=petition.pk)
    if delta > 0:
        _milestone_check(petition, count)
    return count


def _milestone_check(petition: Petition, count: int) -> None:
    reached = [m["count"] for m in petition.milestones()]
    if count in reached:
        with transaction.atomic():  # a savepoint: a second void-and-sign may hit it again
            try:
                _timeline_add(petition, TimelineEntry.Kind.MILESTONE, "", count=count)
            except IntegrityError:
                pass


# On PostgreSQL one statement confirms the signature and counts it: the petition row is
# locked only while the server runs it, never across a round trip to this process, so
# confirmations of one petition queue far less under load (benchmarks/petitions_signatures).
CONFIRM_AND_COUNT = """
WITH confirmed AS (
    UPDATE petitions_signature SET status = %s, confirmed_at = %s
    WHERE id = %s AND status = %s RETURNING petition_id
)
UPDATE petitions_petition SET signature_count = signature_count + 1
WHERE id IN (SELECT petition_id FROM confirmed)
RETURNING signature_count
"""


def signature_confirm(*, signature: Signature) -> bool:
    """Confirm a pending signature; False when it was confirmed (or voided) before."""
    petition = signature.petition
    _check_collecting(petition)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(
                CONFIRM_AND_COUNT,
                [Signature.Status.CONFIRMED, timezone.now(), signature.pk,
                 Signature.Status.PENDING],
            )  # fmt: skip
            row = cursor.fetchone()
        if row is not None:
            _milestone_check(petition, int(row[0]))
        return row is not None
    with transaction.atomic():
        changed = Signature.objects.filter(pk=signature.pk, status=Signature.Status.PENDING).update(
            status=Signature.Status.CONFIRMED, confirmed_at=timezone.now()
        )
        if changed:
            _count_change(petition, +1)
    return bool(changed)


def signature_void(*, signature: Signature, actor: Any, reason: str) -> Signature:
    """An organizer voids a signature (e.g. an obvious fake); audited, count kept exact."""
    with transaction.atomic():
        was_confirmed = Signature.objects.filter(
            pk=signature.pk, status=Signature.Status.CONFIRMED
        ).update(status=Signature.Status.VOIDED, voided_at=timezone.now(), void_reason=reason)
        if not was_confirmed:
            Signature.objects.filter(pk=signature.pk, status=Signature.Status.PENDING).update(
                status=Signature.Status.VOIDED, voided_at=timezone.now(), void_reason=reason
            )
        else:
            _count_change(signature.petition, -1)
        audit_record(
            actor=actor,
            action="petitions.void_signature",
            target=signature.petition,
            details={"signature": signature.pk, "reason": reason},
        )
    signature.refresh_from_db()
    return signature


def signature_unsubscribe(*, signature: Signature) -> None:
    Signature.objects.filter(pk=signature.pk).update(wants_updates=False)


# --- delivery, replies, updates ---------------------------------------------------------


def _attach(petition: Petition, files: Iterable[UploadedFile], **owner: Any) -> list[Attachment]:
    attachments = []
    for upload in files:
        original = upload.name or "file"
        attachment = Attachment(
            petition=petition,
            original_name=original[:200],
            content_type=(upload.content_type or "application/octet-stream")[:100],
            **owner,
        )
        # Stored under a random name: file names can say more than they should.
        suffix = Path(original).suffix.lower()[:10]
        attachment.file.save(f"{get_random_string(24).lower()}{suffix}", upload, save=False)
        attachment.save()
        attachments.append(attachment)
    return attachments


def delivery_package_make(*, petition: Petition, addressee: Addressee, actor: Any) -> bytes:
    """The delivery package PDF for one addressee; audited, since it holds signers' names."""
    from horizont.petitions.letters import package_pdf

    pdf = package_pdf(petition=petition, addressee=addressee)
    audit_record(
        actor=actor,
        action="petitions.delivery_package",
        target=petition,
        details={"addressee": addressee.institution},
    )
    return pdf


def delivery_record(
    *,
    petition: Petition,
    actor: Any,
    addressee: Addressee,
    method: str,
    delivered_on: dt.date,
    note: str = "",
    files: Iterable[UploadedFile] = (),
) -> Delivery:
    with transaction.atomic():
        petition = Petition.objects.select_for_update().get(pk=petition.pk)
        delivery = Delivery.objects.create(
            petition=petition,
            addressee=addressee,
            method=method,
            delivered_on=delivered_on,
            note=note,
            signature_count=petition.signature_count,
            created_by=actor,
        )
        _attach(petition, files, delivery=delivery)
        if petition.status in (Petition.Status.DRAFT, Petition.Status.OPEN):
            petition.status = Petition.Status.DELIVERED
        if petition.delivered_at is None:
            petition.delivered_at = timezone.now()
        petition.save(update_fields=["status", "delivered_at", "updated_at"])
        entry = _timeline_add(
            petition,
            TimelineEntry.Kind.DELIVERED,
            addressee.institution,
            count=petition.signature_count,
        )
        audit_record(actor=actor, action="petitions.delivery", target=petition)
        _notify_after_commit(petition, entry)
    return delivery


def reply_record(
    *,
    petition: Petition,
    actor: Any,
    addressee: Addressee,
    received_on: dt.date,
    text: str = "",
    public: bool = True,
    files: Iterable[UploadedFile] = (),
) -> Reply:
    with transaction.atomic():
        petition = Petition.objects.select_for_update().get(pk=petition.pk)
        reply = Reply.objects.create(
            petition=petition,
            addressee=addressee,
            received_on=received_on,
            text=text,
            public=public,
            created_by=actor,
        )
        _attach(petition, files, reply=reply)
        if petition.status != Petition.Status.CLOSED:
            petition.status = Petition.Status.ANSWERED
            petition.save(update_fields=["status", "updated_at"])
        entry = _timeline_add(
            petition,
            TimelineEntry.Kind.ANSWERED,
            addressee.institution,
            body=text if public else "",
        )
        audit_record(actor=actor, action="petitions.reply", target=petition)
        _notify_after_commit(petition, entry)
    return reply


def petition_close(*, petition: Petition, actor: Any, note: str = "") -> Petition:
    with transaction.atomic():
        petition = Petition.objects.select_for_update().get(pk=petition.pk)
        petition.status = Petition.Status.CLOSED
        petition.save(update_fields=["status", "updated_at"])
        entry = _timeline_add(petition, TimelineEntry.Kind.CLOSED, "", body=note)
        audit_record(actor=actor, action="petitions.close", target=petition)
        _notify_after_commit(petition, entry)
    return petition


def update_post(*, petition: Petition, actor: Any, title: str, body: str) -> TimelineEntry:
    with transaction.atomic():
        entry = _timeline_add(petition, TimelineEntry.Kind.UPDATE, title, body=body)
        audit_record(actor=actor, action="petitions.update", target=petition)
        _notify_after_commit(petition, entry)
    return entry


def _notify_after_commit(petition: Petition, entry: TimelineEntry) -> None:
    def start() -> None:
        tasks.enqueue(
            send_petition_update,
            label=f"petition {petition.pk}: {entry.title}",
            entry_id=entry.pk,
            base_url=site_base_url(),
        )

    _after_commit(start)


@tasks.task
def send_petition_update(progress: Any, *, entry_id: int, base_url: str) -> dict[str, int]:
    """E-mail a timeline entry to the confirmed signers who asked for updates."""
    entry = TimelineEntry.objects.select_related("petition").get(pk=entry_id)
    signers = list(
        entry.petition.signatures.confirmed().filter(wants_updates=True).exclude(email="")
    )
    for done, signature in enumerate(signers, start=1):
        _send_to_signer(
            signature,
            "update",
            _("News about the petition"),
            base_url=base_url,
            entry=entry,
            unsubscribe_url=base_url
            + reverse("petitions:unsubscribe", args=[unsubscribe_token(signature)]),
        )
        progress.update(done, len(signers))
    return {"sent": len(signers)}


# --- exports and clean-up ----------------------------------------------------------------


def signatures_export_csv(*, petition: Petition, actor: Any) -> str:
    """All signatures with contact data, for organizers with two-factor; audited."""
    out = io.StringIO()
    writer = SafeCsvWriter(out)
    writer.writerow(
        ["id", "status", "name", "email", "city", "country", "shown publicly",
         "to addressee", "updates", "signed at", "confirmed at", "void reason"]
    )  # fmt: skip
    for s in petition.signatures.order_by("pk"):
        writer.writerow(
            [
                s.pk, s.status, s.name, s.email, s.city, s.country, s.public_display,
                s.addressee_display, s.wants_updates, s.created_at.isoformat(),
                s.confirmed_at.isoformat() if s.confirmed_at else "", s.void_reason,
            ]
        )  # fmt: skip
    audit_record(
        actor=actor,
        action="petitions.export_signatures",
        target=petition,
        details={"rows": petition.signatures.count()},
    )
    return out.getvalue()


def signatures_expire_unconfirmed(*, now: dt.datetime | None = None) -> int:
    """Delete signatures nobody confirmed within seven days (they never counted)."""
    limit = (now or timezone.now()) - UNCONFIRMED_LIFETIME
    deleted, _detail = Signature.objects.filter(
        status=Signature.Status.PENDING, created_at__lt=limit
    ).delete()
    return deleted


def signer_data_erase(*, now: dt.datetime | None = None) -> int:
    """Erase names, addresses and cities of signers ``PETITIONS_SIGNER_RETENTION_DAYS``
    after delivery. The rows stay (without personal data), so every count stays."""
    now = now or timezone.now()
    days = getattr(settings, "PETITIONS_SIGNER_RETENTION_DAYS", 90)
    due = Petition.objects.filter(
        delivered_at__lte=now - dt.timedelta(days=days), signers_erased_at__isnull=True
    )
    erased = 0
    for petition in due:
        with transaction.atomic():
            Signature.objects.filter(petition=petition).update(
                name="", email="", email_digest="", city="", user=None, wants_updates=False
            )
            petition.signers_erased_at = now
            petition.save(update_fields=["signers_erased_at"])
            audit_record(actor=None, action="petitions.erase_signers", target=petition)
        erased += 1
    return erased


@tasks.task
def petitions_clean_up(progress: Any, **arguments: Any) -> dict[str, int]:
    """Periodic task: expire unconfirmed signatures and erase signer data after delivery."""
    return {"expired": signatures_expire_unconfirmed(), "erased": signer_data_erase()}


@register_export
def _export_signatures(user: Any) -> dict[str, Any]:
    rows = Signature.objects.filter(user=user).select_related("petition")
    return {
        "petition_signatures": [
            {
                "petition": str(s.petition),
                "status": s.status,
                "shown_publicly": s.public_display,
                "to_addressee": s.addressee_display,
                "signed_at": s.created_at.isoformat(),
            }
            for s in rows
        ]
    }


@register_erasure
def _erase_signatures(user: Any) -> None:
    # The signature keeps counting; who signed is forgotten.
    Signature.objects.filter(user=user).update(
        user=None, name="", email="", email_digest="", city="", wants_updates=False
    )
