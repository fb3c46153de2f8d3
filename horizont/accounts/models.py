from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.db import models
from django.utils.translation import gettext_lazy as _

from horizont.core.fields import EncryptedTextField

MODERATOR = "moderator"
COORDINATOR = "coordinator"
PRIVILEGED_GROUPS = (MODERATOR, COORDINATOR)


class UserManager(BaseUserManager):
    use_in_migrations = True

    def _create(self, email: str, password: str | None, **extra: Any) -> User:
        if not email:
            raise ValueError("An e-mail address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email: str, password: str | None = None, **extra: Any) -> User:
        extra.setdefault("is_staff", False)
        extra.setdefault("is_superuser", False)
        return self._create(email, password, **extra)

    def create_superuser(self, email: str, password: str | None = None, **extra: Any) -> User:
        extra.update(is_staff=True, is_superuser=True)
        return self._create(email, password, **extra)


class User(AbstractUser):
    """A person using Horizont. The display name may be a pseudonym; no real name is asked."""

    username = None  # type: ignore[assignment]
    first_name = None  # type: ignore[assignment]
    last_name = None  # type: ignore[assignment]
    email = models.EmailField(_("e-mail address"), unique=True)
    display_name = models.CharField(
        _("display name"),
        max_length=80,
        blank=True,
        help_text=_("Shown to others. A pseudonym is fine; we never ask for your real name."),
    )
    language = models.CharField(
        _("preferred language"), max_length=8, choices=settings.LANGUAGES, blank=True
    )
    contact = EncryptedTextField(
        _("contact details"),
        blank=True,
        help_text=_("Stored encrypted. Shown to nobody unless you share it."),
    )

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS: list[str] = []

    objects = UserManager()  # type: ignore[misc]

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def __str__(self) -> str:
        return self.public_name

    @property
    def public_name(self) -> str:
        return self.display_name or _("Member %(id)s") % {"id": self.pk}

    @property
    def is_privileged(self) -> bool:
        """Staff, site administrators, moderators and coordinators see others' data."""
        return (
            self.is_staff
            or self.is_superuser
            or self.groups.filter(name__in=PRIVILEGED_GROUPS).exists()
        )

    @property
    def has_mfa(self) -> bool:
        from allauth.mfa.models import Authenticator

        return Authenticator.objects.filter(
            user=self, type__in=[Authenticator.Type.TOTP, Authenticator.Type.WEBAUTHN]
        ).exists()

    def has_perm(self, perm: str, obj: Any = None) -> bool:
        # Django grants a superuser every permission before any rule runs; without
        # two-factor a superuser gets only what the rules give (which need two-factor).
        if self.is_active and self.is_superuser and not self.has_mfa:
            import rules

            return bool(rules.has_perm(perm, self, obj))
        return bool(super().has_perm(perm, obj))
