import pytest

from horizont.forum import demo
from horizont.forum.models import BusinessProfile, Post, Thread

pytestmark = pytest.mark.django_db


def test_demo_is_idempotent():
    demo.load()
    counts = (Thread.objects.count(), Post.objects.count(), BusinessProfile.objects.count())
    demo.load()
    assert (Thread.objects.count(), Post.objects.count(), BusinessProfile.objects.count()) == counts
    assert counts[0] >= 4 and counts[1] > counts[0] and counts[2] >= 3


def test_rerun_finds_retitled_threads_and_renamed_businesses_by_their_keys():
    """Threads were found again by title and businesses by name: a version that reworded
    them (the last one moved them from English into the writers' languages) added
    them a second time on a database an older version had filled."""
    from horizont.core.models import DemoKey

    demo.load()
    counts = (Thread.objects.count(), Post.objects.count(), BusinessProfile.objects.count())
    Thread.objects.filter(title__startswith="Faktury").update(title="Invoices (older title)")
    BusinessProfile.objects.filter(name="Северный код (демо)").update(name="Code North (older)")
    demo.load()
    assert (Thread.objects.count(), Post.objects.count(), BusinessProfile.objects.count()) == counts

    # a database filled before keys, with the English texts of that version
    DemoKey.objects.filter(key__startswith="forum:").delete()
    Thread.objects.filter(title__startswith="Продление").update(
        title="Residence permit renewal: what to bring? (demo)"
    )
    BusinessProfile.objects.filter(name="Bäckerei Birke (Demo)").update(name="Birch Bakery (demo)")
    Thread.objects.filter(title="Invoices (older title)").update(
        title="Invoicing clients in two countries (demo)"
    )
    BusinessProfile.objects.filter(name="Code North (older)").update(name="Northern Code (demo)")
    demo.load()
    assert (Thread.objects.count(), Post.objects.count(), BusinessProfile.objects.count()) == counts
