"""Only organizers of the publishing initiative write; drafts stay with them."""

import pytest

from horizont.publications.models import Article, ArticleTranslation

from .conftest import make_article, make_initiative

pytestmark = pytest.mark.django_db


def test_organizer_may_write_and_edit_own_initiatives_articles(organizer, initiative):
    article = make_article(initiative)
    assert organizer.has_perm("publications.add_article")
    assert organizer.has_perm("publications.change_article", article)


def test_organizer_of_other_initiative_cannot_edit(
    client, initiative, other_organizer, other_initiative
):
    article = make_article(initiative, status="draft")
    assert not other_organizer.has_perm("publications.change_article", article)
    client.force_login(other_organizer)
    # A draft of another initiative does not even exist for them.
    assert client.get(f"/en/publications/{article.pk}/edit/").status_code == 404
    article.status = "published"
    article.save()
    assert client.get(f"/en/publications/{article.pk}/edit/").status_code == 403
    response = client.post(
        f"/en/publications/{article.pk}/versions/add/",
        {"language": "de", "title": "Gekapert", "body": "x"},
    )
    assert response.status_code == 403
    assert not ArticleTranslation.objects.filter(article=article, language="de").exists()
    response = client.post(
        f"/en/publications/{article.pk}/edit/",
        {"kind": "article", "status": "draft", "tags": ""},
    )
    assert response.status_code == 403
    article.refresh_from_db()
    assert article.status == "published"


def test_organizer_cannot_publish_as_another_initiative(
    client, organizer, initiative, other_initiative
):
    client.force_login(organizer)
    response = client.post(
        "/en/publications/new/",
        {
            "initiative": other_initiative.pk,
            "kind": "article",
            "status": "published",
            "version-language": "en",
            "version-title": "Not mine",
            "version-body": "x",
        },
    )
    assert response.status_code == 200
    assert "initiative" in response.context["form"].errors
    assert not Article.objects.exists()


def test_member_without_organizer_role_cannot_write(client, member, outsider):
    make_initiative("plain", None)
    assert not member.has_perm("publications.add_article")
    client.force_login(outsider)
    assert client.get("/en/publications/new/").status_code == 403


def test_anonymous_is_sent_to_login(client):
    response = client.get("/en/publications/new/")
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_organizer_of_pending_initiative_cannot_publish(organizer):
    make_initiative("pending", organizer, status="pending")
    assert not organizer.has_perm("publications.add_article")


def test_draft_is_visible_only_to_organizers(client, organizer, outsider, initiative):
    article = make_article(initiative, status="draft", en=("Secret plan", "text"))
    assert client.get(f"/en/publications/{article.pk}/").status_code == 404
    client.force_login(outsider)
    assert client.get(f"/en/publications/{article.pk}/").status_code == 404
    assert "Secret plan" not in client.get("/en/publications/").content.decode()
    client.force_login(organizer)
    response = client.get(f"/en/publications/{article.pk}/")
    assert response.status_code == 200
    assert "Secret plan" in response.content.decode()
    assert "Secret plan" in client.get("/en/publications/mine/").content.decode()


def test_articles_of_unapproved_initiative_are_hidden(client, organizer):
    pending = make_initiative("pending", organizer, status="pending")
    article = make_article(pending, en=("Pending news", "text"))
    assert client.get(f"/en/publications/{article.pk}/").status_code == 404
    assert client.get(f"/api/publications/articles/{article.pk}").status_code == 404
