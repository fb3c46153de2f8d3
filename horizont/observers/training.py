"""Training: courses with lessons and a quiz; passing the course required for a role
unlocks assignment to a station."""

from __future__ import annotations

import datetime as dt
import random
from collections import Counter
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from horizont.audit.services import audit_record
from horizont.observers.models import Attempt, Choice, Course, Question, Volunteer
from horizont.observers.services import Refused


def courses_missing(volunteer: Volunteer) -> list[Course]:
    """Courses required for the volunteer's role that they have not passed yet."""
    required = [
        c for c in volunteer.programme.courses.all() if volunteer.role in (c.required_for or [])
    ]
    passed = set(
        Attempt.objects.filter(volunteer=volunteer, passed=True).values_list("course_id", flat=True)
    )
    return [c for c in required if c.pk not in passed]


def choices_parse(text: str) -> list[tuple[str, bool]]:
    """Answer options, one per line; a leading ``*`` marks a correct one."""
    out = []
    for raw in text.splitlines():
        line = raw.strip()
        if line:
            out.append((line.lstrip("*").strip(), line.startswith("*")))
    if len(out) < 2 or not any(correct for _text, correct in out):
        raise Refused(_("Give at least two answers and mark the correct ones with *."))
    return out


def translations_parse(
    options: list[tuple[str, bool]], translations: dict[str, dict[str, str]]
) -> tuple[dict[str, dict[str, str]], list[dict[str, str]]]:
    """Check translations ``{language: {"text", "choices", "explanation"}}`` against the
    answers as written: each translated language gives the question and as many answers,
    in the same order. Returns the question's and each answer's translations."""
    names = dict(settings.LANGUAGES)
    question: dict[str, dict[str, str]] = {}
    answers: list[dict[str, str]] = [{} for _option in options]
    for language, entry in translations.items():
        text = (entry.get("text") or "").strip()
        lines = [line.lstrip("*").strip() for line in (entry.get("choices") or "").splitlines()]
        lines = [line for line in lines if line]
        explanation = (entry.get("explanation") or "").strip()
        if not (text or lines or explanation):
            continue
        if not text or len(lines) != len(options):
            raise Refused(
                _(
                    "%(language)s: give the question and all %(n)s answers, one per line in "
                    "the same order."
                )
                % {"language": names.get(language, language), "n": len(options)}
            )
        question[language] = {"text": text, "explanation": explanation}
        for index, line in enumerate(lines):
            answers[index][language] = line
    return question, answers


def question_add(
    *,
    actor: Any,
    course: Course,
    text: str,
    kind: str,
    explanation: str,
    choices: str,
    translations: dict[str, dict[str, str]] | None = None,
) -> Question:
    """A quiz question; ``translations`` carry it in other languages (see
    :func:`translations_parse`)."""
    options = choices_parse(choices)
    if kind == Question.Kind.SINGLE and sum(correct for _t, correct in options) != 1:
        raise Refused(_("A question with one answer needs exactly one answer marked with *."))
    question_translations, answer_translations = translations_parse(options, translations or {})
    with transaction.atomic():
        question = Question.objects.create(
            course=course,
            text=text,
            kind=kind,
            explanation=explanation,
            translations=question_translations,
        )
        Choice.objects.bulk_create(
            Choice(question=question, text=option, correct=correct, translations=names)
            for (option, correct), names in zip(options, answer_translations, strict=True)
        )
    audit_record(actor=actor, action="observers.question_add", target=question)
    return question


def _check_deadline(course: Course, now: dt.datetime) -> None:
    if course.deadline and now > course.deadline:
        raise Refused(
            _("The deadline of this quiz has passed (%(deadline)s).")
            % {"deadline": timezone.localtime(course.deadline).strftime("%Y-%m-%d %H:%M")}
        )


def attempt_start(
    *, volunteer: Volunteer, course: Course, now: dt.datetime | None = None
) -> Attempt:
    """The volunteer's open attempt, or a new one with the questions shuffled."""
    now = now or timezone.now()
    _check_deadline(course, now)
    attempts = Attempt.objects.filter(course=course, volunteer=volunteer)
    open_attempt = attempts.filter(finished_at__isnull=True).first()
    if open_attempt is not None:
        return open_attempt
    if attempts.filter(passed=True).exists():
        raise Refused(_("You have already passed this course."))
    if attempts.count() >= course.max_attempts:
        raise Refused(_("You have used all %(n)s attempts.") % {"n": course.max_attempts})
    order = list(course.questions.values_list("pk", flat=True))
    random.SystemRandom().shuffle(order)
    return Attempt.objects.create(course=course, volunteer=volunteer, order=order)


def attempt_submit(
    *, attempt: Attempt, answers: dict[int, list[int]], now: dt.datetime | None = None
) -> Attempt:
    """Grade an attempt: a question counts when exactly its correct answers are chosen."""
    now = now or timezone.now()
    if attempt.finished_at is not None:
        raise Refused(_("This attempt is already finished."))
    _check_deadline(attempt.course, now)
    correct: dict[int, set[int]] = {}
    for question_id, choice_id in Choice.objects.filter(
        question__course=attempt.course, correct=True
    ).values_list("question_id", "pk"):
        correct.setdefault(question_id, set()).add(choice_id)
    wrong = [q for q in attempt.order if set(answers.get(q, [])) != correct.get(q, set())]
    total = len(attempt.order)
    attempt.answers = {str(q): sorted(answers.get(q, [])) for q in attempt.order}
    attempt.wrong = wrong
    attempt.score = round(100 * (total - len(wrong)) / total) if total else 0
    attempt.passed = attempt.score >= attempt.course.pass_mark
    attempt.finished_at = now
    attempt.save()
    return attempt


def course_progress(course: Course) -> dict[str, Any]:
    """Per volunteer: attempts, best score, passed; and the questions failed most often."""
    attempts = list(course.attempts.filter(finished_at__isnull=False).select_related("volunteer"))
    rows: dict[int, dict[str, Any]] = {}
    failed: Counter[int] = Counter()
    for attempt in attempts:
        row = rows.setdefault(
            attempt.volunteer_id,
            {"volunteer": attempt.volunteer, "attempts": 0, "best": 0, "passed": False},
        )
        row["attempts"] += 1
        row["best"] = max(row["best"], attempt.score or 0)
        row["passed"] = row["passed"] or attempt.passed
        failed.update(attempt.wrong)
    questions = {q.pk: q for q in course.questions.all()}
    return {
        "rows": sorted(rows.values(), key=lambda r: r["volunteer"].pseudonym),
        "most_failed": [
            {"question": questions[pk], "failed": n, "attempts": len(attempts)}
            for pk, n in failed.most_common(10)
            if pk in questions
        ],
    }


def certificate_pdf(attempt: Attempt, *, title: str, line: str) -> bytes:
    from fpdf import FPDF

    from horizont.elections.pdf import bold_font_path, font_path

    pdf = FPDF(format="A4", orientation="L")
    pdf.add_font("DejaVu", "", font_path())
    pdf.add_font("DejaVu", "B", bold_font_path())
    pdf.set_creator("Horizont")
    pdf.add_page()
    pdf.ln(40)
    pdf.set_font("DejaVu", "B", 28)
    pdf.cell(0, 14, title, align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(10)
    pdf.set_font("DejaVu", "", 16)
    pdf.multi_cell(0, 9, line, align="C")
    return bytes(pdf.output())
