"""Reads over many initiatives: the directory, map data and graph data.

Every read here runs a fixed number of queries, whatever the number of rows.
"""

from __future__ import annotations

import hashlib
import math
from dataclasses import dataclass
from typing import Any

from django.core.cache import cache
from django.db.models import ExpressionWrapper, F, FloatField, Prefetch, Q, QuerySet, Value
from django.db.models.functions import ACos, Cos, Greatest, Least, Radians, Sin

from horizont.network import gazetteer
from horizont.network.layout import graph_positions, label_side
from horizont.network.models import Initiative, Link, Topic

MAP_LIMIT = 2000
GRAPH_LIMIT = 300
MAX_RADIUS_KM = 500
DEFAULT_RADIUS_KM = 50


@dataclass(frozen=True)
class Filters:
    q: str = ""
    country: str = ""
    city: str = ""
    topic: str = ""
    language: str = ""
    near: str = ""
    radius: int = DEFAULT_RADIUS_KM

    @classmethod
    def from_query(cls, data: Any) -> Filters:
        def text(name: str, limit: int = 100) -> str:
            return str(data.get(name, "") or "").strip()[:limit]

        try:
            radius = int(data.get("radius") or DEFAULT_RADIUS_KM)
        except (TypeError, ValueError):
            radius = DEFAULT_RADIUS_KM
        return cls(
            q=text("q"),
            country=text("country", 2).upper(),
            city=text("city"),
            topic=text("topic", 40),
            language=text("language", 8),
            near=text("near"),
            radius=min(max(radius, 1), MAX_RADIUS_KM),
        )

    @property
    def active(self) -> bool:
        return any((self.q, self.country, self.city, self.topic, self.language, self.near))

    def near_city(self) -> gazetteer.City | None:
        if not self.near:
            return None
        return gazetteer.find_city(self.near, self.country) or gazetteer.find_city(self.near)


def filter_initiatives(queryset: QuerySet[Initiative], filters: Filters) -> QuerySet[Initiative]:
    if filters.q:
        words = filters.q.split()[:6]
        for word in words:
            queryset = queryset.filter(
                Q(name__icontains=word)
                | Q(description__icontains=word)
                | Q(city__icontains=word)
                | Q(pk__in=_translated_matching(word))
            )
    if filters.country:
        queryset = queryset.filter(country=filters.country)
    if filters.city:
        queryset = queryset.filter(city__iexact=filters.city)
    if filters.topic:
        queryset = queryset.filter(
            pk__in=Topic.initiatives.through.objects.filter(topic__slug=filters.topic).values(
                "initiative_id"
            )
        )
    if filters.language:
        queryset = queryset.filter(working_languages__code=filters.language)
    if filters.near:
        city = filters.near_city()
        if city is None:
            return queryset.none()
        min_lat, max_lat, min_lon, max_lon = gazetteer.bounding_box(
            city.latitude, city.longitude, filters.radius
        )
        # The box lets the database use the coordinate columns; the great-circle
        # distance then keeps only what lies within the radius.
        queryset = queryset.filter(
            latitude__gte=min_lat,
            latitude__lte=max_lat,
            longitude__gte=min_lon,
            longitude__lte=max_lon,
        )
        queryset = queryset.alias(distance_km=_distance_km(city.latitude, city.longitude)).filter(
            distance_km__lte=filters.radius
        )
    return queryset


def _distance_km(latitude: float, longitude: float) -> Any:
    """Great-circle distance from a point to each initiative's pin, in kilometres."""
    lat0 = math.radians(latitude)
    cosine = Sin(Radians(F("latitude"))) * Value(math.sin(lat0)) + Cos(
        Radians(F("latitude"))
    ) * Value(math.cos(lat0)) * Cos(Radians(F("longitude")) - Value(math.radians(longitude)))
    clamped = Least(Value(1.0), Greatest(Value(-1.0), cosine))
    return ExpressionWrapper(Value(6371.0) * ACos(clamped), output_field=FloatField())


def _translated_matching(word: str) -> QuerySet[Any]:
    from horizont.network.models import InitiativeTranslation

    return InitiativeTranslation.objects.filter(
        Q(name__icontains=word) | Q(description__icontains=word)
    ).values("initiative_id")


def directory(filters: Filters) -> QuerySet[Initiative]:
    """Public initiatives matching ``filters``, with what a list row shows prefetched."""
    return (
        filter_initiatives(Initiative.objects.public(), filters)
        .order_by("name", "pk")
        .only(
            "pk",
            "name",
            "slug",
            "description",
            "language",
            "country",
            "city",
            "logo",
            "status",
        )
        .prefetch_related(
            Prefetch("topics", queryset=Topic.objects.only("pk", "slug", "name")),
            "translations",
            "working_languages",
        )
    )


def map_data(filters: Filters) -> dict[str, Any]:
    """Markers of public initiatives with a pin, at most ``MAP_LIMIT`` of them."""
    rows = list(
        filter_initiatives(Initiative.objects.public(), filters)
        .filter(latitude__isnull=False, longitude__isnull=False)
        .order_by("name", "pk")
        .values_list("slug", "name", "city", "country", "latitude", "longitude")[: MAP_LIMIT + 1]
    )
    return {
        "truncated": len(rows) > MAP_LIMIT,
        "limit": MAP_LIMIT,
        "markers": [
            {
                "slug": slug,
                "name": name,
                "city": city,
                "country": country,
                "lat": round(lat, 5),
                "lon": round(lon, 5),
            }
            for slug, name, city, country, lat, lon in rows[:MAP_LIMIT]
        ],
    }


def link_kind(value: Any) -> str:
    """The link type asked for in a query string, or "" (any) when it is not one we know."""
    value = str(value or "")
    return value if value in Link.Kind.values else ""


def graph_links(filters: Filters, kind: str = "") -> tuple[list[dict[str, Any]], bool]:
    """Confirmed links between public initiatives where a side matches ``filters``.

    Plain rows (no model instances): the graph pages show up to ``GRAPH_LIMIT`` of them.
    """
    links = Link.objects.public()
    if kind:
        links = links.filter(kind=kind)
    if filters.active:
        matching = filter_initiatives(Initiative.objects.public(), filters).values("pk")
        links = links.filter(Q(source__in=matching) | Q(target__in=matching))
    fields = ("id", "name", "slug", "country", "city")
    rows = list(
        links.order_by("pk").values(
            "kind",
            *(f"source__{name}" for name in fields),
            *(f"target__{name}" for name in fields),
        )[: GRAPH_LIMIT + 1]
    )
    kinds = dict(Link.Kind.choices)
    result = [
        {
            "kind": row["kind"],
            "kind_label": kinds.get(row["kind"], row["kind"]),
            "source": {name: row[f"source__{name}"] for name in fields},
            "target": {name: row[f"target__{name}"] for name in fields},
        }
        for row in rows[:GRAPH_LIMIT]
    ]
    return result, len(rows) > GRAPH_LIMIT


GRAPH_WIDTH, GRAPH_HEIGHT, GRAPH_MARGIN = 1000, 640, 40


def graph_data(filters: Filters, kind: str = "") -> dict[str, Any]:
    links, truncated = graph_links(filters, kind)
    nodes: dict[int, dict[str, Any]] = {}
    for link in links:
        for side in (link["source"], link["target"]):
            nodes.setdefault(side["id"], dict(side))
    edges = [(link["source"]["id"], link["target"]["id"]) for link in links]
    # The same network always gets the same picture: lay it out once, then reuse it.
    labels = {node_id: str(node.get("name", "")) for node_id, node in nodes.items()}
    fingerprint = repr((list(nodes), edges, sorted(labels.items()), 2)).encode()
    key = "network:graph-layout:" + hashlib.sha256(fingerprint).hexdigest()
    positions = cache.get(key)
    if positions is None:
        positions = graph_positions(
            list(nodes),
            edges,
            labels,
            width=GRAPH_WIDTH,
            height=GRAPH_HEIGHT,
            margin=GRAPH_MARGIN,
        )
        cache.set(key, positions, timeout=24 * 3600)
    for node_id, (x, y) in positions.items():
        nodes[node_id]["x"], nodes[node_id]["y"] = x, y
        nodes[node_id]["side"] = label_side((x, y), labels[node_id], GRAPH_WIDTH)
    return {
        "truncated": truncated,
        "limit": GRAPH_LIMIT,
        "width": GRAPH_WIDTH,
        "height": GRAPH_HEIGHT,
        "nodes": list(nodes.values()),
        "links": [
            {"source": link["source"]["id"], "target": link["target"]["id"], "kind": link["kind"]}
            for link in links
        ],
    }
