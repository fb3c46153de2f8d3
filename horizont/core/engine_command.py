"""Management commands that hand their arguments straight to an engine's command line.

The engines parse their own arguments (``--help`` included), so ``horizont forensics
analyze FILE`` and ``python -m horizont.forensics analyze FILE`` behave the same.
"""

from __future__ import annotations

import importlib
import sys
from typing import Any

from django.core.management.base import BaseCommand


class EngineCommand(BaseCommand):
    engine_cli = ""  # dotted module with main(argv) -> int
    prefix: list[str] = []  # arguments put before the user's (e.g. a sub-command)

    def prepare(self) -> None:
        """Hand configuration from settings to the engine (through its environment)."""

    def run_from_argv(self, argv: list[str]) -> None:
        self.prepare()
        main = importlib.import_module(self.engine_cli).main
        code = main([*self.prefix, *argv[2:]])
        sys.exit(code or 0)

    def handle(self, *args: Any, **options: Any) -> None:  # pragma: no cover - via call_command
        self.prepare()
        main = importlib.import_module(self.engine_cli).main
        code = main([*self.prefix, *args])
        if code:
            raise SystemExit(code)
