from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SanctionsConfig(AppConfig):
    name = "horizont.sanctions"
    label = "sanctions"
    verbose_name = _("Sanctions")

    def ready(self) -> None:
        from horizont.accounts.services import register_export
        from horizont.sanctions.services import export_user_cases

        register_export(export_user_cases)
