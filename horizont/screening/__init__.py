"""Screening engine: sanctions lists and registers, one entity model, fuzzy search.

No Django here. Typical use::

    from horizont.screening import ListStore, load_lists, Index

    entities = load_lists([Path("../shared/data/sanctions/us-ofac-sdn-2021-07-07")])
    index = Index(entities)
    for match in index.search("Jewgeni Prigoschin"):
        print(match.entity.caption, match.score, match.band, *match.explain())

Public API
----------
- model: :class:`Entity`, :class:`Name`, :class:`Identifier`, :class:`Address`,
  :class:`Link`, :class:`PartialDate`, :class:`SourceRef`, enums :class:`Schema`,
  :class:`NameKind`, :class:`NameQuality`, :class:`IdType`, :class:`LinkKind`;
- parsing: :func:`parse_path` (any supported format, detected), :func:`load_lists`;
- normalization: :func:`normalize_name`, :func:`normalize_identifier`,
  :func:`imo_is_valid`, :func:`transliterate`, :func:`to_cyrillic`,
  :func:`phonetic_key`;
- search: :class:`Index` (``search``, ``best_match``, ``compare``, ``get``,
  ``graph``), :class:`Match`, :class:`Band`, :func:`compare_names`,
  :func:`compare_entities`, :func:`screen_batch`;
- graph: :class:`Graph`, :class:`Chain`;
- versions: :class:`ListStore`, :class:`ListVersion`, :func:`diff`, :class:`ListDiff`.
"""

from __future__ import annotations

from horizont.screening.compiled import current_folder

if (_compiled := current_folder()) is not None:  # the scorer compiled from these sources
    __path__.insert(0, str(_compiled))

from horizont.screening.batch import screen_batch  # noqa: E402
from horizont.screening.compare import EntityComparison, compare_entities
from horizont.screening.graph import Chain, Graph
from horizont.screening.index import Filters, IdentifierHit, Index, Match
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
    PartialDate,
    Schema,
    SourceRef,
)
from horizont.screening.normalize import (
    CHINESE_READING_NOTE,
    KOREAN_READING_NOTE,
    imo_is_valid,
    normalize_identifier,
    normalize_name,
)
from horizont.screening.phonetic import phonetic_key
from horizont.screening.score import (
    DEFAULT_THRESHOLD,
    Band,
    NameScore,
    TokenMatch,
    band_for,
    compare_names,
)
from horizont.screening.sources import ListFormatError, ParsedList, parse_path
from horizont.screening.store import ListStore, ListVersion, load_lists
from horizont.screening.translit import SCHEMES, to_cyrillic, transliterate
from horizont.screening.versions import ChangedEntity, ListDiff, diff

__all__ = [
    "DEFAULT_THRESHOLD",
    "SCHEMES",
    "Address",
    "Band",
    "Chain",
    "ChangedEntity",
    "Entity",
    "EntityComparison",
    "Filters",
    "Graph",
    "IdType",
    "Identifier",
    "IdentifierHit",
    "Index",
    "CHINESE_READING_NOTE",
    "KOREAN_READING_NOTE",
    "Link",
    "LinkKind",
    "ListDiff",
    "ListFormatError",
    "ListStore",
    "ListVersion",
    "Match",
    "Name",
    "NameKind",
    "NameQuality",
    "NameScore",
    "ParsedList",
    "PartialDate",
    "Schema",
    "SourceRef",
    "TokenMatch",
    "band_for",
    "compare_entities",
    "compare_names",
    "diff",
    "imo_is_valid",
    "load_lists",
    "normalize_identifier",
    "normalize_name",
    "parse_path",
    "phonetic_key",
    "screen_batch",
    "to_cyrillic",
    "transliterate",
]
