import pytest

from horizont.network import demo
from horizont.network.models import Initiative, Link

pytestmark = pytest.mark.django_db


def test_demo_is_idempotent_and_links_berlin_to_warsaw():
    demo.load()
    counts = (Initiative.objects.count(), Link.objects.count())
    demo.load()
    assert (Initiative.objects.count(), Link.objects.count()) == counts
    assert counts[0] >= 24
    assert Initiative.objects.public().count() == counts[0]
    assert Link.objects.public().filter(source__city="Berlin", target__city="Warsaw").exists()
    assert all(i.latitude is not None for i in Initiative.objects.all())
