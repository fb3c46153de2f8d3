"""Views of the training: coordinators build courses and watch progress; volunteers read
lessons in their language, take the quiz and download their certificate."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from horizont.audit.services import audit_record
from horizont.core.ratelimit import rate_limited
from horizont.core.shortcuts import row_number_or_404
from horizont.observers import forms, training
from horizont.observers.models import Attempt, Course
from horizont.observers.services import Refused
from horizont.observers.views import _check, _programme, _volunteer
from horizont.sanctions.letters import letter_missing_characters


def _course(programme_pk: int, pk: int) -> Course:
    return get_object_or_404(
        Course.objects.select_related("programme"), pk=pk, programme_id=programme_pk
    )


@login_required
def courses(request: HttpRequest, pk: int) -> HttpResponse:
    programme = _programme(pk)
    if refused := _check(request, "observers.manage_programme", programme):
        return refused
    form = forms.CourseForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        form.instance.programme = programme
        course = form.save()
        audit_record(actor=request.user, action="observers.course_add", target=course)
        return redirect("observers:course_edit", programme.pk, course.pk)
    return render(
        request,
        "observers/courses.html",
        {"programme": programme, "form": form, "courses": programme.courses.all()},
    )


@login_required
def course_edit(request: HttpRequest, pk: int, course_pk: int) -> HttpResponse:
    programme = _programme(pk)
    if refused := _check(request, "observers.manage_programme", programme):
        return refused
    course = _course(pk, course_pk)
    lesson_form = forms.LessonForm(
        request.POST if "lesson" in request.POST else None,
        request.FILES if "lesson" in request.POST else None,
    )
    question_form = forms.QuestionForm(request.POST if "question" in request.POST else None)
    if request.method == "POST" and "remove_lesson" in request.POST:
        number = row_number_or_404(request.POST["remove_lesson"])
        lesson = get_object_or_404(course.lessons, pk=number)
        with transaction.atomic():
            audit_record(
                actor=request.user,
                action="observers.lesson_remove",
                target=course,
                details={"lesson": lesson.pk, "title": lesson.title},
            )
            lesson.delete()  # its image file goes once the deletion is committed
        return redirect("observers:course_edit", pk, course.pk)
    if "lesson" in request.POST and lesson_form.is_valid():
        lesson_form.instance.course = course
        lesson_form.save()
        return redirect("observers:course_edit", pk, course.pk)
    if "question" in request.POST and question_form.is_valid():
        try:
            training.question_add(actor=request.user, course=course, **question_form.question())
        except Refused as exc:
            question_form.add_error("choices", str(exc))
        else:
            return redirect("observers:course_edit", pk, course.pk)
    return render(
        request,
        "observers/course_edit.html",
        {
            "programme": programme,
            "course": course,
            "lesson_form": lesson_form,
            "question_form": question_form,
            "progress": training.course_progress(course),
        },
    )


@login_required
def course_detail(request: HttpRequest, pk: int, course_pk: int) -> HttpResponse:
    programme = _programme(pk)
    # coordinators read the course as volunteers see it; only volunteers take the quiz
    volunteer = (
        None
        if request.user.has_perm("observers.manage_programme", programme)
        else _volunteer(request, programme)
    )
    course = _course(pk, course_pk)
    language = (get_language() or "ru")[:2]
    lessons = list(course.lessons.filter(language=language)) or list(
        course.lessons.filter(language="ru")
    )
    return render(
        request,
        "observers/course.html",
        {
            "programme": programme,
            "course": course,
            "lessons": lessons,
            "volunteer": volunteer,
            "attempts": course.attempts.filter(volunteer=volunteer, finished_at__isnull=False)
            if volunteer
            else [],
            "closed": bool(course.deadline and timezone.now() > course.deadline),
        },
    )


@login_required
@rate_limited("post")
def quiz(request: HttpRequest, pk: int, course_pk: int) -> HttpResponse:
    programme = _programme(pk)
    volunteer = _volunteer(request, programme)
    course = _course(pk, course_pk)
    try:
        attempt = training.attempt_start(volunteer=volunteer, course=course)
    except Refused as exc:
        messages.error(request, str(exc))
        return redirect("observers:course", pk, course.pk)
    form = forms.quiz_form(attempt, request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            training.attempt_submit(attempt=attempt, answers=forms.quiz_answers(form))
        except Refused as exc:
            messages.error(request, str(exc))
            return redirect("observers:course", pk, course.pk)
        return redirect("observers:attempt", pk, attempt.pk)
    return render(
        request,
        "observers/quiz.html",
        {"programme": programme, "course": course, "form": form},
        status=400 if request.method == "POST" else 200,
    )


def _own_attempt(request: HttpRequest, pk: int, attempt_pk: int) -> Attempt:
    volunteer = _volunteer(request, _programme(pk))
    return get_object_or_404(
        Attempt.objects.select_related("course"),
        pk=attempt_pk,
        volunteer=volunteer,
        finished_at__isnull=False,
    )


@login_required
def attempt_result(request: HttpRequest, pk: int, attempt_pk: int) -> HttpResponse:
    attempt = _own_attempt(request, pk, attempt_pk)
    questions = {q.pk: q for q in attempt.course.questions.prefetch_related("choices")}
    language = get_language()
    review = [
        {
            "question": questions[q],
            "text": questions[q].text_in(language),
            "explanation": questions[q].explanation_in(language),
            "choices": [
                {"text": c.text_in(language), "correct": c.correct, "pk": c.pk}
                for c in questions[q].choices.all()
            ],
            "right": q not in attempt.wrong,
            "chosen": set(attempt.answers.get(str(q), [])),
        }
        for q in attempt.order
        if q in questions
    ]
    return render(
        request,
        "observers/attempt.html",
        {"programme": attempt.course.programme, "attempt": attempt, "review": review},
    )


@login_required
def certificate(request: HttpRequest, pk: int, attempt_pk: int) -> HttpResponse:
    attempt = _own_attempt(request, pk, attempt_pk)
    if not attempt.passed:
        raise Http404
    line = _("%(name)s passed the course “%(course)s” on %(date)s with %(score)s%%.") % {
        "name": attempt.volunteer.pseudonym,
        "course": attempt.course.title,
        "date": timezone.localtime(attempt.finished_at).strftime("%Y-%m-%d"),
        "score": attempt.score,
    }
    missing = letter_missing_characters(line)
    if missing:
        messages.error(
            request,
            _("The certificate cannot be made: the PDF font has no glyph for %(characters)s.")
            % {"characters": " ".join(missing)},
        )
        return redirect("observers:attempt", pk, attempt.pk)
    body = training.certificate_pdf(attempt, title=_("Certificate"), line=line)
    response = HttpResponse(body, content_type="application/pdf")
    response["Content-Disposition"] = 'attachment; filename="certificate.pdf"'
    return response
