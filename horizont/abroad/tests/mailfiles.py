"""A mail backend for the kill test: one file per message, written before it returns, and
a pause after each hand-over (the moment a kill loses the record of one message)."""

from __future__ import annotations

import os
import time
import uuid
from pathlib import Path
from typing import Any

from django.core.mail.backends.base import BaseEmailBackend


class OneFilePerMessage(BaseEmailBackend):
    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.directory = Path(os.environ["ABROAD_TEST_MAIL_DIR"])
        self.pause = float(os.environ.get("ABROAD_TEST_MAIL_PAUSE", "0"))

    def send_messages(self, messages: Any) -> int:
        for message in messages:
            path = self.directory / f"{uuid.uuid4().hex}.eml"
            path.write_bytes(message.message().as_bytes())
            time.sleep(self.pause)
        return len(messages)
