"""Incident photos move from the database to private files under PRIVATE_ROOT."""

from django.core.files.base import ContentFile
from django.db import migrations, models

import horizont.core.private_files
import horizont.observers.models


def photos_to_files(apps, schema_editor):
    photo_model = apps.get_model("observers", "IncidentPhoto")
    for photo in photo_model.objects.exclude(content=None).iterator():
        extension = (photo.content_type or "image/jpeg").rsplit("/", 1)[-1]
        photo.file.save(f"photo.{extension}", ContentFile(bytes(photo.content)), save=False)
        photo.save(update_fields=["file"])


class Migration(migrations.Migration):
    dependencies = [
        ("observers", "0004_lesson_image"),
    ]

    operations = [
        migrations.AddField(
            model_name="incidentphoto",
            name="file",
            field=models.FileField(
                default="",
                max_length=200,
                storage=horizont.core.private_files.PrivateStorage(),
                upload_to=horizont.observers.models.incident_photo_path,
            ),
            preserve_default=False,
        ),
        migrations.RunPython(photos_to_files, migrations.RunPython.noop),
        migrations.RemoveField(model_name="incidentphoto", name="content"),
    ]
