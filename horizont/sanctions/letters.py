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
    ("bmwk", "de"): (
        "Bundesministerium für Wirtschaft und Klimaschutz (BMWK)\n"
        "Scharnhorststraße 34–37\n10115 Berlin\nDeutschland"
    ),
    ("bmwk", "en"): (
        "Federal Ministry for Economic Affairs and Climate Action (BMWK)\n"
        "Scharnhorststraße 34–37\n10115 Berlin\nGermany"
    ),
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
        "place_date": "Berlin, {date}",
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
        "place_date": "Berlin, {date}",
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
            listed = words["listed"].format(list=subject.list_id, version=subject.list_version)
            lines.append(f"– {subject.caption} ({kind}; {listed})")
            ids = ", ".join(f"{i['type']} {i['value']}" for i in subject.identifiers)
            if ids:
                lines.append(f"  {words['identifiers']}: {ids}")
            when = version_date(subject.list_version)
            age = (timezone.localdate() - when).days if when else 0
            if age > settings.SCREENING_MAX_LIST_AGE_DAYS:
                stale[(subject.list_id, subject.list_version)] = age
        for (list_id, version), age in stale.items():
            lines.append(words["stale"].format(list=list_id, version=version, age=age))
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
    return {
        "addressee": ADDRESSEES[(template, language)],
        "subject": words["subject"].format(title=case.title)[:300],
        "place_and_date": words["place_date"].format(
            date=timezone.localdate().strftime("%d.%m.%Y" if language == "de" else "%d %B %Y")
        ),
        "body": "\n".join(lines),
    }


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


def letter_pdf(letter: Letter) -> bytes:
    """The letter as an A4 PDF, made offline with a Unicode font embedded in it (DejaVu
    Sans, shipped with matplotlib: Latin, Cyrillic, Greek and common symbols).

    Raises :class:`LetterFontError` when a character has no glyph in it, rather than
    dropping it silently.
    """
    missing = letter_missing_characters(
        letter.sender, letter.addressee, letter.place_and_date, letter.subject, letter.body
    )
    if missing:
        raise LetterFontError(missing)
    pdf = letter_document(title=letter.subject, language=letter.language)
    pdf.add_page()
    width = pdf.w - pdf.l_margin - pdf.r_margin
    if letter.sender.strip():
        pdf.set_font("DejaVu", "", 8)
        pdf.multi_cell(width, 4, letter.sender.strip().replace("\n", " · "))
        pdf.ln(4)
    pdf.set_font("DejaVu", "", 11)
    pdf.multi_cell(width * 0.6, 5.5, letter.addressee.strip())
    pdf.ln(8)
    if letter.place_and_date.strip():
        pdf.multi_cell(width, 5.5, letter.place_and_date.strip(), align="R")
        pdf.ln(4)
    pdf.set_font("DejaVu", "B", 11)
    pdf.multi_cell(width, 5.5, letter.subject.strip())
    pdf.ln(4)
    pdf.set_font("DejaVu", "", 11)
    pdf.multi_cell(width, 5.5, letter.body.strip())
    return bytes(pdf.output())
