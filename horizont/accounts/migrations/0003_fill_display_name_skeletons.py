"""Data migration: compute the look-alike skeleton of every existing display name."""

from django.db import migrations


def fill_skeletons(apps, schema_editor):
    from horizont.lib.names import skeleton

    User = apps.get_model("accounts", "User")
    batch = []
    for user in User.objects.exclude(display_name="").only("pk", "display_name").iterator():
        user.display_name_skeleton = skeleton(user.display_name)
        batch.append(user)
        if len(batch) >= 1000:
            User.objects.bulk_update(batch, ["display_name_skeleton"])
            batch = []
    User.objects.bulk_update(batch, ["display_name_skeleton"])


class Migration(migrations.Migration):
    dependencies = [("accounts", "0002_display_name_skeleton")]
    operations = [migrations.RunPython(fill_skeletons, migrations.RunPython.noop)]
