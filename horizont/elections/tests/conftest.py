"""Fixtures of the elections tests: private folders, a fictional results file, a fast engine."""

from __future__ import annotations

import dataclasses
import functools
import io
from pathlib import Path
from typing import Any

import pytest

from horizont.elections import services
from horizont.elections.synthetic import synthetic_csv
from horizont.forensics.plots import PLOTS


@pytest.fixture(autouse=True)
def _elections_folders(settings: Any, tmp_path: Path) -> None:
    settings.ELECTIONS_IMPORT_DIR = tmp_path / "imports"
    settings.ELECTIONS_UPLOAD_DIR = tmp_path / "uploads"
    settings.ELECTIONS_IMPORT_DIR.mkdir()


@pytest.fixture(scope="session")
def synthetic_text() -> str:
    return synthetic_csv()


@pytest.fixture
def synthetic_file(tmp_path: Path, synthetic_text: str) -> Path:
    path = tmp_path / "fictional.csv"
    path.write_text(synthetic_text, encoding="utf-8")
    return path


_REPORTS: dict[Any, Any] = {}


def _svg(text: str) -> str:
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" width="200" height="40">'
        f'<text x="5" y="25">{text}</text></svg>'
    )


@functools.cache
def _png() -> bytes:
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (40, 20), "white").save(buffer, format="PNG")
    return buffer.getvalue()


@pytest.fixture
def fast_engine(monkeypatch: pytest.MonkeyPatch) -> None:
    """Run the engine's report once per distinct input; stand-ins for plots and HTML.

    The engine is tested on its own (and ``test_engine_output`` draws real plots and
    HTML once); here only the app's handling of its output matters, and the fingerprint
    fit and sixty matplotlib figures take half a minute even for 180 stations.
    """
    real_build = services.build_report

    @functools.wraps(real_build)
    def build(results: Any, **kwargs: Any) -> Any:
        key = (len(results), int(results.registered.sum()))
        if key not in _REPORTS:
            kwargs["mc_draws"] = min(kwargs.get("mc_draws", 100), 100)
            kwargs["fingerprint_bootstrap"] = 2
            _REPORTS[key] = real_build(results, **kwargs)
        return dataclasses.replace(
            _REPORTS[key],
            source=results.source,
            title=results.title,
            warnings=results.warnings,
            column_mapping=results.column_mapping,
        )

    def plots(report: Any, languages: tuple[str, ...]) -> Any:
        return [
            (name, language, _svg(f"{name} {language}"), _png())
            for language in languages
            for name in PLOTS
        ]

    def html(report: Any, language: str = "en", **kwargs: Any) -> str:
        return (
            f'<!DOCTYPE html><html lang="{language}"><head><meta charset="utf-8">'
            f"<title>{report.title}</title></head><body><h1>{report.title}</h1></body></html>"
        )

    monkeypatch.setattr(services, "build_report", build)
    monkeypatch.setattr(services, "plots_render", plots)
    monkeypatch.setattr(services, "render_html", html)


@pytest.fixture
def election(db: Any, synthetic_file: Path, fast_engine: None, coordinator: Any) -> Any:
    return services.election_import(
        path=synthetic_file,
        info=services.ElectionInfo(name="Fictional assembly", source_name="fictional.csv"),
        created_by=coordinator,
        mc_draws=100,
    )
