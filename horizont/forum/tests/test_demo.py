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
