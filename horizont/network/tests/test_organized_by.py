import pytest

from horizont.network.models import Initiative, Membership
from horizont.network.services import initiatives_organized_by

pytestmark = pytest.mark.django_db


def _initiative(slug: str) -> Initiative:
    return Initiative.objects.create(name=slug, slug=slug, language="en", country="DE")


def test_only_active_organizer_memberships_count(member, outsider):
    organized = _initiative("organized")
    joined = _initiative("joined")
    requested = _initiative("requested")
    Membership.objects.create(initiative=organized, user=member, role="organizer", status="active")
    Membership.objects.create(initiative=joined, user=member, role="member", status="active")
    Membership.objects.create(
        initiative=requested, user=member, role="organizer", status="requested"
    )
    Membership.objects.create(initiative=organized, user=outsider, role="member", status="active")

    assert list(initiatives_organized_by(member)) == [organized]
    assert list(Initiative.objects.organized_by(member)) == [organized]
    assert list(initiatives_organized_by(outsider)) == []


def test_anonymous_user_organizes_nothing():
    from django.contrib.auth.models import AnonymousUser

    _initiative("any")
    assert list(initiatives_organized_by(AnonymousUser())) == []
    assert list(initiatives_organized_by(None)) == []
