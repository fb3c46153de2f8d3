import pytest

from horizont.events import demo
from horizont.events.models import Event
from horizont.network.models import Initiative

pytestmark = pytest.mark.django_db


def test_demo_is_idempotent_and_has_past_events_with_reports():
    first = demo.load()
    count = Event.objects.count()
    assert count >= 5 and "created" in first
    demo.load()
    assert Event.objects.count() == count
    assert Initiative.objects.public().exists()
    assert Event.objects.past().exclude(report_url="").exists()
    assert Event.objects.upcoming().exists()
    assert {e.timezone for e in Event.objects.all()} >= {"Europe/Berlin"}
