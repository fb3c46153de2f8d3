"""The event list with its filters, and the read-only API."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from horizont.events.models import Event
from horizont.events.tests.conftest import make_event, make_initiative

pytestmark = pytest.mark.django_db


@pytest.fixture
def programme(initiative, other_initiative):
    now = timezone.now()
    return {
        "soon": make_event(initiative, title="Soon in Berlin", start=now + dt.timedelta(days=1)),
        "protest": make_event(
            other_initiative,
            title="Rally in Warsaw",
            kind="protest",
            city="Warsaw",
            country="PL",
            start=now + dt.timedelta(days=2),
        ),
        "ongoing": make_event(
            initiative,
            title="Festival going on",
            start=now - dt.timedelta(days=1),
            end=now + dt.timedelta(days=1),
        ),
        "past": make_event(
            initiative,
            title="Last year's meeting",
            start=now - dt.timedelta(days=300),
            report_url="https://example.org/reports/last-year",
        ),
        "hidden": make_event(
            make_initiative("pending-one", approved=False),
            title="Not approved",
            start=now + dt.timedelta(days=1),
        ),
    }


def _titles(client, **params):
    response = client.get(reverse("events:list"), params)
    assert response.status_code == 200
    return [event.title for event in response.context["page"]["rows"]]


def test_upcoming_list_in_order_with_ongoing_events(client, programme):
    assert _titles(client) == ["Festival going on", "Soon in Berlin", "Rally in Warsaw"]


def test_past_list_links_reports(client, programme):
    assert _titles(client, when="past") == ["Last year's meeting"]
    page = client.get(reverse("events:list"), {"when": "past"}).content.decode()
    assert "https://example.org/reports/last-year" in page


def test_filters(client, programme):
    assert _titles(client, city="warsaw") == ["Rally in Warsaw"]
    assert _titles(client, kind="protest") == ["Rally in Warsaw"]
    assert _titles(client, initiative="free-voices") == ["Festival going on", "Soon in Berlin"]
    assert _titles(client, initiative="pending-one") == []
    assert _titles(client, kind="bogus") == [
        "Festival going on",
        "Soon in Berlin",
        "Rally in Warsaw",
    ]  # an invalid filter is ignored, not an error


def test_list_is_paginated_with_a_bounded_number_of_queries(
    client, initiative, django_assert_max_num_queries
):
    now = timezone.now()
    Event.objects.bulk_create(
        Event(
            initiative=initiative,
            title=f"Event {i:02}",
            start=now + dt.timedelta(hours=i + 1),
            end=now + dt.timedelta(hours=i + 2),
            timezone="Europe/Warsaw",
            city="Warsaw",
            country="PL",
        )
        for i in range(45)
    )
    with django_assert_max_num_queries(3):
        first = client.get(reverse("events:list"))
    assert len(first.context["page"]["rows"]) == 20
    assert first.context["page"]["has_next"]
    third = client.get(reverse("events:list"), {"page": 3, "city": "Warsaw"})
    assert [e.title for e in third.context["page"]["rows"]] == [f"Event {i}" for i in range(40, 45)]
    assert not third.context["page"]["has_next"]
    assert 'href="?page=2&amp;city=Warsaw"' in third.content.decode()
    assert client.get(reverse("events:list"), {"page": "x"}).status_code == 200


def test_api_lists_public_events_without_online_links(client, programme, event):
    response = client.get("/api/events/")
    assert response.status_code == 200
    data = response.json()
    titles = [item["title"] for item in data["items"]]
    assert "Not approved" not in titles and "Soon in Berlin" in titles
    assert "secret-room" not in response.content.decode()
    item = next(i for i in data["items"] if i["id"] == event.pk)
    assert item["online"] is True
    assert "online_url" not in item and "registrations" not in item
    assert item["initiative"] == {"slug": "free-voices", "name": "Free Voices"}
    assert item["local_start"].endswith(("+01:00", "+02:00"))


def test_api_filters_and_detail(client, programme):
    data = client.get("/api/events/", {"city": "Warsaw"}).json()
    assert [i["title"] for i in data["items"]] == ["Rally in Warsaw"]
    data = client.get("/api/events/", {"when": "past"}).json()
    assert data["items"][0]["report_url"] == "https://example.org/reports/last-year"
    assert client.get(f"/api/events/{programme['soon'].pk}").json()["city"] == "Berlin"
    assert client.get(f"/api/events/{programme['hidden'].pk}").status_code == 404
    assert "/api/events/" in client.get("/api/openapi.json").content.decode()
