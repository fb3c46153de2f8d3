"""Parsers of list formats into :class:`horizont.screening.model.Entity`.

:func:`detect_format` recognizes a file or folder; :func:`parse_path` parses it.
One module per format; each exposes ``detect(path)`` and
``parse(path, *, version=None, list_id=None) -> ParsedList``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from horizont.screening.sources import eu, ftm, ofac, ru_registries, uk, un
from horizont.screening.sources.base import ListFormatError, ParsedList


@dataclass(frozen=True, slots=True)
class Format:
    """A list format: its name, how to recognize it, how to parse it.

    :meth:`parse` turns every failure of a damaged or foreign file (a corrupt XLSX is
    "not a zip file", a cut XML "no element found" ...) into a :class:`ListFormatError`
    naming the file, so that one bad file never ends a multi-file load unexplained.
    """

    name: str
    detect_file: Callable[[Path], bool]
    parse_file: Callable[..., ParsedList]

    def detect(self, path: Path) -> bool:
        """True when ``path`` looks like a list of this format (never raises)."""
        try:
            return self.detect_file(path)
        except (OSError, ValueError):
            return False

    def parse(
        self, path: Path, *, version: str | None = None, list_id: str | None = None
    ) -> ParsedList:
        """Parse ``path``; raises :class:`ListFormatError` for any file it cannot read."""
        try:
            return self.parse_file(path, version=version, list_id=list_id)
        except ListFormatError:
            raise
        except (MemoryError, RecursionError):
            raise
        except Exception as error:  # noqa: BLE001  (any damaged file: a clear error)
            reason = str(error) or type(error).__name__
            raise ListFormatError(
                f"{path.name}: not a readable {self.name} list ({reason})"
            ) from error


FORMATS: tuple[Format, ...] = (
    Format(ofac.FORMAT, ofac.detect, ofac.parse),
    Format(un.FORMAT, un.detect, un.parse),
    Format(eu.FORMAT, eu.detect, eu.parse),
    Format(uk.FORMAT, uk.detect, uk.parse),
    Format(ftm.FORMAT, ftm.detect, ftm.parse),
    Format(
        ru_registries.FOREIGN_AGENTS_FORMAT,
        ru_registries.detect_foreign_agents,
        ru_registries.parse_foreign_agents,
    ),
    Format(
        ru_registries.UNDESIRABLE_FORMAT,
        ru_registries.detect_undesirable,
        ru_registries.parse_undesirable,
    ),
)


def detect_format(path: Path) -> Format:
    """The format of a list file or folder; raises :class:`ListFormatError` if unknown."""
    for fmt in FORMATS:
        if fmt.detect(path):
            return fmt
    raise ListFormatError(
        f"{path}: not a known list format (OFAC folder with sdn.csv or cons_prim.csv, "
        "UN XML, EU FSF XML, UK consolidated CSV, FollowTheMoney JSON lines, "
        "foreign-agents XLSX, undesirable-organizations JSON)"
    )


def parse_path(path: Path, *, version: str | None = None, list_id: str | None = None) -> ParsedList:
    """Detect the format of ``path`` and parse it."""
    return detect_format(path).parse(path, version=version, list_id=list_id)


def expand_paths(paths: list[Path]) -> list[Path]:
    """Turn user paths into list paths: an OFAC folder stays one path; another folder
    yields the list files inside it (one level deep)."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir() and not ofac.detect(path):
            children = sorted(p for p in path.iterdir() if not p.name.startswith("."))
            found.extend(c for c in children if any(f.detect(c) for f in FORMATS))
        else:
            found.append(path)
    return found


__all__ = [
    "FORMATS",
    "Format",
    "ListFormatError",
    "ParsedList",
    "detect_format",
    "expand_paths",
    "parse_path",
]
