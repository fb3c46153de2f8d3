"""Prepare the demo: an administrator with two-factor set up, and every app's demo content."""

from __future__ import annotations

import importlib
from typing import Any

from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction

from horizont.lib.totp import totp_code

DEMO_ADMIN_EMAIL = "admin@example.org"
DEMO_ADMIN_PASSWORD = "horizont-demo"  # noqa: S105 - printed to the person running the demo
DEMO_TOTP_SECRET = "JBSWY3DPEHPK3PXPHORIZONT"


class Command(BaseCommand):
    help = "Create the demo administrator and load every app's demo content (idempotent)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--force",
            action="store_true",
            help="Load the demo even with DEBUG off (it adds an administrator with a "
            "published password: never on a production site).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if not settings.DEBUG and not options["force"]:
            raise CommandError(
                "DEBUG is off: this looks like a production site, and the demo adds an "
                "administrator whose password and two-factor secret are published. "
                "Run it with DEBUG=1 (make demo does), or add --force if you mean it."
            )
        with transaction.atomic():
            self._admin()
        for config in apps.get_app_configs():
            if not config.name.startswith("horizont."):
                continue
            try:
                module = importlib.import_module(f"{config.name}.demo")
            except ModuleNotFoundError as exc:
                if exc.name != f"{config.name}.demo":
                    raise
                continue
            with transaction.atomic():
                summary = module.load()
            if summary:
                self.stdout.write(f"  {config.label}: {summary}")
        self.stdout.write(
            self.style.SUCCESS(
                "\nDemo ready. Log in as the demo administrator:\n"
                f"  e-mail:    {DEMO_ADMIN_EMAIL}\n"
                f"  password:  {DEMO_ADMIN_PASSWORD}\n"
                f"  two-factor secret (add it to an authenticator app): {DEMO_TOTP_SECRET}\n"
                "  or print the current code with: .venv/bin/horizont demo_totp\n"
                f"  (code right now: {totp_code(DEMO_TOTP_SECRET)})\n"
            )
        )

    def _admin(self) -> None:
        from allauth.account.models import EmailAddress
        from allauth.mfa.models import Authenticator
        from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
        from allauth.mfa.totp.internal.auth import TOTP
        from django.contrib.auth import get_user_model

        user_model = get_user_model()
        admin, created = user_model.objects.get_or_create(
            email=DEMO_ADMIN_EMAIL,
            defaults={"display_name": "Demo admin", "is_staff": True, "is_superuser": True},
        )
        if created:
            admin.set_password(DEMO_ADMIN_PASSWORD)
            admin.save()
        EmailAddress.objects.get_or_create(
            user=admin, email=DEMO_ADMIN_EMAIL, defaults={"verified": True, "primary": True}
        )
        if not Authenticator.objects.filter(user=admin, type=Authenticator.Type.TOTP).exists():
            TOTP.activate(admin, DEMO_TOTP_SECRET)
            RecoveryCodes.activate(admin)
