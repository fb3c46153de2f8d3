"""The ``horizont`` console command: Django's management commands under one name.

``horizont migrate``, ``horizont forensics analyze FILE``, ``horizont screen QUERY``,
``horizont lists load PATH`` … are the management commands of the same names.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path


def main(argv: list[str] | None = None) -> None:
    args = sys.argv[1:] if argv is None else argv
    if args[:1] == ["screen"]:
        # Screening needs no Django: start the engine's command line directly (the
        # same defaults as settings.py), so that one screening answers in under a second.
        project = Path(__file__).resolve().parent.parent
        var = Path(os.environ.get("HORIZONT_VAR_DIR", str(project / "var")))
        os.environ.setdefault("HORIZONT_LISTS_DIR", str(var / "lists"))
        from horizont.screening.cli import main as screening_main

        raise SystemExit(screening_main(args))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "horizont.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(["horizont", *(sys.argv[1:] if argv is None else argv)])


if __name__ == "__main__":
    main()
