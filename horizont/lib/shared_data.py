"""Where the real data sets live: ``../shared/data`` beside the project, or ``HORIZONT_DATA``.

The data is never copied into the repository. Tests and benchmarks ask for a path
through :func:`shared_data_path`; tests use :func:`horizont.testing.data.shared_data`,
which skips the test with a clear reason when the file is absent.
"""

from __future__ import annotations

import os
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[2]


def shared_data_root() -> Path:
    """The folder holding the shared data sets (it may not exist)."""
    configured = os.environ.get("HORIZONT_DATA")
    if configured:
        return Path(configured)
    return PROJECT_ROOT.parent / "shared" / "data"


def shared_data_path(*parts: str) -> Path:
    """Path of a file or folder inside the shared data (it may not exist)."""
    return shared_data_root().joinpath(*parts)
