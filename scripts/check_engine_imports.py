"""Fail when an engine (horizont.forensics, horizont.screening) or horizont.lib imports Django.

The engines must stay usable from the command line and notebooks without a web stack.
Checked statically (every import statement) and at run time (importing each package must
not load ``django``).
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ["horizont/forensics", "horizont/screening", "horizont/lib"]


def static_violations() -> list[str]:
    found = []
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            if "tests" in path.relative_to(ROOT).parts:
                continue
            tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
            for node in ast.walk(tree):
                names: list[str] = []
                if isinstance(node, ast.Import):
                    names = [alias.name for alias in node.names]
                elif isinstance(node, ast.ImportFrom) and node.module:
                    names = [node.module]
                for name in names:
                    if name == "django" or name.startswith(("django.", "rest_framework", "ninja")):
                        found.append(f"{path.relative_to(ROOT)}:{node.lineno} imports {name}")
    return found


def runtime_violations() -> list[str]:
    found = []
    for package in PACKAGES:
        module = package.replace("/", ".")
        code = f"import sys, {module}; sys.exit(3 if 'django' in sys.modules else 0)"
        result = subprocess.run([sys.executable, "-c", code], cwd=ROOT)
        if result.returncode == 3:
            found.append(f"importing {module} loads django")
        elif result.returncode != 0:
            found.append(f"{module} cannot be imported")
    return found


if __name__ == "__main__":
    problems = static_violations() + runtime_violations()
    for problem in problems:
        print(problem)
    print(f"engine import check: {len(problems)} problems")
    sys.exit(1 if problems else 0)
