import datetime as dt
import io

import pytest
import time_machine
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from horizont.audit.models import AuditEntry
from horizont.petitions import services
from horizont.petitions.letters import package_content
from horizont.petitions.models import Signature
from horizont.petitions.tests.conftest import make_signature

pytestmark = pytest.mark.django_db


@pytest.fixture
def signers(petition):
    return [
        make_signature(petition, "Anna Named", "anna@example.org", city="Hamburg",
                       addressee_display="name_city", wants_updates=True, language="de"),
        make_signature(petition, "Boris Counted", "boris@example.org", city="Köln"),
        make_signature(petition, "Pending Person", "pending@example.org", status="pending"),
        make_signature(petition, "Voided Person", "void@example.org",
                       addressee_display="name_city", status="voided"),
    ]  # fmt: skip


def _png() -> bytes:
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (20, 10), "white").save(out, format="PNG")
    return out.getvalue()


def _pdf_text(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def test_package_holds_exactly_what_each_signer_allowed(client, petition, organizer, signers):
    addressee = petition.addressees.get()
    content = package_content(petition=petition, addressee=addressee)
    assert content["named"] == ["Anna Named, Hamburg, DE"]
    assert "1" in content["counted_only"]
    assert content["title"] == "Jet festsetzen"  # the addressee's language (German)

    client.force_login(organizer)
    response = client.get(reverse("petitions:package", args=[petition.pk, addressee.pk]))
    assert response["Content-Type"] == "application/pdf"
    text = _pdf_text(response.content)
    assert "Sehr geehrte Damen und Herren" in text
    assert "Anna Named, Hamburg, DE" in text
    assert "Boris" not in text and "Köln" not in text
    assert "Pending" not in text and "Voided" not in text
    assert "Insgesamt: 2 bestätigte Unterschriften" in text
    assert AuditEntry.objects.filter(action="petitions.delivery_package").count() == 1


def test_a_name_the_pdf_font_cannot_show_is_named_not_dropped(client, petition, organizer):
    make_signature(petition, "王小明", "wang@example.org", city="Berlin",
                   addressee_display="name_city")  # fmt: skip
    addressee = petition.addressees.get()
    client.force_login(organizer)
    response = client.get(
        reverse("petitions:package", args=[petition.pk, addressee.pk]), follow=True
    )
    assert response.redirect_chain[0][0] == reverse("petitions:deliver", args=[petition.pk])
    assert "王" in response.content.decode()
    assert not AuditEntry.objects.filter(action="petitions.delivery_package").exists()


def test_delivery_with_proof_reply_and_close_make_the_public_timeline(
    client, petition, organizer, signers
):
    client.force_login(organizer)
    addressee = petition.addressees.get()
    today = timezone.localdate()
    response = client.post(
        reverse("petitions:deliver", args=[petition.pk]),
        {
            "addressee": addressee.pk,
            "method": "post",
            "delivered_on": today.isoformat(),
            "note": "Registered letter",
            "files": [SimpleUploadedFile("receipt.png", _png(), "image/png")],
        },
    )
    assert response.status_code == 302
    petition.refresh_from_db()
    assert petition.status == "delivered" and petition.delivered_at is not None
    delivery = petition.deliveries.get()
    assert delivery.signature_count == 2 and delivery.attachments.count() == 1
    # The update went to the one confirmed signer who asked for news, in German.
    assert [m.to for m in mail.outbox] == [["anna@example.org"]]
    assert "Übergeben an Bundesamt für Wirtschaft" in mail.outbox[0].body
    assert "mit 2 Unterschriften" in mail.outbox[0].body

    response = client.post(
        reverse("petitions:reply", args=[petition.pk]),
        {"reply-addressee": addressee.pk, "reply-received_on": today.isoformat(),
         "reply-text": "Wir prüfen den Vorgang.", "reply-public": "on"},
    )  # fmt: skip
    assert response.status_code == 302
    petition.refresh_from_db()
    assert petition.status == "answered"
    client.post(reverse("petitions:close", args=[petition.pk]), {"note": "Thank you all."})
    petition.refresh_from_db()
    assert petition.status == "closed"

    client.logout()
    page = client.get(petition.get_absolute_url()).content.decode()
    assert (
        "Delivered to Bundesamt für Wirtschaft und Ausfuhrkontrolle (BAFA) with 2 signatures"
        in page
    )
    assert "Answer received from Bundesamt" in page and "Wir prüfen den Vorgang." in page
    assert "The petition is closed." in page
    feed = client.get(reverse("petitions:feed", args=[petition.pk]))
    assert feed["Content-Type"].startswith("application/atom+xml")
    assert "Answer received from" in feed.content.decode()


def test_a_reply_needs_text_or_a_file_and_saves_nothing_otherwise(client, petition, organizer):
    client.force_login(organizer)
    response = client.post(
        reverse("petitions:reply", args=[petition.pk]),
        {
            "reply-addressee": petition.addressees.get().pk,
            "reply-received_on": "2026-01-05",
            "reply-text": " ",
        },
    )
    assert response.status_code == 400
    assert "Paste the text of the reply or upload it." in response.content.decode()
    assert not petition.replies.exists()


def test_a_delivery_in_the_future_or_with_a_wrong_file_is_refused(client, petition, organizer):
    client.force_login(organizer)
    url = reverse("petitions:deliver", args=[petition.pk])
    base = {"addressee": petition.addressees.get().pk, "method": "email"}
    tomorrow = timezone.localdate() + dt.timedelta(days=1)
    assert client.post(url, dict(base, delivered_on=tomorrow.isoformat())).status_code == 400
    exe = SimpleUploadedFile("x.exe", b"MZ", "application/x-msdownload")
    today = timezone.localdate().isoformat()
    assert client.post(url, dict(base, delivered_on=today, files=[exe])).status_code == 400
    assert not petition.deliveries.exists()
    petition.refresh_from_db()
    assert petition.status == "open"


def test_organizer_voids_a_signature_with_a_reason_audited(client, petition, organizer, signers):
    client.force_login(organizer)
    anna = signers[0]
    url = reverse("petitions:void", args=[petition.pk, anna.pk])
    client.post(url, {"reason": ""})
    anna.refresh_from_db()
    assert anna.status == "confirmed"
    client.post(url, {"reason": "Same person signed twice"})
    anna.refresh_from_db()
    petition.refresh_from_db()
    assert anna.status == "voided" and anna.void_reason == "Same person signed twice"
    assert petition.signature_count == 1 == petition.signatures.confirmed().count()
    entry = AuditEntry.objects.get(action="petitions.void_signature")
    assert entry.actor == organizer and entry.details["reason"] == "Same person signed twice"


def test_export_needs_two_factor_and_is_audited(client, petition, organizer, signers):
    client.force_login(organizer)
    response = client.get(reverse("petitions:export", args=[petition.pk]))
    assert response.status_code == 200
    body = response.content.decode()
    assert "anna@example.org" in body and "Boris Counted" in body
    assert AuditEntry.objects.filter(action="petitions.export_signatures", actor=organizer).exists()


def test_signer_data_is_erased_90_days_after_delivery_keeping_the_counts(
    petition, organizer, signers
):
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        services.delivery_record(
            petition=petition,
            actor=organizer,
            addressee=petition.addressees.get(),
            method="email",
            delivered_on=start.date(),
        )
    with time_machine.travel(start + dt.timedelta(days=89), tick=False):
        assert services.signer_data_erase() == 0
    assert Signature.objects.get(pk=signers[0].pk).name == "Anna Named"
    with time_machine.travel(start + dt.timedelta(days=90, minutes=1), tick=False):
        assert services.signer_data_erase() == 1
    petition.refresh_from_db()
    assert petition.signature_count == 2 == petition.signatures.confirmed().count()
    for signature in petition.signatures.all():
        assert signature.name == signature.email == signature.city == ""
        assert signature.email_digest == "" and signature.user_id is None
    assert services.signer_data_erase() == 0


def test_retention_is_configurable(settings, petition, organizer, signers):
    settings.PETITIONS_SIGNER_RETENTION_DAYS = 10
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        services.delivery_record(
            petition=petition, actor=organizer, addressee=petition.addressees.get(),
            method="post", delivered_on=start.date(),
        )  # fmt: skip
    with time_machine.travel(start + dt.timedelta(days=11), tick=False):
        assert services.signer_data_erase() == 1


def test_update_mail_offers_a_working_unsubscribe_link(client, petition, organizer, signers):
    import re

    client.force_login(organizer)
    client.post(
        reverse("petitions:update", args=[petition.pk]),
        {"update-title": "We met the ministry", "update-body": "Details follow."},
    )
    assert [m.to for m in mail.outbox] == [["anna@example.org"]]
    path = re.search(r"https?://[^/\s]+(/\S+/unsubscribe/\S+/)", mail.outbox[0].body).group(1)
    client.logout()
    client.post(path)
    assert not Signature.objects.get(pk=signers[0].pk).wants_updates


def test_badge_is_an_image_and_the_page_offers_an_embed_snippet(client, petition, signers):
    badge = client.get(reverse("petitions:badge", args=[petition.pk]))
    assert badge["Content-Type"] == "image/svg+xml"
    assert "2 signatures of 100" in badge.content.decode()
    page = client.get(petition.get_absolute_url()).content.decode()
    assert "badge.svg" in page and "&lt;img" in page and "&lt;script" not in page


def test_member_export_and_erasure_keep_the_count(petition, member):
    from horizont.accounts.services import user_export_data

    services.signature_sign_member(
        petition=petition, user=member, public_display="name",
        addressee_display="name_city", wants_updates=False,
    )  # fmt: skip
    assert user_export_data(user=member)["petition_signatures"][0]["to_addressee"] == "name_city"
    from horizont.petitions.services import _erase_signatures

    _erase_signatures(member)
    petition.refresh_from_db()
    signature = petition.signatures.get()
    assert signature.user_id is None and signature.name == ""
    assert petition.signature_count == 1


def test_proof_photos_lose_their_metadata_and_fake_pdfs_are_refused(client, petition, organizer):
    from PIL import Image

    image = Image.new("RGB", (40, 30), "red")
    exif = Image.Exif()
    exif[0x010F] = "SpyCam"  # camera maker; GPS data would be stored the same way
    raw = io.BytesIO()
    image.save(raw, format="JPEG", exif=exif)
    assert b"SpyCam" in raw.getvalue()
    client.force_login(organizer)
    url = reverse("petitions:deliver", args=[petition.pk])
    base = {
        "addressee": petition.addressees.get().pk,
        "method": "in_person",
        "delivered_on": timezone.localdate().isoformat(),
    }
    fake = SimpleUploadedFile("receipt.pdf", b"<html>", "application/pdf")
    assert client.post(url, dict(base, files=[fake])).status_code == 400
    photo = SimpleUploadedFile("handover at the office.jpg", raw.getvalue(), "image/jpeg")
    assert client.post(url, dict(base, files=[photo])).status_code == 302
    attachment = petition.attachments.get()
    assert attachment.original_name == "handover at the office.jpg"
    assert "handover" not in attachment.file.name
    stored = attachment.file.open("rb").read()
    assert stored.startswith(b"\xff\xd8") and b"SpyCam" not in stored


def test_embed_snippet_escapes_the_title(client, petition):
    petition.texts.filter(language="en").update(title='Ground "it" <script>x</script>')
    page = client.get(petition.get_absolute_url() + "?lang=en").content.decode()
    snippet = page.split('id="embed-snippet"')[1].split("</textarea>")[0]
    # Shown as text: escaped once for the page, and the title escaped inside the snippet.
    assert "&amp;lt;script&amp;gt;" in snippet and "&amp;quot;it&amp;quot;" in snippet
    assert "<script" not in snippet
