"""Compile the screening scorer with mypyc into horizont/screening/_compiled/.

    .venv/bin/python scripts/build_scorer.py          # build if the sources changed
    .venv/bin/python scripts/build_scorer.py --force  # build anyway

Optional: without mypy (the development extra) or a C compiler the engine runs as plain
Python and this script says so and exits 0. The build happens
in a copy of the package, so that nothing is written beside the sources; the folder
gets the compiled modules and the digest of the sources they were built from, which
``horizont.screening.compiled`` compares before using them.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import shutil
import subprocess
import sys
import tempfile
import time
import tomllib
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parent.parent


def _compiled_module() -> ModuleType:
    """horizont/screening/compiled.py by its path: importing the package would load a
    build being replaced (or a broken one)."""
    path = ROOT / "horizont" / "screening" / "compiled.py"
    spec = importlib.util.spec_from_file_location("horizont_screening_compiled", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


compiled = _compiled_module()
DIGEST_FILE, FOLDER, MODULES, PACKAGE = (
    compiled.DIGEST_FILE, compiled.FOLDER, compiled.MODULES, compiled.PACKAGE
)  # fmt: skip
SMOKE = """
from horizont.screening import compare_names
from horizont.screening.compiled import scorer_kind
assert scorer_kind() == "compiled (mypyc)", scorer_kind()
assert compare_names("Jewgeni Prigoschin", "PRIGOZHIN, Yevgeniy").score >= 0.9
"""


def _mypy_ini() -> str:
    """pyproject.toml's [tool.mypy] modules without type stubs, for the build's mypy."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    sections = ["[mypy]\npython_version = 3.11\n"]
    for override in config["tool"]["mypy"].get("overrides", []):
        if override.get("ignore_missing_imports"):
            modules = override["module"]
            names = ",".join([modules] if isinstance(modules, str) else modules)
            sections.append(f"[mypy-{names}]\nignore_missing_imports = True\n")
    return "\n".join(sections)


def give_up(reason: str) -> int:
    print(f"build_scorer: {reason}; the scorer runs as plain Python", file=sys.stderr)
    return 0


def build() -> int:
    if importlib.util.find_spec("mypyc") is None:
        return give_up("mypyc is not installed (pip install -e '.[dev]')")
    if shutil.which("cc") is None and shutil.which("gcc") is None:
        return give_up("no C compiler found")
    digest = compiled.sources_digest()
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="horizont-scorer-") as work:
        copy = Path(work) / "horizont" / "screening"
        shutil.copytree(
            PACKAGE, copy, ignore=shutil.ignore_patterns("tests", "_compiled", "__pycache__")
        )
        shutil.copy(ROOT / "horizont" / "__init__.py", copy.parent / "__init__.py")
        targets = [f"horizont/screening/{module}.py" for module in MODULES]
        # One shared library for the modules, named inside the package (the compiled
        # modules find it beside them in the folder).
        setup = (
            "from setuptools import setup\n"
            "from mypyc.build import mypycify\n"
            f"setup(name='horizont-scorer', ext_modules=mypycify({targets!r}, "
            "group_name='horizont.screening.native'))\n"
        )
        (Path(work) / "setup.py").write_text(setup, encoding="utf-8")
        (Path(work) / "mypy.ini").write_text(_mypy_ini(), encoding="utf-8")
        done = subprocess.run(
            [sys.executable, "setup.py", "build_ext", "--inplace"],
            cwd=work, capture_output=True, text=True, check=False,
        )  # fmt: skip
        if done.returncode != 0:
            tail = "\n".join((done.stdout + done.stderr).splitlines()[-15:])
            print(tail, file=sys.stderr)
            return give_up("mypyc failed")
        built = sorted(copy.glob("*.so"))
        if not built:
            return give_up("mypyc wrote no module")
        shutil.rmtree(FOLDER, ignore_errors=True)
        FOLDER.mkdir()
        for path in built:
            shutil.copy(path, FOLDER / path.name)
    (FOLDER / DIGEST_FILE).write_text(digest + "\n", encoding="ascii")
    smoke = subprocess.run(
        [sys.executable, "-c", SMOKE], cwd=ROOT, capture_output=True, text=True, check=False,
        env={**os.environ, "HORIZONT_PURE_PYTHON": "0"},
    )  # fmt: skip
    if smoke.returncode != 0:
        shutil.rmtree(FOLDER, ignore_errors=True)
        print(smoke.stderr.strip().splitlines()[-1:], file=sys.stderr)
        return give_up("the compiled scorer did not load")
    names = ", ".join(p.name for p in sorted(FOLDER.glob("*.so")))
    print(f"build_scorer: compiled {names} in {time.perf_counter() - started:.0f} s")
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--force", action="store_true", help="build even if current")
    args = parser.parse_args()
    if compiled.build_is_current() and not args.force:
        print("build_scorer: the compiled scorer is current")
        return 0
    return build()


if __name__ == "__main__":
    sys.exit(main())
