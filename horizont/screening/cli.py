"""Command line: ``screen`` names and identifiers, manage ``lists``.

::

    horizont lists load ../shared/data/sanctions/*/
    horizont screen "Jewgeni Prigoschin"
    horizont screen RA02791 --json
    horizont screen --batch names.csv --out results.csv
    horizont lists update [--source-url http://mirror/]
    horizont lists diff us-ofac-sdn 2021-07-07 2025-01-10
    horizont lists list

Lists live in ``--lists-dir`` (default ``$HORIZONT_LISTS_DIR`` or ``var/lists``).
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any, TextIO

from horizont.screening.batch import BatchResult, screen_batch
from horizont.screening.index import Index, Match
from horizont.screening.model import Entity, Schema
from horizont.screening.score import DEFAULT_THRESHOLD, WEAK_AT
from horizont.screening.sources import ListFormatError, expand_paths
from horizont.screening.store import ListStore, max_age_days
from horizont.screening.update import update_lists
from horizont.screening.versions import ListDiff


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of ``horizont screen`` and ``horizont lists``."""
    parser = argparse.ArgumentParser(prog="horizont", description=__doc__.split("\n")[0])
    parser.add_argument("--lists-dir", type=Path, default=None, help="list store directory")
    commands = parser.add_subparsers(dest="command", required=True)

    screen = commands.add_parser("screen", help="screen a name or identifier, or a CSV batch")
    screen.add_argument("query", nargs="?", help="name (any script) or identifier")
    screen.add_argument("--schema", help="person, organization, vessel or aircraft")
    screen.add_argument("--list", dest="lists", action="append", help="only this list id")
    screen.add_argument("--country", help="only entities with this nationality or country")
    screen.add_argument("--birth-year", type=int, help="drop people born in other years")
    screen.add_argument("--limit", type=int, default=10)
    screen.add_argument("--min-score", type=float, default=WEAK_AT)
    screen.add_argument("--json", action="store_true", help="machine-readable output")
    screen.add_argument("--batch", type=Path, help="CSV of names (column 'name' or the first)")
    screen.add_argument("--out", type=Path, help="CSV to write batch results to")
    screen.add_argument("--processes", type=int, default=None, help="worker processes")
    screen.add_argument("--no-progress", action="store_true")
    screen.add_argument(
        "--max-age-days",
        type=int,
        default=None,
        help="warn about older lists (default $HORIZONT_SCREENING_MAX_LIST_AGE_DAYS or 14)",
    )

    lists = commands.add_parser("lists", help="load, update, compare and show lists")
    sub = lists.add_subparsers(dest="lists_command", required=True)
    load = sub.add_parser("load", help="parse list files or folders and store them")
    load.add_argument("paths", nargs="+", type=Path)
    load.add_argument("--version", help="version date (default: from the file or today)")
    load.add_argument("--list-id", help="list id (default: by format)")
    load.add_argument("--force", action="store_true", help="accept a list that shrank a lot")
    update = sub.add_parser("update", help="download lists from their publishers")
    update.add_argument("--source-url", help="mirror laid out like the shared data")
    update.add_argument(
        "--url", action="append", default=[], metavar="LIST=URL", help="override one source"
    )
    update.add_argument("--only", action="append", help="update only this list id")
    update.add_argument("--force", action="store_true", help="accept a shrunken list")
    show = sub.add_parser("diff", help="compare two versions of a list")
    show.add_argument("list_id")
    show.add_argument("old")
    show.add_argument("new")
    show.add_argument("--json", action="store_true")
    sub.add_parser("list", help="show stored lists and versions")
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run a command; returns the process exit code."""
    args = build_parser().parse_args(argv)
    store = ListStore(args.lists_dir)
    try:
        if args.command == "screen":
            return _screen(args, store, sys.stdout)
        return _lists(args, store, sys.stdout)
    except (ListFormatError, KeyError, OSError) as error:
        message = error.args[0] if isinstance(error, KeyError) and error.args else error
        print(f"error: {message}", file=sys.stderr)
        return 2


# -- screen ------------------------------------------------------------------------


def _index(store: ListStore) -> Index:
    if not store.list_ids():
        raise ListFormatError(
            f"no lists in {store.root}; run `horizont lists load PATH…` or `horizont lists update`"
        )
    return store.build_index()


def _screen(args: argparse.Namespace, store: ListStore, out: TextIO) -> int:
    if args.batch is not None:
        return _screen_batch(args, store)
    if not args.query:
        print("error: give a QUERY or --batch IN.csv", file=sys.stderr)
        return 2
    index = _index(store)
    schema = Schema.parse(args.schema) if args.schema else None
    matches = index.search(
        args.query,
        schema=schema,
        lists=args.lists,
        country=args.country,
        birth_year=args.birth_year,
        limit=args.limit,
        min_score=args.min_score,
    )
    _warn_stale(store, args.max_age_days)  # before the results, not after them
    if args.json:
        json.dump([match_to_json(m) for m in matches], out, ensure_ascii=False, indent=2)
        out.write("\n")
    else:
        _print_matches(args.query, matches, out)
    alerts = [m for m in matches if m.score >= DEFAULT_THRESHOLD]
    return 1 if alerts else 0


def _warn_stale(store: ListStore, max_age: int | None) -> None:
    limit = max_age_days() if max_age is None else max_age
    for version in store.stale(limit):
        print(
            f"warning: list {version.list_id} of {version.version} is {version.age_days()} "
            f"days old (older than {limit}); results may be out of date — run "
            "`horizont lists update`",
            file=sys.stderr,
        )


def _print_matches(query: str, matches: Sequence[Match], out: TextIO) -> None:
    if not matches:
        out.write(f"No match for {query!r}.\n")
        return
    out.write(f"{len(matches)} match(es) for {query!r}:\n")
    for number, match in enumerate(matches, 1):
        entity = match.entity
        out.write(
            f"\n{number}. {entity.caption}  [{entity.schema} · {entity.list_id} "
            f"{entity.source.version} · id {entity.source.source_id}]\n"
            f"   score {match.score:.2f} · {match.band.upper()}\n"
        )
        for line in match.explain():
            out.write(f"   {line}\n")
        for line in _facts(entity):
            out.write(f"   {line}\n")
        for chain in match.chains:
            out.write(f"   chain: {chain}\n")


def _facts(entity: Entity) -> list[str]:
    lines = []
    if entity.programs:
        lines.append("programs: " + ", ".join(entity.programs))
    if entity.birth_dates:
        lines.append("born: " + ", ".join(str(d) for d in entity.birth_dates))
    if entity.nationalities:
        lines.append("nationality: " + ", ".join(entity.nationalities))
    ids = [i for i in entity.identifiers if i.type not in ("website", "email")]
    if ids:
        lines.append("identifiers: " + "; ".join(f"{i.type} {i.value}" for i in ids[:6]))
    return lines


def match_to_json(match: Match) -> dict[str, Any]:
    """A match as plain JSON data (for ``--json`` and the web API)."""
    entity = match.entity
    return {
        "entity_id": entity.id,
        "caption": entity.caption,
        "schema": entity.schema.value,
        "list_id": entity.list_id,
        "list_version": entity.source.version,
        "score": match.score,
        "band": match.band.value,
        "matched_name": match.matched_name.value if match.matched_name else None,
        "identifier": (
            {
                "type": match.identifier.identifier.type.value,
                "value": match.identifier.identifier.value,
                "normalized": match.identifier.normalized,
            }
            if match.identifier
            else None
        ),
        "tokens": [
            {
                "query": t.query_token,
                "name": t.name_token,
                "method": t.method.value,
                "similarity": t.similarity,
            }
            for t in (match.name.tokens if match.name else ())
        ],
        "explanation": match.explain(),
        "chains": [
            [entity.caption]
            + [{"via": list(step.kinds), "to": step.entity.caption, "id": step.entity.id}
               for step in chain.steps]
            for chain in match.chains
        ],
        "programs": entity.programs,
        "birth_dates": [str(d) for d in entity.birth_dates],
    }  # fmt: skip


def _read_batch(path: Path) -> list[str]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = [row for row in csv.reader(handle) if row and any(c.strip() for c in row)]
    if not rows:
        return []
    header = [c.strip().lower() for c in rows[0]]
    if "name" in header:
        column = header.index("name")
        return [row[column].strip() for row in rows[1:] if len(row) > column]
    return [row[0].strip() for row in rows]


BATCH_COLUMNS = (
    "query",
    "score",
    "band",
    "alert",
    "entity_id",
    "caption",
    "list_id",
    "schema",
    "matched",
    "explanation",
)


def _screen_batch(args: argparse.Namespace, store: ListStore) -> int:
    if args.out is None:
        print("error: --batch needs --out OUT.csv", file=sys.stderr)
        return 2
    queries = _read_batch(args.batch)
    index = _index(store)
    _warn_stale(store, args.max_age_days)  # before the long work, not after it
    from tqdm import tqdm

    with tqdm(total=len(queries), unit="name", file=sys.stderr, disable=args.no_progress) as bar:
        results = screen_batch(
            index,
            queries,
            processes=args.processes,
            min_score=args.min_score,
            progress=bar.update,
        )
    _write_batch(args.out, results)
    alerts = sum(1 for r in results if r.score >= DEFAULT_THRESHOLD)
    print(f"{len(results)} names screened, {alerts} alert(s); wrote {args.out}", file=sys.stderr)
    return 0


def _write_batch(path: Path, results: Sequence[BatchResult]) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(BATCH_COLUMNS)
        for r in results:
            writer.writerow(
                [
                    r.query,
                    f"{r.score:.4f}" if r.entity_id else "",
                    r.band,
                    "yes" if r.score >= DEFAULT_THRESHOLD else "no",
                    r.entity_id or "",
                    r.caption,
                    r.list_id,
                    r.schema,
                    r.matched,
                    r.explanation,
                ]
            )


# -- lists -------------------------------------------------------------------------


def _lists(args: argparse.Namespace, store: ListStore, out: TextIO) -> int:
    command = args.lists_command
    if command == "load":
        status = 0
        paths = expand_paths(args.paths)
        if not paths:
            print("error: no list files found", file=sys.stderr)
            return 2
        for path in paths:
            try:
                result = store.add(
                    path, version=args.version, list_id=args.list_id, force=args.force
                )
            except ListFormatError as error:
                print(f"error: {error}", file=sys.stderr)
                status = 2
                continue
            v = result.version
            out.write(
                f"{v.list_id} {v.version}: {result.status}, {v.entity_count} entries ({path})\n"
            )
        if store.list_ids():
            index = store.build_index()
            out.write(f"index: {len(index)} entities, {index.name_count} names\n")
        return status
    if command == "update":
        urls = {}
        for item in args.url:
            key, _, value = item.partition("=")
            urls[key] = value
        results = update_lists(
            store,
            base_url=args.source_url,
            urls=urls,
            only=set(args.only) if args.only else None,
            force=args.force,
        )
        for r in results:
            out.write(f"{r.list_id}: {r.status} {r.version or ''} {r.message}\n")
        return 1 if any(r.status == "failed" for r in results) else 0
    if command == "diff":
        changes = store.diff(args.list_id, args.old, args.new)
        if args.json:
            json.dump(diff_to_json(changes), out, ensure_ascii=False, indent=2)
            out.write("\n")
        else:
            _print_diff(args.list_id, changes, out)
        return 0
    if command == "list":
        ids = store.list_ids()
        if not ids:
            out.write(f"No lists in {store.root}.\n")
        for list_id in ids:
            for v in store.versions(list_id):
                out.write(
                    f"{list_id:32} {v.version:12} {v.entity_count:7} entries  {v.format:24} "
                    f"added {v.added_at}\n"
                )
        return 0
    raise AssertionError(command)


def diff_to_json(changes: ListDiff) -> dict[str, Any]:
    """A list diff as plain JSON data."""
    return {
        "old_version": changes.old_version,
        "new_version": changes.new_version,
        "added": [{"id": e.id, "caption": e.caption} for e in changes.added],
        "removed": [{"id": e.id, "caption": e.caption} for e in changes.removed],
        "changed": [
            {"id": c.new.id, "caption": c.new.caption, "fields": list(c.fields)}
            for c in changes.changed
        ],
    }


def _print_diff(list_id: str, changes: ListDiff, out: TextIO) -> None:
    out.write(
        f"{list_id} {changes.old_version} → {changes.new_version}: "
        f"{len(changes.added)} added, {len(changes.removed)} removed, "
        f"{len(changes.changed)} changed\n"
    )
    for entity in changes.added:
        out.write(f"+ {entity.caption} ({entity.id})\n")
    for entity in changes.removed:
        out.write(f"- {entity.caption} ({entity.id})\n")
    for change in changes.changed:
        out.write(f"~ {change.new.caption} ({change.new.id}): {', '.join(change.fields)}\n")


if __name__ == "__main__":
    raise SystemExit(main())
