"""The one helper tests use to reach the real data in ``../shared/data``."""

from __future__ import annotations

from pathlib import Path

import pytest

from horizont.lib.shared_data import shared_data_path


def shared_data(*parts: str) -> Path:
    """Return the path of a shared data file, or skip the test saying what is missing."""
    path = shared_data_path(*parts)
    if not path.exists():
        pytest.skip(
            f"real data {'/'.join(parts)} not found at {path}; "
            "place ../shared/data beside the project or set HORIZONT_DATA"
        )
    return path
