"""Letters to BAFA and the ministry, drafted from a case and exported as PDF."""

from __future__ import annotations

import io
import re

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse
from PIL import Image
from pypdf import PdfReader

from horizont.lib.images import clean_image
from horizont.sanctions import services
from horizont.sanctions.models import Evidence, Letter

pytestmark = pytest.mark.django_db


@pytest.fixture
def case(coordinator, real_lists):
    case = services.case_create(user=coordinator, title="Jet RA-02791", summary="Under repair.")
    services.case_subject_add(case=case, user=coordinator, entity_id="us-ofac-sdn:27197")
    services.evidence_add(
        case=case,
        user=coordinator,
        fields={"kind": Evidence.Kind.NOTE, "title": "Seen in hangar", "text": "Covered."},
    )
    return case


def _pdf_text(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


@pytest.mark.parametrize(
    ("template", "language", "addressee"),
    [
        ("bafa", "de", "Bundesamt für Wirtschaft und Ausfuhrkontrolle"),
        ("bafa", "en", "Federal Office for Economic Affairs and Export Control"),
        ("bmwk", "de", "Bundesministerium für Wirtschaft"),
        ("bmwk", "en", "Federal Ministry for Economic Affairs"),
    ],
)
def test_letter_is_prefilled_from_the_case(
    client, case, coordinator, template, language, addressee
):
    client.force_login(coordinator)
    response = client.post(
        reverse("sanctions:letter_new", args=[case.pk]),
        {"template": template, "language": language},
    )
    letter = Letter.objects.get()
    assert response.status_code == 302
    assert addressee in letter.addressee
    assert "RA-02791" in letter.body
    assert "140AE7" in letter.body
    assert "Seen in hangar" in letter.body
    assert "Under repair." in letter.body


def test_letter_pdf_contains_the_edited_addressee(client, case, coordinator):
    client.force_login(coordinator)
    client.post(
        reverse("sanctions:letter_new", args=[case.pk]), {"template": "bafa", "language": "de"}
    )
    letter = Letter.objects.get()
    client.post(
        reverse("sanctions:letter", args=[case.pk, letter.pk]),
        {
            "sender": "Initiative Beispiel e. V.",
            "addressee": "Bundesamt für Wirtschaft und Ausfuhrkontrolle\nReferat Ölembargo",
            "place_and_date": "Berlin, 1.7.2021",
            "subject": letter.subject,
            "body": letter.body,
        },
    )
    response = client.get(reverse("sanctions:letter_pdf", args=[case.pk, letter.pk]))
    assert response["Content-Type"] == "application/pdf"
    assert "attachment" in response["Content-Disposition"]
    assert response.content.startswith(b"%PDF")
    text = " ".join(_pdf_text(response.content).split())
    assert "Referat Ölembargo" in text
    assert "Bundesamt für Wirtschaft und Ausfuhrkontrolle" in text
    assert "RA-02791" in text


def test_outsider_cannot_draft_or_download_letters(client, case, coordinator, outsider):
    letter = services.letter_create(case=case, user=coordinator, template="bafa", language="en")
    client.force_login(outsider)
    response = client.post(
        reverse("sanctions:letter_new", args=[case.pk]), {"template": "bafa", "language": "de"}
    )
    assert response.status_code == 404
    assert client.get(reverse("sanctions:letter_pdf", args=[case.pk, letter.pk])).status_code == 404
    services.case_publish_set(case=case, user=coordinator, published=True)
    assert client.get(reverse("sanctions:letter_pdf", args=[case.pk, letter.pk])).status_code == 403
    assert Letter.objects.count() == 1


def test_bafa_letter_states_the_date_of_the_list_it_cites_and_its_age(client, case, coordinator):
    client.force_login(coordinator)
    client.post(
        reverse("sanctions:letter_new", args=[case.pk]), {"template": "bafa", "language": "de"}
    )
    body = Letter.objects.get().body
    sdn = "SDN-Liste des US-Finanzministeriums (OFAC)"
    assert f"gelistet in {sdn}, Stand 2021-07-07" in body
    assert f"Hinweis: Die zitierte Listenfassung ({sdn}, Stand 2021-07-07) ist" in body


def test_letter_with_characters_the_font_lacks_is_refused_with_a_message(client, case, coordinator):
    letter = services.letter_create(case=case, user=coordinator, template="bafa", language="en")
    letter.body = "Пригожин – № 5, €, «ok» and 漢字 🙂"
    letter.save()
    client.force_login(coordinator)
    url = reverse("sanctions:letter_pdf", args=[case.pk, letter.pk])
    response = client.get(url, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 302
    message = str(next(iter(get_messages(response.wsgi_request))))
    assert "漢 字 🙂" in message
    letter.body = "Пригожин – № 5, €, «ok», Ελλάδα"
    letter.save()
    text = _pdf_text(client.get(url).content)
    assert "Пригожин" in text and "№ 5" in text and "€" in text and "Ελλάδα" in text


def test_german_letter_names_lists_and_identifiers_in_german(client, case, coordinator):
    letter = services.letter_create(case=case, user=coordinator, template="bafa", language="de")
    assert "Mode-S-Transpondercode 140AE7" in letter.body
    assert "Seriennummer 258512" in letter.body
    for english in ("mode-s 140ae7", "serial", "us-ofac-sdn", "aircraft", "registration"):
        assert english not in letter.body.lower()


def test_letter_to_the_ministry_names_it_as_the_choice_does(case, coordinator):
    letter = services.letter_create(case=case, user=coordinator, template="bmwk", language="de")
    assert letter.addressee.startswith("Bundesministerium für Wirtschaft und Energie (BMWE)")
    assert "(BMWE)" in str(Letter.Template.BMWK.label)
    assert "BMWK" not in letter.addressee + str(Letter.Template.BMWK.label)


def test_sender_and_place_come_from_the_case(client, case, coordinator):
    client.force_login(coordinator)
    response = client.post(
        reverse("sanctions:case_edit", args=[case.pk]),
        {
            "title": case.title,
            "summary": case.summary,
            "sender": "Initiative Nordlicht e. V.\nHafenstraße 1\n20359 Hamburg",
            "sender_place": "Hamburg",
        },
    )
    assert response.status_code == 302
    case.refresh_from_db()
    letter = services.letter_create(case=case, user=coordinator, template="bafa", language="de")
    assert letter.sender.startswith("Initiative Nordlicht e. V.")
    assert letter.place_and_date.startswith("Hamburg, ")
    assert "Berlin" not in letter.place_and_date
    assert letter.body.rstrip().endswith("Initiative Nordlicht e. V.")


def test_without_a_place_the_letter_gives_only_the_date(case, coordinator):
    letter = services.letter_create(case=case, user=coordinator, template="bafa", language="de")
    assert "Berlin" not in letter.place_and_date
    assert letter.place_and_date[:2].isdigit()


def _text_positions(page):
    """(x, y from the top) in millimetres of each piece of text on a PDF page."""
    found = []
    height = float(page.mediabox.height)

    def visit(text, cm, tm, font_dict, font_size):
        if text.strip():
            x, y = tm[4] * cm[0] + cm[4], tm[5] * cm[3] + cm[5]
            found.append((text.strip(), x / 72 * 25.4, (height - y) / 72 * 25.4))

    page.extract_text(visitor_text=visit)
    return found


def test_pdf_address_block_is_din_5008_and_left_aligned(client, case, coordinator):
    case.sender = "Initiative Nordlicht e. V.\nHafenstraße 1\n20359 Hamburg"
    case.sender_place = "Hamburg"
    case.save()
    letter = services.letter_create(case=case, user=coordinator, template="bafa", language="de")
    client.force_login(coordinator)
    data = client.get(reverse("sanctions:letter_pdf", args=[case.pk, letter.pk])).content
    page = PdfReader(io.BytesIO(data)).pages[0]
    positions = _text_positions(page)
    address = [p for p in positions if p[0].startswith(("Bundesamt", "Frankfurter", "65760"))]
    assert len(address) == 3
    for _text, x, y in address:
        assert abs(x - 25) < 1  # the address field's text starts 25 mm from the edge
        assert 62 < y < 90  # inside the address zone of form B
    date = next(p for p in positions if p[0].startswith("Hamburg, "))
    assert abs(date[1] - 125) < 1 and date[2] < 100  # information block
    # No justified lines: fpdf2 stretches them with a word spacing ("Tw") other than 0.
    content = page.get_contents().get_data()
    assert not re.search(rb"[1-9][0-9.]* Tw", content)


def test_photos_of_the_evidence_follow_as_an_annex(client, case, coordinator):
    buffer = io.BytesIO()
    Image.new("RGB", (80, 60), "white").save(buffer, format="JPEG")
    services.evidence_add(
        case=case,
        user=coordinator,
        fields={"kind": Evidence.Kind.PHOTO, "title": "Tail number", "place": "Schönefeld"},
        photo=clean_image(buffer.getvalue()),
    )
    letter = services.letter_create(case=case, user=coordinator, template="bafa", language="de")
    assert "Anlagen: Fotos zu den Belegen 2" in letter.body
    client.force_login(coordinator)
    data = client.get(reverse("sanctions:letter_pdf", args=[case.pk, letter.pk])).content
    pages = PdfReader(io.BytesIO(data)).pages
    assert len(pages) == 2
    assert "Anlage – Beleg 2: Tail number (Schönefeld)" in pages[1].extract_text()
    assert pages[1].images


def test_save_and_download_puts_unsaved_edits_in_the_pdf(client, case, coordinator):
    letter = services.letter_create(case=case, user=coordinator, template="bafa", language="de")
    client.force_login(coordinator)
    url = reverse("sanctions:letter", args=[case.pk, letter.pk])
    fields = {
        "sender": "Initiative Nordlicht e. V.",
        "addressee": letter.addressee,
        "place_and_date": "Leipzig, 2.7.2021",
        "subject": letter.subject,
        "body": letter.body,
    }
    response = client.post(url, {**fields, "pdf": "1"})
    assert response["Content-Type"] == "application/pdf"
    assert "Leipzig, 2.7.2021" in _pdf_text(response.content)
    letter.refresh_from_db()
    assert letter.place_and_date == "Leipzig, 2.7.2021"
    # An invalid form gives no PDF and saves nothing.
    response = client.post(url, {**fields, "subject": "", "place_and_date": "Halle", "pdf": "1"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/html")
    letter.refresh_from_db()
    assert letter.place_and_date == "Leipzig, 2.7.2021"
