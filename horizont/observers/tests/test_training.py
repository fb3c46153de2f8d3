"""Training: lessons in the reader's language, a quiz with a pass mark, limited attempts,
a deadline and explanations; passing the required course unlocks assignment."""

import datetime as dt

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone, translation

from horizont.observers import services, training
from horizont.observers.models import Attempt, Course, Lesson
from horizont.observers.tests.conftest import DAY

pytestmark = pytest.mark.django_db


@pytest.fixture
def course(programme, coordinator):
    course = Course.objects.create(
        programme=programme,
        title="Observer basics",
        required_for=["observer"],
        pass_mark=100,
        max_attempts=3,
        deadline=timezone.now() + dt.timedelta(days=10),
    )
    for language, title in (("en", "Your rights"), ("ru", "Ваши права"), ("de", "Ihre Rechte")):
        Lesson.objects.create(course=course, language=language, title=title, body="**Bold** text")
    training.question_add(
        actor=coordinator,
        course=course,
        text="May you photograph the protocol?",
        kind="single",
        explanation="Yes: the law allows observers to photograph it.",
        choices="*Yes\nNo",
    )
    training.question_add(
        actor=coordinator,
        course=course,
        text="Which are ballot lines?",
        kind="multiple",
        explanation="Both are protocol lines.",
        choices="*Valid ballots\n*Invalid ballots\nWeather",
    )
    return course


def _answers(course, *, right: bool):
    data = {}
    for question in course.questions.all():
        correct = [c.pk for c in question.choices.all() if c.correct]
        wrong = [c.pk for c in question.choices.all() if not c.correct]
        chosen = correct if right else wrong[:1]
        data[f"q{question.pk}"] = chosen if question.kind == "multiple" else chosen[0]
    return data


def test_volunteer_fails_then_passes_and_is_then_assignable(
    client, coordinator, programme, observer, course, station
):
    with pytest.raises(services.Refused, match="must pass the course"):
        services.assignment_create(
            actor=coordinator, volunteer=observer, station=station, day=DAY, shift="all_day"
        )
    client.force_login(observer.user)
    page = client.get(reverse("observers:course", args=[programme.pk, course.pk])).content.decode()
    assert "Your rights" in page and "<strong>Bold</strong>" in page and "Ihre Rechte" not in page
    quiz_url = reverse("observers:quiz", args=[programme.pk, course.pk])
    assert client.get(quiz_url).status_code == 200
    response = client.post(quiz_url, _answers(course, right=False))
    first = Attempt.objects.get()
    assert response["Location"] == reverse("observers:attempt", args=[programme.pk, first.pk])
    result = client.get(response["Location"]).content.decode()
    assert "Not passed: 0%" in result and "the law allows observers" in result
    assert sorted(first.order) == sorted(course.questions.values_list("pk", flat=True))
    client.get(quiz_url)
    client.post(quiz_url, _answers(course, right=True))
    second = Attempt.objects.latest("pk")
    assert second.passed and second.score == 100
    pdf = client.get(reverse("observers:certificate", args=[programme.pk, second.pk]))
    assert pdf.content[:4] == b"%PDF"
    assert (
        client.get(reverse("observers:certificate", args=[programme.pk, first.pk])).status_code
        == 404
    )
    services.assignment_create(
        actor=coordinator, volunteer=observer, station=station, day=DAY, shift="all_day"
    )


def test_attempts_are_limited(client, programme, observer, course):
    course.max_attempts = 1
    course.save()
    client.force_login(observer.user)
    quiz_url = reverse("observers:quiz", args=[programme.pk, course.pk])
    client.get(quiz_url)
    client.post(quiz_url, _answers(course, right=False))
    response = client.get(quiz_url, follow=True)
    assert "used all 1 attempts" in response.content.decode()
    assert Attempt.objects.count() == 1


def test_quiz_answered_after_the_deadline_is_refused(client, programme, observer, course):
    client.force_login(observer.user)
    quiz_url = reverse("observers:quiz", args=[programme.pk, course.pk])
    client.get(quiz_url)
    with time_machine.travel(course.deadline + dt.timedelta(minutes=1)):
        response = client.post(quiz_url, _answers(course, right=True), follow=True)
    assert "deadline of this quiz has passed" in response.content.decode()
    attempt = Attempt.objects.get()
    assert attempt.finished_at is None and not attempt.passed


def test_coordinator_sees_progress_and_most_failed_questions(
    client, coordinator, programme, observer, second_observer, course
):
    for volunteer in (observer, second_observer):
        attempt = training.attempt_start(volunteer=volunteer, course=course)
        answers = {
            int(k[1:]): v if isinstance(v, list) else [v]
            for k, v in _answers(course, right=True).items()
        }
        single = course.questions.get(kind="single")
        answers[single.pk] = [single.choices.get(correct=False).pk]
        training.attempt_submit(attempt=attempt, answers=answers)
    client.force_login(coordinator)
    page = client.get(reverse("observers:course_edit", args=[programme.pk, course.pk]))
    progress = page.context["progress"]
    assert [r["best"] for r in progress["rows"]] == [50, 50]
    assert progress["most_failed"][0]["question"].kind == "single"
    assert progress["most_failed"][0]["failed"] == 2


def test_coordinator_builds_a_course(client, coordinator, programme):
    client.force_login(coordinator)
    client.post(
        reverse("observers:courses", args=[programme.pk]),
        {"title": "Basics", "required_for": ["observer"], "pass_mark": 80, "max_attempts": 2},
    )
    course = Course.objects.get()
    url = reverse("observers:course_edit", args=[programme.pk, course.pk])
    client.post(
        url, {"lesson": "1", "position": 1, "language": "pl", "title": "Prawa", "body": "x"}
    )
    bad = client.post(url, {"question": "1", "text": "Q?", "kind": "single", "choices": "A\nB"})
    assert "mark the correct ones" in bad.content.decode()
    short = client.post(
        url,
        {"question": "1", "text": "Q?", "kind": "single", "choices": "*A\nB",
         "text_de": "F?", "choices_de": "A"},
    )  # fmt: skip
    assert "German: give the question and all 2 answers" in short.content.decode()
    assert not course.questions.exists()
    client.post(
        url,
        {"question": "1", "text": "Q?", "kind": "single", "choices": "*A\nB",
         "text_de": "F?", "choices_de": "Ä\nBe", "explanation_de": "Weil."},
    )  # fmt: skip
    assert course.lessons.get().language == "pl"
    question = course.questions.get()
    assert question.choices.filter(correct=True).count() == 1
    assert (question.text_in("de"), question.explanation_in("de")) == ("F?", "Weil.")
    assert [c.text_in("de") for c in question.choices.all()] == ["Ä", "Be"]
    assert question.text_in("pl") == "Q?"  # not translated: as written


def test_quiz_and_review_in_the_readers_language(client, programme, observer, course):
    question = course.questions.first()
    question.translations = {"ru": {"text": "Вопрос по-русски?", "explanation": "Потому что."}}
    question.save()
    for choice in question.choices.all():
        choice.translations = {"ru": f"Ответ {choice.pk}"}
        choice.save()
    client.force_login(observer.user)
    quiz = reverse("observers:quiz", args=[programme.pk, course.pk])
    with translation.override("ru"):
        page = client.get(quiz.replace("/en/", "/ru/", 1)).content.decode()
    assert "Вопрос по-русски?" in page and f"Ответ {question.choices.first().pk}" in page
    page = client.get(quiz).content.decode()
    assert question.text in page and "Вопрос по-русски?" not in page


def test_volunteer_cannot_edit_courses_and_outsider_cannot_read_them(
    client, programme, observer, outsider, course
):
    client.force_login(observer.user)
    assert (
        client.get(reverse("observers:course_edit", args=[programme.pk, course.pk])).status_code
        == 403
    )
    client.force_login(outsider)
    assert (
        client.get(reverse("observers:course", args=[programme.pk, course.pk])).status_code == 403
    )
