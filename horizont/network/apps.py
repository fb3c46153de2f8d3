from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NetworkConfig(AppConfig):
    name = "horizont.network"
    label = "network"
    verbose_name = _("Network")

    def ready(self) -> None:
        from horizont.accounts.services import register_erasure, register_export
        from horizont.network.services import user_network_erase, user_network_export

        register_export(user_network_export)
        register_erasure(user_network_erase)
