"""Search over all loaded entities without scanning them per query.

Retrieval: an inverted index from phonetic keys of name tokens to the names that
contain them, plus a deletion neighbourhood (every key with one letter removed) so
that keys one edit apart meet; candidates are ranked by the inverse document
frequency of the query tokens they share and only the best few dozen are scored in
full (:mod:`horizont.screening.score`). Identifiers have their own exact index on the
normalized value (``RA-02791`` → ``RA02791``).
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Any, Final

import numpy as np
import numpy.typing as npt
from rapidfuzz.distance import Indel

from horizont.screening import persist
from horizont.screening.graph import Chain, Graph
from horizont.screening.model import Entity, Identifier, IdType, Name, NameQuality, Schema
from horizont.screening.normalize import (
    COMPOUND_WEIGHT,
    PARTICLES,
    NormalizedName,
    Token,
    ascii_fold,
    english_reading,
    imo_is_valid,
    name_readings,
    normalize_identifier,
    normalize_name,
    reading_notes,
)
from horizont.screening.persist import Postings
from horizont.screening.phonetic import phonetic_key
from horizont.screening.score import (
    LOOSE_SCRIPTS,
    WEAK_AT,
    Band,
    NameScore,
    PairTable,
    align,
    band_for,
    can_reach,
    code_of,
    key_similarities,
)
from horizont.screening.scripts import (
    CYRILLIC_EXTRA,
    han_heard,
    loose_skeleton,
    other_hearings,
    skeleton,
    spanish_heard,
)

CANDIDATE_NAMES: Final = 36
"""How many names, ranked by shared rare tokens, are scored in full per query."""
CANDIDATE_SHARE: Final = 0.4
"""Only names whose retrieval score is at least this share of the best one's are scored."""
RARE_KEY_NAMES: Final = 10
"""A query word whose keys fewer names hold than this is also looked up with its typos
(each letter left out), as a word not on the lists is."""

WORD_CACHE_SIZE: Final = 20_000
"""Query words whose postings are kept (cleared when full)."""

_NOT_MATCHED_IDS: Final = frozenset({IdType.EMAIL, IdType.WEBSITE})
_ID_PREFIXES: Final = re.compile(r"^(IMO|MMSI|ICAO|MODES|MSN|SN|REG)(?=\d)")
IntArray = npt.NDArray[np.int32]
WordPostings = tuple[IntArray, IntArray, int, IntArray, IntArray, int]


@dataclass(frozen=True, slots=True)
class IdentifierHit:
    """The query (or one of its words) equals an identifier of the entity."""

    query: str
    identifier: Identifier
    normalized: str

    def explain(self) -> str:
        """One line for a reviewer."""
        label = self.identifier.type.value.replace("-", " ")
        country = f" ({self.identifier.country})" if self.identifier.country else ""
        return (
            f"identifier: {self.query!r} = {label} {self.identifier.value}{country} "
            f"(both {self.normalized} when normalized)"
        )


@dataclass(frozen=True, slots=True)
class Match:
    """One entity found for a query, with its score, band and explanation."""

    entity: Entity
    score: float
    band: Band
    name: NameScore | None = None
    matched_name: Name | None = None
    identifier: IdentifierHit | None = None
    notes: tuple[str, ...] = ()
    chains: tuple[Chain, ...] = field(default=())
    closeness: float = 0.0
    """How close the query's spelling is to the matched name's (or to its reading
    without the comma, given names first); orders equal scores only."""

    def explain(self) -> list[str]:
        """Why this entity matched: identifiers, names token by token, then notes."""
        lines: list[str] = []
        if self.identifier is not None:
            lines.append(self.identifier.explain())
        if self.name is not None and self.matched_name is not None:
            quality = (
                f"{self.matched_name.kind}, weak"
                if self.matched_name.quality is NameQuality.WEAK
                else str(self.matched_name.kind)
            )
            lines.append(
                f"name: {self.name.query!r} ~ {self.matched_name.value!r} ({quality}) "
                f"→ {self.name.score:.2f}"
            )
            lines.extend("  " + line for line in self.name.explain())
        lines.extend(self.notes)
        return lines


@dataclass(frozen=True, slots=True)
class Filters:
    """Restrict a search to some schemas, lists, a country or a birth year."""

    schemas: frozenset[Schema] | None = None
    lists: frozenset[str] | None = None
    country: str | None = None
    birth_year: int | None = None

    def accepts(self, entity: Entity) -> bool:
        """True when the entity passes every given filter.

        Entities without a birth date pass a birth-year filter (the list does not
        say), and a birth year within one year of a given one passes.
        """
        if self.schemas is not None and entity.schema not in self.schemas:
            return False
        if self.lists is not None and entity.list_id not in self.lists:
            return False
        if self.country is not None:
            wanted = self.country.lower()
            if not any(wanted in c for c in entity.countries):
                return False
        if self.birth_year is not None and entity.birth_dates:
            if all(abs(y - self.birth_year) > 1 for y in entity.birth_years):
                return False
        return True

    @property
    def empty(self) -> bool:
        """True when nothing is filtered."""
        return (
            self.schemas is None
            and self.lists is None
            and self.country is None
            and self.birth_year is None
        )


class _EntityLookup(Mapping[str, Entity]):
    """Entities by id for the graph of an opened index, read when first asked for."""

    def __init__(self, index: Index) -> None:
        self._index = index

    def __getitem__(self, entity_id: str) -> Entity:
        return self._index.get(entity_id)

    def __iter__(self) -> Iterator[str]:
        return iter(self._index._position)

    def __len__(self) -> int:
        return len(self._index._position)


_KEY_LETTERS: Final = "abcdefghijklmnopqrstuvwxyz"
_BONES: Final = "btksmnlry"
"""The letters of consonant skeletons (:func:`horizont.screening.scripts.skeleton`)."""


def _short_edits(key: str) -> set[str]:
    """Keys one substitution or one insertion away from a short key."""
    edits = {key[:i] + c + key[i + 1 :] for i in range(len(key)) for c in _KEY_LETTERS}
    edits |= {key[:i] + c + key[i:] for i in range(len(key) + 1) for c in _KEY_LETTERS}
    edits.discard(key)
    return edits


SPLIT_TYPO_MIN: Final = 6
"""A part of a joined word this long is also looked for one edit away."""


def _splits(token: Token) -> list[str]:
    """Two words written as one (ALHAMATI, AlHamati with a typo): the parts of the
    token (four letters or more) that may be words on their own, longest first; tried
    when the token is not in the index, nor one edit away from a word that is (a typo
    in INRESBANK is not a name holding BANK)."""
    text = token.text
    if len(text) < 6 or token.foreign:
        return []
    parts: list[str] = []
    for cut in range(2, len(text) - 3):
        left, right = text[:cut], text[cut:]
        if left in PARTICLES or len(left) >= 3:
            parts.append(right)
        if len(right) >= 3 and len(left) >= 4:
            parts.append(left)
    return sorted(parts, key=len, reverse=True)


def _split_pairs(token: Token) -> list[tuple[str, str]]:
    """Phonetic keys of both parts of each cut of a token into two words of three
    letters or more (two for a particle)."""
    text = token.text
    if len(text) < 6 or token.foreign:
        return []
    return [
        (
            phonetic_key(text[:cut].translate(CYRILLIC_EXTRA)),
            phonetic_key(text[cut:].translate(CYRILLIC_EXTRA)),
        )
        for cut in range(2, len(text) - 2)
        if len(text[:cut]) >= 3 or text[:cut] in PARTICLES
    ]


def _joined_keys(tokens: Sequence[Token]) -> list[tuple[str, str]]:
    """Keys and spellings of a particle and the next word, of both parts of a hyphenated
    word, or of two particles and the next word, written as one (AL-SHAMI: ALSHAMI,
    AL AQSA: ALAQSA, IFD-KAPITAL: IFDKAPITAL, ABD AL-RAHMAN: ABDALRAHMAN), so that
    retrieval finds the name from the joined spelling."""
    keys: list[tuple[str, str]] = []
    for a, b in zip(tokens, tokens[1:], strict=False):
        if a.foreign or b.foreign or len(b.text) < 3:
            continue
        if a.text in PARTICLES or (a.weight == b.weight == COMPOUND_WEIGHT):
            joined = a.text + b.text
            keys.append((phonetic_key(joined.translate(CYRILLIC_EXTRA)), joined))
    for a, b, c in zip(tokens, tokens[1:], tokens[2:], strict=False):
        if a.text in PARTICLES and b.text in PARTICLES and not c.foreign and len(c.text) >= 3:
            joined = a.text + b.text + c.text  # ABD AL-RAHMAN as ABDALRAHMAN
            keys.append((phonetic_key(joined.translate(CYRILLIC_EXTRA)), joined))
    return keys


def _post(table: dict[str, list[int]], key: str, number: int) -> None:
    """Add name ``number`` to the postings of ``key`` once (names come in order)."""
    postings = table.setdefault(key, [])
    if not postings or postings[-1] != number:
        postings.append(number)


_NOTHING: Final = np.empty(0, dtype=np.int32)


def _union(postings: list[IntArray]) -> IntArray:
    """The names of several postings, sorted, each once (a posting is sorted and holds
    each name once: one posting is its own union)."""
    if len(postings) == 1:
        return postings[0]
    return np.unique(np.concatenate(postings)) if postings else _NOTHING


def _deletions(key: str) -> list[str]:
    return [key[:i] + key[i + 1 :] for i in range(len(key))] if len(key) >= 5 else []


def _substitutions(key: str) -> list[str]:
    """A key of four letters with each letter in turn masked (``a*ak``): two such keys
    one letter apart share one. Longer keys meet through :func:`_deletions`."""
    return [key[:i] + "*" + key[i + 1 :] for i in range(4)] if len(key) == 4 else []


def _spellings(text: str) -> set[str]:
    """A word as spelt and with each letter deleted (five letters or more): two
    spellings one edit apart (a letter changed, added, left out, or two swapped) share
    one of these, even where the typo changes the phonetic key by more than one edit
    (NHAMMARI and SHAMMARI read nhamari and wamari, MUNTZIR and MUNTAZIR muncir and
    muntasir)."""
    return {text, *_deletions(text)}


class Index:
    """Searchable index of entities from any number of lists.

    Build it from entities (``Index(entities)``), then call :meth:`search`.
    The index is read-only; build a new one when lists change.
    """

    def __init__(self, entities: Iterable[Entity]) -> None:
        self.entities: Sequence[Entity] = list(entities)
        self._position: dict[str, int] = {e.id: i for i, e in enumerate(self.entities)}
        if len(self._position) != len(self.entities):
            raise ValueError("entity ids must be unique")
        self.graph = Graph(self.entities)
        names: list[tuple[int, Name, NormalizedName]] = []
        ids: dict[str, list[tuple[int, Identifier]]] = {}
        for position, entity in enumerate(self.entities):
            seen: set[tuple[str, tuple[str, ...]]] = set()
            person = entity.schema is Schema.PERSON
            spanish = _of_spanish_speaking_country(entity)
            for name in entity.names:
                normalized = normalize_name(name.value, person=person)
                if spanish:
                    normalized = spanish_reading(normalized, person=person)
                # Names that differ in their legal form only (KARST, OOO and KARST LTD.)
                # are both kept: the scorer compares legal forms.
                unique = (normalized.text, normalized.legal_forms)
                if not normalized.tokens or unique in seen:
                    continue
                seen.add(unique)
                names.append((position, name, normalized))
            for identifier in entity.identifiers:
                if identifier.type in _NOT_MATCHED_IDS or not identifier.valid:
                    continue
                value = normalize_identifier(identifier.value)
                if len(value) >= 3:
                    ids.setdefault(value, []).append((position, identifier))
        self._names: Sequence[tuple[int, Name, NormalizedName]] = names
        self._name_entity: IntArray = np.fromiter((n[0] for n in names), np.int32, len(names))
        self._ids = ids
        self._list_of: list[str] = [e.list_id for e in self.entities]
        by_key: dict[str, list[int]] = {}
        bones: dict[str, list[int]] = {}
        for number, (_, _, normalized) in enumerate(names):
            for token in normalized.tokens:
                for key in {token.key, *token.keys}:  # every reading: chams is also hams
                    _post(by_key, key, number)
                # a Spanish name's skeleton as heard, and as written (卡韦略: CABELLO)
                written = skeleton(token.text) if token.heard else token.skeleton
                for bone in {token.skeleton, loose_skeleton(token.skeleton), written}:
                    if len(bone) >= 2:
                        _post(bones, bone, number)
            for key, joined in _joined_keys(normalized.tokens):  # AL-SHAMI as ALSHAMI
                _post(by_key, key, number)
                bone = skeleton(joined)  # AL-ASSAD written 알아사드, alasadeu
                if len(bone) >= 3:
                    _post(bones, bone, number)
                    _post(bones, loose_skeleton(bone), number)
        codes: dict[str, list[int]] = {}
        for number, (_, _, normalized) in enumerate(names):
            code = code_of(normalized)
            if code:
                for variant in {code, *_deletions(code)}:
                    codes.setdefault(variant, []).append(number)
        self._codes = Postings.build(codes, unique=True)
        deleted: dict[str, list[int]] = {}
        for key, postings in by_key.items():
            for variant in _deletions(key) or _substitutions(key):
                deleted.setdefault(variant, []).extend(postings)
        spelled: dict[str, list[int]] = {}
        for number, (_, _, normalized) in enumerate(names):
            for token in normalized.tokens:
                if not token.foreign:
                    for variant in _spellings(token.text):
                        spelled.setdefault(variant, []).append(number)
        self._exact = Postings.build(by_key)
        self._deleted = Postings.build(deleted, unique=True)
        self._spelled = Postings.build(spelled, unique=True)
        self._bones = Postings.build(bones)
        self._log_n = math.log(len(names) + 1)
        self._length_penalty = np.fromiter(
            (0.05 * len(n[2].tokens) for n in names), np.float32, len(names)
        )
        self._mask_cache: dict[Filters, npt.NDArray[np.bool_]] = {}
        self._word_cache: dict[tuple[str, str], WordPostings] = {}

    # -- on disk -----------------------------------------------------------------------

    def save(self, folder: Path) -> None:
        """Write the index into ``folder`` (see :mod:`horizont.screening.persist`)."""
        persist.save(self, folder)

    @classmethod
    def open(cls, folder: Path) -> Index | None:
        """Open an index written by :meth:`save`; None when absent or outdated.

        Opening reads the lookup tables only; entities and names are read when a
        query reaches them.
        """
        parts = persist.load(folder)
        if parts is None:
            return None
        index = cls(())  # then given the stored parts (no rebuilding)
        index.entities = parts["entities"]
        index._position = parts["position"]
        index._list_of = parts["list_of"]
        index._names = parts["names"]
        index._name_entity = parts["name_entity"]
        index._ids = parts["ids"]
        index._exact = parts["tables"]["exact"]
        index._deleted = parts["tables"]["deleted"]
        index._spelled = parts["tables"]["spelled"]
        index._bones = parts["tables"]["skeletons"]
        index._codes = parts["tables"]["codes"]
        index._log_n = parts["log_n"]
        index._length_penalty = parts["length_penalty"]
        index._mask_cache = {}
        index._word_cache = {}
        index.graph = Graph.from_edges(parts["edges"], _EntityLookup(index))
        return index

    def tables(self) -> dict[str, Postings]:
        """The inverted tables by name (for saving)."""
        return {
            "exact": self._exact,
            "deleted": self._deleted,
            "spelled": self._spelled,
            "skeletons": self._bones,
            "codes": self._codes,
        }

    def names_table(self) -> Sequence[tuple[int, Name, NormalizedName]]:
        """Every indexed name: entity position, name, normalized name (for saving)."""
        return self._names

    def name_entity(self) -> IntArray:
        """Entity position of every indexed name (for saving)."""
        return self._name_entity

    def length_penalty(self) -> npt.NDArray[np.float32]:
        """Ranking penalty of every indexed name (for saving)."""
        return self._length_penalty

    def core_state(self) -> dict[str, Any]:
        """The small tables that are read whole when the index is opened."""
        return {
            "position": self._position,
            "list_of": self._list_of,
            "ids": self._ids,
            "log_n": self._log_n,
            "edges": self.graph.edges,
        }

    def __len__(self) -> int:
        return len(self.entities)

    @property
    def name_count(self) -> int:
        """Number of distinct indexed names (primary names and aliases)."""
        return len(self._names)

    def get(self, entity_id: str) -> Entity:
        """The entity with this id (raises KeyError)."""
        return self.entities[self._position[entity_id]]

    def lists(self) -> dict[str, int]:
        """Entity count per list id."""
        counts: dict[str, int] = {}
        for list_id in self._list_of:
            counts[list_id] = counts.get(list_id, 0) + 1
        return counts

    # -- retrieval -------------------------------------------------------------------

    def _token_postings(
        self, keys: Iterable[str], text: str = ""
    ) -> tuple[IntArray, IntArray, int, IntArray]:
        """Names holding one of ``keys`` exactly, names one edit away, and the largest
        exact document frequency (for the inverse document frequency). The spelling
        ``text`` is looked up among keys one deletion away too: a letter lost in a
        doubled or silent pair (Muminn, Taas) changes the key by more than one edit.
        A ``text`` whose keys are not listed is also looked up among the listed spellings
        one edit away (:func:`_spellings`)."""
        exact_found: list[IntArray] = []
        near_found: list[IntArray] = []
        far_found: list[IntArray] = []
        df = 0
        if len(text) >= 4 and text not in keys:
            spelled = self._deleted.get(text)
            if spelled is not None:
                near_found.append(spelled)
        for key in keys:
            exact = self._exact.get(key)
            if exact is not None:
                exact_found.append(exact)
                df = max(df, len(exact))
            near = self._deleted.get(key)
            if near is not None:
                near_found.append(near)
            for variant in _deletions(key):
                for table in (self._exact, self._deleted):
                    hit = table.get(variant)
                    if hit is not None:
                        near_found.append(hit)
            if len(key) == 4:  # a letter too many in a short word (LRMA, LRA), or two
                # letters swapped (Waim, Wiam)
                variants = {key[:i] + key[i + 1 :] for i in range(4)}
                variants |= {key[:i] + key[i + 1] + key[i] + key[i + 2 :] for i in range(3)}
                variants.discard(key)
                for variant in variants:
                    hit = self._exact.get(variant)
                    if hit is not None:
                        far_found.append(hit)
                if exact is None:  # a letter changed in a short word not listed (ATAK, ARAK)
                    for variant in _substitutions(key):
                        hit = self._deleted.get(variant)
                        if hit is not None:
                            far_found.append(hit)
            if len(key) == 3:  # two letters swapped in a short word (AHQ, HAQ)
                for variant in {key[1] + key[0] + key[2], key[0] + key[2] + key[1]} - {key}:
                    hit = self._exact.get(variant)
                    if hit is not None:
                        far_found.append(hit)
            if 2 <= len(key) <= 3 and exact is None:  # a letter changed or missing (GL, GOL)
                for variant in _short_edits(key):
                    hit = self._exact.get(variant)
                    if hit is not None:
                        far_found.append(hit)
        # Maybe one typed letter off a listed spelling: a letter left out is looked for
        # always (Ayan, Ayman), the other typos when the word's keys are listed rarely
        # or not at all (SAYAF reads saf, a key three names hold; ASYAF asiaf).
        for variant in _spellings(text) if df < RARE_KEY_NAMES else (text,):
            hit = self._spelled.get(variant)
            if hit is not None:
                near_found.append(hit)
        far_all = np.concatenate(far_found) if far_found else _NOTHING
        return _union(exact_found), _union(near_found), df, far_all

    def _skeleton_postings(
        self, token: Token, exact: IntArray, near: IntArray, df: int
    ) -> tuple[IntArray, IntArray, int]:
        """Add names whose words have the consonant skeleton of a romanized word (or
        one consonant more or less): romanizations of Arabic or Japanese spell vowels
        and some consonants differently, their skeletons less so."""
        bone = token.skeleton
        if token.script in LOOSE_SCRIPTS:
            bone = loose_skeleton(bone)
        if token.text.startswith("h") and token.script in LOOSE_SCRIPTS:
            bone = "k" + bone  # kana write Kh with ハ: ハーメネイー hamenei, KHAMENEI
        if len(bone) < 2:
            return exact, near, df
        found = [exact]
        bones = [bone]
        # the word as its script's ambiguous letters may also be heard (콜로콜체프,
        # Τσεμέζοφ, חמינאי), and Chinese syllables as heard together (穆罕默德)
        heard_texts = list(other_hearings(token.script, token.text))
        if token.script == "han":
            heard_texts.extend(han_heard(token.text))
        for text in heard_texts:
            heard = loose_skeleton(skeleton(text, abjad=token.abjad))
            if heard not in bones and len(heard) >= 2:
                bones.append(heard)
        for each in bones:
            hit = self._bones.get(each)
            if hit is not None:
                found.append(hit)
                df = max(df, len(hit))
        near_found = [near]
        variants: set[str] = set()
        for each in bones:
            if len(each) >= 3:
                variants |= {each[:i] + each[i + 1 :] for i in range(len(each))}
            if len(each) >= 4:  # one consonant heard differently (プリゴジン: purigodin)
                variants |= {each[:i] + c + each[i + 1 :] for i in range(len(each)) for c in _BONES}
            if token.script == "han":  # an r closing a syllable, which Chinese does not write
                variants |= {each[:i] + "r" + each[i:] for i in range(len(each) + 1)}
        variants.difference_update(bones)
        for variant in variants:
            extra = self._bones.get(variant)
            if extra is not None and len(variant) >= 3:
                near_found.append(extra)
        return _union(found), _union(near_found), df

    def _joined_bone_postings(self, tokens: Sequence[Token]) -> list[IntArray]:
        """Names holding one word whose skeleton two romanized query words make together
        (حسن نصر الله: nsr llh ~ NASRALLAH)."""
        found: list[IntArray] = []
        for a, b in zip(tokens, tokens[1:], strict=False):
            if not (a.foreign and b.foreign) or a.text in PARTICLES or b.text in PARTICLES:
                continue
            if not (a.abjad or b.abjad):  # a script with vowels joins by its spelling
                continue
            bone = skeleton(a.text + b.text, abjad=a.abjad)
            if a.script in LOOSE_SCRIPTS:
                bone = loose_skeleton(bone)
            hit = self._bones.get(bone) if len(bone) >= 3 else None
            if hit is not None:
                found.append(hit)
        return found

    def _together_postings(self, token: Token) -> IntArray:
        """Names holding both parts of one cut of a query token that joins two words
        (KOSARIANFARD → KOSARIAN, FARD), even where a name holds a word one edit away
        from the token (KOSARAYANIFARD)."""
        exact = self._exact
        both = [
            np.intersect1d(a, b, assume_unique=True)
            for left, right in _split_pairs(token)
            if (a := exact.get(left)) is not None and (b := exact.get(right)) is not None
        ]
        return np.unique(np.concatenate(both)) if both else np.empty(0, dtype=np.int32)

    def _split_postings(self, token: Token, exact: IntArray, df: int) -> tuple[IntArray, int]:
        """Names holding a word of a query token that joins two (ALtHAMATI → HAMATI;
        VOPROMSYRIOIMPORT → PROMSYRIOIMPORT, not PORT): the longest part found stands
        for the token, the rarest among parts as long. A part of six letters or more
        is also found one edit away (BANKKESHAUARZI → KESHAVARZI)."""
        best: IntArray | None = None
        best_length = 0
        for part in _splits(token):
            if best is not None and len(part) < best_length:
                break  # parts come longest first
            hit = self._exact.get(phonetic_key(part.translate(CYRILLIC_EXTRA)))
            if hit is None and len(part) >= SPLIT_TYPO_MIN:
                hits = [h for v in _spellings(part) if (h := self._spelled.get(v)) is not None]
                hit = np.unique(np.concatenate(hits)) if hits else None
            if hit is not None and len(hit) and (best is None or len(hit) < len(best)):
                best, best_length = hit, len(part)
        if best is None:
            return exact, df
        return best, max(df, len(best))

    def _word_postings(self, token: Token) -> WordPostings:
        """Names reaching one query word: exactly, one edit away, and by a guess from a
        short word, with the document frequency. Kept for the words asked most often
        (a word's postings depend on its text and script only)."""
        cache_key = (token.text, token.script)
        found = self._word_cache.get(cache_key)
        if found is not None:
            return found
        exact, near, df, far = self._token_postings(token.keys, token.text)
        keyed, keyed_df = exact, df
        if token.foreign:
            exact, near, df = self._skeleton_postings(token, exact, near, df)
        together = self._together_postings(token) if len(exact) == 0 else exact
        if len(together):  # two words of one listed name written as one
            exact, df = together, max(df, len(together))
        elif len(exact) == 0 and len(near) == 0:  # not a word of the lists, nor one edit away
            exact, df = self._split_postings(token, exact, df)
        if keyed_df >= df:  # no skeleton made the word commoner than its keys
            keyed = keyed[:0]
        found = (exact, near, df, far, keyed, keyed_df)
        if len(self._word_cache) >= WORD_CACHE_SIZE:
            self._word_cache.clear()
        self._word_cache[cache_key] = found
        return found

    def _mask(self, filters: Filters) -> npt.NDArray[np.bool_] | None:
        if filters.empty:
            return None
        mask = self._mask_cache.get(filters)
        if mask is None:
            accepted = np.fromiter(
                (filters.accepts(e) for e in self.entities), bool, len(self.entities)
            )
            mask = accepted[self._name_entity]
            if len(self._mask_cache) > 32:
                self._mask_cache.clear()
            self._mask_cache[filters] = mask
        return mask

    def _candidates(self, query: NormalizedName, filters: Filters, limit: int) -> IntArray:
        """The ``limit`` names sharing the most (rare) query tokens.

        Each query token adds its inverse document frequency to the names that hold
        it (80% for a name one edit away; for a word romanized from another script, the
        names holding its keys count as rare as the keys are, not as its skeleton,
        which may be common); shorter names come first among equals,
        since a query equal to a short name scores higher than one inside a long name.
        """
        scores = np.zeros(len(self._names), dtype=np.float32)
        share = np.zeros(len(self._names), dtype=np.float32)  # reset where touched
        reached: list[IntArray] = []
        for token in query.tokens:
            exact, near, df, far, keyed, keyed_df = self._word_postings(token)
            if len(exact) == 0 and len(near) == 0 and len(far) == 0:
                continue
            idf = (self._log_n - math.log(max(df, 1) + 1) + 0.5) * token.weight
            if len(far):  # guesses from a short word: as rare as the names they reach
                far = np.unique(far)
                far_idf = self._log_n - math.log(len(far) + 1) + 0.5
                share[far] = 0.6 * min(1.0, far_idf * token.weight / idf)
            share[near] = 0.8
            share[exact] = 1.0
            # Only the names this token reaches are touched (not every name).
            touched = np.concatenate((far, near, exact))
            scores[touched] += np.float32(idf) * share[touched]
            share[touched] = 0.0
            if len(keyed):  # the names holding its keys, as rare as they are (якунін
                # meets YAKUNIN by its key, and 525 names by its skeleton kn)
                keyed_idf = (self._log_n - math.log(max(keyed_df, 1) + 1) + 0.5) * token.weight
                scores[keyed] += np.float32(keyed_idf - idf)
            reached.append(touched)
        for hit in self._joined_bone_postings(query.tokens):
            scores[hit] += np.float32(self._log_n - math.log(len(hit) + 1) + 0.5) * 0.8
            reached.append(hit)
        # A title or legal form the query drops from its start may be a listed
        # person's family name (SAD, Isam Ahmad; PAO, Yu Liang): it reaches the names
        # holding it, at half weight.
        opening = query.original.split(maxsplit=1)[:1]
        for word in query.removed:
            if not opening or _folded(opening[0]).strip(",.") != word:
                continue
            held = self._exact.get(phonetic_key(word))
            if held is not None:
                scores[held] += np.float32(self._log_n - math.log(len(held) + 1) + 0.5) * 0.5
                reached.append(held)
        code = code_of(query)
        if code:  # a short name written as one code (tail numbers, call signs)
            codes = [h for v in {code, *_deletions(code)} if (h := self._codes.get(v)) is not None]
            if codes:
                coded = np.unique(np.concatenate(codes))
                scores[coded] += np.float32(self._log_n - math.log(len(coded) + 1) + 0.5)
                reached.append(coded)
        if not reached:
            return np.empty(0, dtype=np.int32)
        # Every name reached has a positive score (each inverse document frequency is
        # at least 0.5 times a positive weight): the names reached are the hits.
        hits = np.unique(np.concatenate(reached))
        mask = self._mask(filters)
        if mask is not None:
            hits = hits[mask[hits]]
        if len(hits) > limit:
            ranked = scores[hits] - self._length_penalty[hits]
            top = np.argpartition(ranked, -limit)[-limit:]
            hits = hits[top]
        # Names sharing much less of the query than the best ones cannot come first:
        # they are not scored in full.
        if len(hits):
            found = scores[hits]
            hits = hits[found >= CANDIDATE_SHARE * found.max()]
        return hits.astype(np.int32)

    def _identifier_hits(self, text: str) -> list[tuple[int, IdentifierHit]]:
        probes = {text, *text.split()}
        hits: list[tuple[int, IdentifierHit]] = []
        seen: set[tuple[int, str]] = set()
        for probe in probes:
            if not any(c.isdigit() for c in probe):  # every identifier has a digit
                continue
            value = normalize_identifier(probe)
            if len(value) < 4 or not any(c.isdigit() for c in value):
                continue
            variants = {value}
            stripped = _ID_PREFIXES.sub("", value)
            if stripped != value:
                variants.add(stripped)
            for variant in variants:
                for position, identifier in self._ids.get(variant, []):
                    if identifier.type is IdType.IMO and not imo_is_valid(variant):
                        continue
                    if (position, identifier.value) in seen:
                        continue
                    seen.add((position, identifier.value))
                    hits.append((position, IdentifierHit(probe, identifier, variant)))
        return hits

    # -- search ----------------------------------------------------------------------

    def search(
        self,
        query: str,
        *,
        schema: Schema | Iterable[Schema] | None = None,
        lists: Iterable[str] | None = None,
        country: str | None = None,
        birth_year: int | None = None,
        limit: int = 10,
        min_score: float = WEAK_AT,
        with_chains: bool = True,
        prune: bool = True,
    ) -> list[Match]:
        """Entities matching a name or an identifier, best first.

        ``query`` is a name in any script or transliteration, or an identifier
        (passport, registration, IMO, MMSI, tail number, Mode S code ...). Results
        below ``min_score`` are dropped; each carries its band and explanation and,
        with ``with_chains``, the chains of links that lead from it to people.
        ``prune`` skips the full scoring of names whose score cannot reach the weak
        band (:func:`horizont.screening.score.can_reach`); the results are the same
        without it, only slower.
        """
        filters = _filters(schema, lists, country, birth_year)
        best = self._score(query, filters, min_score, CANDIDATE_NAMES, prune=prune)
        ranked = sorted(best.values(), key=_rank_key)[:limit]
        if with_chains:
            ranked = [_with_chains(m, tuple(self.graph.chains(m.entity.id))) for m in ranked]
        return ranked

    def best_match(self, query: str, *, min_score: float = WEAK_AT) -> Match | None:
        """The single best match for batch screening (no chains), or None."""
        best = self._score(query, Filters(), min_score, CANDIDATE_NAMES // 2)
        if not best:
            return None
        return min(best.values(), key=_rank_key)

    def _score(
        self,
        query: str,
        filters: Filters,
        min_score: float,
        candidates: int,
        *,
        prune: bool = True,
    ) -> dict[int, Match]:
        best: dict[int, Match] = {}
        for position, hit in self._identifier_hits(query):
            entity = self.entities[position]
            if filters.accepts(entity):
                best[position] = Match(entity, 1.0, Band.STRONG, identifier=hit)
        folded_query = ascii_fold(query).strip()
        for normalized in name_readings(query):
            if normalized.tokens:
                self._score_reading(
                    normalized,
                    folded_query,
                    reading_notes(query, normalized.original),
                    filters,
                    min_score,
                    candidates,
                    best,
                    prune=prune,
                )
        return best

    def _score_reading(
        self,
        normalized: NormalizedName,
        folded_query: str,
        reading: tuple[str, ...],
        filters: Filters,
        min_score: float,
        candidates: int,
        best: dict[int, Match],
        *,
        prune: bool,
    ) -> None:
        """Score one reading of the query into ``best`` (the best match per entity);
        ``folded_query`` is the query as written, ``reading`` the notes its reading
        gives (:func:`horizont.screening.normalize.reading_notes`)."""
        numbers: list[int] = self._candidates(normalized, filters, candidates).tolist()
        if not numbers:
            return
        keys = sorted({t.key for n in numbers for t in self._names[n][2].tokens})
        column = {k: c for c, k in enumerate(keys)}
        fuzzy = key_similarities(normalized.tokens, keys).tolist()
        table = PairTable(normalized, fuzzy, column)
        # Scores under the weak band are dropped below, whatever min_score says.
        floor = max(min_score, WEAK_AT) if prune else 0.0
        for number in numbers:
            position, name, candidate = self._names[number]
            current = best.get(position)
            if current is not None and current.identifier is not None:
                continue
            # Another name of the entity already scored: this one matters only if it
            # may score as much (a tie may still win on the spelling's closeness).
            reach = max(floor, current.score - 1e-4) if prune and current is not None else floor
            if not can_reach(normalized, candidate, table, reach):
                continue
            scored = align(normalized, candidate, fuzzy, column, min_score, table)
            score = scored.score
            notes = reading
            if score < min_score:
                continue
            folded_name = _folded(name.value)
            if folded_name == folded_query:
                score += 1e-4  # the very same spelling wins a tie
            closeness = (
                spelling_closeness(folded_query, folded_name)
                if folded_query.isascii()
                else romanized_closeness(scored)
            )
            if current is not None and (
                current.score > round(score, 4)
                or (current.score >= score and current.closeness >= closeness)
            ):
                continue
            band = band_for(score)
            if band is None:
                continue
            if name.quality is NameQuality.WEAK and band is Band.STRONG:
                band = Band.POSSIBLE
                notes = (*notes, "weak alias: band capped at possible")
            best[position] = Match(
                self.entities[position],
                round(min(score, 1.0), 4),
                band,
                name=scored,
                matched_name=name,
                notes=notes,
                closeness=closeness,
            )

    def compare(self, query: str, entity_id: str) -> Match | None:
        """Score a query against one entity exactly as :meth:`search` would."""
        position = self._position[entity_id]
        entity = self.entities[position]
        best: Match | None = None
        for pos, hit in self._identifier_hits(query):
            if pos == position:
                return Match(entity, 1.0, Band.STRONG, identifier=hit)
        readings = [r for r in name_readings(query) if r.tokens]
        spanish = _of_spanish_speaking_country(entity)
        for name in entity.names:
            person = entity.schema is Schema.PERSON
            candidate = normalize_name(name.value, person=person)
            if spanish:
                candidate = spanish_reading(candidate, person=person)
            if not candidate.tokens or not readings:
                continue
            keys = sorted({t.key for t in candidate.tokens})
            column = {k: c for c, k in enumerate(keys)}
            scored = max(
                (
                    align(q, candidate, key_similarities(q.tokens, keys).tolist(), column)
                    for q in readings
                ),
                key=lambda s: s.score,
            )
            score = scored.score
            band = band_for(score)
            notes = reading_notes(query, scored.query)
            if name.quality is NameQuality.WEAK and band is Band.STRONG:
                band = Band.POSSIBLE
                notes = (*notes, "weak alias: band capped at possible")
            if band is not None and (best is None or score > best.score):
                best = Match(
                    entity, round(score, 4), band, name=scored, matched_name=name, notes=notes
                )
        return best


@lru_cache(maxsize=1)
def _spanish_speaking() -> frozenset[str]:
    """English names (lower case) of the countries where most people speak Spanish, from
    CLDR's territory data (Babel): Mexico has no official language there."""
    from babel import Locale  # noqa: PLC0415 (only when an index is built)
    from babel.languages import get_territory_language_info  # noqa: PLC0415

    def spanish_share(code: str) -> float:
        share = get_territory_language_info(code).get("es", {}).get("population_percent")
        return float(share) if isinstance(share, int | float) else 0.0

    return frozenset(
        name.lower()
        for code, name in Locale("en").territories.items()
        if code.isalpha() and spanish_share(code) >= 50
    )


def _of_spanish_speaking_country(entity: Entity) -> bool:
    """Whether an entity's nationality, address or place of birth is in a country where
    most people speak Spanish (POB Culiacan, Sinaloa, Mexico)."""
    spanish = _spanish_speaking()
    places = [p.rsplit(",", 1)[-1].strip().lower() for p in entity.birth_places]
    return any(c in spanish for c in entity.countries) or any(p in spanish for p in places)


def spanish_reading(name: NormalizedName, *, person: bool = False) -> NormalizedName:
    """A listed name of a Spanish-speaking country with its Latin words also read as
    Spanish: their keys take the Spanish reading (Хоакин: JOAQUIN), their skeletons
    and what other scripts are compared with the sounds they write (خواكين khwkyn:
    joaquin heard as khoakin). A ``person``'s family names after the first, written
    before the comma (the mother's, or de and a husband's), may be left out as a
    patronymic may: Rosario Murillo is MURILLO DE ORTEGA, Rosario Maria."""
    surname, comma, _ = name.original.partition(",")
    later = len(normalize_name(surname, person=True).tokens) if person and comma else 0
    tokens = []
    for number, token in enumerate(name.tokens):
        if 0 < number < later and not token.patronymic:
            token = replace(token, patronymic=True)
        if token.script == "latin" and token.text.isalpha():
            heard = spanish_heard(token.text)
            key = phonetic_key(token.text, "spanish")
            if heard != token.text or key not in token.keys:
                # heard set whenever the word reads otherwise: pairs are kept under it
                token = replace(
                    token, keys=token.keys | {key}, skeleton=skeleton(heard), heard=heard
                )
        tokens.append(token)
    return NormalizedName(name.original, tuple(tokens), name.removed, name.legal_forms)


def romanized_closeness(scored: NameScore) -> float:
    """Similarity (0-1) of the query's words as romanized to the listed words they met,
    for a query in another script, whose spelling as written is like no listed name's:
    إبراهيم رئيسي (ibrhym riysy) scores 0.9 against RAISI, Ebrahim and EBRAHIMI, Reza
    alike, and is closer to the first; Cyrillic is read as English writes it."""
    if not scored.tokens:
        return 0.0
    return sum(
        Indel.normalized_similarity(_roman(t.query_token), _roman(t.name_token))
        for t in scored.tokens
    ) / len(scored.tokens)


def _roman(word: str) -> str:
    """A word of a scored pair in Latin letters (other scripts are romanized already;
    Cyrillic is read as English writes it)."""
    return word if word.isascii() else english_reading(word)


@lru_cache(maxsize=100_000)
def _folded(value: str) -> str:
    return ascii_fold(value).strip()


def spelling_closeness(folded_query: str, folded: str) -> float:
    """Similarity (0-1) of a folded query to a folded listed name as written, or to its
    reading without the comma (``AWEYS, Hassan Dahir`` as ``hassan dahir aweys``).

    It decides between equal scores only: the scorer compares keys and readings, so
    Moamad scores the same against Mohamad and Mohammad, and Hassan Dahir AWEYS the
    same against AWEYS, Hassan Dahir and DAHIR, Aweys Hassan; the spelling written
    closer to the query (fewer letters to change, words in the same order, then the
    same words in any order) comes first.
    """
    closeness = Indel.normalized_similarity(folded_query, folded)
    surname, comma, given = folded.partition(",")
    if comma and given.strip():
        reading = f"{given.strip()} {surname.strip()}"
        closeness = max(closeness, Indel.normalized_similarity(folded_query, reading))
    # Words in any order count half: COMMERCIAL COMPANY PETROCHEMICAL is closer to
    # PETROCHEMICAL COMMERCIAL COMPANY than to the same words with FZE.
    words = Indel.normalized_similarity(_sorted_words(folded_query), _sorted_words(folded))
    return (closeness + words) / 2


def _sorted_words(text: str) -> str:
    return " ".join(sorted(text.replace(",", " ").split()))


def _rank_key(match: Match) -> tuple[float, int, bool, float, str]:
    """Best score first; among equals an identifier, then a match on a name rather than
    on a weak alias (OFAC's "weak a.k.a.": a name many people bear, whose band is capped
    at possible), then the closer spelling, then the entity id."""
    weak = match.matched_name is not None and match.matched_name.quality is NameQuality.WEAK
    return (-match.score, 0 if match.identifier else 1, weak, -match.closeness, match.entity.id)


def _with_chains(match: Match, chains: tuple[Chain, ...]) -> Match:
    return Match(
        match.entity,
        match.score,
        match.band,
        match.name,
        match.matched_name,
        match.identifier,
        match.notes,
        chains,
        match.closeness,
    )


def _filters(
    schema: Schema | Iterable[Schema] | None,
    lists: Iterable[str] | None,
    country: str | None,
    birth_year: int | None,
) -> Filters:
    schemas: frozenset[Schema] | None
    if schema is None:
        schemas = None
    elif isinstance(schema, Schema):
        schemas = frozenset({schema})
    else:
        schemas = frozenset(schema)
    return Filters(
        schemas=schemas,
        lists=frozenset(lists) if lists is not None else None,
        country=country,
        birth_year=birth_year,
    )


def build_index(entities: Sequence[Entity]) -> Index:
    """Build an :class:`Index` over entities (from one list or many)."""
    return Index(entities)
