"""Names that people type in (publication tags, forum categories) in the reader's language.

A model keeps its name in ``<field>`` (as typed, any language) and optional translations
in ``<field>_en``, ``<field>_ru``, ``<field>_de``, ``<field>_pl``; pages show the one for
the active language and fall back to the name as typed.
"""

from __future__ import annotations

from typing import Any

from django.utils import translation

LANGUAGES = ("en", "ru", "de", "pl")


def translated(obj: Any, field: str, language: str | None = None) -> str:
    """``obj.<field>_<language>`` when filled in, else ``obj.<field>``."""
    lang = (language or translation.get_language() or "en").split("-")[0]
    value = getattr(obj, f"{field}_{lang}", "") if lang in LANGUAGES else ""
    return str(value or getattr(obj, field))
