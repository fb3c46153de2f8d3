"""Workflows of the sanctions app: the screening index, batch screening, list loading,
case files and letters.

The engine (:mod:`horizont.screening`) knows nothing of Django. This module turns the
app's inputs into the engine's (a query, filters, a list of names, list files), calls it
and keeps what it returns.
"""

from __future__ import annotations

import csv
import io
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import QuerySet
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.crypto import get_random_string
from django.utils.translation import gettext as _

from horizont import tasks
from horizont.audit.services import audit_record
from horizont.lib.csvsafe import SafeCsvWriter
from horizont.lib.images import CleanImage
from horizont.lib.shared_data import shared_data_root
from horizont.sanctions.models import (
    TRANSITIONS,
    Case,
    CaseMember,
    CaseSubject,
    Evidence,
    Letter,
)
from horizont.screening import (
    Entity,
    Index,
    ListDiff,
    ListFormatError,
    ListStore,
    ListVersion,
    Match,
    Schema,
    screen_batch,
)
from horizont.screening.given_names import given_name_keys
from horizont.screening.sources import detect_format
from horizont.screening.store import ListIncompleteError

FOREIGN_AGENTS = "ru-minjust-foreign-agents"
UNDESIRABLE = "ru-undesirable-organizations"
BATCH_MAX_ROWS = 20_000
BATCH_DIR = "sanctions/batch"

# -- the index ---------------------------------------------------------------------------

_index_lock = threading.Lock()
_indexes: dict[str, tuple[tuple[str, ...], Index]] = {}


def list_store() -> ListStore:
    """The list store configured for this site (``HORIZONT_LISTS_DIR``)."""
    return ListStore(Path(settings.HORIZONT_LISTS_DIR))


def store_fingerprint(store: ListStore) -> tuple[str, ...]:
    """Which version of each list the index would be built from (reads meta files only)."""
    return tuple(f"{v.list_id}/{v.version}/{v.added_at}" for v in store.latest())


def screening_index() -> Index:
    """The process-wide index over the latest version of every stored list.

    Built on first use (a few seconds for every list) and rebuilt when a version is
    added or replaced in the store; threads share one index and wait for one build.
    """
    store = list_store()
    key = str(store.root.resolve())
    fingerprint = store_fingerprint(store)
    cached = _indexes.get(key)
    if cached is not None and cached[0] == fingerprint:
        return cached[1]
    with _index_lock:
        cached = _indexes.get(key)
        if cached is not None and cached[0] == fingerprint:
            return cached[1]
        index = store.build_index()
        if len(_indexes) >= 4:
            _indexes.clear()
        _indexes[key] = (fingerprint, index)
        return index


def screening_index_open_at_start() -> threading.Thread | None:
    """Open the stored index in the background when a web process starts (setting
    ``SCREENING_OPEN_AT_START``), so that no user's request waits for it."""
    if not settings.SCREENING_OPEN_AT_START:
        return None

    def open_index() -> None:
        given_name_keys()  # the tables of given names in other languages and short forms
        try:
            screening_index()
        except (ListFormatError, OSError):
            pass  # no lists yet: the screening page says so

    thread = threading.Thread(target=open_index, name="screening-index", daemon=True)
    thread.start()
    return thread


def entity_get(entity_id: str) -> Entity | None:
    """The listed entity with this id in the latest lists, or None."""
    try:
        return screening_index().get(entity_id)
    except KeyError:
        return None


@dataclass(frozen=True)
class StaleList:
    """A loaded list whose latest version is older than the configured age."""

    list_id: str
    title: str
    version: str
    age: int


def lists_stale() -> list[StaleList]:
    """Latest list versions older than ``SCREENING_MAX_LIST_AGE_DAYS`` (reads meta only)."""
    return [
        StaleList(v.list_id, v.title, v.version, v.age_days() or 0)
        for v in list_store().stale(settings.SCREENING_MAX_LIST_AGE_DAYS)
    ]


def list_titles() -> dict[str, str]:
    """Name of each stored list (its latest version) in the reader's language, by list id."""
    from horizont.sanctions.labels import list_name

    return {v.list_id: str(list_name(v.list_id, v.title)) for v in list_store().latest()}


@dataclass(frozen=True)
class SearchRequest:
    """A screening query and its filters, as the engine takes them."""

    query: str
    schema: str | None = None
    list_id: str | None = None
    country: str | None = None
    birth_year: int | None = None
    limit: int = 20


def entities_search(request: SearchRequest) -> list[Match]:
    """Matches for one query, best first, with explanations and chains."""
    index = screening_index()
    return index.search(
        request.query,
        schema=Schema.parse(request.schema) if request.schema else None,
        lists=[request.list_id] if request.list_id else None,
        country=request.country or None,
        birth_year=request.birth_year,
        limit=request.limit,
    )


# -- the link graph ----------------------------------------------------------------------


@dataclass
class LinkNode:
    """One entity in a tree of links, reached through ``kinds`` of link."""

    entity: Entity
    kinds: tuple[str, ...]
    children: list[LinkNode] = field(default_factory=list)


def _tree(
    index: Index, entity_id: str, direction: str, depth: int, seen: frozenset[str]
) -> list[LinkNode]:
    if depth == 0:
        return []
    graph = index.graph
    edges = graph.outgoing(entity_id) if direction == "out" else graph.incoming(entity_id)
    nodes = []
    for edge in edges[:50]:
        other = edge.target if direction == "out" else edge.source
        if other in seen:
            continue
        entity = index.get(other)
        children = _tree(index, other, direction, depth - 1, seen | {other})
        nodes.append(LinkNode(entity, tuple(str(k) for k in edge.kinds), children))
    return nodes


def entity_links(entity_id: str, depth: int = 3) -> tuple[list[LinkNode], list[LinkNode]]:
    """Trees of links from an entity and to it, ``depth`` hops each way.

    From an aircraft: its operator, then the people the operator is linked to; to a
    person: the companies linked to them, then the aircraft those companies operate.
    """
    index = screening_index()
    start = frozenset({entity_id})
    return _tree(index, entity_id, "out", depth, start), _tree(index, entity_id, "in", depth, start)


# -- partner-risk check ------------------------------------------------------------------


@dataclass(frozen=True)
class DesignationMatches:
    """Matches of a partner's name in the lists behind one kind of designation."""

    designation: str  # "foreign-agent", "undesirable" or "sanctions"
    lists: tuple[str, ...]
    matches: tuple[Match, ...]


def partner_risk_check(query: str) -> list[DesignationMatches]:
    """Look a person or organization up in the foreign-agent register, the
    undesirable-organizations list and every sanctions list, separately."""
    index = screening_index()
    loaded = set(index.lists())
    groups = [
        ("foreign-agent", tuple(sorted(loaded & {FOREIGN_AGENTS}))),
        ("undesirable", tuple(sorted(loaded & {UNDESIRABLE}))),
        ("sanctions", tuple(sorted(loaded - {FOREIGN_AGENTS, UNDESIRABLE}))),
    ]
    found = []
    for designation, lists in groups:
        matches: tuple[Match, ...] = ()
        if lists:
            matches = tuple(
                index.search(
                    query,
                    schema=[Schema.PERSON, Schema.ORGANIZATION],
                    lists=lists,
                    limit=5,
                    with_chains=False,
                )
            )
        found.append(DesignationMatches(designation, lists, matches))
    return found


# -- batch screening ---------------------------------------------------------------------

QUERY_COLUMNS = {"name", "query", "names", "entity", "имя", "name/identifier", "identifier"}


def batch_queries_parse(data: bytes) -> list[str]:
    """Names or identifiers from an uploaded CSV: the column headed ``name`` or
    ``query`` if there is one, else the first column. Raises ValidationError."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ValidationError(
            _("The file is not a UTF-8 text file: save it as CSV (UTF-8)."), code="encoding"
        ) from error
    if "\x00" in text:
        raise ValidationError(_("The file is not a CSV text file."), code="binary")
    sample = text[:4096]
    try:
        dialect: Any = csv.Sniffer().sniff(sample, delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    rows = [row for row in csv.reader(io.StringIO(text), dialect) if any(c.strip() for c in row)]
    if not rows:
        raise ValidationError(_("The file has no names in it."), code="empty")
    column = 0
    header = [c.strip().lower() for c in rows[0]]
    for number, name in enumerate(header):
        if name in QUERY_COLUMNS:
            column = number
            rows = rows[1:]
            break
    queries = [
        row[column].strip()
        for row in rows
        if len(row) > column and any(c.isalnum() for c in row[column])
    ]
    if not queries:
        raise ValidationError(_("The file has no names in it."), code="empty")
    if len(queries) > BATCH_MAX_ROWS:
        raise ValidationError(
            _("The file has %(count)s names; at most %(max)s can be screened at once.")
            % {"count": len(queries), "max": BATCH_MAX_ROWS},
            code="too_many",
        )
    return queries


def batch_result_path(job_id: Any) -> Path:
    # Private: outside MEDIA_ROOT, served only by the batch result view; deleted with the
    # job (retention period, account deletion).
    from horizont.jobs.services import job_files_dir

    return job_files_dir(job_id) / "screening.csv"


RESULT_COLUMNS = [
    "query",
    "band",
    "score",
    "entity_id",
    "caption",
    "list",
    "schema",
    "matched",
    "explanation",
]


@tasks.task
def batch_screen_task(progress: Any, *, queries: list[str], language: str = "en") -> dict[str, Any]:
    """Screen every name of an upload and write the best match per name to a CSV file."""
    total = len(queries)
    progress.update(0, total, "building the index")
    index = screening_index()
    done = 0

    def advance(count: int) -> None:
        nonlocal done
        done += count
        progress.update(done, total, f"{done} / {total}")

    # One process: forking a threaded web process is unsafe; Celery workers scale out.
    results = screen_batch(index, queries, processes=1, progress=advance)
    out = io.StringIO()
    writer = SafeCsvWriter(out)
    writer.writerow(RESULT_COLUMNS)
    alerts = 0
    for row in results:
        if row.band in ("strong", "possible"):
            alerts += 1
        writer.writerow(
            [
                row.query,
                row.band,
                f"{row.score:.4f}" if row.entity_id else "",
                row.entity_id or "",
                row.caption,
                row.list_id,
                row.schema,
                row.matched,
                row.explanation,
            ]
        )
    path = batch_result_path(progress.job_id)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(out.getvalue(), encoding="utf-8")
    progress.update(total, total, f"{total} / {total}")
    with translation.override(language):
        url = reverse("sanctions:batch_result", args=[progress.job_id])
    return {"url": url, "rows": total, "alerts": alerts}


def batch_screen_start(*, user: Any, queries: list[str], language: str) -> Any:
    """Start screening an uploaded list of names in the background; returns the job."""
    return tasks.enqueue(
        batch_screen_task,
        owner=user,
        label=_("Batch screening of %(count)s names") % {"count": len(queries)},
        queries=queries,
        language=language,
    )


def batch_rows(job_id: Any) -> list[dict[str, str]]:
    """The result rows of a finished batch (empty when there is no result file)."""
    path = batch_result_path(job_id)
    if not path.is_file():
        return []
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


# -- list versions -----------------------------------------------------------------------


def list_versions() -> list[tuple[str, list[tuple[ListVersion, ListVersion | None]]]]:
    """Every stored list with its versions, newest first, each with the one before it."""
    store = list_store()
    found = []
    for list_id in store.list_ids():
        versions = store.versions(list_id)
        pairs = [(v, versions[i - 1] if i else None) for i, v in enumerate(versions)]
        found.append((list_id, pairs[::-1]))
    return found


def list_diff(list_id: str, old: str, new: str) -> ListDiff:
    """Added, removed and changed entries between two stored versions (KeyError if absent)."""
    return list_store().diff(list_id, old, new)


def lists_import_root() -> Path:
    """Where "load lists from the server" looks (``HORIZONT_LISTS_IMPORT_DIR``, else the
    shared data folder)."""
    configured = getattr(settings, "HORIZONT_LISTS_IMPORT_DIR", None)
    return Path(configured) if configured else shared_data_root()


def list_paths(root: Path) -> list[Path]:
    """List files and folders under ``root`` (its ``sanctions/`` and ``registries/``
    folders when present), a folder holding one list file counting as that file."""
    folders = [root / "sanctions", root / "registries"]
    folders = [f for f in folders if f.is_dir()] or ([root] if root.is_dir() else [])
    found: list[Path] = []
    for folder in folders:
        for child in sorted(folder.iterdir()):
            if child.name.startswith("."):
                continue
            if _is_list(child):
                found.append(child)
            elif child.is_dir():
                found.extend(p for p in sorted(child.iterdir()) if _is_list(p))
    return found


def _is_list(path: Path) -> bool:
    try:
        detect_format(path)
    except (ListFormatError, OSError):
        return False
    return True


def lists_load(
    root: Path, log: Callable[[int, int, str], None] | None = None
) -> list[dict[str, str]]:
    """Add every list found under ``root`` to the store; unchanged files are skipped
    (the store compares sha256), so loading twice changes nothing."""
    store = list_store()
    paths = list_paths(root)
    outcome = []
    for number, path in enumerate(paths):
        try:
            added = store.add(path)
            outcome.append(
                {
                    "list": added.version.list_id,
                    "version": added.version.version,
                    "status": added.status,
                    "entities": str(added.version.entity_count),
                }
            )
        except (ListFormatError, OSError, ValueError) as error:
            outcome.append(
                {
                    "list": path.name,
                    "version": "",
                    "status": "failed",
                    "message": list_error_message(path.name, error),
                }
            )
        if log is not None:
            log(number + 1, len(paths), path.name)
    if store.list_ids():
        store.build_index()  # stored beside the lists; web processes open it
    return outcome


def list_error_message(file_name: str, error: Exception) -> str:
    """Why one list file was not loaded, in the active language, naming the file."""
    if isinstance(error, ListIncompleteError):
        return _(
            "%(file)s has only %(count)s entries where the version of %(version)s had "
            "%(before)s. The file may be cut off, so it was not stored."
        ) % {
            "file": file_name,
            "count": error.count,
            "version": error.before_version,
            "before": error.before,
        }
    return _("%(file)s could not be read as a list: %(reason)s") % {
        "file": file_name,
        "reason": str(error),
    }


@tasks.task
def lists_load_task(progress: Any, *, root: str, language: str = "en") -> dict[str, Any]:
    """Background: load lists from a folder on the server; each file that cannot be
    loaded is reported with its reason, the others are loaded."""
    with translation.override(language):
        outcome = lists_load(Path(root), log=progress.update)
    _audit_lists("sanctions.lists_loaded", progress.job_id, outcome)
    with translation.override(language):
        return {"url": reverse("sanctions:lists"), "lists": outcome}


@tasks.task
def lists_update_task(progress: Any, *, language: str = "en") -> dict[str, Any]:
    """Background: download every list from its publisher (or the configured mirror)."""
    from horizont.screening.update import SOURCES, update_lists

    total = len(SOURCES)
    done = 0

    def log(line: str) -> None:
        nonlocal done
        done += 1
        progress.update(done, total, line)

    results = update_lists(list_store(), log=log)
    outcome = [
        {"list": r.list_id, "version": r.version or "", "status": r.status, "message": r.message}
        for r in results
    ]
    _audit_lists("sanctions.lists_updated", progress.job_id, outcome)
    with translation.override(language):
        return {"url": reverse("sanctions:lists"), "lists": outcome}


def _audit_lists(action: str, job_id: Any, outcome: list[dict[str, str]]) -> None:
    from horizont.jobs.models import Job

    audit_record(
        actor=None,
        action=action,
        target=Job.objects.filter(pk=job_id).first(),
        details={"lists": outcome},
    )


def lists_refresh_start(*, user: Any, action: str, language: str) -> Any:
    """Start loading lists from the server folder (``load``) or from the publishers
    (``update``) as a background task; site administrators only, audit-logged."""
    if not user.has_perm("sanctions.manage_lists"):
        raise PermissionDenied
    if action == "load":
        root = lists_import_root()
        job = tasks.enqueue(
            lists_load_task,
            owner=user,
            label=_("Load lists from the server"),
            root=str(root),
            language=language,
        )
        details = {"root": str(root)}
    else:
        job = tasks.enqueue(
            lists_update_task,
            owner=user,
            label=_("Update lists from their publishers"),
            language=language,
        )
        details = {}
    audit_record(actor=user, action=f"sanctions.lists_{action}", target=job, details=details)
    return job


# -- cases -------------------------------------------------------------------------------


@transaction.atomic
def case_create(
    *, user: Any, title: str, summary: str = "", sender: str = "", sender_place: str = ""
) -> Case:
    """A new draft case whose creator coordinates its team."""
    case = Case.objects.create(
        title=title,
        summary=summary,
        sender=sender,
        sender_place=sender_place,
        created_by=user,
    )
    CaseMember.objects.create(case=case, user=user, role=CaseMember.Role.COORDINATOR)
    audit_record(actor=user, action="sanctions.case_create", target=case)
    return case


@transaction.atomic
def case_status_set(*, case: Case, user: Any, status: str) -> Case:
    """Move a case along its workflow (draft → under review → submitted → answered →
    closed); other moves raise ValidationError."""
    if status not in TRANSITIONS.get(case.status, ()):
        raise ValidationError(_("A case cannot move from this status to that one."))
    old = case.status
    case.status = status
    case.save(update_fields=["status", "updated_at"])
    audit_record(
        actor=user, action="sanctions.case_status", target=case, details={"from": old, "to": status}
    )
    return case


@transaction.atomic
def case_publish_set(*, case: Case, user: Any, published: bool) -> Case:
    """Publish a case (everyone may read it) or take it back to the team only."""
    case.published = published
    case.published_at = timezone.now() if published else None
    case.save(update_fields=["published", "published_at", "updated_at"])
    audit_record(
        actor=user,
        action="sanctions.case_publish" if published else "sanctions.case_unpublish",
        target=case,
    )
    return case


@transaction.atomic
def case_member_add(*, case: Case, user: Any, email: str, role: str) -> CaseMember:
    """Add a registered user to the team by their e-mail address."""
    from django.contrib.auth import get_user_model

    person = get_user_model().objects.filter(email__iexact=email.strip()).first()
    if person is None:
        raise ValidationError(_("There is no account with this e-mail address."))
    member, created = CaseMember.objects.get_or_create(
        case=case, user=person, defaults={"role": role}
    )
    if not created and member.role != role:
        member.role = role
        member.save(update_fields=["role"])
    audit_record(
        actor=user,
        action="sanctions.case_member_add",
        target=case,
        details={"user": person.pk, "role": role},
    )
    return member


@transaction.atomic
def case_member_remove(*, case: Case, user: Any, member: CaseMember) -> None:
    """Take someone off the team; the last coordinator stays."""
    coordinators = case.members.filter(role=CaseMember.Role.COORDINATOR)
    if member.role == CaseMember.Role.COORDINATOR and coordinators.count() <= 1:
        raise ValidationError(_("A case needs at least one coordinator."))
    member.delete()
    audit_record(
        actor=user,
        action="sanctions.case_member_remove",
        target=case,
        details={"user": member.user_id},
    )


def subject_snapshot(entity: Entity) -> dict[str, Any]:
    """What a case keeps of a listed entity: caption, kind, list, version, identifiers."""
    return {
        "entity_id": entity.id,
        "caption": entity.caption[:500],
        "schema": entity.schema.value,
        "list_id": entity.list_id,
        "list_version": entity.source.version,
        "identifiers": [{"type": i.type.value, "value": i.value} for i in entity.identifiers[:20]],
    }


@transaction.atomic
def case_subject_add(*, case: Case, user: Any, entity_id: str, note: str = "") -> CaseSubject:
    """Add a listed entity to a case, keeping a snapshot of how it is listed today."""
    entity = entity_get(entity_id)
    if entity is None:
        raise ValidationError(_("No listed entity has this id."))
    snapshot = subject_snapshot(entity)
    subject, _created = CaseSubject.objects.update_or_create(
        case=case, entity_id=entity.id, defaults={**snapshot, "note": note}
    )
    Case.objects.filter(pk=case.pk).update(updated_at=timezone.now())
    return subject


@transaction.atomic
def evidence_add(
    *, case: Case, user: Any, fields: dict[str, Any], photo: CleanImage | None = None
) -> Evidence:
    """Add a link, a photo (already cleaned of metadata) or a note to a case."""
    evidence = Evidence(case=case, added_by=user, **fields)
    if photo is not None:
        name = f"{get_random_string(24).lower()}.{photo.extension}"
        evidence.photo.save(name, ContentFile(photo.content), save=False)
    evidence.save()
    Case.objects.filter(pk=case.pk).update(updated_at=timezone.now())
    return evidence


@transaction.atomic
def letter_create(*, case: Case, user: Any, template: str, language: str) -> Letter:
    """A letter to an authority, pre-filled from the case (subjects, evidence)."""
    from horizont.sanctions.letters import letter_draft

    draft = letter_draft(case=case, template=template, language=language)
    return Letter.objects.create(
        case=case, template=template, language=language, created_by=user, **draft
    )


def export_user_cases(user: Any) -> dict[str, Any]:
    """The cases a user is on, for their data export."""
    return {
        "sanctions_cases": [
            {"case": m.case.title, "role": m.role, "added_at": m.added_at.isoformat()}
            for m in CaseMember.objects.filter(user=user).select_related("case")
        ],
        "sanctions_evidence": [
            {"case": e.case.title, "title": e.title, "added_at": e.added_at.isoformat()}
            for e in Evidence.objects.filter(added_by=user).select_related("case")
        ],
    }


def visible_cases(user: Any) -> tuple[QuerySet[Case], QuerySet[Case]]:
    """Cases a user's team works on (needs two-factor), then published ones."""
    mine = Case.objects.none()
    if getattr(user, "is_authenticated", False) and user.has_mfa:
        mine = Case.objects.of_team(user)
    return mine, Case.objects.published()
