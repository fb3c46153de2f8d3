"""Workflows of observer programmes: applications, assignments, reports, incidents,
protocol copies and their comparison with the official results."""

from __future__ import annotations

import datetime as dt
import uuid
from collections import Counter
from dataclasses import dataclass
from typing import Any

import numpy as np
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.mail import EmailMessage
from django.db import IntegrityError, models, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from icalendar import Calendar
from icalendar import Event as VEvent

from horizont.accounts.services import register_erasure, register_export
from horizont.audit.services import audit_record
from horizont.elections.models import Election, Station
from horizont.lib.images import CleanImage
from horizont.lib.protocols import compare_protocols
from horizont.observers.models import (
    PROTOCOL_LINES,
    Assignment,
    ChecklistForm,
    Incident,
    IncidentNote,
    IncidentPhoto,
    Programme,
    ProtocolCopy,
    ProtocolEntry,
    Report,
    Role,
    Volunteer,
)

LINE_NAMES = [name for name, _label in PROTOCOL_LINES]


class Refused(Exception):
    """A request the rules do not allow; the message is meant for the person asking."""


# -- programmes and volunteers -----------------------------------------------------------


def programme_open(
    *,
    actor: Any,
    election: Election,
    name: str,
    description: str = "",
    ends_on: dt.date | None = None,
    allow_shared_stations: bool = False,
) -> Programme:
    programme = Programme.objects.create(
        election=election,
        name=name,
        description=description,
        ends_on=ends_on,
        allow_shared_stations=allow_shared_stations,
        created_by=actor,
    )
    audit_record(actor=actor, action="observers.programme_open", target=programme)
    return programme


def volunteer_apply(
    *, user: Any, programme: Programme, pseudonym: str, contact: str, role: str, consent: bool
) -> Volunteer:
    if programme.volunteers.filter(user=user).exists():
        raise Refused(_("You have already applied to this programme."))
    volunteer = Volunteer.objects.create(
        programme=programme,
        user=user,
        pseudonym=pseudonym,
        contact=contact,
        role=role,
        identity_consent_at=timezone.now() if consent else None,
    )
    audit_record(actor=user, action="observers.apply", target=volunteer)
    return volunteer


def volunteer_decide(*, actor: Any, volunteer: Volunteer, accept: bool) -> Volunteer:
    volunteer.status = Volunteer.Status.ACCEPTED if accept else Volunteer.Status.DECLINED
    volunteer.save(update_fields=["status"])
    action = "observers.accept" if accept else "observers.decline"
    audit_record(actor=actor, action=action, target=volunteer)
    return volunteer


# -- assignments ---------------------------------------------------------------------------


def station_find(*, election: Election, number: int, region: str = "") -> Station:
    """The station of ``election`` with this number (and region, where numbers repeat)."""
    found = list(Station.objects.filter(election=election, uik=number)[:50])
    if region:
        found = [s for s in found if s.region == region]
    if not found:
        raise Refused(
            _("No polling station number %(number)s in this election.") % {"number": number}
        )
    if len(found) > 1:
        regions = ", ".join(sorted(s.region for s in found))
        raise Refused(
            _("Several stations have number %(number)s; choose the region: %(regions)s")
            % {"number": number, "regions": regions}
        )
    return found[0]


def assignment_calendar(assignments: list[Assignment], *, host: str) -> bytes:
    """An iCalendar file with one all-day entry per assignment (no personal data)."""
    cal = Calendar()
    cal.add("prodid", "-//Horizont//observers//EN")
    cal.add("version", "2.0")
    for assignment in assignments:
        item = VEvent()
        item.add("uid", f"observer-assignment-{assignment.pk}@{host}")
        item.add("dtstamp", timezone.now())
        item.add("dtstart", assignment.day)
        item.add("dtend", assignment.day + dt.timedelta(days=1))
        item.add(
            "summary",
            _("Observation: polling station %(station)s") % {"station": assignment.station.label},
        )
        item.add(
            "description",
            f"{assignment.station.region} · {assignment.station.tik} · "
            f"{assignment.get_shift_display()}",
        )
        cal.add_component(item)
    return bytes(cal.to_ical())


def _notify(volunteer: Volunteer, subject: str, body: str) -> None:
    if volunteer.user is None or not volunteer.user.email:
        return
    with translation.override(getattr(volunteer.user, "language", None) or settings.LANGUAGE_CODE):
        assignments = list(volunteer.assignments.select_related("station"))
        message = EmailMessage(subject, body, None, [volunteer.user.email])
        host = str(settings.HORIZONT_SITE_URL).split("//")[-1].split("/")[0].split(":")[0]
        message.attach(
            "assignment.ics", assignment_calendar(assignments, host=host), "text/calendar"
        )
        message.send(fail_silently=True)


def assignment_create(
    *, actor: Any, volunteer: Volunteer, station: Station, day: dt.date, shift: str
) -> Assignment:
    programme = volunteer.programme
    if volunteer.status != Volunteer.Status.ACCEPTED:
        raise Refused(_("Only accepted volunteers can be assigned."))
    from horizont.observers.training import courses_missing

    missing = courses_missing(volunteer)
    if missing:
        raise Refused(
            _("%(name)s must pass the course “%(course)s” before an assignment.")
            % {"name": volunteer.pseudonym, "course": missing[0].title}
        )
    if station.election_id != programme.election_id:
        raise Refused(_("The station belongs to another election."))
    taken = Assignment.objects.filter(station=station, day=day, shift=shift)
    if taken.filter(volunteer=volunteer).exists():
        raise Refused(_("This volunteer already has this station and shift."))
    if (
        not programme.allow_shared_stations
        and taken.filter(volunteer__role=volunteer.role).exists()
    ):
        raise Refused(
            _("Station %(station)s already has a %(role)s for this shift.")
            % {"station": station.label, "role": volunteer.get_role_display()}
        )
    assignment = Assignment.objects.create(
        volunteer=volunteer, station=station, day=day, shift=shift
    )
    audit_record(actor=actor, action="observers.assign", target=assignment)
    _notify(
        volunteer,
        _("Your observer assignment has changed"),
        _("You are assigned to polling station %(station)s on %(day)s (%(shift)s).")
        % {
            "station": str(station),
            "day": day.isoformat(),
            "shift": assignment.get_shift_display(),
        },
    )
    return assignment


def assignment_delete(*, actor: Any, assignment: Assignment) -> None:
    volunteer = assignment.volunteer
    audit_record(actor=actor, action="observers.unassign", target=assignment)
    label = str(assignment.station)
    day = assignment.day.isoformat()
    assignment.delete()
    _notify(
        volunteer,
        _("Your observer assignment has changed"),
        _("Your assignment to polling station %(station)s on %(day)s was withdrawn.")
        % {"station": label, "day": day},
    )


@dataclass
class CoverageRow:
    station: Station
    by_role: dict[str, int]
    covered: bool


def programme_coverage(programme: Programme) -> dict[str, Any]:
    """Stations abroad plus every assigned station, with volunteers per role; a station
    without an observer or an advisory member is a gap."""
    counts: dict[int, Counter[str]] = {}
    for station_id, role in Assignment.objects.filter(volunteer__programme=programme).values_list(
        "station_id", "volunteer__role"
    ):
        counts.setdefault(station_id, Counter())[role] += 1
    stations = Station.objects.filter(election=programme.election).filter(
        abroad=True
    ) | Station.objects.filter(pk__in=counts.keys())
    rows = []
    for station in stations.order_by("region", "uik"):
        by_role = dict(counts.get(station.pk, Counter()))
        covered = bool(by_role.get(Role.OBSERVER) or by_role.get(Role.ADVISORY))
        rows.append(CoverageRow(station=station, by_role=by_role, covered=covered))
    role_totals = Counter[str]()
    for row in rows:
        role_totals.update({role: 1 for role in row.by_role})
    return {
        "rows": rows,
        "stations": len(rows),
        "covered": sum(1 for row in rows if row.covered),
        "gaps": sum(1 for row in rows if not row.covered),
        "by_role": [(label, role_totals.get(value, 0)) for value, label in Role.choices],
    }


def coverage_places(programme: Programme, stations: list[Station]) -> dict[int, Any]:
    """Where stations abroad are: the votes-abroad app's station of the same official row,
    or of the same number in a vote whose official results are this election. Stations in
    Russia have no coordinates anywhere in Horizont (the official results carry none)."""
    from horizont.abroad.models import Station as AbroadStation

    abroad = [s for s in stations if s.abroad]
    if not abroad:
        return {}
    numbers = {s.uik: s.pk for s in abroad}
    places: dict[int, Any] = {}
    for place in AbroadStation.objects.filter(
        latitude__isnull=False, longitude__isnull=False
    ).filter(
        models.Q(official_id__in=[s.pk for s in abroad])
        | models.Q(vote__results=programme.election, number__in=numbers)
    ):
        station_id = (
            place.official_id if place.official_id in numbers.values() else numbers[place.number]
        )
        places.setdefault(station_id, place)
    return places


def coverage_map(programme: Programme) -> dict[str, Any]:
    """Markers for the coordinators' coverage map and the count of stations shown in the
    table only (no coordinates: stations in Russia, stations abroad not yet located)."""
    coverage = programme_coverage(programme)
    rows = coverage["rows"]
    places = coverage_places(programme, [row.station for row in rows])
    markers = []
    for row in rows:
        place = places.get(row.station.pk)
        if place is None:
            continue
        status = _("covered") if row.covered else _("gap")
        markers.append(
            {
                "slug": str(row.station.pk),
                "name": f"№{row.station.uik} · {status}",
                "city": place.city,
                "lat": round(place.latitude, 5),
                "lon": round(place.longitude, 5),
                "covered": row.covered,
            }
        )
    return {
        "markers": markers,
        "table_only": len(rows) - len(markers),
        "in_russia": sum(1 for row in rows if not row.station.abroad),
    }


def coverage_by_country(programme: Programme, *, public: bool) -> list[dict[str, Any]]:
    """Stations abroad and how many are covered, per country. In the public version a
    country with fewer than ``PUBLIC_MINIMUM_STATIONS`` stations goes into "other
    countries" (itself withheld when still too small)."""
    from horizont.network.gazetteer import country_name

    rows = [row for row in programme_coverage(programme)["rows"] if row.station.abroad]
    places = coverage_places(programme, [row.station for row in rows])
    counts: dict[str, list[int]] = {}
    for row in rows:
        place = places.get(row.station.pk)
        country = place.country if place is not None and place.country else ""
        entry = counts.setdefault(country, [0, 0])
        entry[0] += 1
        entry[1] += int(row.covered)
    out: list[dict[str, Any]] = []
    other = [0, 0]
    for country, (stations, covered) in sorted(counts.items()):
        if not country or (public and stations < PUBLIC_MINIMUM_STATIONS):
            other[0] += stations
            other[1] += covered
            continue
        out.append({"country": country_name(country), "stations": stations, "covered": covered})
    if other[0]:
        hidden = public and other[0] < PUBLIC_MINIMUM_STATIONS
        out.append(
            {
                "country": _("other countries or not located"),
                "stations": None if hidden else other[0],
                "covered": None if hidden else other[1],
            }
        )
    return out


# -- checklists and reports -----------------------------------------------------------------


def checklist_parse(text: str) -> list[dict[str, Any]]:
    """Fields from lines ``type: label`` (``choice: label | a | b`` for a choice)."""
    types = {value for value, _label in ChecklistForm.FieldType.choices}
    fields = []
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line:
            continue
        kind, sep, rest = line.partition(":")
        kind = kind.strip().lower()
        if not sep or kind not in types:
            raise Refused(
                _("Line %(number)s: start with one of %(types)s and a colon.")
                % {"number": number, "types": ", ".join(sorted(types))}
            )
        parts = [p.strip() for p in rest.split("|")]
        label, choices = parts[0], [p for p in parts[1:] if p]
        if not label:
            raise Refused(_("Line %(number)s: the field has no label.") % {"number": number})
        if kind == "choice" and len(choices) < 2:
            raise Refused(
                _("Line %(number)s: a choice needs at least two options after |.")
                % {"number": number}
            )
        fields.append({"label": label, "type": kind, "choices": choices})
    if not fields:
        raise Refused(_("The form has no fields."))
    return fields


def checklist_save(
    *, actor: Any, programme: Programme, kind: str, title: str, fields: list[dict[str, Any]]
) -> ChecklistForm:
    """Save a new version of the programme's form of this kind; earlier reports keep theirs."""
    with transaction.atomic():
        previous = programme.forms.select_for_update().filter(kind=kind).order_by("-version")
        last = previous.first()
        previous.update(current=False)
        form = ChecklistForm.objects.create(
            programme=programme,
            kind=kind,
            title=title,
            fields=fields,
            version=(last.version + 1) if last else 1,
        )
    audit_record(actor=actor, action="observers.form_save", target=form)
    return form


def assigned_stations(volunteer: Volunteer) -> list[Station]:
    seen: dict[int, Station] = {}
    for assignment in volunteer.assignments.select_related("station"):
        seen.setdefault(assignment.station_id, assignment.station)
    return list(seen.values())


def _require_assigned(volunteer: Volunteer, station: Station) -> None:
    if not volunteer.assignments.filter(station=station).exists():
        raise Refused(
            _("You are not assigned to polling station %(station)s.") % {"station": station.label}
        )


def _once(model: Any, key: uuid.UUID, create: Any) -> tuple[Any, bool]:
    """Create with an idempotency key: a retried submission returns the first one.

    The insert comes first (one statement for the usual, new submission); the unique key
    refuses a retry, sent again or at the same moment, which then gets the stored row."""
    try:
        with transaction.atomic():
            return create(), True
    except IntegrityError:
        existing = model.objects.filter(key=key).first()
        if existing is None:  # another constraint refused it: not a retry
            raise
        return existing, False


def report_submit(
    *,
    volunteer: Volunteer,
    station: Station,
    form: ChecklistForm,
    answers: list[Any],
    key: uuid.UUID,
    assigned: list[Station] | None = None,
) -> tuple[Report, bool]:
    """Store a report once per ``key``. ``assigned``: the volunteer's stations when the
    caller has already read them (saves a query on election day's busiest path)."""
    if assigned is None or station.pk not in {s.pk for s in assigned}:
        _require_assigned(volunteer, station)
    return _once(
        Report,
        key,
        lambda: Report.objects.create(
            key=key, form=form, volunteer=volunteer, station=station, answers=answers
        ),
    )


def incident_submit(
    *,
    volunteer: Volunteer,
    station: Station,
    key: uuid.UUID,
    photos: list[CleanImage],
    **fields: Any,
) -> tuple[Incident, bool]:
    _require_assigned(volunteer, station)

    def create() -> Incident:
        incident = Incident.objects.create(
            key=key, programme=volunteer.programme, volunteer=volunteer, station=station, **fields
        )
        for photo in photos:
            extension = photo.content_type.rsplit("/", 1)[-1]
            IncidentPhoto.objects.create(
                incident=incident,
                file=ContentFile(photo.content, name=f"photo.{extension}"),
                content_type=photo.content_type,
            )
        IncidentNote.objects.create(incident=incident, author=volunteer.user, status="new")
        return incident

    return _once(Incident, key, create)


def incident_update(
    *, actor: Any, incident: Incident, status: str, text: str, lawyer: Volunteer | None
) -> Incident:
    if status != incident.status and status not in Incident.NEXT[incident.status]:
        raise Refused(_("This status cannot follow the current one."))
    if status in ("resolved", "rejected") and not text.strip():
        raise Refused(_("Say why in a comment."))
    with transaction.atomic():
        incident.status = status
        incident.lawyer = lawyer
        incident.save(update_fields=["status", "lawyer"])
        IncidentNote.objects.create(incident=incident, author=actor, status=status, text=text)
    audit_record(
        actor=actor,
        action="observers.incident_update",
        target=incident,
        details={"status": status, "lawyer": lawyer.pk if lawyer else None},
    )
    return incident


# -- protocol copies ---------------------------------------------------------------------------


def protocol_errors(lines: dict[str, Any], party_names: list[str]) -> list[str]:
    """Consistency of a protocol, each error naming the line."""
    labels = dict(PROTOCOL_LINES)
    errors = []
    cast, valid, invalid = lines["ballots_cast"], lines["valid"], lines["invalid"]
    if cast != valid + invalid:
        errors.append(
            _(
                "Line “%(line)s” (%(cast)s) must equal valid (%(valid)s) plus invalid "
                "(%(invalid)s) ballots."
            )
            % {"line": labels["ballots_cast"], "cast": cast, "valid": valid, "invalid": invalid}
        )
    total = sum(lines["votes"])
    if total != valid:
        errors.append(
            _("Line “%(line)s” (%(valid)s) must equal the sum of the party votes (%(total)s).")
            % {"line": labels["valid"], "valid": valid, "total": total}
        )
    if lines["ballots_issued"] > lines["registered"]:
        errors.append(
            _("Line “%(line)s” is larger than the number of registered voters.")
            % {"line": labels["ballots_issued"]}
        )
    return errors


def _differing_lines(a: dict[str, Any], b: dict[str, Any], party_names: list[str]) -> list[str]:
    labels = dict(PROTOCOL_LINES)
    out = [str(labels[name]) for name in LINE_NAMES if a[name] != b[name]]
    out += [name for name, x, y in zip(party_names, a["votes"], b["votes"], strict=True) if x != y]
    return out


def protocol_enter(
    *,
    volunteer: Volunteer | None,
    user: Any,
    station: Station,
    lines: dict[str, Any],
    key: uuid.UUID,
    photo: CleanImage | None = None,
) -> ProtocolCopy:
    """Record one entry. The second entry by another person agrees or marks a mismatch."""
    programme = volunteer.programme if volunteer else None
    assert programme is not None
    _require_assigned(volunteer, station)
    errors = protocol_errors(lines, programme.election.party_names)
    if errors:
        raise Refused(" ".join(errors))
    with transaction.atomic():
        copy, _created = ProtocolCopy.objects.select_for_update().get_or_create(
            programme=programme, station=station
        )
        # checked under the lock, so a retried submission never counts as a second entry
        if ProtocolEntry.objects.filter(key=key).exists():
            return copy
        earlier = list(ProtocolEntry.objects.filter(programme=programme, station=station))
        if any(entry.entered_by_id == user.pk for entry in earlier):
            raise Refused(
                _("You have already entered this protocol; a second person must enter it again.")
            )
        if copy.status != ProtocolCopy.Status.WAITING:
            raise Refused(_("This protocol has already been entered twice."))
        ProtocolEntry.objects.create(
            key=key,
            programme=programme,
            station=station,
            volunteer=volunteer,
            entered_by=user,
            lines=lines,
            photo=(
                ContentFile(photo.content, name=f"protocol.{photo.content_type.rsplit('/', 1)[-1]}")
                if photo
                else ""
            ),
            photo_type=photo.content_type if photo else "",
        )
        if earlier:
            if earlier[0].lines == lines:
                copy.status, copy.lines = ProtocolCopy.Status.AGREED, lines
            else:
                copy.status = ProtocolCopy.Status.MISMATCH
            copy.save()
    return copy


def protocol_mismatch(copy: ProtocolCopy) -> dict[str, Any]:
    entries = list(ProtocolEntry.objects.filter(programme=copy.programme, station=copy.station))
    names = copy.programme.election.party_names
    return {
        "entries": entries,
        "differing": _differing_lines(entries[0].lines, entries[1].lines, names)
        if len(entries) >= 2
        else [],
    }


def protocol_resolve(*, actor: Any, copy: ProtocolCopy, lines: dict[str, Any]) -> ProtocolCopy:
    """A third person settles a mismatch by entering the protocol from its photo."""
    if copy.status != ProtocolCopy.Status.MISMATCH:
        raise Refused(_("This protocol has no mismatch to resolve."))
    if ProtocolEntry.objects.filter(
        programme=copy.programme, station=copy.station, entered_by=actor
    ).exists():
        raise Refused(_("A third person must resolve the mismatch, not one who entered it."))
    errors = protocol_errors(lines, copy.programme.election.party_names)
    if errors:
        raise Refused(" ".join(errors))
    copy.status, copy.lines, copy.resolved_by = ProtocolCopy.Status.AGREED, lines, actor
    copy.save()
    audit_record(actor=actor, action="observers.protocol_resolve", target=copy)
    return copy


def _line_vector(lines: dict[str, Any]) -> list[int]:
    return [int(lines[name]) for name in LINE_NAMES] + [int(v) for v in lines["votes"]]


def protocol_comparison(programme: Programme, *, order: str = "size") -> dict[str, Any]:
    """Agreed copies against the official results (the programme's results election,
    else its own), matched by region and station number."""
    official_election = programme.official
    names = list(programme.election.party_names)
    copies = list(
        programme.copies.filter(status=ProtocolCopy.Status.AGREED).select_related("station")
    )
    width = len(LINE_NAMES) + len(names)
    official_parties = list(official_election.party_names)
    same_parties = official_parties == names
    numbers = {c.station.uik for c in copies}
    official = list(
        Station.objects.filter(election=official_election, uik__in=numbers).values_list(
            "pk", "region", "uik", *LINE_NAMES, "votes"
        )
    )
    regions = {region: code for code, region in enumerate(sorted({o[1] for o in official}))}

    def key(region: str, uik: int) -> int:
        code = regions.get(region)
        return -1 if code is None else code * 100_000 + uik

    copy_keys = np.array([key(c.station.region, c.station.uik) for c in copies], dtype=np.int64)
    copy_lines = np.array([_line_vector(c.lines) for c in copies], dtype=np.int64).reshape(
        len(copies), width
    )
    official_keys = np.array([key(o[1], o[2]) for o in official], dtype=np.int64)
    official_lines = np.array(
        [
            [*o[3 : 3 + len(LINE_NAMES)], *(o[-1] if same_parties else [0] * len(names))]
            for o in official
        ],
        dtype=np.int64,
    ).reshape(len(official), width)
    result = compare_protocols(copy_keys, copy_lines, official_keys, official_lines)
    labels = [str(label) for _name, label in PROTOCOL_LINES] + names
    indices = result.order_by_size()
    if order == "station":
        indices = np.array(
            sorted(indices, key=lambda i: (copies[i].station.region, copies[i].station.uik)),
            dtype=np.int64,
        )
    rows = []
    for i in indices:
        copy = copies[int(i)]
        lines = []
        for j in np.flatnonzero(result.difference[i]):
            observed = int(copy_lines[i, j])
            lines.append(
                {
                    "label": labels[j],
                    "observed": observed,
                    "official": observed + int(result.difference[i, j]),
                    "difference": int(result.difference[i, j]),
                }
            )
        rows.append({"copy": copy, "size": int(result.size[i]), "lines": lines})
    moved = [
        {"party": name, "votes": int(result.moved[len(LINE_NAMES) + j])}
        for j, name in enumerate(names)
    ]
    return {
        "rows": rows,
        "collected": programme.copies.count(),
        "agreed": len(copies),
        "compared": result.compared,
        "differing": result.differing,
        "moved": moved,
        "official": official_election,
        "same_parties": same_parties,
    }


# -- personal data ------------------------------------------------------------------------


def programmes_erase_personal_data(*, now: dt.datetime | None = None) -> int:
    """Delete volunteers' personal data of programmes that ended more than
    ``OBSERVERS_RETENTION_DAYS`` days ago. Returns how many programmes were erased."""
    now = now or timezone.now()
    days = int(getattr(settings, "OBSERVERS_RETENTION_DAYS", 90))
    cutoff = now.date() - dt.timedelta(days=days)
    due = Programme.objects.filter(ends_on__lt=cutoff, personal_data_erased_at__isnull=True)
    erased = 0
    for programme in due:
        with transaction.atomic():
            for volunteer in programme.volunteers.all():
                volunteer.pseudonym = f"#{volunteer.pk}"
                volunteer.contact = ""
                volunteer.user = None
                volunteer.identity_consent_at = None
                volunteer.save(
                    update_fields=["pseudonym", "contact", "user", "identity_consent_at"]
                )
            programme.entries.update(entered_by=None)
            programme.copies.update(resolved_by=None)
            IncidentNote.objects.filter(incident__programme=programme).update(author=None)
            programme.personal_data_erased_at = now
            programme.save(update_fields=["personal_data_erased_at"])
        audit_record(actor=None, action="observers.erase_personal_data", target=programme)
        erased += 1
    return erased


@register_export
def user_observer_export(user: Any) -> dict[str, Any]:
    return {
        "observer_applications": [
            {
                "programme": v.programme.name,
                "pseudonym": v.pseudonym,
                "contact": v.contact,
                "role": v.role,
                "status": v.status,
                "assignments": [
                    {"station": str(a.station), "day": a.day.isoformat(), "shift": a.shift}
                    for a in v.assignments.select_related("station")
                ],
            }
            for v in Volunteer.objects.filter(user=user).select_related("programme")
        ]
    }


@register_erasure
def user_observer_erase(user: Any) -> None:
    for volunteer in Volunteer.objects.filter(user=user):
        volunteer.pseudonym = f"#{volunteer.pk}"
        volunteer.contact = ""
        volunteer.identity_consent_at = None
        volunteer.user = None
        volunteer.save(update_fields=["pseudonym", "contact", "identity_consent_at", "user"])


# -- observer effect --------------------------------------------------------------------------


def programme_observer_effect(programme: Programme) -> Any:
    """Stations of the official results with an observer present all day (an observer or
    an advisory member on the all-day shift) against the rest, within commissions."""
    from horizont.lib.observer_effect import observer_effect

    present = set(
        Assignment.objects.filter(
            volunteer__programme=programme,
            volunteer__role__in=[Role.OBSERVER, Role.ADVISORY],
            shift=Assignment.Shift.ALL_DAY,
        ).values_list("station__region", "station__uik")
    )
    rows = list(
        Station.objects.filter(election=programme.official, remote=False).values_list(
            "region", "tik", "uik", "registered", "ballots_issued", "ballots_cast", "leader_votes"
        )
    )
    if not rows:
        return None
    region, tik, uik, registered, issued, cast, leader = zip(*rows, strict=True)
    commissions: dict[tuple[str, str], int] = {}
    commission = np.array(
        [
            commissions.setdefault((r, t), len(commissions))
            for r, t in zip(region, tik, strict=True)
        ],
        dtype=np.int64,
    )
    observed = np.array([(r, u) in present for r, u in zip(region, uik, strict=True)], dtype=bool)
    return observer_effect(
        commission,
        observed,
        np.array(registered, dtype=np.int64),
        np.array(issued, dtype=np.int64),
        np.array(cast, dtype=np.int64),
        np.array(leader, dtype=np.int64),
    )


# -- dashboard ----------------------------------------------------------------------------------

#: Public figures stand for at least this many stations, so that no station (and no
#: observer at it) can be singled out.
PUBLIC_MINIMUM_STATIONS = 5


def _figure(count: int, stations: int, *, public: bool) -> int | None:
    return None if public and stations < PUBLIC_MINIMUM_STATIONS else count


def programme_dashboard(programme: Programme, *, public: bool) -> dict[str, Any]:
    """Reports, incidents, coverage and protocol copies. In the public version a figure
    backed by fewer than ``PUBLIC_MINIMUM_STATIONS`` stations is withheld (None)."""
    reports = Report.objects.filter(volunteer__programme=programme)
    by_kind = []
    for value, label in ChecklistForm.Kind.choices:
        rows = reports.filter(form__kind=value)
        stations = rows.values("station").distinct().count()
        by_kind.append((label, _figure(rows.count(), stations, public=public)))
    incidents = []
    for value, label in Incident.Category.choices:
        rows = programme.incidents.filter(category=value)
        stations = rows.values("station").distinct().count()
        statuses = [
            (status_label, _figure(rows.filter(status=status).count(), stations, public=public))
            for status, status_label in Incident.Status.choices
        ]
        incidents.append(
            {
                "label": label,
                "total": _figure(rows.count(), stations, public=public),
                "by_status": statuses,
            }
        )
    coverage = programme_coverage(programme)
    copies = programme.copies
    agreed = copies.filter(status=ProtocolCopy.Status.AGREED)
    comparison = protocol_comparison(programme)
    return {
        "reports": by_kind,
        "incidents": incidents,
        "statuses": [label for _value, label in Incident.Status.choices],
        "covered": _figure(coverage["covered"], coverage["covered"], public=public),
        "stations": coverage["stations"],
        "copies": _figure(copies.count(), copies.count(), public=public),
        "agreed": _figure(agreed.count(), agreed.count(), public=public),
        "differing": _figure(comparison["differing"], comparison["compared"], public=public),
        "minimum": PUBLIC_MINIMUM_STATIONS,
        "turnout": programme_turnout(programme, public=public),
        "countries": coverage_by_country(programme, public=public),
    }


def programme_turnout(programme: Programme, *, public: bool) -> dict[str, Any]:
    """Turnout reported by observers per hour (the first time and number fields of the
    turnout forms), against the official final turnout of the same stations."""
    latest: dict[tuple[int, int], int] = {}
    stations: dict[int, Station] = {}
    for report in Report.objects.filter(
        volunteer__programme=programme, form__kind=ChecklistForm.Kind.TURNOUT
    ).select_related("form", "station"):
        kinds = [field["type"] for field in report.form.fields]
        if "time" not in kinds or "number" not in kinds:
            continue
        hour_text = report.answers[kinds.index("time")]
        voters = report.answers[kinds.index("number")]
        if not hour_text or voters is None:
            continue
        hour = int(str(hour_text)[:2])
        key = (hour, report.station_id)
        latest[key] = max(latest.get(key, 0), int(voters))
        stations[report.station_id] = report.station
    rows = []
    for hour in sorted({hour for hour, _station in latest}):
        reporting = [sid for h, sid in latest if h == hour]
        registered = sum(stations[sid].registered for sid in reporting)
        voters = sum(latest[(hour, sid)] for sid in reporting)
        share = voters / registered if registered else None
        hidden = public and len(reporting) < PUBLIC_MINIMUM_STATIONS
        rows.append(
            {
                "hour": f"{hour:02d}:00",
                "stations": len(reporting),
                "turnout": None if hidden else share,
            }
        )
    official = Station.objects.filter(
        election=programme.official,
        uik__in={s.uik for s in stations.values()},
    ).values_list("region", "uik", "registered", "ballots_issued")
    wanted = {(s.region, s.uik) for s in stations.values()}
    matched = [(reg, issued) for region, uik, reg, issued in official if (region, uik) in wanted]
    registered = sum(reg for reg, _issued in matched)
    final = sum(issued for _reg, issued in matched) / registered if registered else None
    if public and len(matched) < PUBLIC_MINIMUM_STATIONS:
        final = None
    return {"rows": rows, "official": final, "official_stations": len(matched)}
