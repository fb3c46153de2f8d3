"""The engine stands alone: no Django, a documented public API."""

from __future__ import annotations

import subprocess
import sys

import horizont.forensics as forensics


def test_engine_never_imports_django() -> None:
    code = (
        "import sys, horizont.forensics, horizont.forensics.cli, horizont.forensics.html;"
        "assert not any(m == 'django' or m.startswith('django.') for m in sys.modules)"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_public_api_is_documented() -> None:
    for name in forensics.__all__:
        item = getattr(forensics, name)
        if callable(item):
            assert item.__doc__, name
