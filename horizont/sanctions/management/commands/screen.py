import os

from django.conf import settings

from horizont.core.engine_command import EngineCommand


class Command(EngineCommand):
    help = "Screen a name or identifier against the loaded lists: horizont screen QUERY"
    engine_cli = "horizont.screening.cli"
    prefix = ["screen"]

    def prepare(self) -> None:
        os.environ.setdefault("HORIZONT_LISTS_DIR", str(settings.HORIZONT_LISTS_DIR))
