"""Management commands that hand their arguments straight to an engine's command line.

The engines parse their own arguments (``--help`` included), so ``horizont forensics
analyze FILE`` and ``python -m horizont.forensics analyze FILE`` behave the same.
"""

from __future__ import annotations

import importlib
import os
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
        try:
            code = main([*self.prefix, *argv[2:]])
        except Exception as error:
            # A bad file is the user's input, not a bug: one clear line, no traceback
            # (HORIZONT_TRACEBACK=1 shows it for debugging).
            if os.environ.get("HORIZONT_TRACEBACK"):
                raise
            name = argv[1] if len(argv) > 1 else "horizont"
            print(f"horizont {name}: error: {error or type(error).__name__}", file=sys.stderr)
            code = 1
        sys.exit(code or 0)

    def handle(self, *args: Any, **options: Any) -> None:  # pragma: no cover - via call_command
        self.prepare()
        main = importlib.import_module(self.engine_cli).main
        code = main([*self.prefix, *args])
        if code:
            raise SystemExit(code)
