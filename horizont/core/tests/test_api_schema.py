"""The OpenAPI schema is valid and the API keeps to it (schemathesis).

schemathesis generates requests from /api/openapi.json for every operation, anonymously
and as a signed-in site administrator, and checks that none makes a server error and
every answer matches its documented schema. The number of examples is bounded
(``HORIZONT_SCHEMATHESIS_EXAMPLES``, 15 per operation by default).
"""

from __future__ import annotations

import importlib
import os
import pkgutil
from collections import Counter

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from ninja import Schema
from schemathesis.specs.openapi.checks import response_schema_conformance

import horizont
from horizont.wsgi import application

EXAMPLES = int(os.environ.get("HORIZONT_SCHEMATHESIS_EXAMPLES", "15"))


def _api_schema_classes() -> list[type]:
    for module in pkgutil.iter_modules(horizont.__path__):
        if module.ispkg:
            try:
                importlib.import_module(f"horizont.{module.name}.api")
            except ModuleNotFoundError:
                continue
    found: list[type] = []
    todo: list[type] = [Schema]
    while todo:
        cls = todo.pop()
        for sub in cls.__subclasses__():
            todo.append(sub)
            if sub.__module__.startswith("horizont.") and sub.__module__.endswith(".api"):
                found.append(sub)
    return found


def test_every_response_schema_has_its_own_name():
    names = Counter(cls.__name__ for cls in _api_schema_classes())
    assert names, "no API schemas found"
    assert [name for name, count in names.items() if count > 1] == []


def test_network_links_are_documented_as_network_links(client):
    schema = client.get("/api/openapi.json").json()
    components = schema["components"]["schemas"]
    page = schema["paths"]["/api/network/links"]["get"]["responses"]["200"]["content"]
    paged = components[page["application/json"]["schema"]["$ref"].rsplit("/", 1)[1]]
    item = components[paged["properties"]["items"]["items"]["$ref"].rsplit("/", 1)[1]]
    assert {"source", "target", "kind"} <= set(item["properties"])


openapi = schemathesis.openapi.from_wsgi("/api/openapi.json", application)

SETTINGS = settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=True,
    suppress_health_check=list(HealthCheck),
)
CHECKS = [schemathesis.checks.not_a_server_error, response_schema_conformance]


@pytest.fixture(autouse=True)
def _keep_the_test_connection():
    """schemathesis calls the WSGI application directly; like Django's test client, keep
    it from closing the test's database connection at the end of each request (on
    PostgreSQL that would end the test's transaction)."""
    from django.core.signals import request_finished, request_started
    from django.db import close_old_connections

    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def admin_cookies(client, site_admin):
    client.force_login(site_admin)
    return {"sessionid": client.cookies["sessionid"].value}


@pytest.mark.slow
@pytest.mark.django_db
@openapi.parametrize()
@SETTINGS
def test_api_keeps_to_its_schema_anonymously(case):
    case.call_and_validate(checks=CHECKS)


@pytest.mark.slow
@pytest.mark.django_db
@openapi.parametrize()
@SETTINGS
def test_api_keeps_to_its_schema_for_a_signed_in_administrator(case, admin_cookies):
    case.call_and_validate(checks=CHECKS, cookies=admin_cookies)
