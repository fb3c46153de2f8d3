"""In a real browser: the main public pages fit a 360-px phone and a 1366-px desktop.

A page fails when the document is wider than the window (horizontal scrolling of the
whole page); wide tables must scroll inside their own box instead.
"""

from pathlib import Path

import pytest
from django.core.management import call_command

from horizont.elections.models import Election, ForensicReport
from horizont.network.models import Initiative

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

LANGUAGES = ("ru", "en", "de", "pl")
# The innermost elements reaching past the window's right edge, to say what overflows.
OFFENDERS = """() => {
  const limit = window.innerWidth;
  const wide = [...document.body.querySelectorAll('*')].filter(
    (el) => el.getBoundingClientRect().right > limit + 1);
  return wide.filter((el) => !wide.some((other) => other !== el && el.contains(other)))
    .slice(0, 3).map((el) => el.tagName.toLowerCase()
      + (el.id ? '#' + el.id : '') + (el.className ? '.' + el.className : ''));
}"""
WIDTHS = (360, 1366)


def _pages() -> list[str]:
    pages = [
        "",
        "initiatives/",
        "initiatives/map/",
        "initiatives/graph/",
        "events/",
        "publications/",
        "forum/",
        "forum/directory/",
        "sanctions/",
        "petitions/",
        "positions/",
        "elections/",
    ]
    election = Election.objects.filter(reports__isnull=False).first() or Election.objects.first()
    if election is not None:
        pages += [f"elections/{election.pk}/", f"elections/{election.pk}/stations/"]
        if ForensicReport.objects.filter(election=election).exists():
            pages.append(f"elections/{election.pk}/report/")
    for initiative in Initiative.objects.filter(status="approved")[:3]:
        pages.append(f"initiatives/{initiative.slug}/")
        pages.append(f"donations/{initiative.slug}/")
    return pages


def test_public_pages_fit_phone_and_desktop(page, monkeypatch):
    # The demo content of every app, without the slow real election data set.
    monkeypatch.setattr(
        "horizont.elections.demo.shared_data_path", lambda *parts: Path("/nonexistent")
    )
    call_command("demo", force=True, stdout=open("/dev/null", "w"))  # noqa: SIM115
    pages = _pages()
    assert any(path.endswith("/report/") for path in pages), pages

    overflowing = []
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 800})
        for language in LANGUAGES:
            for path in pages:
                response = page.goto(f"/{language}/{path}")
                if response is None or response.status >= 400:
                    continue
                scroll, inner = page.evaluate(
                    "[document.documentElement.scrollWidth, window.innerWidth]"
                )
                if scroll > inner:
                    culprits = ", ".join(page.evaluate(OFFENDERS))
                    overflowing.append(
                        f"{width}px /{language}/{path}: {scroll} > {inner} ({culprits})"
                    )
    assert not overflowing, "\n".join(overflowing)
