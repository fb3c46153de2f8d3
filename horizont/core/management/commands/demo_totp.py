from typing import Any

from django.core.management.base import BaseCommand

from horizont.core.management.commands.demo import DEMO_TOTP_SECRET
from horizont.lib.totp import totp_code


class Command(BaseCommand):
    help = "Print the demo administrator's current two-factor code."

    def handle(self, *args: Any, **options: Any) -> None:
        self.stdout.write(totp_code(DEMO_TOTP_SECRET))
