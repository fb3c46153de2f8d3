"""Names of the engine's station flags in the interface language."""

from __future__ import annotations

from django.utils.translation import get_language

from horizont.forensics.explanations import TERMS


def engine_language() -> str:
    """The current interface language as the engine knows it (English otherwise)."""
    code = (get_language() or "en").split("-")[0]
    return code if code in ("en", "ru", "de", "pl") else "en"


def label(name: str) -> str:
    """The engine's label of a flag in the current language, or its code if unknown."""
    terms = TERMS.get(name)
    if terms is None:
        return name
    return terms.get(engine_language(), terms.get("en", name))
