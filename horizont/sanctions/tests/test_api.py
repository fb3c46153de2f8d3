"""REST API: search, entity detail, batch screening."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

pytestmark = pytest.mark.django_db


def test_search_returns_matches_with_explanation_and_chain(client, real_lists):
    response = client.get("/api/sanctions/search", {"q": "ra 02791"})
    assert response.status_code == 200
    top = response.json()[0]
    assert top["entity_id"] == "us-ofac-sdn:27197"
    assert top["band"] == "strong"
    assert top["matched_identifier"] == "RA-02791"
    assert "identifier" in top["explanation"][0]
    assert [s["caption"] for s in top["chains"][0]] == [
        "BERATEX GROUP LIMITED",
        "PRIGOZHIN, Yevgeniy Viktorovich",
    ]


def test_search_filters_by_kind(client, real_lists):
    response = client.get("/api/sanctions/search", {"q": "Prigozhin", "kind": "person"})
    assert {m["kind"] for m in response.json()} == {"person"}


def test_search_refuses_empty_query_and_bad_kind(client, real_lists):
    assert client.get("/api/sanctions/search", {"q": " "}).status_code == 422
    assert client.get("/api/sanctions/search", {"q": "x", "kind": "tank"}).status_code == 422


def test_entity_detail(client, real_lists):
    response = client.get("/api/sanctions/entities/us-ofac-sdn:27197")
    data = response.json()
    assert data["caption"] == "RA-02791"
    assert {"type": "mode-s", "value": "140AE7", "country": None, "valid": True} in data[
        "identifiers"
    ]
    assert data["links_from"][0]["caption"] == "BERATEX GROUP LIMITED"
    assert client.get("/api/sanctions/entities/nope:1").status_code == 404


def test_batch_needs_a_session(client, real_lists):
    upload = SimpleUploadedFile("n.csv", b"Prigozhin\n", content_type="text/csv")
    assert client.post("/api/sanctions/batch", {"file": upload}).status_code == 401


def test_batch_start_and_status(client, member, outsider, real_lists):
    client.force_login(member)
    upload = SimpleUploadedFile("n.csv", b"name\nJewgeni Prigoschin\n140ae7\n", "text/csv")
    response = client.post("/api/sanctions/batch", {"file": upload})
    assert response.status_code == 202
    job_id = response.json()["job_id"]
    status = client.get(f"/api/sanctions/batch/{job_id}").json()
    assert status["status"] == "done"
    assert [r["entity_id"] for r in status["rows"]][1] == "us-ofac-sdn:27197"
    assert status["result_csv"].endswith("?format=csv")
    client.force_login(outsider)
    assert client.get(f"/api/sanctions/batch/{job_id}").status_code == 404


def test_batch_refuses_a_bad_file(client, member, real_lists):
    client.force_login(member)
    upload = SimpleUploadedFile("n.csv", b"\xff\xfe\x00\x00", content_type="text/csv")
    assert client.post("/api/sanctions/batch", {"file": upload}).status_code == 422


def test_openapi_documents_the_sanctions_endpoints(client):
    paths = client.get("/api/openapi.json").json()["paths"]
    assert "/api/sanctions/search" in paths
    assert "/api/sanctions/batch" in paths
    assert "/api/sanctions/batch/{job_id}" in paths
