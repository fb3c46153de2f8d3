"""Where the engine's data files lie (never compiled: a module compiled with mypyc
does not know its own folder, see :mod:`horizont.screening.compiled`)."""

from __future__ import annotations

from pathlib import Path
from typing import Final

DATA: Final = Path(__file__).resolve().parent / "data"
