"""Write the Korean reading of each Han character (Hanja → Hangul) into
``horizont/screening/data/hanja.txt``, from the table of the ``hanja`` package on PyPI
(Sumin Byeon, WTFPL licence).

The package is not installed: it pins PyYAML and pulls pytest in at run time. Its wheel
is downloaded with pip and its ``table.yml`` read from the archive; the engine reads the
compact copy, so that it needs neither the package nor YAML. Each line of the copy is a
code point in hexadecimal, a tab, and the readings of that character and of the ones
that follow it, one Hangul syllable each (``-`` where the table has none).

    .venv/bin/python scripts/update_hanja.py
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

VERSION = "0.15.1"
TARGET = Path(__file__).resolve().parents[1] / "horizont/screening/data/hanja.txt"
_LINE = re.compile(r'^("(?:[^"\\]|\\.)*"): ("(?:[^"\\]|\\.)*")\s*$')


def _hangul_syllable(text: str) -> bool:
    return len(text) == 1 and "\uac00" <= text <= "\ud7a3"


def read_table(wheel: Path) -> dict[int, str]:
    """Han code point → one Hangul syllable, from the wheel's ``hanja/table.yml``."""
    table: dict[int, str] = {}
    with zipfile.ZipFile(wheel) as archive:
        text = archive.read("hanja/table.yml").decode("utf-8")
    for line in text.splitlines():
        match = _LINE.match(line)
        if match is None:
            continue
        han, reading = json.loads(match.group(1)), json.loads(match.group(2))
        if len(han) == 1 and _hangul_syllable(reading):
            table[ord(han)] = reading
    return table


def runs(table: dict[int, str]) -> list[str]:
    """Lines of the copy: consecutive code points share a line; a gap of up to eight
    characters without a reading is written as ``-`` and does not break it."""
    lines: list[str] = []
    start = previous = -1
    readings: list[str] = []
    for point in sorted(table):
        if readings and point - previous <= 8:
            readings.extend("-" * (point - previous - 1))
        else:
            if readings:
                lines.append(f"{start:x}\t{''.join(readings)}")
            start, readings = point, []
        readings.append(table[point])
        previous = point
    if readings:
        lines.append(f"{start:x}\t{''.join(readings)}")
    return lines


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        subprocess.run(
            [sys.executable, "-m", "pip", "download", "--quiet", "--no-deps",
             "--only-binary", ":all:", "--dest", folder, f"hanja=={VERSION}"],
            check=True,
        )  # fmt: skip
        wheel = next(Path(folder).glob("hanja-*.whl"))
        table = read_table(wheel)
    header = [
        f"# Korean readings of Han characters: hanja {VERSION} (PyPI), hanja/table.yml",
        "# Licence: WTFPL, Copyright (C) 2024 Sumin Byeon <suminb@gmail.com>",
        "# Written by scripts/update_hanja.py: code point (hex), tab, one reading per",
        "# character from that code point on ('-' where none is known).",
    ]
    TARGET.write_text("\n".join(header + runs(table)) + "\n", encoding="utf-8")
    print(f"{len(table)} readings written to {TARGET}")


if __name__ == "__main__":
    main()
