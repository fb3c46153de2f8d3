from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ForumConfig(AppConfig):
    name = "horizont.forum"
    label = "forum"
    verbose_name = _("Forum")

    def ready(self) -> None:
        from horizont.accounts.services import register_erasure, register_export
        from horizont.forum.services import user_forum_erase, user_forum_export

        register_export(user_forum_export)
        register_erasure(user_forum_erase)
