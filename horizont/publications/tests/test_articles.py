"""Writing, reading and translating articles through the web pages and the API."""

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from horizont.publications.models import Article

from .conftest import image_bytes, make_article

pytestmark = pytest.mark.django_db


def _new_article(**extra):
    data = {
        "initiative": extra.pop("initiative"),
        "kind": "report",
        "status": "published",
        "tags": "culture, Berlin",
        "version-language": "de",
        "version-title": "Bericht vom Treffen",
        "version-summary": "Kurz gesagt.",
        "version-body": "Wir haben **viel** besprochen.",
    }
    data.update(extra)
    return data


def test_organizer_writes_a_report_with_an_image(client, organizer, initiative):
    client.force_login(organizer)
    upload = SimpleUploadedFile("photo.jpg", image_bytes(1600, 900), content_type="image/jpeg")
    response = client.post(
        "/en/publications/new/",
        _new_article(initiative=initiative.pk, image=upload, image_alt="People at a table"),
    )
    article = Article.objects.get()
    assert response.status_code == 302
    assert article.author == organizer
    assert article.kind == "report" and article.is_published and article.published_at
    assert article.original_language == "de"
    assert sorted(t.name for t in article.tags.all()) == ["Berlin", "culture"]
    assert sorted(article.image_sizes, key=int) == ["480", "1200"]
    with default_storage.open(article.image_sizes["480"]) as small:
        resized = Image.open(small)
        assert resized.width == 480
        assert not resized.getexif()  # metadata removed
    with default_storage.open(article.image.name) as original:
        assert not Image.open(original).getexif()
    page = client.get(article.get_absolute_url()).content.decode()
    assert "Bericht vom Treffen" in page
    assert "<strong>viel</strong>" in page
    assert "480w" in page and "1200w" in page and 'alt="People at a table"' in page


def test_small_image_is_not_enlarged(client, organizer, initiative):
    client.force_login(organizer)
    upload = SimpleUploadedFile("p.png", image_bytes(300, 200, "PNG"), content_type="image/png")
    client.post(
        "/en/publications/new/", _new_article(initiative=initiative.pk, image=upload, image_alt="x")
    )
    article = Article.objects.get()
    assert list(article.image_sizes) == ["300"]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"%PDF-1.4 not an image at all", "This file is not an image we can read."),
        (b"\xff\xd8" + b"0" * (9 * 1024 * 1024), "The image is too large."),
    ],
)
def test_non_image_or_oversized_upload_is_refused_with_a_clear_message(
    client, organizer, initiative, content, message
):
    client.force_login(organizer)
    upload = SimpleUploadedFile("evil.jpg", content, content_type="image/jpeg")
    response = client.post(
        "/en/publications/new/", _new_article(initiative=initiative.pk, image=upload, image_alt="x")
    )
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Article.objects.exists()  # nothing half-saved


def test_image_of_too_many_pixels_is_refused_for_its_pixels_not_its_size(
    client, organizer, initiative
):
    from horizont.lib.tests.test_lib import png_of_size

    client.force_login(organizer)
    upload = SimpleUploadedFile("big.png", png_of_size(8000, 5125), content_type="image/png")
    response = client.post(
        "/en/publications/new/", _new_article(initiative=initiative.pk, image=upload, image_alt="x")
    )
    text = response.content.decode()
    assert "too many pixels" in text
    assert "8 MB" not in text.split("too many pixels")[1][:200]
    assert not Article.objects.exists()


def test_image_refusal_is_in_the_users_language(client, organizer, initiative):
    client.force_login(organizer)
    upload = SimpleUploadedFile("evil.jpg", b"nope", content_type="image/jpeg")
    response = client.post(
        "/de/publications/new/", _new_article(initiative=initiative.pk, image=upload, image_alt="x")
    )
    assert "Diese Datei ist kein Bild" in response.content.decode()


def test_image_needs_a_description(client, organizer, initiative):
    client.force_login(organizer)
    upload = SimpleUploadedFile("p.jpg", image_bytes(600, 400), content_type="image/jpeg")
    response = client.post(
        "/en/publications/new/", _new_article(initiative=initiative.pk, image=upload)
    )
    assert "image_alt" in response.context["form"].errors
    assert not Article.objects.exists()


def test_page_shows_version_in_interface_language_else_original(client, initiative):
    article = make_article(initiative, ru=("Отчёт", "Текст"), de=("Bericht", "Text"))
    de = client.get(f"/de/publications/{article.pk}/").content.decode()
    assert '<h1 id="article-title">Bericht</h1>' in de
    assert 'hreflang="ru"' in de and 'lang="ru"' in de
    pl = client.get(f"/pl/publications/{article.pk}/").content.decode()
    assert '<h1 id="article-title">Отчёт</h1>' in pl  # no Polish version: the original
    assert 'hreflang="de"' in pl


def test_switcher_links_to_other_versions_and_wrong_slug_redirects(client, initiative):
    article = make_article(initiative, en=("Report", "Text"), pl=("Relacja", "Tekst"))
    page = client.get(f"/en/publications/{article.pk}/").content.decode()
    assert "This article is also available in:" in page
    polish = f"/en/publications/{article.pk}/pl/relacja/"
    assert f'href="{polish}" lang="pl" hreflang="pl"' in page
    response = client.get(polish)
    assert '<h1 id="article-title">Relacja</h1>' in response.content.decode()
    assert client.get(f"/en/publications/{article.pk}/pl/old-slug/").status_code == 301
    assert client.get(f"/en/publications/{article.pk}/de/x/").status_code == 404


def test_organizer_adds_a_translation(client, organizer, initiative):
    article = make_article(initiative, en=("Report", "Text"))
    client.force_login(organizer)
    response = client.post(
        f"/en/publications/{article.pk}/versions/add/",
        {"language": "ru", "title": "Отчёт о встрече", "summary": "", "body": "Текст"},
    )
    assert response.status_code == 302
    version = article.translations.get(language="ru")
    assert version.slug == "отчёт-о-встрече"
    assert client.get(response["Location"]).status_code == 200
    # the same language twice is refused with a message
    response = client.post(
        f"/en/publications/{article.pk}/versions/add/",
        {"language": "ru", "title": "Again", "body": "x"},
    )
    assert "already has a version in this language" in response.content.decode()
    # and a translation can be removed, the original cannot
    client.post(f"/en/publications/{article.pk}/versions/ru/delete/")
    client.post(f"/en/publications/{article.pk}/versions/en/delete/")
    assert list(article.translations.values_list("language", flat=True)) == ["en"]


def test_organizer_publishes_a_draft(client, organizer, initiative):
    article = make_article(initiative, status="draft")
    client.force_login(organizer)
    response = client.post(
        f"/en/publications/{article.pk}/edit/",
        {"kind": "article", "status": "published", "tags": "news"},
    )
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.is_published and article.published_at is not None


def test_list_filters_by_tag_initiative_and_language(client, initiative, other_initiative):
    one = make_article(initiative, en=("Alpha news", "x"))
    make_article(other_initiative, de=("Beta Nachricht", "x"))
    one.tags.create(name="Culture", slug="culture")
    assert "Alpha news" in client.get("/en/publications/?tag=culture").content.decode()
    assert "Beta Nachricht" not in client.get("/en/publications/?tag=culture").content.decode()
    page = client.get("/en/publications/?initiative=oak-club").content.decode()
    assert "Beta Nachricht" in page and "Alpha news" not in page
    page = client.get("/en/publications/?language=de").content.decode()
    assert "Beta Nachricht" in page and "Alpha news" not in page
    assert client.get("/en/publications/?language=xx").status_code == 200


def test_list_page_has_bounded_queries(client, initiative, django_assert_max_num_queries):
    for n in range(15):
        make_article(initiative, en=(f"Item {n}", "x"), de=(f"Ding {n}", "y"))
    with django_assert_max_num_queries(12):
        assert client.get("/en/publications/").status_code == 200


def test_donation_place_renders_nothing_visible(client, initiative):
    article = make_article(initiative)
    page = client.get(article.get_absolute_url()).content.decode()
    assert "donation" not in page.lower()


def test_api_lists_only_published_public_data(client, initiative, organizer):
    public = make_article(initiative, en=("Public", "**x**"))
    make_article(initiative, status="draft", en=("Draft", "x"))
    data = client.get("/api/publications/articles").json()
    assert data["count"] == 1
    item = data["items"][0]
    assert item["id"] == public.pk and item["initiative"] == "birch-circle"
    assert "author" not in item
    detail = client.get(f"/api/publications/articles/{public.pk}").json()
    assert detail["versions"][0]["body_html"] == "<p><strong>x</strong></p>"
    assert client.get("/api/openapi.json").status_code == 200


def test_export_lists_articles_written_by_user(organizer, initiative):
    from horizont.publications.services import user_articles_export

    article = make_article(initiative)
    article.author = organizer
    article.save()
    data = user_articles_export(organizer)
    assert data["publications_articles"][0]["id"] == article.pk


def test_tampered_image_bytes_refused(client, organizer, initiative):
    client.force_login(organizer)
    data = bytearray(image_bytes(800, 600))
    data[200:400] = b"\x00" * 200
    upload = SimpleUploadedFile("broken.jpg", bytes(data[:600]), content_type="image/jpeg")
    response = client.post(
        "/en/publications/new/", _new_article(initiative=initiative.pk, image=upload, image_alt="x")
    )
    assert response.status_code == 200
    assert not Article.objects.exists()
