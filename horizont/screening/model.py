"""One entity model for every list: people, organizations, vessels and aircraft.

Parsers in :mod:`horizont.screening.sources` turn each publisher's format into
:class:`Entity` objects; the index, the scorer, the graph and the version diff work on
nothing else.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class Schema(StrEnum):
    """What kind of thing an entity is."""

    PERSON = "person"
    ORGANIZATION = "organization"
    VESSEL = "vessel"
    AIRCRAFT = "aircraft"

    @classmethod
    def parse(cls, value: str) -> Schema:
        """Read a schema from user input; ``company``/``entity`` mean organization."""
        key = value.strip().lower()
        aliases = {
            "individual": "person",
            "people": "person",
            "company": "organization",
            "entity": "organization",
            "org": "organization",
            "ship": "vessel",
            "airplane": "aircraft",
            "plane": "aircraft",
        }
        return cls(aliases.get(key, key))


class NameQuality(StrEnum):
    """OFAC/UN distinguish strong aliases from weak ("low quality") a.k.a.s."""

    STRONG = "strong"
    WEAK = "weak"


class NameKind(StrEnum):
    """Role of a name for its entity."""

    PRIMARY = "primary"
    AKA = "aka"
    FKA = "fka"
    NKA = "nka"
    ORIGINAL_SCRIPT = "original-script"


class IdType(StrEnum):
    """Identifier types that are compared exactly (after normalization)."""

    PASSPORT = "passport"
    NATIONAL_ID = "national-id"
    TAX_ID = "tax-id"
    REGISTRATION = "registration"
    IMO = "imo"
    MMSI = "mmsi"
    AIRCRAFT_REGISTRATION = "aircraft-registration"
    SERIAL = "serial"
    MODE_S = "mode-s"
    SWIFT_BIC = "swift-bic"
    EMAIL = "email"
    WEBSITE = "website"
    OTHER = "other"


class LinkKind(StrEnum):
    """Kinds of relation between two entities."""

    LINKED_TO = "linked-to"
    OPERATOR = "operator"
    OWNER = "owner"
    MEMBER = "member"
    ASSOCIATE = "associate"


class Packed:
    """Base of the model's dataclasses: pickled as their constructor and field values,
    which unpickles several times faster than the generic dataclass state (every
    entity and name a query reaches in a stored index is unpickled)."""

    __slots__ = ()

    def __reduce__(self) -> tuple[type[Packed], tuple[object, ...]]:
        fields: tuple[str, ...] = self.__slots__
        return (type(self), tuple(getattr(self, name) for name in fields))


@dataclass(frozen=True, slots=True)
class Name(Packed):
    """One name of an entity, as published, with its role and quality."""

    value: str
    kind: NameKind = NameKind.PRIMARY
    quality: NameQuality = NameQuality.STRONG


@dataclass(frozen=True, slots=True)
class PartialDate(Packed):
    """A date that may lack its day or month (lists often give only a year)."""

    year: int
    month: int | None = None
    day: int | None = None
    circa: bool = False

    def __str__(self) -> str:
        text = f"{self.year:04d}"
        if self.month:
            text += f"-{self.month:02d}"
            if self.day:
                text += f"-{self.day:02d}"
        return ("circa " if self.circa else "") + text


@dataclass(frozen=True, slots=True)
class Identifier(Packed):
    """A typed identifier; ``value`` as published, ``country`` when given.

    ``valid`` is false when a checksum failed (an IMO number with a wrong check
    digit); such identifiers are kept for display but never matched.
    """

    type: IdType
    value: str
    country: str | None = None
    label: str | None = None
    valid: bool = True


@dataclass(frozen=True, slots=True)
class Address(Packed):
    """A postal address; any part may be missing."""

    street: str | None = None
    city: str | None = None
    region: str | None = None
    postal_code: str | None = None
    country: str | None = None
    note: str | None = None

    def __str__(self) -> str:
        parts = (self.street, self.city, self.region, self.postal_code, self.country)
        return ", ".join(p for p in parts if p)


@dataclass(frozen=True, slots=True)
class Link(Packed):
    """A relation from this entity to another, by name and (once resolved) by id."""

    kind: LinkKind
    target_name: str
    target_id: str | None = None


@dataclass(frozen=True, slots=True)
class SourceRef(Packed):
    """Which list, and which dated version of it, an entity comes from."""

    list_id: str
    version: str
    source_id: str


@dataclass(slots=True)
class Entity(Packed):
    """One listed person, organization, vessel or aircraft.

    ``id`` is unique across lists (``"<list_id>:<source_id>"``) and stable across
    versions of one list, so versions can be compared entity by entity.
    """

    id: str
    schema: Schema
    names: list[Name]
    source: SourceRef
    birth_dates: list[PartialDate] = field(default_factory=list)
    birth_places: list[str] = field(default_factory=list)
    nationalities: list[str] = field(default_factory=list)
    identifiers: list[Identifier] = field(default_factory=list)
    addresses: list[Address] = field(default_factory=list)
    programs: list[str] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    facts: dict[str, list[str]] = field(default_factory=dict)
    remarks: str | None = None

    @property
    def caption(self) -> str:
        """The entity's primary name."""
        for name in self.names:
            if name.kind is NameKind.PRIMARY:
                return name.value
        return self.names[0].value if self.names else self.id

    @property
    def list_id(self) -> str:
        """Id of the list this entity comes from."""
        return self.source.list_id

    @property
    def countries(self) -> set[str]:
        """Nationalities and address countries, lower-cased, for filtering."""
        found = {n.lower() for n in self.nationalities}
        found.update(a.country.lower() for a in self.addresses if a.country)
        return found

    @property
    def birth_years(self) -> set[int]:
        """Years of every given birth date."""
        return {d.year for d in self.birth_dates}

    def add_fact(self, key: str, value: str) -> None:
        """Keep a typed fact that has no field of its own (gender, model, ...)."""
        self.facts.setdefault(key, []).append(value)


def entity_id(list_id: str, source_id: str) -> str:
    """The global id of an entity: list id and the publisher's own id."""
    return f"{list_id}:{source_id}"
