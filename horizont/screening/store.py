"""A file-system store of list versions, side by side.

Layout: ``<root>/<list_id>/<version>/`` holds the publisher's files as downloaded
and ``meta.json`` (list id, version date, format, sha256 of each file, entity count,
where it came from, when it was added). An index is built from the latest version of
every list; any two versions of a list can be compared.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from datetime import UTC, date, datetime
from pathlib import Path

from horizont.screening.index import Index
from horizont.screening.model import Entity
from horizont.screening.sources import FORMATS, ListFormatError, ParsedList, expand_paths
from horizont.screening.sources import parse_path as _parse_path
from horizont.screening.versions import ListDiff, diff

META = "meta.json"
INDEX_FORMAT = 3


def default_root() -> Path:
    """``$HORIZONT_LISTS_DIR``, else ``var/lists`` under the current directory."""
    configured = os.environ.get("HORIZONT_LISTS_DIR")
    return Path(configured) if configured else Path.cwd() / "var" / "lists"


def sha256_of(path: Path) -> str:
    """Hex sha256 of a file."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


DEFAULT_MAX_AGE_DAYS = 14
"""Lists older than this are flagged (``$HORIZONT_SCREENING_MAX_LIST_AGE_DAYS``)."""


def max_age_days() -> int:
    """``$HORIZONT_SCREENING_MAX_LIST_AGE_DAYS``, else 14."""
    try:
        return int(os.environ.get("HORIZONT_SCREENING_MAX_LIST_AGE_DAYS", DEFAULT_MAX_AGE_DAYS))
    except ValueError:
        return DEFAULT_MAX_AGE_DAYS


def version_date(version: str) -> date | None:
    """``2021-07-07`` → that date, ``2025`` → 1 January 2025, anything else → None."""
    try:
        if len(version) == 4 and version.isdigit():
            return date(int(version), 1, 1)
        return date.fromisoformat(version[:10])
    except ValueError:
        return None


@dataclass(frozen=True, slots=True)
class ListVersion:
    """One stored version of one list."""

    list_id: str
    version: str
    format: str
    title: str
    entity_count: int
    sha256: dict[str, str]
    source: str
    added_at: str
    path: Path

    @property
    def version_date(self) -> date | None:
        """The date the version stands for (a bare year counts from its 1 January, so
        that its age is never understated); None when the version is not a date."""
        return version_date(self.version)

    def age_days(self, today: date | None = None) -> int | None:
        """Days between the version date and ``today``; None when undated."""
        when = self.version_date
        if when is None:
            return None
        return ((today or date.today()) - when).days

    def is_stale(self, max_age_days: int, today: date | None = None) -> bool:
        """True when the version is older than ``max_age_days``."""
        age = self.age_days(today)
        return age is not None and age > max_age_days

    def to_json(self) -> dict[str, object]:
        """Metadata as stored in ``meta.json``."""
        data = asdict(self)
        data.pop("path")
        return data


@dataclass(frozen=True, slots=True)
class AddResult:
    """What :meth:`ListStore.add` did: stored a new version, or found it unchanged."""

    version: ListVersion
    status: str  # "added", "replaced" or "unchanged"


class ListIncompleteError(ListFormatError):
    """A new version has far fewer entries than the one before it (a cut-off file)."""

    def __init__(self, message: str, *, count: int, before: int, before_version: str) -> None:
        super().__init__(message)
        self.count = count
        self.before = before
        self.before_version = before_version


MAX_DROP = 0.2
"""A new version with more than this share fewer entries than the previous one is
refused unless forced: a truncated download must not become the newest version."""


class ListStore:
    """Dated versions of every list, kept in one directory."""

    def __init__(self, root: Path | str | None = None, *, max_drop: float = MAX_DROP) -> None:
        self.root = Path(root) if root is not None else default_root()
        self.max_drop = max_drop

    # -- reading ---------------------------------------------------------------------

    def list_ids(self) -> list[str]:
        """Ids of the lists that have at least one version."""
        if not self.root.is_dir():
            return []
        return sorted(
            p.name
            for p in self.root.iterdir()
            if p.is_dir() and not p.name.startswith(".") and self.versions(p.name)
        )

    def versions(self, list_id: str) -> list[ListVersion]:
        """Stored versions of a list, oldest first."""
        folder = self.root / list_id
        if not folder.is_dir():
            return []
        found = []
        for meta in sorted(folder.glob(f"*/{META}")):
            data = json.loads(meta.read_text(encoding="utf-8"))
            found.append(ListVersion(**data, path=meta.parent))
        return sorted(found, key=lambda v: v.version)

    def get(self, list_id: str, version: str | None = None) -> ListVersion:
        """One version (the latest when ``version`` is None); KeyError if absent."""
        versions = self.versions(list_id)
        if not versions:
            raise KeyError(f"no stored versions of list {list_id!r}")
        if version is None:
            return versions[-1]
        for candidate in versions:
            if candidate.version == version:
                return candidate
        known = ", ".join(v.version for v in versions)
        raise KeyError(f"list {list_id!r} has no version {version!r} (stored: {known})")

    def latest(self) -> list[ListVersion]:
        """The latest version of every list."""
        return [self.get(list_id) for list_id in self.list_ids()]

    def stale(self, max_age: int | None = None, today: date | None = None) -> list[ListVersion]:
        """Latest versions older than ``max_age`` days (default :func:`max_age_days`)."""
        limit = max_age_days() if max_age is None else max_age
        return [v for v in self.latest() if v.is_stale(limit, today)]

    def entities(self, list_id: str, version: str | None = None) -> list[Entity]:
        """Entities of one stored version, parsed from its files."""
        stored = self.get(list_id, version)
        return _parse_stored(stored).entities

    def load_latest(self) -> list[Entity]:
        """Entities of the latest version of every list."""
        entities: list[Entity] = []
        for stored in self.latest():
            entities.extend(_parse_stored(stored).entities)
        return entities

    def index_folder(self) -> Path:
        """Where the index over the latest version of every list is kept.

        Its name is made of the stored files' sha256, so adding or replacing a version
        leads to a new folder (and the old one is removed when the new one is built).
        """
        latest = self.latest()
        digest = hashlib.sha256(
            json.dumps([(v.list_id, v.version, v.sha256) for v in latest], sort_keys=True).encode()
        ).hexdigest()[:20]
        return self.root / ".index" / f"v{INDEX_FORMAT}-{digest}"

    def open_index(self) -> Index | None:
        """The stored index over the latest lists, or None when it was not built yet."""
        return Index.open(self.index_folder())

    def build_index(self, *, cache: bool = True) -> Index:
        """An index over the latest version of every list.

        With ``cache``, the index is opened from its folder (:meth:`index_folder`) when
        it was built before, else built, written there and returned; without, it is
        built in memory only.
        """
        if not cache:
            return Index(self.load_latest())
        folder = self.index_folder()
        opened = Index.open(folder)
        if opened is not None:
            return opened
        index = Index(self.load_latest())
        self._write_index(index, folder)
        return index

    def _write_index(self, index: Index, folder: Path) -> None:
        try:
            folder.parent.mkdir(parents=True, exist_ok=True)
            staging = Path(tempfile.mkdtemp(prefix=".building-", dir=folder.parent))
            index.save(staging)
            for old in folder.parent.iterdir():
                if old.is_dir() and not old.name.startswith("."):
                    shutil.rmtree(old, ignore_errors=True)
            staging.rename(folder)
        except OSError:
            pass

    def diff(self, list_id: str, old: str, new: str) -> ListDiff:
        """Added, removed and changed entries between two stored versions."""
        return diff(self.entities(list_id, old), self.entities(list_id, new))

    # -- writing ---------------------------------------------------------------------

    def add(
        self,
        path: Path,
        *,
        version: str | None = None,
        list_id: str | None = None,
        source: str | None = None,
        build_index: bool = False,
        force: bool = False,
    ) -> AddResult:
        """Parse a list file or folder (this verifies it) and keep a copy as a version.

        With ``build_index`` the index over the latest lists is built and stored
        right away, so that the next search opens it instead of building it.

        A version with more than ``max_drop`` fewer entries than the latest earlier
        version is refused (:class:`ListIncompleteError`) unless ``force`` is given.

        A version whose files have the same sha256 as the stored one is left alone
        ("unchanged"); different files under the same version date replace it.
        """
        parsed = _parse_path(path, version=version, list_id=list_id)
        if not parsed.entities:
            raise ListFormatError(f"{path}: no entries")
        if not force:
            self._check_complete(parsed.list_id, parsed.version, len(parsed.entities), path)
        hashes = {f.name: sha256_of(f) for f in parsed.files}
        target = self.root / parsed.list_id / parsed.version
        status = "added"
        if (target / META).is_file():
            existing = self.get(parsed.list_id, parsed.version)
            if existing.sha256 == hashes:
                return AddResult(existing, "unchanged")
            status = "replaced"
        self.root.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=".adding-", dir=self.root))
        try:
            for file in parsed.files:
                shutil.copy2(file, staging / file.name)
            stored = ListVersion(
                list_id=parsed.list_id,
                version=parsed.version,
                format=parsed.format,
                title=parsed.title,
                entity_count=len(parsed.entities),
                sha256=hashes,
                source=source or str(path.resolve()),
                added_at=datetime.now(UTC).isoformat(timespec="seconds"),
                path=target,
            )
            (staging / META).write_text(
                json.dumps(stored.to_json(), ensure_ascii=False, indent=2), encoding="utf-8"
            )
            if target.exists():
                shutil.rmtree(target)
            target.parent.mkdir(parents=True, exist_ok=True)
            staging.rename(target)
        finally:
            if staging.exists():
                shutil.rmtree(staging)
        if build_index:
            self.build_index()
        return AddResult(stored, status)

    def _check_complete(self, list_id: str, version: str, count: int, path: Path) -> None:
        earlier = [v for v in self.versions(list_id) if v.version <= version]
        if not earlier:
            return
        before = earlier[-1]
        if count < before.entity_count * (1 - self.max_drop):
            raise ListIncompleteError(
                f"{path.name}: only {count} entries, the version of {before.version} had "
                f"{before.entity_count} (more than {self.max_drop:.0%} fewer); the file may "
                "be cut off, so it was not stored (use force to accept it)",
                count=count,
                before=before.entity_count,
                before_version=before.version,
            )

    def add_many(self, paths: Iterable[Path]) -> list[AddResult]:
        """Add every list found in ``paths`` (folders are searched one level deep)."""
        return [self.add(p) for p in expand_paths(list(paths))]


def _parse_stored(stored: ListVersion) -> ParsedList:
    fmt = next((f for f in FORMATS if f.name == stored.format), None)
    if fmt is None:
        raise ListFormatError(f"{stored.path}: unknown stored format {stored.format!r}")
    files = sorted(p for p in stored.path.iterdir() if p.name != META)
    target = stored.path if len(files) != 1 else files[0]
    return fmt.parse(target, version=stored.version, list_id=stored.list_id)


def load_lists(paths: Sequence[Path]) -> list[Entity]:
    """Parse list files or folders directly (no store); later lists win on equal ids."""
    by_id: dict[str, Entity] = {}
    for path in expand_paths(list(paths)):
        for entity in _parse_path(path).entities:
            by_id[entity.id] = entity
    return list(by_id.values())
