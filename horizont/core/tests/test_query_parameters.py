"""No query string makes a server error: bad parameters get a 400 with a message.

Every page without a path parameter and every GET operation of the API is requested
with huge page numbers, limits and offsets, NUL characters and a slash in the city
filter, anonymously and as a site administrator.
"""

from __future__ import annotations

import re

import pytest
from django.urls import URLPattern, URLResolver, get_resolver
from django.utils import translation

from horizont.api import api

pytestmark = pytest.mark.django_db

HUGE = str(2**63)
BAD_QUERIES = [
    {"page": HUGE},
    {"page": str(2**64 + 1)},
    {"p": HUGE},
    {"limit": HUGE, "offset": "0"},
    {"limit": "10", "offset": HUGE},
    {"offset": str(-(2**63) - 1)},
    {"q": "name\x00"},
    {"city": "Berlin\x00"},
    {"when": "past\x00"},
    {"page": "1\x00"},
    {"key\x00": "1"},
]


def _walk(patterns, prefix=""):
    for pattern in patterns:
        text = prefix + str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            yield from _walk(pattern.url_patterns, text)
        elif isinstance(pattern, URLPattern):
            yield text


def _pages() -> list[str]:
    """Paths of every page that takes no path parameter (the API apart)."""
    found = []
    with translation.override("en"):
        patterns = list(_walk(get_resolver().url_patterns))
    for path in patterns:
        if "<" in path or "(" in path or path.startswith("api/") or "logout" in path:
            continue
        found.append("/" + path.lstrip("^").rstrip("$"))
    return sorted(set(found))


def _api_paths() -> list[str]:
    schema = api.get_openapi_schema(path_prefix="/api/")
    paths = []
    for path, operations in schema["paths"].items():
        if "get" in operations:
            paths.append(re.sub(r"\{[^}]+\}", "1", path))
    return sorted(paths)


def test_every_list_page_and_api_operation_is_covered():
    pages, api_paths = _pages(), _api_paths()
    for expected in ("/en/events/", "/en/initiatives/", "/en/publications/", "/en/forum/"):
        assert expected in pages
    for expected in ("/api/events/", "/api/network/initiatives", "/api/publications/articles"):
        assert expected in api_paths


#: One of each kind, for the fast suite; the slow test sends all of them.
FAST_QUERIES = [BAD_QUERIES[0], BAD_QUERIES[4], BAD_QUERIES[6], BAD_QUERIES[-1]]


def _server_errors(client, queries):
    client.raise_request_exception = False
    errors = []
    for path in _pages() + _api_paths():
        for query in queries:
            response = client.get(path, query)
            if response.status_code >= 500:
                errors.append((path, query, response.status_code))
    return errors


def test_no_query_string_makes_a_server_error(client):
    assert _server_errors(client, FAST_QUERIES) == []


@pytest.mark.slow
@pytest.mark.parametrize("as_admin", [False, True], ids=["anonymous", "site_admin"])
def test_no_query_string_makes_a_server_error_for_anyone(client, site_admin, as_admin):
    if as_admin:
        client.force_login(site_admin)
    assert _server_errors(client, BAD_QUERIES) == []


@pytest.mark.parametrize(
    ("path", "query"),
    [
        ("/api/events/", {"page": HUGE}),
        ("/api/network/initiatives", {"offset": HUGE}),
        ("/api/publications/articles", {"limit": HUGE}),
        ("/en/events/", {"page": HUGE}),
        ("/en/events/", {"city": "a\x00"}),
        ("/api/network/links", {"initiative": "\x00"}),
    ],
)
def test_bad_parameters_get_a_400_naming_the_parameter(client, path, query):
    response = client.get(path, query)
    assert response.status_code == 400
    name = next(iter(query))
    assert name in response.content.decode()


def test_api_answers_bad_parameters_in_json(client):
    response = client.get("/api/events/", {"page": HUGE})
    assert response.status_code == 400
    assert response["Content-Type"].startswith("application/json")
    assert "page" in response.json()["detail"]


def test_slash_in_the_city_filter_is_a_city_like_any_other(client):
    for path in ("/en/events/", "/api/events/", "/en/initiatives/", "/api/network/initiatives"):
        response = client.get(path, {"city": "Frankfurt/Main"})
        assert response.status_code == 200, path
    # The page links to the city's calendar: an address with the slash in it.
    assert (
        "/en/events/city/Frankfurt/Main/calendar.ics"
        in client.get("/en/events/", {"city": "Frankfurt/Main"}).content.decode()
    )
    assert client.get("/en/events/city/Frankfurt/Main/calendar.ics").status_code == 200


def test_ordinary_numbers_still_pass(client):
    assert client.get("/api/events/", {"page": "1"}).status_code == 200
    articles = client.get("/api/publications/articles", {"limit": "5", "offset": "0"})
    assert articles.status_code == 200
    assert client.get("/en/events/", {"page": "2"}).status_code == 200
