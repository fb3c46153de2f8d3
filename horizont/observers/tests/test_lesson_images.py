"""Lesson images: cleaned of metadata, stored as public media files with random names,
removed with their lesson; the data migration that moved them out of the database."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from horizont.audit.models import AuditEntry
from horizont.observers.models import Course, Lesson
from horizont.observers.tests.conftest import jpeg_with_exif


@pytest.fixture
def course(programme):
    return Course.objects.create(programme=programme, title="Observer basics")


def _lesson(course, picture):
    url = reverse("observers:course_edit", args=[course.programme.pk, course.pk])
    data = {"lesson": "1", "position": 1, "language": "en", "title": "Seals", "body": "Look."}
    return url, {**data, "picture": picture}


@pytest.mark.django_db
def test_lesson_image_is_a_media_file_without_metadata_under_a_random_name(
    client, coordinator, observer, outsider, course
):
    client.force_login(coordinator)
    picture = SimpleUploadedFile("my-home-street.jpg", jpeg_with_exif(), "image/jpeg")
    assert client.post(*_lesson(course, picture)).status_code == 302
    lesson = Lesson.objects.get(title="Seals")
    path = Path(lesson.image.path)
    assert Path(settings.MEDIA_ROOT).resolve() in path.resolve().parents
    assert "my-home-street" not in lesson.image.name
    assert lesson.image.name.startswith("observers/lessons/") and path.suffix == ".jpg"
    assert b"SecretCameraMaker" not in path.read_bytes() and not Image.open(path).getexif()
    course_url = reverse("observers:course", args=[course.programme.pk, course.pk])
    # the coordinator reads the course as volunteers see it, without the quiz button
    page = client.get(course_url).content.decode()
    assert f'src="{lesson.image.url}"' in page and "Take the quiz" not in page
    client.force_login(observer.user)
    page = client.get(course_url).content.decode()
    assert f'src="{lesson.image.url}"' in page and "Take the quiz" in page
    client.force_login(outsider)
    assert client.get(course_url).status_code == 403


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("content", "error"),
    [
        (b"not an image at all", "“x.jpg” is not a photo (JPEG, PNG, WebP or GIF)."),
        (jpeg_with_exif() + b"\0" * (5 * 1024 * 1024), "“x.jpg” is too large (at most 5 MB)."),
    ],
)
def test_a_bad_or_too_large_lesson_image_is_refused_with_a_clear_error(
    client, coordinator, course, content, error
):
    client.force_login(coordinator)
    answer = client.post(*_lesson(course, SimpleUploadedFile("x.jpg", content, "image/jpeg")))
    assert answer.status_code == 200
    assert error in answer.content.decode()
    assert not Lesson.objects.exists()
    assert not (Path(settings.MEDIA_ROOT) / "observers" / "lessons").exists()


@pytest.mark.django_db
def test_the_lesson_image_file_goes_with_its_lesson(
    client, coordinator, course, django_capture_on_commit_callbacks
):
    client.force_login(coordinator)
    picture = SimpleUploadedFile("seal.png", jpeg_with_exif(), "image/jpeg")
    client.post(*_lesson(course, picture))
    path = Path(Lesson.objects.get().image.path)
    assert path.is_file()
    with django_capture_on_commit_callbacks(execute=True):
        course.delete()  # the lessons go with their course, and their files with them
    assert not Lesson.objects.exists()
    assert not path.exists()


@pytest.mark.django_db(transaction=True)
def test_the_data_migration_moves_stored_images_to_files():
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    before = [("observers", "0007_protocol_photo_private_file")]
    after = [("observers", "0008_lesson_images_to_files")]
    executor = MigrationExecutor(connection)
    executor.migrate(before)
    old = executor.loader.project_state(before).apps
    election = old.get_model("elections", "Election").objects.create(
        name="Old", source_name="old.csv", source_sha256="0" * 64
    )
    programme = old.get_model("observers", "Programme").objects.create(
        election=election, name="Old programme"
    )
    course = old.get_model("observers", "Course").objects.create(
        programme=programme, title="Old course"
    )
    lesson_model = old.get_model("observers", "Lesson")
    stored = jpeg_with_exif()  # as the old form would have stored it (cleaned, but any bytes)
    with_image = lesson_model.objects.create(
        course=course, language="en", title="A", body=".", image=stored, image_type="image/png"
    )
    without = lesson_model.objects.create(course=course, language="en", title="B", body=".")

    executor = MigrationExecutor(connection)
    executor.migrate(after)
    new = executor.loader.project_state(after).apps.get_model("observers", "Lesson")
    moved = new.objects.get(pk=with_image.pk)
    assert moved.image.name.startswith("observers/lessons/") and moved.image.name.endswith(".png")
    assert Path(settings.MEDIA_ROOT, moved.image.name).read_bytes() == stored
    assert not new.objects.get(pk=without.pk).image
    assert [f.name for f in new._meta.get_fields() if f.name.startswith("image")] == ["image"]


@pytest.mark.django_db
def test_a_coordinator_removes_a_lesson_and_its_image_file(
    client, coordinator, observer, course, django_capture_on_commit_callbacks
):
    client.force_login(coordinator)
    client.post(*_lesson(course, SimpleUploadedFile("a.jpg", jpeg_with_exif(), "image/jpeg")))
    lesson = Lesson.objects.get()
    path = Path(lesson.image.path)
    url = reverse("observers:course_edit", args=[course.programme.pk, course.pk])
    client.force_login(observer.user)  # a volunteer may not
    assert client.post(url, {"remove_lesson": lesson.pk}).status_code == 403
    client.force_login(coordinator)
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(url, {"remove_lesson": lesson.pk}).status_code == 302
    assert not Lesson.objects.exists() and not path.exists()
    assert AuditEntry.objects.filter(action="observers.lesson_remove").exists()
    # a lesson that is not there, or not even a number, is "not found", not an error
    assert client.post(url, {"remove_lesson": lesson.pk}).status_code == 404
    for odd in ("first", "²", "9" * 30):
        assert client.post(url, {"remove_lesson": odd}).status_code == 404
