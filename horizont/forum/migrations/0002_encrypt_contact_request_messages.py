"""Data migration: contact-request messages are encrypted at rest from now on; encrypt
the messages already stored (and decrypt them again when going back)."""

from django.db import migrations

import horizont.core.fields


def _rewrite(apps, schema_editor, transform):
    connection = schema_editor.connection
    with connection.cursor() as cursor:
        cursor.execute("SELECT id, message FROM forum_contactrequest WHERE message <> ''")
        rows = cursor.fetchall()
        for pk, message in rows:
            cursor.execute(
                "UPDATE forum_contactrequest SET message = %s WHERE id = %s",
                [transform(message), pk],
            )


def encrypt(apps, schema_editor):
    from horizont.core.fields import cipher

    _rewrite(apps, schema_editor, cipher().encrypt)


def decrypt(apps, schema_editor):
    from horizont.core.fields import cipher

    _rewrite(apps, schema_editor, cipher().decrypt)


class Migration(migrations.Migration):
    dependencies = [("forum", "0001_initial")]

    operations = [
        migrations.AlterField(
            model_name="contactrequest",
            name="message",
            field=horizont.core.fields.EncryptedTextField(
                blank=True, max_length=1000, verbose_name="message to the owner"
            ),
        ),
        migrations.RunPython(encrypt, decrypt),
    ]
