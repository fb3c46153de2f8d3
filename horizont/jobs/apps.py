from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class JobsConfig(AppConfig):
    name = "horizont.jobs"
    label = "jobs"
    verbose_name = _("Background jobs")

    def ready(self) -> None:
        from horizont.accounts.services import register_erasure
        from horizont.jobs.services import user_jobs_erase

        register_erasure(user_jobs_erase)
