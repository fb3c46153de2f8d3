"""REST API of the network app (mounted at /api/network/): public data only.

No contact addresses, no members, no unconfirmed links and no initiatives waiting for
approval ever appear here.
"""

from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Query, Router, Schema
from ninja.pagination import LimitOffsetPagination, paginate

from horizont.network import queries
from horizont.network.models import Initiative, Link

router = Router(tags=["network"])


class InitiativeOut(Schema):
    slug: str
    name: str
    description: str
    language: str
    country: str
    city: str
    latitude: float | None
    longitude: float | None
    website: str
    social_links: list[str]
    topics: list[str]
    working_languages: list[str]
    translations: dict[str, dict[str, str]]
    url: str

    @staticmethod
    def resolve_social_links(obj: Initiative) -> list[str]:
        return obj.social_link_list

    @staticmethod
    def resolve_topics(obj: Initiative) -> list[str]:
        return [topic.slug for topic in obj.topics.all()]

    @staticmethod
    def resolve_working_languages(obj: Initiative) -> list[str]:
        return [row.code for row in obj.working_languages.all()]

    @staticmethod
    def resolve_translations(obj: Initiative) -> dict[str, dict[str, str]]:
        return {
            t.language: {"name": t.name, "description": t.description}
            for t in obj.translations.all()
        }

    @staticmethod
    def resolve_url(obj: Initiative) -> str:
        return obj.get_absolute_url()


class InitiativeLinkOut(Schema):
    id: int
    source: str
    target: str
    kind: str
    confirmed_at: str | None

    @staticmethod
    def resolve_source(obj: Link) -> str:
        return obj.source.slug

    @staticmethod
    def resolve_target(obj: Link) -> str:
        return obj.target.slug

    @staticmethod
    def resolve_confirmed_at(obj: Link) -> str | None:
        return obj.confirmed_at.isoformat() if obj.confirmed_at else None


class InitiativeFilters(Schema):
    q: str = ""
    country: str = ""
    city: str = ""
    topic: str = ""
    language: str = ""
    near: str = ""
    radius: int = queries.DEFAULT_RADIUS_KM


def _public_initiatives():  # type: ignore[no-untyped-def]
    return Initiative.objects.public().prefetch_related(
        "topics", "working_languages", "translations"
    )


@router.get(
    "/initiatives",
    response=list[InitiativeOut],
    summary="Public initiatives (search and filters as in the directory)",
)
@paginate(LimitOffsetPagination)
def list_initiatives(request: HttpRequest, filters: Query[InitiativeFilters]):  # type: ignore[no-untyped-def]
    parsed = queries.Filters.from_query(filters.dict())
    return queries.filter_initiatives(_public_initiatives(), parsed).order_by("name", "pk")


@router.get("/initiatives/{slug}", response=InitiativeOut, summary="One public initiative")
def get_initiative(request: HttpRequest, slug: str) -> Initiative:
    return get_object_or_404(_public_initiatives(), slug=slug)


@router.get(
    "/links",
    response=list[InitiativeLinkOut],
    summary="Confirmed links between public initiatives",
)
@paginate(LimitOffsetPagination)
def list_links(request: HttpRequest, initiative: str = ""):  # type: ignore[no-untyped-def]
    links = Link.objects.public().select_related("source", "target").order_by("pk")
    if initiative:
        links = links.filter(source__slug=initiative) | links.filter(target__slug=initiative)
    return links
