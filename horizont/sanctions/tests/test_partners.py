"""Partner-risk check: foreign agents, undesirable organizations, sanctions."""

from __future__ import annotations

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def _groups(response):
    return {g["group"].designation: g for g in response.context["groups"]}


def test_undesirable_organization_is_found_in_its_own_list(client, real_lists):
    response = client.get("/en/sanctions/partners/", {"q": "National Endowment for Democracy"})
    groups = _groups(response)
    top = groups["undesirable"]["rows"][0]["match"]
    assert top.matched_name.value == "The National Endowment for Democracy"
    assert top.band in ("strong", "possible")
    page = response.content.decode()
    assert "284.1" in page
    assert "not legal advice" in page


def test_foreign_agent_is_found_in_the_register(client, real_lists):
    response = client.get(reverse("sanctions:partners"), {"q": "Мемориал"})
    rows = _groups(response)["foreign-agent"]["rows"]
    assert rows
    assert all(r["match"].entity.list_id == "ru-minjust-foreign-agents" for r in rows)


def test_sanctioned_person_is_found_in_the_sanctions_lists_only(client, real_lists):
    response = client.get(reverse("sanctions:partners"), {"q": "Prigozhin Yevgeniy"})
    groups = _groups(response)
    assert groups["sanctions"]["rows"][0]["match"].entity.caption.startswith("PRIGOZHIN")
    assert not groups["undesirable"]["rows"]


def test_empty_name_is_refused(client, real_lists):
    response = client.get("/en/sanctions/partners/", {"q": " "})
    assert response.context["groups"] is None
    assert "Enter a name to check." in response.content.decode()


@pytest.mark.parametrize("language", ["ru", "en", "de", "pl"])
def test_guidance_is_shown_in_every_language(client, real_lists, language):
    response = client.get(f"/{language}/sanctions/partners/", {"q": "Open Society Foundation"})
    assert response.status_code == 200
    assert "284.1" in response.content.decode()
