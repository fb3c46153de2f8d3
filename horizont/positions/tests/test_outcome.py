"""The outcome publication in four languages, with tallies and the map image."""

from __future__ import annotations

import pytest

from horizont.positions import services
from horizont.positions.models import Process
from horizont.positions.tests.conftest import make_poll
from horizont.positions.tests.test_opinion import _simulate
from horizont.publications.models import Article

pytestmark = pytest.mark.django_db


def test_facilitator_publishes_outcome_in_four_languages(client, process, member, facilitator):
    poll = make_poll(process, "ranked", results="live")
    services.ballot_cast(user=member, poll=poll, answer=[1, 0])
    _simulate(process)
    services.opinion_map_compute(process=process)
    client.force_login(facilitator)
    response = client.post(f"/en/positions/{process.slug}/publish/")
    article = Article.objects.get()
    assert response.status_code == 302 and response["Location"] == article.get_absolute_url()
    assert sorted(v.language for v in article.versions()) == ["de", "en", "pl", "ru"]
    assert article.is_published and article.image
    english = article.version("en")
    assert "No flags" in english.body and "Schulze" in english.body
    assert Process.objects.get().outcome_article == article
    # Publishing again renews the same article.
    client.post(f"/en/positions/{process.slug}/publish/")
    assert Article.objects.count() == 1


def test_member_cannot_publish(client, process, member):
    client.force_login(member)
    assert client.post(f"/en/positions/{process.slug}/publish/").status_code == 403
    assert not Article.objects.exists()


def test_outcome_links_back_to_the_process(client, process, facilitator):
    client.force_login(facilitator)
    client.post(f"/en/positions/{process.slug}/publish/")
    body = Article.objects.get().version("de").body
    assert f"(/de/positions/{process.slug}/)" in body
