from __future__ import annotations

import io
from typing import Any

import pytest
from PIL import Image

from horizont.network.models import Initiative, Membership
from horizont.publications.models import Article, ArticleTranslation
from horizont.testing.personas import make_user


def make_initiative(slug: str, organizer: Any = None, **fields: Any) -> Initiative:
    fields.setdefault("status", Initiative.Status.APPROVED)
    initiative = Initiative.objects.create(
        name=fields.pop("name", slug.title()), slug=slug, language="en", country="DE", **fields
    )
    if organizer is not None:
        Membership.objects.create(
            initiative=initiative,
            user=organizer,
            role=Membership.Role.ORGANIZER,
            status=Membership.Status.ACTIVE,
        )
    return initiative


def make_article(initiative: Initiative, *, status: str = "published", **versions: Any):
    from django.utils import timezone

    versions = versions or {"en": ("A report", "Some **text**.")}
    article = Article.objects.create(
        initiative=initiative,
        status=status,
        original_language=next(iter(versions)),
        published_at=timezone.now() if status == "published" else None,
    )
    for language, (title, body) in versions.items():
        ArticleTranslation.objects.create(
            article=article,
            language=language,
            title=title,
            slug=title.lower().replace(" ", "-"),
            body=body,
        )
    return article


def image_bytes(width: int = 1600, height: int = 900, fmt: str = "JPEG") -> bytes:
    out = io.BytesIO()
    image = Image.new("RGB", (width, height), (30, 90, 160))
    exif = Image.Exif()
    exif[0x010F] = "SpyCam"  # Make
    exif[0x0131] = "secret-device-serial"  # Software
    extra = {"exif": exif.tobytes()} if fmt == "JPEG" else {}
    image.save(out, format=fmt, **extra)
    return out.getvalue()


@pytest.fixture
def organizer(db: Any) -> Any:
    return make_user("organizer@example.org", display_name="Org")


@pytest.fixture
def other_organizer(db: Any) -> Any:
    return make_user("other-organizer@example.org", display_name="Other org")


@pytest.fixture
def initiative(organizer: Any) -> Initiative:
    return make_initiative("birch-circle", organizer, name="Birch Circle")


@pytest.fixture
def other_initiative(other_organizer: Any) -> Initiative:
    return make_initiative("oak-club", other_organizer, name="Oak Club")
