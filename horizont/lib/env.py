"""Small typed readers for configuration from the environment.

Every secret may also be given as ``NAME_FILE`` pointing at a file that holds it
(the way container orchestrators hand out secrets).
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


def env_str(name: str, default: str = "") -> str:
    return os.environ.get(name, default)


def env_bool(name: str, default: bool = False) -> bool:
    raw = os.environ.get(name)
    if raw is None:
        return default
    value = raw.strip().lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise ValueError(f"{name} must be one of 1/0, true/false, yes/no, on/off; got {raw!r}")


def env_int(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        return int(raw)
    except ValueError as exc:
        raise ValueError(f"{name} must be a whole number; got {raw!r}") from exc


def env_list(name: str, default: list[str]) -> list[str]:
    raw = os.environ.get(name)
    if raw is None:
        return default
    return [item.strip() for item in raw.split(",") if item.strip()]


def env_secret(name: str, *, generate_into: Path | None = None, length: int = 50) -> str:
    """Read a secret from ``NAME``, ``NAME_FILE``, or a file generated on first use.

    With ``generate_into`` set, a missing secret is created once in that file (mode 0600)
    and read from there afterwards, so a fresh checkout works without configuration
    while no secret is ever committed.
    """
    value = os.environ.get(name)
    if value:
        return value
    file_name = os.environ.get(f"{name}_FILE")
    if file_name:
        return Path(file_name).read_text(encoding="utf-8").strip()
    if generate_into is None:
        return ""
    if not generate_into.exists():
        generate_into.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(generate_into, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(secrets.token_urlsafe(length))
    return generate_into.read_text(encoding="utf-8").strip()
