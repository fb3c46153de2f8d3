"""Gunicorn settings for Horizont: ``gunicorn -c python:horizont.gunicorn_conf horizont.wsgi``.

Keeps client addresses out of gunicorn's logs (docs/operations.md, "Logs"): no access
log unless an operator asks for one, an access-log format without the address, and a
filter that removes any address from what gunicorn itself writes (its error log reports
``Invalid request from ip=…``). Command-line options still override these values.
"""

from __future__ import annotations

import os
from typing import Any

from gunicorn.glogging import Logger

from horizont.lib.logs import NoAddressFilter

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8001")
workers = int(os.environ.get("GUNICORN_WORKERS", "3"))
# No access log: the reverse proxy in front already sees every request.
accesslog = None
# If an operator turns one on (--access-logfile): time, request line, status, size,
# duration. Deliberately without %(h)s (the client address) and without headers.
access_log_format = '%(t)s "%(r)s" %(s)s %(b)s %(M)sms'
errorlog = "-"
# A request larger than this is refused by gunicorn before Django reads it.
limit_request_line = 8190
limit_request_fields = 100
limit_request_field_size = 8190
# The heartbeat each worker writes every second: in memory, not on a disk that may stall
# under load (gunicorn's documentation recommends /dev/shm in containers).
worker_tmp_dir = "/dev/shm" if os.path.isdir("/dev/shm") else None  # noqa: S108


class AddressFreeLogger(Logger):  # type: ignore[misc]
    """Gunicorn's logger with client addresses removed from every message."""

    def setup(self, cfg: Any) -> None:
        super().setup(cfg)
        for log in (self.error_log, self.access_log):
            if not any(isinstance(f, NoAddressFilter) for f in log.filters):
                log.addFilter(NoAddressFilter())


logger_class = "horizont.gunicorn_conf.AddressFreeLogger"
