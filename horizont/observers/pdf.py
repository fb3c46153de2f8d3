"""A complaint draft in Russian citing the lines where a station's official result differs
from the observers' protocol copy (fpdf2 with DejaVu Sans, as the sanctions letters).

The complaint goes to a Russian election commission, so its text is Russian whatever
language the coordinator reads the site in; it is a draft for a lawyer to edit.
"""

from __future__ import annotations

from typing import Any

from django.utils import timezone

from horizont.sanctions.letters import LetterFontError, letter_document, letter_missing_characters

__all__ = ["LetterFontError", "complaint_pdf", "observer_lines"]


def complaint_pdf(row: dict[str, Any], *, official_name: str) -> bytes:
    """The draft as an A4 PDF (the sanctions letters' document and font). Raises
    :class:`LetterFontError` naming the characters the font lacks (in a commission's
    name, a region, a pseudonym …) rather than dropping them silently."""
    copy = row["copy"]
    station = copy.station
    named = observer_lines([e.volunteer for e in row.get("entries", []) if e.volunteer])
    missing = letter_missing_characters(
        station.tik,
        station.region,
        official_name,
        *(str(line["label"]) for line in row["lines"]),
        *named,
    )
    if missing:
        raise LetterFontError(missing)
    pdf = letter_document(title=f"Жалоба: УИК №{station.uik}", language="ru")
    pdf.add_page()
    width = pdf.w - pdf.l_margin - pdf.r_margin
    pdf.set_font("DejaVu", "", 11)
    pdf.multi_cell(
        width * 0.6,
        5.5,
        f"В {station.tik or 'территориальную избирательную комиссию'}\n{station.region}",
    )
    pdf.ln(6)
    pdf.set_font("DejaVu", "B", 12)
    pdf.multi_cell(
        width, 6, f"ЖАЛОБА (проект)\nо несоответствии итогов голосования на УИК №{station.uik}"
    )
    pdf.ln(3)
    pdf.set_font("DejaVu", "", 11)
    pdf.multi_cell(
        width,
        5.5,
        "Копия итогового протокола участковой избирательной комиссии, полученная "
        "наблюдателем и заверенная в установленном порядке, расходится с данными, "
        f"опубликованными в официальных итогах ({official_name}), по следующим строкам:",
    )
    pdf.ln(3)
    pdf.set_font("DejaVu", "B", 10)
    columns = (width * 0.52, width * 0.16, width * 0.16, width * 0.16)
    for text, w in zip(
        ("Строка протокола", "Копия", "Официально", "Разница"), columns, strict=True
    ):
        pdf.cell(w, 7, text, border=1)
    pdf.ln()
    pdf.set_font("DejaVu", "", 10)
    for line in row["lines"]:
        values = (
            str(line["label"])[:60],
            str(line["observed"]),
            str(line["official"]),
            f"{line['difference']:+d}",
        )
        for text, w in zip(values, columns, strict=True):
            pdf.cell(w, 7, text, border=1)
        pdf.ln()
    pdf.ln(4)
    pdf.set_font("DejaVu", "", 11)
    pdf.multi_cell(
        width,
        5.5,
        "Прошу провести проверку, признать данные официальных итогов по указанному участку "
        "не соответствующими итоговому протоколу и принять меры в соответствии со статьями "
        "75 и 77 Федерального закона «Об основных гарантиях избирательных прав и права на "
        "участие в референдуме граждан Российской Федерации».",
    )
    pdf.ln(4)
    for text in named:
        pdf.multi_cell(width, 5.5, text)
    pdf.ln(4)
    pdf.multi_cell(
        width,
        5.5,
        "Приложение: копия итогового протокола УИК.\n\nДата: ____________   Подпись: ____________",
    )
    return bytes(pdf.output())


def observer_lines(volunteers: list[Any]) -> list[str]:
    """Observers are named only where they agreed to it, with the time they agreed."""
    named = [v for v in volunteers if v.identity_consent_at]
    if not named:
        return ["Наблюдатель: данные не указываются (нет согласия наблюдателя)."]
    return [
        f"Наблюдатель: {v.pseudonym} (согласие на указание от "
        f"{timezone.localtime(v.identity_consent_at).strftime('%d.%m.%Y %H:%M')})"
        for v in named
    ]
