"""Structured (JSON lines) logging without personal data."""

from __future__ import annotations

import ipaddress
import json
import logging
import re
from datetime import UTC, datetime

_SKIP = set(logging.makeLogRecord({}).__dict__) | {"message", "asctime", "request"}


class JsonFormatter(logging.Formatter):
    """One JSON object per line: time, level, logger, message and any ``extra`` fields.

    The request object Django attaches to some records is dropped on purpose: it would
    carry the client's IP address into the logs.
    """

    def format(self, record: logging.LogRecord) -> str:
        payload: dict[str, object] = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        for key, value in record.__dict__.items():
            if key not in _SKIP and not key.startswith("_"):
                payload[key] = value if isinstance(value, int | float | str | bool) else str(value)
        if record.exc_info:
            payload["exception"] = self.formatException(record.exc_info)
        return json.dumps(payload, ensure_ascii=False)


# Candidates: dotted quads, and runs of hex digits and colons (IPv6, possibly with an
# embedded IPv4 tail or a zone); each is confirmed by ``ipaddress`` before it is removed,
# so times such as 12:30:45 stay.
_CANDIDATE = re.compile(
    r"(?<![\w.:])(?:[0-9A-Fa-f]{0,4}:){2,7}[0-9A-Fa-f.]*(?:%\w+)?"  # IPv6
    r"|\d{1,3}(?:\.\d{1,3}){3}"  # IPv4
)
REMOVED = "[address removed]"


def _is_address(text: str) -> bool:
    try:
        ipaddress.ip_address(text.split("%", 1)[0])
    except ValueError:
        return False
    return True


def remove_addresses(text: str) -> str:
    """``text`` with every IPv4 and IPv6 address replaced by ``[address removed]``."""
    return _CANDIDATE.sub(lambda m: REMOVED if _is_address(m.group(0)) else m.group(0), text)


class NoAddressFilter(logging.Filter):
    """Removes client addresses from log messages (ours, Django's, gunicorn's).

    Gunicorn writes ``Invalid request from ip=…`` into its error log and ``%(h)s`` into
    access logs; with this filter on the handler, neither reaches the disk.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        cleaned = remove_addresses(message)
        if cleaned != message:
            record.msg, record.args = cleaned, None
        return True
