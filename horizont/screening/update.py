"""Download official lists from their publishers, verify them and keep each version.

Every source has its publisher's URL. A mirror laid out like the project's shared data
(``sanctions/us-ofac-sdn-2021-07-07/sdn.csv``, ``registries/ru-...-2025-08-15.xlsx``)
can stand in for all of them (``base_url``, or ``HORIZONT_LISTS_BASE_URL``): the
newest dated folder or file of each source is taken from the mirror's directory
listing. Single URLs can be overridden too (``urls={"un-sc-consolidated": ...}``).
"""

from __future__ import annotations

import os
import re
import tempfile
import urllib.parse
import urllib.request
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from horizont.screening.sources import ListFormatError
from horizont.screening.store import ListIncompleteError, ListStore

USER_AGENT: Final = "horizont-screening (+https://github.com/horizont)"


@dataclass(frozen=True, slots=True)
class Source:
    """Where one list is published.

    ``official`` maps each file name to its publisher URL (empty when the publisher
    has no stable address); ``mirror_folder`` and ``mirror_prefix`` locate the list in
    a mirror laid out like the shared data; ``mirror_suffix`` is set for single-file
    lists stored as ``<prefix><date><suffix>``.
    """

    list_id: str
    files: tuple[str, ...]
    official: Mapping[str, str]
    mirror_folder: str
    mirror_prefix: str
    mirror_suffix: str = ""


_OFAC: Final = "https://www.treasury.gov/ofac/downloads"
SOURCES: Final[tuple[Source, ...]] = (
    Source(
        "us-ofac-sdn",
        ("sdn.csv", "alt.csv", "add.csv"),
        {f: f"{_OFAC}/{f}" for f in ("sdn.csv", "alt.csv", "add.csv")},
        "sanctions",
        "us-ofac-sdn-",
    ),
    Source(
        "us-ofac-cons",
        ("cons_prim.csv", "cons_alt.csv", "cons_add.csv"),
        {f: f"{_OFAC}/consolidated/{f}" for f in ("cons_prim.csv", "cons_alt.csv", "cons_add.csv")},
        "sanctions",
        "us-ofac-non-sdn-",
    ),
    Source(
        "un-sc-consolidated",
        ("consolidated.xml",),
        {"consolidated.xml": "https://scsanctions.un.org/resources/xml/en/consolidated.xml"},
        "sanctions",
        "un-consolidated-",
    ),
    Source(
        "eu-fsf",
        ("eu-fsf.xml",),
        {
            "eu-fsf.xml": "https://webgate.ec.europa.eu/fsd/fsf/public/files/"
            "xmlFullSanctionsList_1_1/content?token=dG9rZW4tMjAxNw"
        },
        "sanctions",
        "eu-fsf-",
    ),
    Source(
        "uk-hmt-consolidated",
        ("ConList.csv",),
        {
            "ConList.csv": "https://ofsistorage.blob.core.windows.net/publishlive/2022format/ConList.csv"
        },
        "sanctions",
        "uk-consolidated-",
    ),
    Source(
        "ru-minjust-foreign-agents",
        ("foreign-agents.xlsx",),
        {},
        "registries",
        "ru-minjust-foreign-agents-",
        ".xlsx",
    ),
    Source(
        "ru-undesirable-organizations",
        ("undesirable-organizations.json",),
        {},
        "registries",
        "ru-undesirable-organizations-",
        ".json",
    ),
)


@dataclass(frozen=True, slots=True)
class UpdateResult:
    """Outcome for one source: ``added``, ``replaced``, ``unchanged``, ``skipped`` or
    ``failed``, with a message for the operator."""

    list_id: str
    status: str
    message: str
    version: str | None = None


def _fetch(url: str, timeout: float) -> bytes:
    if not url.startswith(("http://", "https://", "file://")):
        raise ValueError(f"refusing URL scheme of {url!r}")
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})  # noqa: S310
    with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310
        data: bytes = response.read()
    return data


_HREF: Final = re.compile(r'href="([^"]+)"')


def _mirror_entry(base: str, source: Source, timeout: float) -> str | None:
    """Newest entry of a source in a mirror's directory listing (``name/`` or file)."""
    folder = urllib.parse.urljoin(base.rstrip("/") + "/", source.mirror_folder + "/")
    listing = _fetch(folder, timeout).decode("utf-8", errors="replace")
    names = [urllib.parse.unquote(h) for h in _HREF.findall(listing)]
    if source.mirror_suffix:
        found = [
            n
            for n in names
            if n.startswith(source.mirror_prefix) and n.endswith(source.mirror_suffix)
        ]
    else:
        found = [n for n in names if n.startswith(source.mirror_prefix) and n.endswith("/")]
    if not found:
        return None
    return urllib.parse.urljoin(folder, sorted(found)[-1])


def update_lists(
    store: ListStore,
    *,
    base_url: str | None = None,
    urls: Mapping[str, str] | None = None,
    only: set[str] | None = None,
    timeout: float = 60.0,
    force: bool = False,
    log: Callable[[str], None] | None = None,
) -> list[UpdateResult]:
    """Download, verify (parse, sha256, entry count) and store every source.

    ``base_url`` (default ``$HORIZONT_LISTS_BASE_URL``) is a mirror for all sources;
    ``urls`` overrides single sources (a folder URL for multi-file lists, a file URL
    otherwise). Without either, the publishers' official URLs are used and sources
    without one are skipped.
    """
    base_url = base_url or os.environ.get("HORIZONT_LISTS_BASE_URL") or None
    urls = dict(urls or {})
    results: list[UpdateResult] = []
    for source in SOURCES:
        if only and source.list_id not in only:
            continue
        try:
            result = _update_one(store, source, base_url, urls.get(source.list_id), timeout, force)
        except (OSError, ListFormatError, ValueError) as error:
            result = UpdateResult(source.list_id, "failed", str(error))
        results.append(result)
        if log is not None:
            log(f"{result.list_id}: {result.status} {result.version or ''} {result.message}")
    if any(r.status in ("added", "replaced") for r in results):
        store.build_index()
    return results


def _update_one(
    store: ListStore,
    source: Source,
    base_url: str | None,
    override: str | None,
    timeout: float,
    force: bool,
) -> UpdateResult:
    file_urls: dict[str, str]
    folder_name = source.list_id
    if override:
        if len(source.files) == 1:
            file_urls = {source.files[0]: override}
        else:
            base = override.rstrip("/") + "/"
            file_urls = {f: urllib.parse.urljoin(base, f) for f in source.files}
    elif base_url:
        entry = _mirror_entry(base_url, source, timeout)
        if entry is None:
            return UpdateResult(source.list_id, "skipped", f"not on mirror {base_url}")
        if source.mirror_suffix:
            folder_name = urllib.parse.unquote(entry.rstrip("/").rsplit("/", 1)[-1])
            file_urls = {folder_name: entry}
        else:
            folder_name = urllib.parse.unquote(entry.rstrip("/").rsplit("/", 1)[-1])
            file_urls = {f: urllib.parse.urljoin(entry, f) for f in source.files}
    elif source.official:
        file_urls = dict(source.official)
    else:
        return UpdateResult(source.list_id, "skipped", "no official URL; use a mirror")
    with tempfile.TemporaryDirectory(prefix="horizont-update-") as tmp:
        folder = Path(tmp) / folder_name
        folder.mkdir()
        for name, url in file_urls.items():
            try:
                data = _fetch(url, timeout)
            except OSError:
                if name == source.files[0] or len(source.files) == 1:
                    raise
                continue  # an optional companion file (aliases, addresses) is missing
            (folder / name).write_bytes(data)
        target = folder if len(file_urls) > 1 else folder / next(iter(file_urls))
        source_text = (
            " ".join(file_urls.values())
            if len(file_urls) == 1
            else str(next(iter(file_urls.values())).rsplit("/", 1)[0])
        )
        try:
            added = store.add(target, list_id=source.list_id, source=source_text, force=force)
        except ListIncompleteError as error:
            return UpdateResult(source.list_id, "failed", f"{error}; kept the old version")
        stored = added.version
    return UpdateResult(
        source.list_id,
        added.status,
        f"{stored.entity_count} entries, sha256 {next(iter(stored.sha256.values()))[:12]}…",
        stored.version,
    )
