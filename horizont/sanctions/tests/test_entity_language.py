"""The entity page in the reader's language: no English labels or list ids (issue 15)."""

from __future__ import annotations

import re

import pytest
from django.utils.html import strip_tags

pytestmark = pytest.mark.django_db
AIRCRAFT = "us-ofac-sdn:27197"
ENGLISH = ("aircraft model", "mode-s", "serial", "listed in", "nationality of registration",
           "us-ofac-sdn", "manufacture date", "names and aliases")  # fmt: skip


def _text(client, language):
    page = client.get(f"/{language}/sanctions/entities/{AIRCRAFT}/").content.decode()
    main = page[page.index("<main") : page.index("</main>")]
    # Leave out what is quoted from the list as published (names, identifiers, remarks).
    main = re.sub(r"<(code|td)[^>]*>.*?</\1>", "", main, flags=re.S)
    main = re.sub(r'<p class="remarks">.*?</p>', "", main, flags=re.S)
    return " ".join(strip_tags(main).split()).lower()


@pytest.mark.parametrize(
    ("language", "expected"),
    [("de", ("luftfahrzeugmuster", "sdn-liste des us-finanzministeriums")),
     ("ru", ("модель воздушного судна", "список sdn минфина сша")),
     ("pl", ("model statku powietrznego", "lista sdn departamentu skarbu usa"))],
)  # fmt: skip
def test_entity_page_is_in_the_readers_language(client, real_lists, language, expected):
    text = _text(client, language)
    for word in expected:
        assert word in text
    for word in ENGLISH:
        assert word not in text, word
