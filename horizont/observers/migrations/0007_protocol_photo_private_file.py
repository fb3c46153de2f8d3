"""Protocol photos move from the database to private files under PRIVATE_ROOT."""

from django.core.files.base import ContentFile
from django.db import migrations, models

import horizont.core.private_files
import horizont.observers.models


def photos_to_files(apps, schema_editor):
    entry_model = apps.get_model("observers", "ProtocolEntry")
    for entry in entry_model.objects.exclude(photo=None).iterator():
        extension = (entry.photo_type or "image/jpeg").rsplit("/", 1)[-1]
        entry.photo_file.save(f"protocol.{extension}", ContentFile(bytes(entry.photo)), save=False)
        entry.save(update_fields=["photo_file"])


class Migration(migrations.Migration):
    dependencies = [
        ("observers", "0006_quiz_translations"),
    ]

    operations = [
        migrations.AddField(
            model_name="protocolentry",
            name="photo_file",
            field=models.FileField(
                blank=True,
                max_length=200,
                storage=horizont.core.private_files.PrivateStorage(),
                upload_to=horizont.observers.models.protocol_photo_path,
            ),
        ),
        migrations.RunPython(photos_to_files, migrations.RunPython.noop),
        migrations.RemoveField(model_name="protocolentry", name="photo"),
        migrations.RenameField(model_name="protocolentry", old_name="photo_file", new_name="photo"),
    ]
