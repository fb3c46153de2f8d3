"""Names that people type in (publication tags, forum categories) in the reader's language.

A model keeps its name in ``<field>`` (as typed, any language) and optional translations
in ``<field>_en``, ``<field>_ru``, ``<field>_de``, ``<field>_pl``; pages show the one for
the active language and fall back to the name as typed. Declare the columns with
:func:`language_columns` and inherit :class:`TranslatedName` for ``label``::

    class Tag(TranslatedName, models.Model):
        name = models.CharField(_("name"), max_length=60)
        name_en, name_ru, name_de, name_pl = language_columns(
            models.CharField, "name", max_length=60, blank=True
        )
"""

from __future__ import annotations

from typing import Any

from django.db import models
from django.utils import translation
from django.utils.translation import gettext_lazy as _

LANGUAGES = ("en", "ru", "de", "pl")

#: The labels of the columns, in the order of ``LANGUAGES`` (the migrations hold them).
LABELS = {
    "name": (
        _("name in English"),
        _("name in Russian"),
        _("name in German"),
        _("name in Polish"),
    ),
    "description": (
        _("description in English"),
        _("description in Russian"),
        _("description in German"),
        _("description in Polish"),
    ),
}


def language_columns(
    field_class: type[models.Field], field: str, **options: Any
) -> tuple[models.Field, ...]:
    """The columns ``<field>_en``, ``_ru``, ``_de``, ``_pl``, in that order, each a
    ``field_class(label, **options)``; leave them blank to show ``<field>`` as typed."""
    return tuple(field_class(label, **options) for label in LABELS[field])


def translated(obj: Any, field: str, language: str | None = None) -> str:
    """``obj.<field>_<language>`` when filled in, else ``obj.<field>``."""
    lang = (language or translation.get_language() or "en").split("-")[0]
    value = getattr(obj, f"{field}_{lang}", "") if lang in LANGUAGES else ""
    return str(value or getattr(obj, field))


class TranslatedName:
    """``label``: the model's ``name`` in the reader's language, else as typed."""

    @property
    def label(self) -> str:
        return translated(self, "name")
