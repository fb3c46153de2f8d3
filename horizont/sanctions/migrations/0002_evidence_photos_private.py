# Evidence photos and batch-screening results move out of the public MEDIA_ROOT into
# PRIVATE_ROOT (served only through views that check permissions).

import shutil
from pathlib import Path

from django.conf import settings
from django.db import migrations, models

import horizont.core.private_files
import horizont.sanctions.models


def move_private_files_out_of_media(apps, schema_editor):
    media = Path(settings.MEDIA_ROOT)
    private = Path(settings.PRIVATE_ROOT)
    evidence = media / "sanctions" / "evidence"
    if evidence.is_dir():
        target = private / "sanctions" / "evidence"
        target.mkdir(parents=True, exist_ok=True)
        for path in evidence.iterdir():
            shutil.move(str(path), str(target / path.name))
    batch = media / "sanctions" / "batch"
    if batch.is_dir():
        for path in batch.glob("*.csv"):
            folder = private / "jobs" / path.stem
            folder.mkdir(parents=True, exist_ok=True)
            shutil.move(str(path), str(folder / "screening.csv"))


class Migration(migrations.Migration):
    dependencies = [
        ("sanctions", "0001_initial"),
    ]

    operations = [
        migrations.AlterField(
            model_name="evidence",
            name="photo",
            field=models.ImageField(
                blank=True,
                storage=horizont.core.private_files.PrivateStorage(),
                upload_to=horizont.sanctions.models._evidence_photo_path,
                verbose_name="photo",
            ),
        ),
        migrations.RunPython(move_private_files_out_of_media, migrations.RunPython.noop),
    ]
