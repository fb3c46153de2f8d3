import os

from django.conf import settings

from horizont.core.engine_command import EngineCommand


class Command(EngineCommand):
    help = "Sanctions and registry lists: horizont lists load|update|diff|list …"
    engine_cli = "horizont.screening.cli"
    prefix = ["lists"]

    def prepare(self) -> None:
        os.environ.setdefault("HORIZONT_LISTS_DIR", str(settings.HORIZONT_LISTS_DIR))
