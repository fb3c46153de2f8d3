"""The engine's hot modules compiled to C with mypyc, used only where current.

``scripts/build_scorer.py`` (run by ``make test``, or by hand in production) compiles
the :data:`MODULES` into ``horizont/screening/_compiled/`` and writes there a digest of
every source file of this package. The package puts that folder first on its path only
when the digest matches the sources as they are now and the build is for the running
Python: an edited engine is never shadowed by an old build, it runs as plain Python
until the next build. The compiled engine gives the same results (the suite runs in
both modes); it only answers sooner. ``HORIZONT_PURE_PYTHON=1`` turns it off.

No Django here, and nothing heavier than hashlib: this runs on every import.
"""

from __future__ import annotations

import hashlib
import os
from importlib.machinery import EXTENSION_SUFFIXES
from pathlib import Path
from typing import Final

PACKAGE: Final = Path(__file__).resolve().parent
FOLDER: Final = PACKAGE / "_compiled"
DIGEST_FILE: Final = "SOURCES.sha256"
MODULES: Final = ("score", "normalize", "phonetic", "translit", "scripts", "index")
"""The modules compiled: the scorer, which holds most of a query's time, the reading of
names (a new query is normalized in every script) and the index (retrieval)."""
LIBRARY: Final = "native__mypyc"
"""The shared library of the compiled modules (mypyc's group ``horizont.screening.native``)."""


def sources_digest(package: Path = PACKAGE) -> str:
    """SHA-256 over the names and bytes of the package's Python sources (tests aside):
    compiled code may rely on any of them (constants are folded in)."""
    digest = hashlib.sha256()
    for path in sorted(package.glob("*.py")):
        digest.update(path.name.encode())
        digest.update(b"\0")
        digest.update(path.read_bytes())
        digest.update(b"\0")
    return digest.hexdigest()


def build_is_current() -> bool:
    """Whether the folder holds a build of the current sources for this Python (another
    Python would import the sources instead)."""
    try:
        built = (FOLDER / DIGEST_FILE).read_text(encoding="ascii").strip()
    except OSError:
        return False
    suffix = EXTENSION_SUFFIXES[0]
    return built == sources_digest() and all(
        (FOLDER / f"{module}{suffix}").is_file() for module in (*MODULES, LIBRARY)
    )


def current_folder() -> Path | None:
    """The folder of the compiled modules when they are to be used, else None."""
    if os.environ.get("HORIZONT_PURE_PYTHON", "") not in ("", "0"):
        return None
    return FOLDER if build_is_current() else None


def scorer_kind() -> str:
    """How the scorer runs in this process, for benchmarks and diagnostics."""
    from horizont.screening import score

    return "compiled (mypyc)" if score.__file__.endswith(tuple(EXTENSION_SUFFIXES)) else "Python"
