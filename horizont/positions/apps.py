from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PositionsConfig(AppConfig):
    name = "horizont.positions"
    label = "positions"
    verbose_name = _("Positions")

    def ready(self) -> None:
        from horizont.accounts.services import register_erasure, register_export
        from horizont.positions.services import user_positions_erase, user_positions_export

        register_export(user_positions_export)
        register_erasure(user_positions_erase)
