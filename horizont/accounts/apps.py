from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "horizont.accounts"
    label = "accounts"
    verbose_name = _("Accounts")

    def ready(self) -> None:
        from horizont.accounts import signals

        signals.connect()
