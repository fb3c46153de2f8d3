"""OFAC SDN and consolidated non-SDN lists in their CSV form.

A list is three header-less CSV files: main records (``sdn.csv`` / ``cons_prim.csv``),
aliases (``alt.csv`` / ``cons_alt.csv``) and addresses (``add.csv`` /
``cons_add.csv``). ``-0-`` means empty. The last column of the main file holds
remarks: semicolon-separated typed facts that :func:`parse_remarks` turns into
identifiers, birth dates, nationalities, weak aliases and links.
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path
from typing import Final

from horizont.screening.model import (
    Address,
    Entity,
    Identifier,
    IdType,
    Link,
    LinkKind,
    Name,
    NameKind,
    NameQuality,
    Schema,
    SourceRef,
    entity_id,
)
from horizont.screening.normalize import imo_is_valid
from horizont.screening.sources.base import (
    ListFormatError,
    ParsedList,
    clean,
    parse_date_text,
    resolve_links,
    today,
    version_from_path,
)

FORMAT: Final = "ofac-csv"
SDN_FILES: Final = ("sdn.csv", "alt.csv", "add.csv")
CONS_FILES: Final = ("cons_prim.csv", "cons_alt.csv", "cons_add.csv")

_ID_LABELS: Final[dict[str, IdType]] = {}
for _type, _labels in {
    IdType.PASSPORT: [
        "Passport", "Diplomatic Passport", "Stateless Person Passport",
        "Travel Document Number", "Pasaporte",
    ],
    IdType.NATIONAL_ID: [
        "National ID No.", "Cedula No.", "C.U.R.P.", "D.N.I.", "Personal ID Card",
        "Kenyan ID No.", "Turkish Identification Number", "National Foreign ID Number",
        "Citizen's Card Number", "Numero de Identidad", "Identity Number",
        "Electoral Registry No.", "Credencial electoral", "SSN", "Birth Certificate Number",
        "Residency Number", "I.F.E.", "Driver's License No.", "Social Security Number",
        "Cartilla de Servicio Militar Nacional", "Refugee ID Card", "Identification Card",
    ],
    IdType.TAX_ID: [
        "Tax ID No.", "R.F.C.", "RFC", "NIT #", "RUC #", "RIF #", "C.U.I.T.", "C.U.I.P.",
        "V.A.T. Number", "US FEIN", "RTN", "Tax ID", "Tax Identification Number", "INN",
    ],
    IdType.REGISTRATION: [
        "Registration ID", "Registration Number", "Government Gazette Number",
        "Company Number", "Commercial Registry Number", "Business Registration Number",
        "Business Registration Document #", "Unified Social Credit Code",
        "United Social Credit Code Certificate", "Public Registration Number",
        "Folio Mercantil No.", "Matricula Mercantil No", "Trade License No.",
        "Certificate of Incorporation Number", "Chamber of Commerce Number",
        "UK Company Number", "Legal Entity Number", "D-U-N-S Number",
        "Identification Number", "Enterprise Number", "Registered Charity No.", "C.R. No.",
        "License", "Branch Unit Number", "BIK", "LE Number", "ISIN",
        "Dubai Chamber of Commerce Membership No.", "Economic Register Number",
        "Registration Certificate Number", "Commercial Register Number", "OGRN",
    ],
    IdType.MODE_S: ["Aircraft Mode S Transponder Code"],
    IdType.SERIAL: [
        "Aircraft Serial Identification", "Aircraft Manufacturer's Serial Number (MSN)",
        "Aircraft Manufacturer's Serial Number",
        "Aircraft Construction Number (also called L/N or S/N or F/N)",
        "Aircraft Construction Number",
    ],
    IdType.AIRCRAFT_REGISTRATION: ["Aircraft Tail Number", "Previous Aircraft Tail Number"],
    IdType.MMSI: ["MMSI"],
    IdType.SWIFT_BIC: ["SWIFT/BIC"],
    IdType.EMAIL: ["Email Address"],
    IdType.WEBSITE: ["Website"],
}.items():  # fmt: skip
    for _label in _labels:
        _ID_LABELS[_label.lower()] = _type

_IMO_LABELS: Final = (
    "vessel registration identification imo",
    "identification number imo",
    "company number imo",
    "imo",
)
_FACT_LABELS: Final = [
    "Nationality of Registration", "Aircraft Model", "Aircraft Manufacture Date",
    "Vessel Year of Build", "Vessel Flag", "Other Vessel Flag", "Former Vessel Flag",
    "Vessel Type", "Vessel Call Sign", "Organization Established Date",
    "Organization Type:", "Target Type", "Listing Date", "Effective Date", "Gender",
    "Telephone No.", "Telephone", "Phone Number", "Phone", "Fax No.", "Fax", "Title",
    "Digital Currency Address -", "Secondary sanctions risk:",
    "Additional Sanctions Information -", "Equity Ticker", "Executive Order",
    "Purchase/Sales For Divestment Date", "CAATSA Section",
    "Transactions Prohibited For Persons Owned or Controlled By U.S. Financial Institutions:",
]  # fmt: skip

_LABELS: Final = sorted(
    [*(k for k in _ID_LABELS), *_IMO_LABELS, *(f.lower() for f in _FACT_LABELS)]
    + [
        "dob", "pob", "nationality", "citizen", "linked to:", "a.k.a.", "f.k.a.",
        "n.k.a.", "aircraft operator",
    ],
    key=len,
    reverse=True,
)  # fmt: skip
_QUOTED: Final = re.compile(r"'([^']+(?:'[A-Za-z][^']*)*)'")
_COUNTRY_TAIL: Final = re.compile(r"\(([^()]+)\)")


def _split_remarks(text: str) -> list[str]:
    parts: list[str] = []
    quote = False
    current = ""
    for i, c in enumerate(text):
        if c == "'" and (i == 0 or not text[i - 1].isalpha() or quote):
            # a quote opens after a space and closes before a separator
            if not quote and (i == 0 or text[i - 1] in " ;"):
                quote = True
            elif quote and (i + 1 >= len(text) or text[i + 1] in ";. "):
                quote = False
        if c == ";" and not quote:
            parts.append(current)
            current = ""
        else:
            current += c
    parts.append(current)
    return [p.strip() for p in parts if p.strip()]


def _match_label(segment: str) -> tuple[str, str]:
    low = segment.lower()
    for label in _LABELS:
        if low.startswith(label) and (
            len(low) == len(label) or not low[len(label)].isalnum() or label.endswith((".", ":"))
        ):
            return label, segment[len(label) :].strip(" :.-")
    return "", segment


def _id_value(value: str) -> tuple[str, str | None]:
    country = None
    m = _COUNTRY_TAIL.search(value)
    if m:
        country = m.group(1).strip()
        value = value[: m.start()]
    value = re.split(r"\b(?:expires|issued|Issue Date|Expire Date)\b", value)[0]
    return value.strip(" ,.;"), country


def parse_remarks(entity: Entity, remarks: str) -> None:
    """Turn OFAC remarks into typed facts on ``entity`` (in place)."""
    remarks = remarks.strip()
    if remarks.endswith("."):
        remarks = remarks[:-1]
    for raw in _split_remarks(remarks):
        segment = raw[5:].strip() if raw.lower().startswith("alt. ") else raw
        label, value = _match_label(segment)
        if not label:
            entity.add_fact("remark", raw)
            continue
        if label == "dob":
            entity.birth_dates.extend(parse_date_text(value))
        elif label == "pob":
            entity.birth_places.append(value)
        elif label in ("nationality", "citizen"):
            entity.nationalities.append(value.rstrip("."))
        elif label == "linked to:":
            if value:
                entity.links.append(Link(LinkKind.LINKED_TO, value.rstrip(".")))
        elif label == "aircraft operator":
            entity.add_fact("aircraft operator", value)
            entity.links.append(Link(LinkKind.OPERATOR, value))
        elif label in ("a.k.a.", "f.k.a.", "n.k.a."):
            kind = {"a.k.a.": NameKind.AKA, "f.k.a.": NameKind.FKA, "n.k.a.": NameKind.NKA}
            for alias in _QUOTED.findall(value) or [value.strip("'")]:
                entity.names.append(Name(alias.strip(), kind[label], NameQuality.WEAK))
        elif label in _IMO_LABELS:
            number, country = _id_value(value)
            number = number.removeprefix("IMO").strip()
            entity.identifiers.append(
                Identifier(IdType.IMO, number, country, raw, imo_is_valid(number))
            )
        elif label in _ID_LABELS:
            number, country = _id_value(value)
            if number:
                id_type = _ID_LABELS[label]
                entity.identifiers.append(Identifier(id_type, number, country, segment))
        else:
            entity.add_fact(label.rstrip(":- "), value)


def _read_rows(path: Path, columns: int = 0) -> list[list[str]]:
    """Rows of an OFAC CSV file; with ``columns``, a last row with fewer columns or
    an unclosed quote means the file was cut off (OFAC ends its files with a line
    break and the DOS end-of-file mark 0x1A, so a complete file never ends inside a
    record)."""
    data = path.read_bytes()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")
    ended = text.rstrip("\x1a").endswith(("\n", "\r"))
    text = text.replace("\x1a", "")
    try:
        rows = [
            r for r in csv.reader(io.StringIO(text), strict=True) if r and any(c.strip() for c in r)
        ]
    except csv.Error as error:
        raise ListFormatError(f"{path.name}: the file is cut off or damaged ({error})") from None
    if columns and rows and (len(rows[-1]) < columns or (not ended and len(rows[-1]) != columns)):
        raise ListFormatError(
            f"{path.name}: the file is cut off: its last record has {len(rows[-1])} of "
            f"{columns} columns"
        )
    return rows


_SCHEMA: Final = {
    "individual": Schema.PERSON,
    "vessel": Schema.VESSEL,
    "aircraft": Schema.AIRCRAFT,
}


_MAIN_FILE: Final = re.compile(
    r"^(?:(sdn|cons_prim)(?:[-_. ].*)?|.*[-_. ](sdn|cons_prim))\.csv$", re.IGNORECASE
)


def find_files(path: Path) -> tuple[Path, Path | None, Path | None] | None:
    """The main, alias and address files of an OFAC list in folder ``path``, or a
    main file alone (``sdn.csv``, or one named after its date: ``sdn-2024-05-01.csv``),
    whose aliases and addresses are then taken from beside it when present."""
    if path.is_file():
        m = _MAIN_FILE.match(path.name)
        if m is None:
            return None
        kind = (m.group(1) or m.group(2)).lower()
        alt, add = (SDN_FILES if kind == "sdn" else CONS_FILES)[1:]
        alt_path, add_path = path.parent / alt, path.parent / add
        if path.name.lower() != f"{kind}.csv":
            return path, None, None  # a dated file: its companions would be undated
        return (
            path,
            alt_path if alt_path.is_file() else None,
            add_path if add_path.is_file() else None,
        )
    for main, alt, add in (SDN_FILES, CONS_FILES):
        if (path / main).is_file():
            alt_path = path / alt
            add_path = path / add
            return (
                path / main,
                alt_path if alt_path.is_file() else None,
                add_path if add_path.is_file() else None,
            )
    return None


def detect(path: Path) -> bool:
    """True for a folder (or a main file) of an OFAC CSV list."""
    return find_files(path) is not None


def parse(path: Path, *, version: str | None = None, list_id: str | None = None) -> ParsedList:
    """Parse an OFAC SDN or consolidated list from its folder."""
    found = find_files(path)
    if found is None:
        raise ListFormatError(f"{path}: no sdn.csv or cons_prim.csv")
    main, alt, add = found
    consolidated = "cons_prim" in main.name.lower()
    list_id = list_id or ("us-ofac-cons" if consolidated else "us-ofac-sdn")
    dated = main.name.lower() not in (SDN_FILES[0], CONS_FILES[0])
    version = (
        version or (version_from_path(main) if dated else None) or version_from_path(main.parent)
    ) or today()
    entities: dict[str, Entity] = {}
    for row in _read_rows(main, columns=12):
        if len(row) < 12 or not row[0].strip().isdigit():
            raise ListFormatError(f"{main}: unexpected row {row[:3]}")
        uid = row[0].strip()
        schema = _SCHEMA.get((clean(row[2]) or "").lower(), Schema.ORGANIZATION)
        entity = Entity(
            id=entity_id(list_id, uid),
            schema=schema,
            names=[Name(row[1].strip())],
            source=SourceRef(list_id, version, uid),
        )
        programs = clean(row[3])
        if programs:
            entity.programs = [p.strip(" []") for p in programs.split("] [") if p.strip(" []")]
        if title := clean(row[4]):
            entity.add_fact("title", title)
        if call_sign := clean(row[5]):
            entity.add_fact("call sign", call_sign)
        for label, index in (("vessel type", 6), ("tonnage", 7), ("gross tonnage", 8)):
            if value := clean(row[index]):
                entity.add_fact(label, value)
        if flag := clean(row[9]):
            entity.add_fact("vessel flag", flag)
        if owner := clean(row[10]):
            entity.links.append(Link(LinkKind.OWNER, owner))
        if remarks := clean(row[11]):
            entity.remarks = remarks
            parse_remarks(entity, remarks)
        if schema is Schema.AIRCRAFT and " " not in entity.caption.strip():
            entity.identifiers.append(
                Identifier(
                    IdType.AIRCRAFT_REGISTRATION,
                    entity.caption.strip(),
                    label="Listed under its tail number",
                )
            )
        entities[uid] = entity
    if alt is not None:
        for row in _read_rows(alt):
            if len(row) < 4 or row[0].strip() not in entities:
                continue
            kind = {"aka": NameKind.AKA, "fka": NameKind.FKA, "nka": NameKind.NKA}.get(
                (clean(row[2]) or "aka").lower(), NameKind.AKA
            )
            quality = NameQuality.STRONG
            if len(row) > 4 and (clean(row[4]) or "").lower().startswith("weak"):
                quality = NameQuality.WEAK
            if value := clean(row[3]):
                entities[row[0].strip()].names.append(Name(value, kind, quality))
    if add is not None:
        for row in _read_rows(add):
            if len(row) < 5 or row[0].strip() not in entities:
                continue
            address = Address(
                street=clean(row[2]),
                city=clean(row[3]),
                country=clean(row[4]),
                note=clean(row[5]) if len(row) > 5 else None,
            )
            if any((address.street, address.city, address.country)):
                entities[row[0].strip()].addresses.append(address)
    resolve_links(entities.values())
    files = [p for p in found if p is not None]
    title = "OFAC Consolidated (non-SDN)" if consolidated else "OFAC SDN"
    return ParsedList(list_id, version, FORMAT, list(entities.values()), files, title)
