"""The delivery package: cover letter, petition text and signatures, as one PDF.

The package is written in the addressee's language, whatever language the organizer
reads the site in, so its texts live here rather than in the translation catalogue
(as the sanctions app does for its letters, whose PDF set-up it shares).
"""

from __future__ import annotations

from typing import Any

from django.utils import timezone

from horizont.petitions.models import Addressee, Petition
from horizont.sanctions.letters import LetterFontError, letter_document, letter_missing_characters

TEXTS: dict[str, dict[str, str]] = {
    "de": {
        "subject": "Übergabe der Petition „{title}“",
        "opening": "Sehr geehrte Damen und Herren,",
        "body": (
            "im Namen der Initiative {initiative} übergeben wir Ihnen die Petition „{title}“. "
            "Sie wurde von {count} Personen unterzeichnet; jede Unterschrift wurde per "
            "E-Mail bestätigt. Auf den folgenden Seiten finden Sie den Text der Petition und "
            "die Liste der Unterschriften. Jede Person hat selbst entschieden, ob ihr Name "
            "und Wohnort an Sie weitergegeben werden; die übrigen Unterschriften sind nur "
            "gezählt."
        ),
        "request": "Wir bitten Sie um eine Antwort und stehen für Rückfragen gern zur Verfügung.",
        "closing": "Mit freundlichen Grüßen",
        "signatures": "Unterschriften",
        "counted_only": "Weitere {count} Unterschriften ohne Namensnennung (nur gezählt).",
        "total": "Insgesamt: {count} bestätigte Unterschriften, Stand {date}.",
        "date": "%d.%m.%Y",
    },
    "en": {
        "subject": "Submission of the petition “{title}”",
        "opening": "Dear Sir or Madam,",
        "body": (
            "on behalf of the initiative {initiative} we hand over to you the petition "
            "“{title}”. It was signed by {count} people; every signature was confirmed by "
            "e-mail. The following pages contain the text of the petition and the list of "
            "signatures. Each signer decided whether their name and city are passed on to "
            "you; the other signatures are counted only."
        ),
        "request": "We ask you for a reply and are glad to answer any questions.",
        "closing": "Yours faithfully,",
        "signatures": "Signatures",
        "counted_only": "A further {count} signatures without names (counted only).",
        "total": "In total: {count} confirmed signatures, as of {date}.",
        "date": "%d %B %Y",
    },
    "ru": {
        "subject": "Передача петиции «{title}»",
        "opening": "Уважаемые дамы и господа!",
        "body": (
            "От имени инициативы {initiative} передаём вам петицию «{title}». Её подписали "
            "{count} человек; каждая подпись подтверждена по электронной почте. На следующих "
            "страницах — текст петиции и список подписей. Каждый подписавший сам решил, "
            "передавать ли вам своё имя и город; остальные подписи только подсчитаны."
        ),
        "request": "Просим вас ответить на петицию; мы готовы ответить на ваши вопросы.",
        "closing": "С уважением,",
        "signatures": "Подписи",
        "counted_only": "Ещё {count} подписей без имён (только подсчитаны).",
        "total": "Всего: {count} подтверждённых подписей на {date}.",
        "date": "%d.%m.%Y",
    },
    "pl": {
        "subject": "Przekazanie petycji „{title}”",
        "opening": "Szanowni Państwo,",
        "body": (
            "w imieniu inicjatywy {initiative} przekazujemy Państwu petycję „{title}”. "
            "Podpisało ją {count} osób; każdy podpis został potwierdzony e-mailem. Na "
            "kolejnych stronach znajdują się treść petycji i lista podpisów. Każda osoba "
            "sama zdecydowała, czy jej imię i nazwisko oraz miejscowość zostaną Państwu "
            "przekazane; pozostałe podpisy są tylko policzone."
        ),
        "request": "Prosimy o odpowiedź i chętnie odpowiemy na pytania.",
        "closing": "Z poważaniem",
        "signatures": "Podpisy",
        "counted_only": "Kolejne {count} podpisów bez nazwisk (tylko policzone).",
        "total": "Łącznie: {count} potwierdzonych podpisów, stan na {date}.",
        "date": "%d.%m.%Y",
    },
}


def package_content(*, petition: Petition, addressee: Addressee) -> dict[str, Any]:
    """What the package says, before layout: testable without reading a PDF."""
    language = addressee.language if addressee.language in TEXTS else "en"
    words = TEXTS[language]
    text = petition.text_for(addressee.language)
    title = text.title if text else str(petition)
    signatures = petition.signatures.confirmed().order_by("confirmed_at", "pk")
    named: list[str] = []
    counted_only = 0
    for signature in signatures.iterator(chunk_size=2000):
        label = signature.addressee_label()
        if label:
            named.append(label)
        else:
            counted_only += 1
    total = len(named) + counted_only
    date = timezone.localdate().strftime(words["date"])
    recipient = "\n".join(
        p for p in (addressee.name, addressee.institution, addressee.postal_address) if p
    )
    return {
        "language": text.language if text else language,
        "recipient": recipient,
        "sender": petition.initiative.name,
        "date": date,
        "subject": words["subject"].format(title=title),
        "letter": "\n\n".join(
            [
                words["opening"],
                words["body"].format(initiative=petition.initiative.name, title=title, count=total),
                words["request"],
                f"{words['closing']}\n{petition.initiative.name}",
            ]
        ),
        "title": title,
        "text": text.text if text else "",
        "signatures_heading": words["signatures"],
        "named": named,
        "counted_only": words["counted_only"].format(count=counted_only) if counted_only else "",
        "total": words["total"].format(count=total, date=date),
    }


def package_pdf(*, petition: Petition, addressee: Addressee) -> bytes:
    """The cover letter, the petition text and the signatures as each signer allowed.

    Raises :class:`LetterFontError` when a character (a signer's name in a script the
    embedded font lacks, say) cannot be shown, rather than dropping it silently.
    """
    content = package_content(petition=petition, addressee=addressee)
    texts = [value for value in content.values() if isinstance(value, str)]
    missing = letter_missing_characters(*texts, *content["named"])
    if missing:
        raise LetterFontError(missing)
    pdf = letter_document(title=content["subject"], language=addressee.language)
    width = pdf.w - pdf.l_margin - pdf.r_margin
    pdf.add_page()
    pdf.set_font("DejaVu", "", 8)
    pdf.multi_cell(width, 4, content["sender"])
    pdf.ln(4)
    pdf.set_font("DejaVu", "", 11)
    pdf.multi_cell(width * 0.6, 5.5, content["recipient"])
    pdf.ln(8)
    pdf.multi_cell(width, 5.5, content["date"], align="R")
    pdf.ln(4)
    pdf.set_font("DejaVu", "B", 11)
    pdf.multi_cell(width, 5.5, content["subject"])
    pdf.ln(4)
    pdf.set_font("DejaVu", "", 11)
    pdf.multi_cell(width, 5.5, content["letter"])

    pdf.add_page()
    pdf.set_font("DejaVu", "B", 14)
    pdf.multi_cell(width, 7, content["title"])
    pdf.ln(4)
    pdf.set_font("DejaVu", "", 11)
    pdf.multi_cell(width, 5.5, content["text"])

    pdf.add_page()
    pdf.set_font("DejaVu", "B", 14)
    pdf.multi_cell(width, 7, content["signatures_heading"])
    pdf.ln(3)
    pdf.set_font("DejaVu", "", 10)
    for number, label in enumerate(content["named"], start=1):
        pdf.multi_cell(width, 5, f"{number}. {label}")
    if content["counted_only"]:
        pdf.ln(3)
        pdf.multi_cell(width, 5, content["counted_only"])
    pdf.ln(3)
    pdf.set_font("DejaVu", "B", 10)
    pdf.multi_cell(width, 5, content["total"])
    return bytes(pdf.output())
