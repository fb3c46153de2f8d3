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
            # Written under a hidden name and renamed: like an SMTP hand-over, a kill leaves
            # either the whole message or none (a half-written file read back as To: None).
            name = uuid.uuid4().hex
            partial = self.directory / f".{name}.partial"
            partial.write_bytes(message.message().as_bytes())
            partial.rename(self.directory / f"{name}.eml")
            time.sleep(self.pause)
        return len(messages)
