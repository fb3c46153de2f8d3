from django.db import migrations

TOPICS = [
    ("culture", "culture"),
    ("education", "political education"),
    ("elections", "elections and observation"),
    ("human-rights", "human rights"),
    ("refugees", "help for refugees and newcomers"),
    ("political-prisoners", "political prisoners"),
    ("media", "independent media"),
    ("protest", "protest and advocacy"),
    ("business", "entrepreneurs and business"),
    ("anti-war", "anti-war"),
    ("legal", "legal aid"),
    ("youth", "youth"),
]


def seed(apps, schema_editor):
    Topic = apps.get_model("network", "Topic")
    for slug, name in TOPICS:
        Topic.objects.get_or_create(slug=slug, defaults={"name": name})


class Migration(migrations.Migration):
    dependencies = [("network", "0002_initiative_details_topics_links")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
