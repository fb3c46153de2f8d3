"""Links between entities, followed to show why an entity matters.

An aircraft is operated by a company that is linked to a listed person: the chain
``RA-02791 —operator→ BERATEX GROUP LIMITED —linked-to→ PRIGOZHIN, Yevgeniy
Viktorovich`` is what a reviewer needs to see.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from horizont.screening.model import Entity, LinkKind, Packed, Schema
from horizont.screening.sources.base import name_key


@dataclass(frozen=True, slots=True)
class Edge(Packed):
    """A link from ``source`` to ``target`` (entity ids) of one or more kinds."""

    source: str
    target: str
    kinds: tuple[LinkKind, ...]


@dataclass(frozen=True, slots=True)
class Step:
    """One hop of a chain: the kinds of link that lead to ``entity``."""

    kinds: tuple[LinkKind, ...]
    entity: Entity


@dataclass(frozen=True, slots=True)
class Chain:
    """A path of links starting at ``start``."""

    start: Entity
    steps: tuple[Step, ...]

    def __str__(self) -> str:
        text = self.start.caption
        for step in self.steps:
            text += f" —{'/'.join(step.kinds)}→ {step.entity.caption}"
        return text


class Graph:
    """Directed graph of the links between entities of all loaded lists.

    Links resolved by a parser keep their target; links given only by name are
    resolved here against primary names of every loaded list.
    """

    def __init__(self, entities: Iterable[Entity]) -> None:
        self.entities: Mapping[str, Entity] = {e.id: e for e in entities}
        by_name: dict[str, str] = {}
        for entity in self.entities.values():
            by_name.setdefault(name_key(entity.caption), entity.id)
        outgoing: dict[str, dict[str, list[LinkKind]]] = {}
        for entity in self.entities.values():
            for link in entity.links:
                target = link.target_id or by_name.get(name_key(link.target_name))
                if target is None or target == entity.id or target not in self.entities:
                    continue
                kinds = outgoing.setdefault(entity.id, {}).setdefault(target, [])
                if link.kind not in kinds:
                    kinds.append(link.kind)
        self._out: dict[str, list[Edge]] = {
            source: [Edge(source, t, tuple(k)) for t, k in targets.items()]
            for source, targets in outgoing.items()
        }
        self._index_incoming()

    @classmethod
    def from_edges(cls, edges: dict[str, list[Edge]], entities: Mapping[str, Entity]) -> Graph:
        """A graph from saved edges; ``entities`` may load entities lazily."""
        graph = cls.__new__(cls)
        graph.entities = entities
        graph._out = edges
        graph._index_incoming()
        return graph

    @property
    def edges(self) -> dict[str, list[Edge]]:
        """Outgoing edges by source id (for saving the graph)."""
        return self._out

    def _index_incoming(self) -> None:
        self._in: dict[str, list[Edge]] = {}
        for edges in self._out.values():
            for edge in edges:
                self._in.setdefault(edge.target, []).append(edge)

    def outgoing(self, entity_id: str) -> list[Edge]:
        """Links from an entity."""
        return self._out.get(entity_id, [])

    def incoming(self, entity_id: str) -> list[Edge]:
        """Links to an entity (who is linked to it)."""
        return self._in.get(entity_id, [])

    def chains(self, entity_id: str, max_depth: int = 3, limit: int = 10) -> list[Chain]:
        """Paths of outgoing links from an entity, stopping at people.

        An aircraft or company leads through its operators and owners to the people
        behind them; each returned chain ends at a person, at an entity without
        further links, or at ``max_depth`` hops.
        """
        start = self.entities.get(entity_id)
        if start is None:
            return []
        chains: list[Chain] = []

        def walk(current: str, steps: tuple[Step, ...], seen: frozenset[str]) -> None:
            if len(chains) >= limit:
                return
            edges = [e for e in self.outgoing(current) if e.target not in seen]
            stop = steps and (steps[-1].entity.schema is Schema.PERSON or len(steps) >= max_depth)
            if stop or not edges:
                if steps:
                    chains.append(Chain(start, steps))
                return
            for edge in edges:
                target = self.entities[edge.target]
                walk(edge.target, (*steps, Step(edge.kinds, target)), seen | {edge.target})

        walk(entity_id, (), frozenset({entity_id}))
        return chains
