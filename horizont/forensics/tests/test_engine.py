"""The engine stands alone: no Django, a documented public API."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import horizont.forensics as forensics


def test_engine_never_imports_django() -> None:
    code = (
        "import sys, horizont.forensics, horizont.forensics.cli, horizont.forensics.html;"
        "assert not any(m == 'django' or m.startswith('django.') for m in sys.modules)"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_public_api_is_documented() -> None:
    for name in forensics.__all__:
        item = getattr(forensics, name)
        if callable(item):
            assert item.__doc__, name


def test_engine_texts_come_from_gettext_catalogues() -> None:
    import re

    import polib

    from horizont.forensics import explanations
    from horizont.forensics.explanations import _EXPLANATIONS, _LABELS, _TERMS, LOCALE_DIR

    source = Path(explanations.__file__).read_text(encoding="utf-8")
    assert not re.search("[а-яА-Я]", source), "translations belong in the catalogues"
    texts = {t for e in _EXPLANATIONS.values() for t in (e.title, e.shows, e.cannot_prove)}
    texts |= set(_LABELS.values()) | set(_TERMS.values())
    for lang in ("ru", "de", "pl"):
        catalogue = polib.pofile(str(LOCALE_DIR / lang / "LC_MESSAGES" / "django.po"))
        translated = {e.msgid for e in catalogue.translated_entries()}
        assert texts <= translated, (lang, sorted(texts - translated)[:3])
    assert explanations.LABELS["ru"]["turnout"] == "Явка"
    assert (
        explanations.explanation("integer", "de").title
        != explanations.explanation("integer", "en").title
    )
