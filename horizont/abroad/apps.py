from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AbroadConfig(AppConfig):
    name = "horizont.abroad"
    label = "abroad"
    verbose_name = _("Votes abroad")

    def ready(self) -> None:
        # Registers the reminder and clean-up tasks and the data export/erasure hooks.
        from horizont.abroad import services  # noqa: F401
