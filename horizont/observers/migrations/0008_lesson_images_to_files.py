"""Lesson images move from the database to public media files with random names."""

from django.core.files.base import ContentFile
from django.db import migrations, models

import horizont.observers.models

EXTENSIONS = {"image/jpeg": "jpg", "image/png": "png", "image/webp": "webp", "image/gif": "gif"}


def images_to_files(apps, schema_editor):
    lesson_model = apps.get_model("observers", "Lesson")
    for lesson in lesson_model.objects.exclude(image=None).iterator():
        extension = EXTENSIONS.get(lesson.image_type, "jpg")
        lesson.image_file.save(f"lesson.{extension}", ContentFile(bytes(lesson.image)), save=False)
        lesson.save(update_fields=["image_file"])


def files_to_images(apps, schema_editor):
    lesson_model = apps.get_model("observers", "Lesson")
    types = {extension: content_type for content_type, extension in EXTENSIONS.items()}
    for lesson in lesson_model.objects.exclude(image_file="").iterator():
        with lesson.image_file.open("rb") as stored:
            lesson.image = stored.read()
        lesson.image_type = types.get(lesson.image_file.name.rsplit(".", 1)[-1], "image/jpeg")
        lesson.save(update_fields=["image", "image_type"])


class Migration(migrations.Migration):
    dependencies = [
        ("observers", "0007_protocol_photo_private_file"),
    ]

    operations = [
        migrations.AddField(
            model_name="lesson",
            name="image_file",
            field=models.FileField(
                blank=True, max_length=200, upload_to=horizont.observers.models.lesson_image_path
            ),
        ),
        migrations.RunPython(images_to_files, files_to_images),
        migrations.RemoveField(model_name="lesson", name="image"),
        migrations.RemoveField(model_name="lesson", name="image_type"),
        migrations.RenameField(model_name="lesson", old_name="image_file", new_name="image"),
    ]
