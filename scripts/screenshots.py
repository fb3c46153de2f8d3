"""Regenerate the screenshots in docs/screenshots/ (issue 15).

    .venv/bin/python scripts/screenshots.py [--language en]

Builds a throw-away SQLite database with the demo content (the fictional election only,
not the real 2021 data), serves it with ``horizont runserver`` on a free local port and
photographs, at 360 px and 1366 px, the home page, the directory, the map, the graph and
the forensic report with Debian's Chromium through Playwright; the demo letter to BAFA
is rendered from its PDF with ``pdftoppm`` (apt package poppler-utils). PNGs are
optimised with Pillow (palette, no metadata) to keep the repository small.
"""

from __future__ import annotations

import argparse
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "docs" / "screenshots"
WIDTHS = (360, 1366)
CHROMIUM = os.environ.get("HORIZONT_CHROMIUM", "/usr/bin/chromium")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _optimise(path: Path) -> None:
    from PIL import Image

    with Image.open(path) as image:
        small = image.convert("RGB").quantize(colors=128, method=Image.Quantize.MEDIANCUT)
        small.save(path, format="PNG", optimize=True)


def _prepare(env: dict[str, str]) -> None:
    horizont = str(ROOT / ".venv" / "bin" / "horizont")
    subprocess.run([horizont, "migrate", "--noinput", "-v0"], env=env, check=True)
    code = (
        "import django; django.setup();"
        "from pathlib import Path; import horizont.elections.demo as d;"
        "d.shared_data_path = lambda *parts: Path('/nonexistent');"
        "from django.core.management import call_command; call_command('demo')"
    )
    subprocess.run([sys.executable, "-c", code], env=env, check=True, cwd=ROOT)


def _pages(env: dict[str, str], language: str) -> dict[str, str]:
    code = (
        "import django; django.setup();"
        "from horizont.elections.models import Election;"
        "e = Election.objects.filter(reports__isnull=False).first(); print(e.pk if e else '')"
    )
    election = subprocess.run(
        [sys.executable, "-c", code], env=env, check=True, cwd=ROOT, capture_output=True, text=True
    ).stdout.strip()
    pages = {
        "home": f"/{language}/",
        "directory": f"/{language}/initiatives/",
        "map": f"/{language}/initiatives/map/",
        "graph": f"/{language}/initiatives/graph/",
    }
    if election:
        pages["forensic-report"] = f"/{language}/elections/{election}/report/"
    return pages


def _letter_png(env: dict[str, str]) -> None:
    pdf = Path(env["HORIZONT_VAR_DIR"]) / "letter.pdf"
    code = (
        "import django, sys; django.setup();"
        "from horizont.sanctions.letters import letter_pdf;"
        "from horizont.sanctions.models import Letter;"
        "letter = Letter.objects.order_by('pk').first();"
        f"open({str(pdf)!r}, 'wb').write(letter_pdf(letter)) if letter else sys.exit('no letter')"
    )
    subprocess.run([sys.executable, "-c", code], env=env, check=True, cwd=ROOT)
    for width in WIDTHS:
        target = OUT / f"bafa-letter-{width}"
        # A page of A4 (595 pt wide) at the width of the screen it stands for.
        scale = f"{width}"
        subprocess.run(
            [
                "pdftoppm",
                "-png",
                "-singlefile",
                "-f",
                "1",
                "-scale-to-x",
                scale,
                "-scale-to-y",
                "-1",
                str(pdf),
                str(target),
            ],
            check=True,
        )
        _optimise(target.with_suffix(".png"))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--language", default="en", choices=["en", "ru", "de", "pl"])
    arguments = parser.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    folder = tempfile.mkdtemp(prefix="horizont-screenshots-")
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "horizont.settings",
        "DEBUG": "1",
        "HORIZONT_VAR_DIR": folder,
        "DATABASE_URL": f"sqlite:///{folder}/screens.sqlite3",
        "PYTHONPATH": str(ROOT),
    }
    _prepare(env)
    port = _free_port()
    server = subprocess.Popen(
        [str(ROOT / ".venv" / "bin" / "horizont"), "runserver", "--noreload", f"127.0.0.1:{port}"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(120):
            try:
                urllib.request.urlopen(base + "/healthz", timeout=2)  # noqa: S310 - our own server
                break
            except OSError:
                time.sleep(1)
        from playwright.sync_api import sync_playwright

        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
            for width in WIDTHS:
                context = browser.new_context(
                    viewport={"width": width, "height": 900 if width > 400 else 780},
                    locale=arguments.language,
                )
                page = context.new_page()
                for name, path in _pages(env, arguments.language).items():
                    page.goto(base + path, wait_until="networkidle")
                    target = OUT / f"{name}-{width}.png"
                    page.screenshot(path=str(target), full_page=False)
                    _optimise(target)
                context.close()
            browser.close()
    finally:
        server.terminate()
        server.wait(timeout=30)
    _letter_png(env)
    for path in sorted(OUT.glob("*.png")):
        print(f"{path.relative_to(ROOT)}  {path.stat().st_size // 1024} KB")


if __name__ == "__main__":
    main()
