"""Queue reports (rate-limited, plain text), pinned notices and the live page."""

from __future__ import annotations

import pytest
from django.urls import reverse

from horizont.abroad.models import Notice, QueueReport
from horizont.audit.models import AuditEntry

pytestmark = pytest.mark.django_db


def _report(client, station, **data):
    values = {"people": "200", "wait_minutes": "90", "comment": "", **data}
    return client.post(reverse("abroad:queue_report", args=[station.slug]), values)


def test_anyone_reports_the_queue_and_it_shows_with_its_age(client, stations):
    assert _report(client, stations["berlin"], comment="moving slowly").status_code == 302
    text = client.get(stations["berlin"].get_absolute_url()).content.decode()
    assert "about 200 people, 90 minutes of waiting — reported 0" in text
    assert "moving slowly" in text


def test_markup_in_a_report_is_shown_as_text(client, stations):
    _report(client, stations["berlin"], comment="<b>x</b><script>alert(1)</script>")
    text = client.get(stations["berlin"].get_absolute_url()).content.decode()
    assert "<script>alert(1)</script>" not in text and "&lt;b&gt;x&lt;/b&gt;" in text


def test_queue_reports_are_length_limited(client, stations):
    response = _report(client, stations["berlin"], comment="x" * 201)
    assert response.status_code == 400
    assert _report(client, stations["berlin"], people="-1").status_code == 400
    assert _report(client, stations["berlin"], people="many").status_code == 400
    assert not QueueReport.objects.exists()


def test_queue_reports_are_rate_limited_per_client(client, stations, settings):
    settings.HORIZONT_RATE_LIMITS = {**settings.HORIZONT_RATE_LIMITS, "abroad_queue": (2, 600)}
    assert _report(client, stations["berlin"]).status_code == 302
    assert _report(client, stations["munich"]).status_code == 302
    assert _report(client, stations["berlin"]).status_code == 429
    assert QueueReport.objects.count() == 2


def test_coordinator_pins_and_removes_a_notice_audited(client, stations, coordinator):
    client.force_login(coordinator)
    station = stations["berlin"]
    client.post(
        reverse("abroad:notice_pin", args=[station.slug]), {"text": "The gate closes at 20:00"}
    )
    assert "The gate closes at 20:00" in client.get(station.get_absolute_url()).content.decode()
    notice = Notice.objects.get()
    client.post(reverse("abroad:notice_remove", args=[notice.pk]))
    assert not Notice.objects.exists()
    entries = AuditEntry.objects.filter(action__startswith="abroad.").order_by("pk")
    actions = list(entries.values_list("action", flat=True))
    assert actions == ["abroad.notice_pin", "abroad.notice_remove"]


def test_others_cannot_pin_notices(client, stations, outsider, moderator):
    for user in (outsider, moderator):
        client.force_login(user)
        response = client.post(
            reverse("abroad:notice_pin", args=[stations["berlin"].slug]), {"text": "fake"}
        )
        assert response.status_code == 403
    assert not Notice.objects.exists()


def test_live_page_per_country_refreshes_without_javascript(client, stations, coordinator):
    _report(client, stations["munich"], people="35", wait_minutes="20")
    client.force_login(coordinator)
    client.post(reverse("abroad:notice_pin", args=[stations["berlin"].slug]), {"text": "Bring ID"})
    response = client.get(reverse("abroad:live", args=[stations["berlin"].vote.slug, "DE"]))
    text = response.content.decode()
    assert '<noscript><meta http-equiv="refresh" content="60"></noscript>' in text
    assert "about 35 people, 20 minutes" in text and "Bring ID" in text
    assert "Warsaw" not in text
    assert (
        client.get(reverse("abroad:live", args=[stations["berlin"].vote.slug, "FR"])).status_code
        == 404
    )
