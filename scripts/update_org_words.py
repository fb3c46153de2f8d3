"""Write the words of organisation names that OpenSanctions' ``rigour`` reads as generic
(a symbol such as MGMT, TRADE, INTL; a domain such as BANK, OIL, CONSTRUCTION; a
place; a legal form) and its stop words (of, the, und) into
``horizont/screening/data/org_words.json``.

rigour keeps its symbol tables inside its compiled core and lists none of them, so each word
of every organisation name on the lists in ``../shared/data`` is asked for its
symbols. The engine reads the copy, so that it needs neither the package nor the data
at run time (the same way as ``update_legal_forms.py``).

    .venv/bin/pip install -e '.[bench]'   # brings rigour
    .venv/bin/python scripts/update_org_words.py
"""

from __future__ import annotations

import json
import sys
from importlib.metadata import version
from pathlib import Path

from rigour.names import NameTypeTag, analyze_names
from rigour.text.stopwords import stopwords_list

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

from _screening_common import all_entities  # noqa: E402

from horizont.screening import Schema  # noqa: E402
from horizont.screening.normalize import normalize_name  # noqa: E402

TARGET = ROOT / "horizont/screening/data/org_words.json"
GENERIC = frozenset({"SYMBOL", "DOMAIN", "LOC", "ORGCLS"})


def generic(word: str) -> bool:
    """True when rigour gives the word alone a generic symbol."""
    for name in analyze_names(NameTypeTag.ORG, [word]):
        if any(symbol.category.value in GENERIC for symbol in name.symbols):
            return True
    return False


def main() -> None:
    words: set[str] = set()
    for entity in all_entities():
        if entity.schema is Schema.PERSON:
            continue
        for name in entity.names:
            for raw in name.value.replace(",", " ").split():
                words.update(t.text for t in normalize_name(raw).tokens)
    found = {word for word in words if len(word) >= 3 and generic(word)}
    # rigour's stop words written in Latin or Cyrillic (of, the, und, de, для): generic
    # in any name; romanized from other scripts they would be syllables of Chinese
    # names (是 shi, 为 wei)
    for stopword in stopwords_list():
        tokens = normalize_name(stopword).tokens
        found.update(t.text for t in tokens if not t.foreign)
    data = {
        "source": f"rigour {version('rigour')} (OpenSanctions): words of organisation names "
        "on the lists in ../shared/data read as a symbol, domain, place or legal form, "
        "and rigour's stop words",
        "licence": "MIT, Copyright (c) OpenSanctions Datenbanken GmbH",
        "words": sorted(found),
    }
    TARGET.write_text(json.dumps(data, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    print(f"{len(found)} generic words of {len(words)} written to {TARGET}")


if __name__ == "__main__":
    main()
