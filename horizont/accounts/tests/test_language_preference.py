import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext

pytestmark = pytest.mark.django_db


def test_a_page_in_another_language_becomes_the_preference(client, member):
    member.language = "en"
    member.save(update_fields=["language"])
    client.force_login(member)
    assert client.get("/pl/me/profile/").status_code == 200
    member.refresh_from_db()
    assert member.language == "pl"


def test_a_path_without_language_prefix_leaves_the_preference(client, member):
    member.language = "en"
    member.save(update_fields=["language"])
    client.force_login(member)
    with CaptureQueriesContext(connection) as captured:
        response = client.get("/healthz", HTTP_ACCEPT_LANGUAGE="de")
    assert response.status_code == 200
    # The browser's Accept-Language is not a page the user chose to read.
    assert not [q for q in captured.captured_queries if q["sql"].startswith("UPDATE")]
    member.refresh_from_db()
    assert member.language == "en"


def test_a_path_without_language_prefix_does_not_load_the_user(client, member):
    """As the middleware says: /healthz and the API say nothing about the language, so
    the signed-in user is not even loaded for it (no session or user query)."""
    client.force_login(member)
    with CaptureQueriesContext(connection) as captured:
        assert client.get("/healthz").status_code == 200
    users = get_user_model()._meta.db_table
    assert not [q for q in captured.captured_queries if users in q["sql"]]
