from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PublicationsConfig(AppConfig):
    name = "horizont.publications"
    label = "publications"
    verbose_name = _("Publications")

    def ready(self) -> None:
        from horizont.accounts.services import register_export
        from horizont.publications.services import user_articles_export

        register_export(user_articles_export)
