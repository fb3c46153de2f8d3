"""The screening index on disk: written once when lists are loaded, opened in a blink.

An index folder holds

- ``postings-{table}-keys.txt`` and ``postings-{table}.npz``: the inverted tables
  (phonetic keys, their one-deletion neighbourhood, the words as spelt and their
  one-deletion neighbourhood, consonant skeletons, short names
  written as one code and their one-deletion neighbourhood) as sorted keys
  with offsets into one array of name numbers (CSR layout);
- ``names.bin`` / ``entities.bin``: one record per indexed name (plain values,
  marshal) and one pickle per entity, end to end, with their offsets in
  ``arrays.npz``; a name or entity is read only when a query reaches it, so opening
  does not rebuild eleven thousand entities; a name's words are numbers into
  ``tokens.bin``, where each distinct word is stored once (:class:`NameTable`,
  :class:`TokenTable`);
- ``core.pickle``: identifiers, entity ids and lists, the links of the graph.

The files are this package's own, written by :func:`save` and read by :func:`load`
only (pickle is not an exchange format here); a version number in ``core.pickle``
makes an index written by another version of the code, or of Python (whose marshal
format may differ), be rebuilt rather than read.
"""

from __future__ import annotations

import marshal
import pickle  # noqa: S403  (our own files, see the module docstring)
import sys
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final, Generic, TypeVar, overload

import numpy as np
import numpy.typing as npt

from horizont.screening.model import Name, NameKind, NameQuality
from horizont.screening.normalize import NormalizedName, Token

if TYPE_CHECKING:
    from horizont.screening.index import Index

FORMAT_VERSION: Final = 34
_PYTHON: Final = f"{sys.version_info[0]}.{sys.version_info[1]}"
"""marshal's format may change between Python versions: another one rebuilds."""
IntArray = npt.NDArray[np.int32]
T = TypeVar("T")


class Postings:
    """Key → sorted name numbers, as one dict of rows over a CSR array."""

    def __init__(self, keys: list[str], offsets: npt.NDArray[np.int64], data: IntArray) -> None:
        self._row = {key: row for row, key in enumerate(keys)}
        self._keys = keys
        self._offsets = offsets
        self._data = data

    @classmethod
    def build(cls, table: dict[str, list[int]], *, unique: bool = False) -> Postings:
        """From key → name numbers (sorted and made unique with ``unique``)."""
        keys = sorted(table)
        arrays = [
            np.unique(np.asarray(table[k], np.int32)) if unique else np.asarray(table[k], np.int32)
            for k in keys
        ]
        offsets = np.zeros(len(keys) + 1, dtype=np.int64)
        if arrays:
            offsets[1:] = np.cumsum([len(a) for a in arrays])
        data = np.concatenate(arrays) if arrays else np.empty(0, np.int32)
        return cls(keys, offsets, data.astype(np.int32))

    def get(self, key: str) -> IntArray | None:
        """Name numbers holding ``key``, or None."""
        row = self._row.get(key)
        if row is None:
            return None
        return self._data[self._offsets[row] : self._offsets[row + 1]]

    def __len__(self) -> int:
        return len(self._keys)

    def save(self, folder: Path, name: str) -> None:
        (folder / f"postings-{name}-keys.txt").write_text("\n".join(self._keys), encoding="utf-8")
        np.savez(folder / f"postings-{name}.npz", offsets=self._offsets, data=self._data)

    @classmethod
    def load(cls, folder: Path, name: str) -> Postings:
        text = (folder / f"postings-{name}-keys.txt").read_text(encoding="utf-8")
        arrays = np.load(folder / f"postings-{name}.npz")
        return cls(text.split("\n") if text else [], arrays["offsets"], arrays["data"])


class LazyList(Sequence[T], Generic[T]):
    """A read-only list whose items are unpickled from one blob when first read."""

    def __init__(self, blob: bytes, offsets: npt.NDArray[np.int64]) -> None:
        self._blob = blob
        self._offsets: list[int] = offsets.tolist()
        self._cache: dict[int, T] = {}

    @classmethod
    def pack(cls, items: Sequence[Any]) -> tuple[bytes, npt.NDArray[np.int64]]:
        """Pickle every item end to end; returns the blob and the offsets."""
        return _end_to_end([pickle.dumps(item, protocol=pickle.HIGHEST_PROTOCOL) for item in items])

    def __len__(self) -> int:
        return len(self._offsets) - 1

    @overload
    def __getitem__(self, index: int) -> T: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[T]: ...
    def __getitem__(self, index: int | slice) -> T | Sequence[T]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        if index < 0:
            index += len(self)
        item = self._cache.get(index)
        if item is None:
            if not 0 <= index < len(self):
                raise IndexError(index)
            item = self._read(self._record(index))
            self._cache[index] = item
        return item

    def _record(self, index: int) -> Any:
        """What item ``index`` was stored as (a pickle, here)."""
        start, end = self._offsets[index], self._offsets[index + 1]
        return pickle.loads(self._blob[start:end])  # noqa: S301  (our own file)

    def _read(self, record: Any) -> T:
        """The item from its stored record (the record itself, here)."""
        return record  # type: ignore[no-any-return]

    def __iter__(self) -> Iterator[T]:
        for i in range(len(self)):
            yield self[i]


class MarshalledList(LazyList[T]):
    """A :class:`LazyList` of records of plain values (marshal, which reads them several
    times faster than pickle reads objects), each made into its item by ``_read``."""

    def _record(self, index: int) -> Any:
        record = self._blob[self._offsets[index] : self._offsets[index + 1]]
        return marshal.loads(record)  # noqa: S302  (our own file, see the module docstring)


class TokenTable(MarshalledList[Token]):
    """The distinct words of a stored index's names, each read when first reached: its
    fields given to the constructor."""

    @staticmethod
    def pack_tokens(tokens: Sequence[Token]) -> tuple[bytes, npt.NDArray[np.int64]]:
        """Every word's fields end to end; returns the blob and the offsets."""
        return _pack(
            (t.text, t.key, t.keys, t.weight, t.patronymic, t.skeleton, t.script, t.initial,
             t.heard)
            for t in tokens
        )  # fmt: skip

    def _read(self, record: Any) -> Token:
        return Token(*record)


class NameTable(MarshalledList[tuple[int, Name, NormalizedName]]):
    """The indexed names of a stored index, each read when a query first reaches it.

    A name's words are stored once for all names (eighty-nine thousand words of
    twenty-eight thousand names are twenty-four thousand distinct ones: Mohammed,
    Ivanovich, Limited), each name as its entity position, its listed name and the
    numbers of its words: the first query to reach a name reads a small record of plain
    values (marshal) and only the words no earlier query reached."""

    def __init__(
        self,
        blob: bytes,
        offsets: npt.NDArray[np.int64],
        tokens: LazyList[Token],
    ) -> None:
        super().__init__(blob, offsets)
        self._tokens = tokens

    @staticmethod
    def pack_names(
        names: Sequence[tuple[int, Name, NormalizedName]],
    ) -> tuple[bytes, npt.NDArray[np.int64], bytes, npt.NDArray[np.int64]]:
        """The names' records and their distinct words, each end to end: the records'
        blob and offsets, then the words' blob and offsets."""
        numbers: dict[Token, int] = {}
        records = []
        for position, name, normalized in names:
            ids = tuple(numbers.setdefault(t, len(numbers)) for t in normalized.tokens)
            # the normalized name keeps the listed one as its original (else stored too)
            original = None if normalized.original == name.value else normalized.original
            records.append(
                (position, name.value, _KINDS.index(name.kind), _QUALITIES.index(name.quality),
                 original, normalized.removed, normalized.legal_forms, ids)
            )  # fmt: skip
        blob, offsets = _pack(records)
        token_blob, token_offsets = TokenTable.pack_tokens(list(numbers))
        return blob, offsets, token_blob, token_offsets

    def _read(self, record: Any) -> tuple[int, Name, NormalizedName]:
        position, value, kind, quality, original, removed, legal_forms, ids = record
        tokens = self._tokens
        words = tuple(tokens[i] for i in ids)
        name = Name(value, _KINDS[kind], _QUALITIES[quality])
        return (position, name, NormalizedName(original or value, words, removed, legal_forms))


_KINDS: Final = tuple(NameKind)
_QUALITIES: Final = tuple(NameQuality)


def _pack(records: Iterable[Any]) -> tuple[bytes, npt.NDArray[np.int64]]:
    """Records of plain values (str, int, float, bool, None, tuples, frozensets)
    marshalled end to end; returns the blob and the offsets."""
    return _end_to_end([marshal.dumps(record) for record in records])


def _end_to_end(parts: list[bytes]) -> tuple[bytes, npt.NDArray[np.int64]]:
    """``parts`` joined, and the offset where each starts (and the last ends)."""
    offsets = np.zeros(len(parts) + 1, dtype=np.int64)
    if parts:
        offsets[1:] = np.cumsum([len(p) for p in parts])
    return b"".join(parts), offsets


def save(index: Index, folder: Path) -> None:
    """Write ``index`` into ``folder`` (created; files replaced)."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, table in index.tables().items():
        table.save(folder, name)
    blob, offsets = LazyList.pack(list(index.entities))
    (folder / "entities.bin").write_bytes(blob)
    names_blob, name_offsets, tokens_blob, token_offsets = NameTable.pack_names(index.names_table())
    (folder / "names.bin").write_bytes(names_blob)
    (folder / "tokens.bin").write_bytes(tokens_blob)
    np.savez(
        folder / "arrays.npz",
        entity_offsets=offsets,
        name_offsets=name_offsets,
        token_offsets=token_offsets,
        name_entity=index.name_entity(),
        length_penalty=index.length_penalty(),
    )
    core = {"version": FORMAT_VERSION, "python": _PYTHON, **index.core_state()}
    with (folder / "core.pickle").open("wb") as handle:
        pickle.dump(core, handle, protocol=pickle.HIGHEST_PROTOCOL)


def load(folder: Path) -> dict[str, Any] | None:
    """The parts of a saved index, or None when absent or of another format version."""
    core_file = folder / "core.pickle"
    if not core_file.is_file():
        return None
    with core_file.open("rb") as handle:
        core: dict[str, Any] = pickle.load(handle)  # noqa: S301  (our own file)
    if core.get("version") != FORMAT_VERSION or core.get("python") != _PYTHON:
        return None
    arrays = np.load(folder / "arrays.npz")
    core["tables"] = {
        name: Postings.load(folder, name)
        for name in ("exact", "deleted", "spelled", "skeletons", "codes")
    }
    core["entities"] = LazyList((folder / "entities.bin").read_bytes(), arrays["entity_offsets"])
    tokens = TokenTable((folder / "tokens.bin").read_bytes(), arrays["token_offsets"])
    core["names"] = NameTable((folder / "names.bin").read_bytes(), arrays["name_offsets"], tokens)
    core["name_entity"] = arrays["name_entity"]
    core["length_penalty"] = arrays["length_penalty"]
    return core
