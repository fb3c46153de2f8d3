"""RSS and Atom feeds parse as XML and carry only published articles."""

import pytest
from defusedxml import ElementTree

from .conftest import make_article, make_initiative

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture
def articles(initiative, other_initiative):
    one = make_article(initiative, en=("Birch <news> & more", "Text with <script>x</script>"))
    one.tags.create(name="Culture", slug="culture")
    make_article(other_initiative, en=("Oak news", "x"))
    make_article(initiative, status="draft", en=("Hidden draft", "x"))
    return one


def _rss_titles(content):
    root = ElementTree.fromstring(content)
    assert root.tag == "rss"
    return [item.findtext("title") for item in root.iter("item")]


def _atom_titles(content):
    root = ElementTree.fromstring(content)
    assert root.tag == f"{ATOM}feed"
    return [entry.findtext(f"{ATOM}title") for entry in root.iter(f"{ATOM}entry")]


def test_feed_of_everything(client, articles):
    response = client.get("/en/publications/feeds/rss/")
    assert response["Content-Type"].startswith("application/rss+xml")
    assert sorted(_rss_titles(response.content)) == ["Birch <news> & more", "Oak news"]
    assert sorted(_atom_titles(client.get("/en/publications/feeds/atom/").content)) == [
        "Birch <news> & more",
        "Oak news",
    ]
    assert b"<script" not in client.get("/en/publications/feeds/rss/").content


def test_feed_per_initiative(client, articles):
    assert _rss_titles(client.get("/en/publications/feeds/initiative/oak-club/rss/").content) == [
        "Oak news"
    ]
    atom = client.get("/en/publications/feeds/initiative/birch-circle/atom/").content
    assert _atom_titles(atom) == ["Birch <news> & more"]


def test_feed_per_tag(client, articles):
    assert _rss_titles(client.get("/en/publications/feeds/tag/culture/rss/").content) == [
        "Birch <news> & more"
    ]
    assert _atom_titles(client.get("/en/publications/feeds/tag/culture/atom/").content) == [
        "Birch <news> & more"
    ]


def test_feed_of_unknown_or_unapproved_initiative_is_404(client, organizer):
    make_initiative("waiting", organizer, status="pending")
    assert client.get("/en/publications/feeds/initiative/waiting/rss/").status_code == 404
    assert client.get("/en/publications/feeds/tag/nothing/rss/").status_code == 404
