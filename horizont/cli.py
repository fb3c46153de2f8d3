"""The ``horizont`` console command: Django's management commands under one name.

``horizont migrate``, ``horizont forensics analyze FILE``, ``horizont screen QUERY``,
``horizont lists load PATH`` … are the management commands of the same names.
"""

from __future__ import annotations

import os
import sys


def main(argv: list[str] | None = None) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "horizont.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(["horizont", *(sys.argv[1:] if argv is None else argv)])


if __name__ == "__main__":
    main()
