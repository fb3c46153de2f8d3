"""Letters to authorities drafted from a case, and their PDF.

The letter is written in its own language (German or English), whatever language the
person drafting it reads the site in, so its texts live here rather than in the
translation catalogue. Everything is editable before the PDF is made.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

from django.conf import settings
from django.utils import timezone

from horizont.sanctions.models import Case, Letter
from horizont.screening.store import version_date

ADDRESSEES = {
    ("bafa", "de"): (
        "Bundesamt für Wirtschaft und Ausfuhrkontrolle (BAFA)\n"
        "Frankfurter Straße 29–35\n65760 Eschborn\nDeutschland"
    ),
    ("bafa", "en"): (
        "Federal Office for Economic Affairs and Export Control (BAFA)\n"
        "Frankfurter Straße 29–35\n65760 Eschborn\nGermany"
    ),
    # The template key stays "bmwk"; the ministry is called BMWE since May 2025.
    ("bmwk", "de"): (
        "Bundesministerium für Wirtschaft und Energie (BMWE)\n"
        "Scharnhorststraße 34–37\n10115 Berlin\nDeutschland"
    ),
    ("bmwk", "en"): (
        "Federal Ministry for Economic Affairs and Energy (BMWE)\n"
        "Scharnhorststraße 34–37\n10115 Berlin\nGermany"
    ),
}

# Names of the lists and of identifier types, in the letter's own language (the screening
# engine's ids such as "us-ofac-sdn" or "mode-s" never reach a letter).
LIST_NAMES = {
    "de": {
        "us-ofac-sdn": "SDN-Liste des US-Finanzministeriums (OFAC)",
        "us-ofac-cons": "Konsolidierte Liste des US-Finanzministeriums (OFAC, ohne SDN)",
        "eu-fsf": "Konsolidierte Finanzsanktionsliste der EU",
        "un-sc-consolidated": "Konsolidierte Sanktionsliste des UN-Sicherheitsrats",
        "uk-hmt-consolidated": "Konsolidierte Sanktionsliste des Vereinigten Königreichs (OFSI)",
        "opensanctions": "OpenSanctions",
    },
    "en": {
        "us-ofac-sdn": "US Treasury SDN list (OFAC)",
        "us-ofac-cons": "US Treasury consolidated non-SDN list (OFAC)",
        "eu-fsf": "EU consolidated financial sanctions list",
        "un-sc-consolidated": "UN Security Council consolidated list",
        "uk-hmt-consolidated": "UK consolidated sanctions list (OFSI)",
        "opensanctions": "OpenSanctions",
    },
}

ID_WORDS = {
    "de": {
        "passport": "Reisepass",
        "national-id": "Personalausweis",
        "tax-id": "Steuernummer",
        "registration": "Registernummer",
        "imo": "IMO-Nummer",
        "mmsi": "MMSI",
        "aircraft-registration": "Luftfahrzeugkennzeichen",
        "serial": "Seriennummer",
        "mode-s": "Mode-S-Transpondercode",
        "swift-bic": "SWIFT/BIC",
        "email": "E-Mail",
        "website": "Website",
        "other": "sonstige Kennung",
    },
    "en": {
        "passport": "passport",
        "national-id": "national ID",
        "tax-id": "tax number",
        "registration": "registration number",
        "imo": "IMO number",
        "mmsi": "MMSI",
        "aircraft-registration": "aircraft registration",
        "serial": "serial number",
        "mode-s": "Mode S transponder code",
        "swift-bic": "SWIFT/BIC",
        "email": "e-mail",
        "website": "website",
        "other": "other identifier",
    },
}

SCHEMA_WORDS = {
    "de": {
        "person": "Person",
        "organization": "Organisation/Unternehmen",
        "vessel": "Schiff",
        "aircraft": "Luftfahrzeug",
    },
    "en": {
        "person": "person",
        "organization": "organization/company",
        "vessel": "vessel",
        "aircraft": "aircraft",
    },
}

TEXTS = {
    "de": {
        "subject": "Hinweis auf einen möglichen Verstoß gegen Sanktionsvorschriften: {title}",
        "opening": "Sehr geehrte Damen und Herren,",
        "intro_bafa": (
            "wir möchten Sie auf einen Sachverhalt hinweisen, der nach unserer Kenntnis einen "
            "Verstoß gegen Embargo- und Sanktionsvorschriften darstellen könnte, und bitten Sie, "
            "ihn im Rahmen Ihrer Zuständigkeit zu prüfen."
        ),
        "intro_bmwk": (
            "wir wenden uns an Sie wegen eines Sachverhalts, der nach unserer Kenntnis einen "
            "Verstoß gegen Sanktionsvorschriften darstellen könnte, und bitten das Ministerium, "
            "sich im Rahmen seiner Zuständigkeit für die Durchsetzung der Sanktionen einzusetzen."
        ),
        "facts": "Sachverhalt",
        "subjects": "Betroffene gelistete Personen, Unternehmen, Schiffe oder Luftfahrzeuge",
        "listed": "gelistet in {list}, Stand {version}",
        "stale": (
            "Hinweis: Die zitierte Listenfassung ({list}, Stand {version}) ist {age} Tage alt; "
            "bitte gleichen Sie die Angaben mit der aktuellen Fassung ab."
        ),
        "identifiers": "Kennungen",
        "evidence": "Belege",
        "no_evidence": "(noch keine Belege erfasst)",
        "request_bafa": (
            "Wir bitten Sie, den Sachverhalt zu prüfen, gegebenenfalls die erforderlichen "
            "Maßnahmen zu ergreifen und uns, soweit rechtlich möglich, über das Ergebnis zu "
            "unterrichten. Für Rückfragen stehen wir gern zur Verfügung."
        ),
        "request_bmwk": (
            "Wir bitten Sie, den Hinweis an die zuständigen Stellen weiterzuleiten und uns "
            "mitzuteilen, welche Schritte unternommen werden. Für Rückfragen stehen wir gern "
            "zur Verfügung."
        ),
        "closing": "Mit freundlichen Grüßen",
        "annex": "Anlage",
        "annexes": "Anlagen: Fotos zu den Belegen {numbers}",
        "evidence_number": "Beleg {number}",
    },
    "en": {
        "subject": "Report of a possible breach of sanctions: {title}",
        "opening": "Dear Sir or Madam,",
        "intro_bafa": (
            "we would like to draw your attention to facts which, to our knowledge, may "
            "constitute a breach of embargo and sanctions provisions, and ask you to examine "
            "them within your remit."
        ),
        "intro_bmwk": (
            "we are writing to you about facts which, to our knowledge, may constitute a breach "
            "of sanctions provisions, and ask the Ministry to act within its remit for the "
            "enforcement of sanctions."
        ),
        "facts": "Facts",
        "subjects": "Listed persons, companies, vessels or aircraft concerned",
        "listed": "listed in {list}, as of {version}",
        "stale": (
            "Note: the list version cited ({list}, as of {version}) is {age} days old; please "
            "check the details against the current version."
        ),
        "identifiers": "Identifiers",
        "evidence": "Evidence",
        "no_evidence": "(no evidence recorded yet)",
        "request_bafa": (
            "We ask you to examine these facts, to take the necessary measures where "
            "appropriate, and to inform us of the outcome as far as the law permits. We are "
            "glad to answer any questions."
        ),
        "request_bmwk": (
            "We ask you to forward this report to the competent authorities and to let us know "
            "which steps will be taken. We are glad to answer any questions."
        ),
        "closing": "Yours faithfully,",
        "annex": "Annex",
        "annexes": "Annexes: photos of evidence {numbers}",
        "evidence_number": "evidence {number}",
    },
}


def letter_draft(*, case: Case, template: str, language: str) -> dict[str, Any]:
    """Addressee, subject, place and date, and body of a new letter about ``case``."""
    words = TEXTS[language]
    schema_words = SCHEMA_WORDS[language]
    lines = [words["opening"], "", words[f"intro_{template}"], ""]
    lines += [f"{words['facts']}:", case.summary.strip() or case.title, ""]
    subjects = list(case.subjects.all())
    if subjects:
        lines.append(f"{words['subjects']}:")
        stale: dict[tuple[str, str], int] = {}
        for subject in subjects:
            kind = schema_words.get(subject.schema, subject.schema)
            listed = words["listed"].format(
                list=list_name(subject.list_id, language), version=subject.list_version
            )
            lines.append(f"– {subject.caption} ({kind}; {listed})")
            id_words = ID_WORDS[language]
            ids = ", ".join(
                f"{id_words.get(i['type'], i['type'])} {i['value']}" for i in subject.identifiers
            )
            if ids:
                lines.append(f"  {words['identifiers']}: {ids}")
            when = version_date(subject.list_version)
            age = (timezone.localdate() - when).days if when else 0
            if age > settings.SCREENING_MAX_LIST_AGE_DAYS:
                stale[(subject.list_id, subject.list_version)] = age
        for (list_id, version), age in stale.items():
            lines.append(
                words["stale"].format(list=list_name(list_id, language), version=version, age=age)
            )
        lines.append("")
    lines.append(f"{words['evidence']}:")
    evidence = list(case.evidence.all())
    if not evidence:
        lines.append(words["no_evidence"])
    for number, item in enumerate(evidence, start=1):
        when = item.observed_on.isoformat() if item.observed_on else ""
        where = item.place
        prefix = ", ".join(p for p in (when, where) if p)
        detail = item.url or item.text.strip().replace("\n", " ")[:300]
        text = f"{number}. {prefix + ': ' if prefix else ''}{item.title}"
        if detail:
            text += f" – {detail}"
        lines.append(text)
    lines += ["", words[f"request_{template}"], "", words["closing"]]
    sender = case.sender.strip()
    if sender:
        # The signature: the sender's first line (a name or an organization).
        lines += ["", "", sender.splitlines()[0]]
    photos = [n for n, item in enumerate(evidence, start=1) if item.kind == "photo" and item.photo]
    if photos:
        lines += ["", words["annexes"].format(numbers=", ".join(str(n) for n in photos))]
    today = timezone.localdate()
    date = today.strftime("%d.%m.%Y") if language == "de" else f"{today.day} {today:%B %Y}"
    place = case.sender_place.strip()
    return {
        "sender": sender,
        "addressee": ADDRESSEES[(template, language)],
        "subject": words["subject"].format(title=case.title)[:300],
        "place_and_date": f"{place}, {date}" if place else date,
        "body": "\n".join(lines),
    }


def list_name(list_id: str, language: str) -> str:
    """A list's name in the letter's language, or its id when the letter knows none."""
    return LIST_NAMES[language].get(list_id, list_id)


def _font_dir() -> Path:
    import matplotlib

    return Path(matplotlib.get_data_path()) / "fonts" / "ttf"


FONT_FILES = ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf")


class LetterFontError(ValueError):
    """The letter holds characters the embedded font cannot show."""

    def __init__(self, missing: str) -> None:
        super().__init__(f"characters the letter font cannot show: {missing}")
        self.missing = missing


@lru_cache(maxsize=1)
def _covered() -> frozenset[int]:
    """Code points both letter fonts (regular and bold) have glyphs for."""
    from fontTools.ttLib import TTFont

    covered: frozenset[int] | None = None
    for name in FONT_FILES:
        with TTFont(str(_font_dir() / name), lazy=True) as font:
            points = frozenset(font.getBestCmap())
        covered = points if covered is None else covered & points
    return covered or frozenset()


def letter_missing_characters(*texts: str) -> str:
    """Characters of ``texts`` that the letter font lacks (white space aside), in order."""
    covered = _covered()
    missing: dict[str, None] = {}
    for text in texts:
        for char in text:
            if not char.isspace() and ord(char) not in covered:
                missing[char] = None
    return "".join(missing)


def letter_document(*, title: str, language: str) -> Any:
    """An empty A4 letter PDF (fpdf2) with the Unicode font "DejaVu" (regular and bold),
    made offline; the petitions app builds its cover letters on it too."""
    from fpdf import FPDF

    pdf = FPDF(format="A4", unit="mm")
    pdf.set_margins(25, 20, 20)
    pdf.set_auto_page_break(True, margin=20)
    fonts = _font_dir()
    pdf.add_font("DejaVu", "", str(fonts / FONT_FILES[0]))
    pdf.add_font("DejaVu", "B", str(fonts / FONT_FILES[1]))
    pdf.set_title(title)
    pdf.set_creator("Horizont")
    pdf.set_lang(language)
    return pdf


# DIN 5008, form B (millimetres from the top left corner of the A4 page).
DIN_LEFT = 25.0  # text starts here, the address field 5 mm further out
DIN_ADDRESS_TOP = 45.0  # address field: 45 mm high, 85 mm wide
DIN_RETURN_HEIGHT = 17.7  # its first zone: the sender's one-line return address
DIN_ADDRESS_WIDTH = 80.0
DIN_INFO_LEFT = 125.0  # information block: the sender and the place and date
DIN_INFO_TOP = 50.0
DIN_SUBJECT_TOP = 103.4
LINE = 5.0


def _annex_photos(letter: Letter) -> list[tuple[int, Any]]:
    """(number in the letter's list of evidence, evidence) of each photo of the case."""
    return [
        (number, item)
        for number, item in enumerate(letter.case.evidence.all(), start=1)
        if item.kind == "photo" and item.photo
    ]


def _annex_caption(letter: Letter, number: int, item: Any) -> str:
    words = TEXTS.get(letter.language, TEXTS["en"])
    when = item.observed_on.strftime("%d.%m.%Y") if item.observed_on else ""
    facts = ", ".join(p for p in (when, item.place) if p)
    caption = f"{words['annex']} – {words['evidence_number'].format(number=number)}: {item.title}"
    return f"{caption} ({facts})" if facts else caption


def letter_pdf(letter: Letter) -> bytes:
    """The letter as an A4 PDF laid out after DIN 5008 (form B): return address and
    address field on the left, sender and place and date in the information block,
    everything left-aligned (never justified); the photos of the case's evidence follow
    as an annex, one a page. Made offline with a Unicode font embedded in it (DejaVu
    Sans, shipped with matplotlib: Latin, Cyrillic, Greek and common symbols).

    Raises :class:`LetterFontError` when a character has no glyph in it, rather than
    dropping it silently.
    """
    from PIL import Image

    photos = _annex_photos(letter)
    captions = [_annex_caption(letter, number, item) for number, item in photos]
    missing = letter_missing_characters(
        letter.sender,
        letter.addressee,
        letter.place_and_date,
        letter.subject,
        letter.body,
        *captions,
    )
    if missing:
        raise LetterFontError(missing)
    pdf = letter_document(title=letter.subject, language=letter.language)
    pdf.c_margin = 0  # text starts exactly at the DIN positions, not 1 mm inside them
    pdf.add_page()
    sender_lines = [line.strip() for line in letter.sender.strip().splitlines() if line.strip()]
    # Address field: the return address in small type, then the addressee.
    if sender_lines:
        pdf.set_font("DejaVu", "", 7)
        pdf.set_xy(DIN_LEFT, DIN_ADDRESS_TOP + DIN_RETURN_HEIGHT - 5)
        pdf.cell(DIN_ADDRESS_WIDTH, 4, ", ".join(sender_lines)[:110], align="L")
    pdf.set_font("DejaVu", "", 11)
    pdf.set_xy(DIN_LEFT, DIN_ADDRESS_TOP + DIN_RETURN_HEIGHT)
    pdf.multi_cell(DIN_ADDRESS_WIDTH, LINE, letter.addressee.strip(), align="L")
    # Information block: who writes, then the place and date.
    info_width = pdf.w - pdf.r_margin - DIN_INFO_LEFT
    pdf.set_font("DejaVu", "", 9)
    pdf.set_xy(DIN_INFO_LEFT, DIN_INFO_TOP)
    if sender_lines:
        pdf.multi_cell(info_width, 4.5, "\n".join(sender_lines), align="L")
        pdf.set_x(DIN_INFO_LEFT)
        pdf.ln(4.5)
    if letter.place_and_date.strip():
        pdf.set_x(DIN_INFO_LEFT)
        pdf.multi_cell(info_width, 4.5, letter.place_and_date.strip(), align="L")
    width = pdf.w - pdf.l_margin - pdf.r_margin
    pdf.set_xy(pdf.l_margin, max(DIN_SUBJECT_TOP, pdf.get_y() + LINE))
    pdf.set_font("DejaVu", "B", 11)
    pdf.multi_cell(width, LINE, letter.subject.strip(), align="L")
    pdf.ln(2 * LINE)
    pdf.set_font("DejaVu", "", 11)
    pdf.multi_cell(width, LINE, letter.body.strip(), align="L")
    for (_number, item), caption in zip(photos, captions, strict=True):
        pdf.add_page()
        pdf.set_font("DejaVu", "B", 11)
        pdf.multi_cell(width, LINE, caption, align="L")
        pdf.ln(LINE)
        with item.photo.open("rb") as handle, Image.open(handle) as image:
            image.load()
            room = pdf.h - pdf.get_y() - pdf.b_margin
            scale = min(width / image.width, room / image.height)
            pdf.image(image, x=pdf.l_margin, w=image.width * scale, h=image.height * scale)
    return bytes(pdf.output())
