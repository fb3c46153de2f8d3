"""The demo's "done when" journey: Berlin → partner in Warsaw → calendar → report in pl/de."""

import pytest

from horizont.events import demo as events_demo
from horizont.events.models import Event
from horizont.network import demo as network_demo
from horizont.network.models import Initiative
from horizont.publications import demo as publications_demo

pytestmark = pytest.mark.django_db


def test_warsaw_partner_page_leads_to_its_calendar_events_and_report(client):
    network_demo.load()
    events_demo.load()
    publications_demo.load()
    warsaw = Initiative.objects.get(slug="demo-warsaw-partner")

    page = client.get(f"/en/initiatives/{warsaw.slug}/").content.decode()
    assert f"/en/events/initiative/{warsaw.slug}/calendar.ics" in page
    assert f"/en/events/?initiative={warsaw.slug}" in page

    calendar = client.get(f"/en/events/initiative/{warsaw.slug}/calendar.ics")
    assert calendar.status_code == 200
    assert "Spotkanie partnerów w Warszawie: plany na wiosnę".encode() in calendar.content

    past = Event.objects.get(initiative=warsaw, title="Spotkanie partnerów w Warszawie")
    assert past.report_url.startswith("/publications/")
    report = client.get(past.report_url, HTTP_ACCEPT_LANGUAGE="pl", follow=True)
    assert report.status_code == 200
    body = report.content.decode()
    assert 'hreflang="de"' in body and 'lang="pl"' in body
