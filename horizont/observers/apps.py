from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ObserversConfig(AppConfig):
    name = "horizont.observers"
    label = "observers"
    verbose_name = _("Observers")

    def ready(self) -> None:
        # Registers the data export/erasure hooks.
        from horizont.observers import services  # noqa: F401
