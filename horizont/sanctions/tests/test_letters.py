"""Letters to BAFA and the ministry, drafted from a case and exported as PDF."""

from __future__ import annotations

import io

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse
from pypdf import PdfReader

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
    text = _pdf_text(response.content)
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
    assert "gelistet in us-ofac-sdn, Stand 2021-07-07" in body
    assert "Hinweis: Die zitierte Listenfassung (us-ofac-sdn, Stand 2021-07-07) ist" in body


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
