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


def test_rerun_finds_a_retitled_demo_event_by_its_key_not_by_its_title():
    """Events were found again by title: when a version changed a demo title, a re-run
    on a database an older version had filled added the event a second time."""
    from horizont.network import demo as network_demo

    network_demo.load()
    demo.load()
    count = Event.objects.count()
    meeting = Event.objects.get(title="Spotkanie partnerów w Warszawie: plany na wiosnę")
    meeting.title = "Partners' meeting in Warsaw: plans for next spring (older demo)"
    meeting.save()
    newcomers = Event.objects.get(title__startswith="Вечер для новичков")
    newcomers.title = "Welcome evening (an older demo's title)"
    newcomers.save()

    demo.load()

    assert Event.objects.count() == count
    assert not Event.objects.filter(title="Spotkanie partnerów w Warszawie: plany na wiosnę")


def test_rerun_on_a_database_filled_before_demo_keys_adds_nothing():
    """A database an older version filled has no keys: its events are recognized once by
    the titles that version gave them (English), and keep their keys from then on."""
    from horizont.core.models import DemoKey
    from horizont.network import demo as network_demo

    network_demo.load()
    demo.load()
    count = Event.objects.count()
    DemoKey.objects.filter(key__startswith="events:").delete()
    Event.objects.filter(title="Spotkanie partnerów w Warszawie").update(
        title="Partners' meeting in Warsaw"
    )
    Event.objects.filter(title__startswith="Вечер для новичков").update(
        title="Newcomers' evening: how the network works"
    )

    demo.load()

    assert Event.objects.count() == count
    assert DemoKey.objects.filter(key__startswith="events:").count() == count
