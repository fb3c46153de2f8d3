from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PositionsConfig(AppConfig):
    name = "horizont.positions"
    label = "positions"
    verbose_name = _("Positions")

    def ready(self) -> None:
        from horizont.accounts.services import register_erasure, register_export
        from horizont.forum.rules import MANAGED_CATEGORIES, MANAGED_THREAD_URLS
        from horizont.positions.services import (
            COMMENTS_CATEGORY,
            proposal_url_of_thread,
            user_positions_erase,
            user_positions_export,
        )

        register_export(user_positions_export)
        register_erasure(user_positions_erase)
        # Comments on proposals are forum posts; they are written only through the
        # proposal page, which applies the process's participation rule.
        MANAGED_CATEGORIES.add(COMMENTS_CATEGORY)
        MANAGED_THREAD_URLS[COMMENTS_CATEGORY] = proposal_url_of_thread
