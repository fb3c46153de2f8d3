from horizont.core.engine_command import EngineCommand


class Command(EngineCommand):
    help = "Election forensics: horizont forensics analyze PATH [--json OUT] [--html OUT] …"
    engine_cli = "horizont.forensics.cli"
