from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "horizont.core"
    label = "core"
