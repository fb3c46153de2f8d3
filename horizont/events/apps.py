from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "horizont.events"
    label = "events"
    verbose_name = _("Events")

    def ready(self) -> None:
        # Registers the reminder task and the data export/erasure hooks.
        from horizont.events import services  # noqa: F401
