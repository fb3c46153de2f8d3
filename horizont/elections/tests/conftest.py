"""Fixtures of the elections tests: private folders, a fictional results file, a fast engine."""

from __future__ import annotations

import dataclasses
import functools
from pathlib import Path
from typing import Any

import pytest

from horizont.elections import services
from horizont.elections.synthetic import synthetic_csv


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


@pytest.fixture
def fast_engine(monkeypatch: pytest.MonkeyPatch) -> None:
    """Run the engine's report once per distinct input (fewer draws); a stand-in HTML.

    The engine is tested on its own (and ``test_engine_output`` renders the real HTML
    once); here only the app's handling of its output matters, and the fingerprint fit
    and Monte Carlo draws take seconds even for 180 stations. Plots are the real ones:
    they take milliseconds.
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

    def html(report: Any, language: str = "en", **kwargs: Any) -> str:
        return (
            f'<!DOCTYPE html><html lang="{language}"><head><meta charset="utf-8">'
            f"<title>{report.title}</title></head><body><h1>{report.title}</h1></body></html>"
        )

    monkeypatch.setattr(services, "build_report", build)
    monkeypatch.setattr(services, "render_html", html)


@pytest.fixture
def election(db: Any, synthetic_file: Path, fast_engine: None, coordinator: Any) -> Any:
    return services.election_import(
        path=synthetic_file,
        info=services.ElectionInfo(name="Fictional assembly", source_name="fictional.csv"),
        created_by=coordinator,
        mc_draws=100,
    )
