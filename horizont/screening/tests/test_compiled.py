"""The compiled scorer is used only when built from the sources as they are."""

from __future__ import annotations

from importlib.machinery import EXTENSION_SUFFIXES
from pathlib import Path

import pytest

from horizont.screening import compare_names, compiled


def _package(tmp_path: Path) -> Path:
    package = tmp_path / "screening"
    package.mkdir()
    (package / "score.py").write_text("X = 1\n", encoding="utf-8")
    (package / "normalize.py").write_text("Y = 2\n", encoding="utf-8")
    return package


def test_the_digest_changes_with_any_source_of_the_package(tmp_path: Path) -> None:
    package = _package(tmp_path)
    before = compiled.sources_digest(package)
    assert compiled.sources_digest(package) == before
    (package / "normalize.py").write_text("Y = 3\n", encoding="utf-8")
    assert compiled.sources_digest(package) != before


def _built(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, digest: str) -> Path:
    folder = tmp_path / "_compiled"
    folder.mkdir()
    for module in (*compiled.MODULES, compiled.LIBRARY):
        (folder / f"{module}{EXTENSION_SUFFIXES[0]}").write_bytes(b"")
    (folder / compiled.DIGEST_FILE).write_text(digest + "\n", encoding="ascii")
    monkeypatch.setattr(compiled, "FOLDER", folder)
    monkeypatch.delenv("HORIZONT_PURE_PYTHON", raising=False)
    return folder


def test_a_build_from_the_current_sources_is_used(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = _built(tmp_path, monkeypatch, compiled.sources_digest())
    assert compiled.current_folder() == folder


def test_a_build_from_other_sources_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _built(tmp_path, monkeypatch, "0" * 64)
    assert compiled.current_folder() is None


@pytest.mark.parametrize("missing", ["score", "native__mypyc"])
def test_a_build_without_one_of_its_modules_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, missing: str
) -> None:
    folder = _built(tmp_path, monkeypatch, compiled.sources_digest())
    (folder / f"{missing}{EXTENSION_SUFFIXES[0]}").unlink()
    assert compiled.current_folder() is None


def test_a_build_for_another_python_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = _built(tmp_path, monkeypatch, compiled.sources_digest())
    for module in folder.glob("*.so"):
        module.rename(folder / module.name.replace(EXTENSION_SUFFIXES[0], ".cpython-399-x.so"))
    assert compiled.current_folder() is None


def test_plain_python_on_request(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _built(tmp_path, monkeypatch, compiled.sources_digest())
    monkeypatch.setenv("HORIZONT_PURE_PYTHON", "1")
    assert compiled.current_folder() is None


def test_the_scorer_says_how_it_runs() -> None:
    # the compiled modules are in use exactly when a current build was found at import
    used = compiled.current_folder() is not None
    assert compiled.scorer_kind() == ("compiled (mypyc)" if used else "Python")
    assert compare_names("Jewgeni Prigoschin", "PRIGOZHIN, Yevgeniy").score >= 0.9
