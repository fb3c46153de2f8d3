from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from horizont.core.fields import EncryptedTextField
from horizont.lib.names import name_problems, skeleton

MODERATOR = "moderator"
COORDINATOR = "coordinator"
PRIVILEGED_GROUPS = (MODERATOR, COORDINATOR)


def validate_display_name_characters(value: str) -> None:
    """No invisible, control or bidirectional-override characters in a display name."""
    problems = name_problems(value)
    if problems:
        raise ValidationError(
            _("A name may not contain invisible or control characters: %(characters)s."),
            code="invalid_characters",
            params={"characters": ", ".join(problems)},
        )


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
        validators=[validate_display_name_characters],
    )
    # The display name with look-alike letters mapped together (lib.names.skeleton), so that
    # a name confusable with another member's is found with one indexed query.
    display_name_skeleton = models.CharField(
        max_length=200, blank=True, db_index=True, editable=False
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

    def save(self, *args: Any, **kwargs: Any) -> None:
        # Derived index column, not domain logic: kept here so that every writer (profile
        # form, admin, demo loaders, erasure) keeps it in step with the name.
        self.display_name_skeleton = skeleton(self.display_name) if self.display_name else ""
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and "display_name" in update_fields:
            kwargs["update_fields"] = {*update_fields, "display_name_skeleton"}
        super().save(*args, **kwargs)

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

    # Set for ``request.user`` by ``accounts.middleware.SessionTwoFactorMiddleware``: whether
    # this session passed a two-factor check (at login or re-authentication). Enrolling an
    # authenticator does not count: someone who only knows the password could enrol one.
    mfa_session_passed: bool = False

    @property
    def mfa_enrolled(self) -> bool:
        """Whether the user has turned on two-factor (TOTP or a security key).

        Cached on the object, which for ``request.user`` means once per request; the
        cache is dropped when an authenticator is added or removed."""
        if "_mfa_enrolled" not in self.__dict__:
            from allauth.mfa.models import Authenticator

            self.__dict__["_mfa_enrolled"] = Authenticator.objects.filter(
                user=self, type__in=[Authenticator.Type.TOTP, Authenticator.Type.WEBAUTHN]
            ).exists()
        return bool(self.__dict__["_mfa_enrolled"])

    def forget_mfa_enrolment(self) -> None:
        self.__dict__.pop("_mfa_enrolled", None)

    @property
    def has_mfa(self) -> bool:
        """Two-factor protects this session: the user has an authenticator *and* this
        session passed it. What every role that sees others' data requires."""
        return self.mfa_enrolled and self.mfa_session_passed

    def has_perm(self, perm: str, obj: Any = None) -> bool:
        """One permission mechanism for every app: a permission declared in an app's
        ``rules.py`` is decided by its rules alone. Django would grant a superuser every
        permission before any rule runs — with or without two-factor, and on objects
        (case files, member lists) that are for their team only. Other permissions (the
        admin's model permissions) follow Django, for a superuser only after two-factor."""
        import rules

        if not self.is_active:
            return False
        if rules.perm_exists(perm):
            return bool(rules.has_perm(perm, self, obj))
        if self.is_superuser and not self.has_mfa:
            return False
        return bool(super().has_perm(perm, obj))
