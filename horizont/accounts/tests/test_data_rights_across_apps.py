"""Export and deletion cover what every app keeps about a person (demo content as data)."""

import json

import pytest
from django.contrib.auth import get_user_model
from django.core.serializers.json import DjangoJSONEncoder

from horizont.accounts.services import user_delete, user_export_data
from horizont.events import demo as events_demo
from horizont.forum import demo as forum_demo
from horizont.forum.models import Post
from horizont.network import demo as network_demo
from horizont.publications import demo as publications_demo

pytestmark = pytest.mark.django_db
User = get_user_model()


@pytest.fixture
def populated():
    for module in (network_demo, events_demo, publications_demo, forum_demo):
        module.load()


def test_every_demo_user_can_export_and_delete_their_data(populated):
    users = list(User.objects.all())
    assert len(users) >= 3
    posts_before = Post.objects.count()
    for user in users:
        data = user_export_data(user=user)
        text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False)
        assert user.email in text
        for key in ("account", "email_addresses", "two_factor"):
            assert key in data
        user_delete(user=user)
    assert User.objects.count() == 0
    # Forum replies others rely on stay, without their author.
    assert Post.objects.count() == posts_before
    assert not Post.objects.filter(author__isnull=False).exists()
