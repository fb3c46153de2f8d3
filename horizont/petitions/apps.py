from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PetitionsConfig(AppConfig):
    name = "horizont.petitions"
    label = "petitions"
    verbose_name = _("Petitions")

    def ready(self) -> None:
        # Registers the data export/erasure hooks and the periodic clean-up task.
        from horizont.petitions import services  # noqa: F401
