"""The observer-effect page: coordinators only, with its caveats."""

import pytest
from django.urls import reverse

from horizont.observers import services
from horizont.observers.tests.conftest import DAY

pytestmark = pytest.mark.django_db


def test_effect_page_compares_within_commissions(client, coordinator, programme, assigned):
    # station 8001 (observed) and 8002 share ТИК №1 with the stations at home
    result = services.programme_observer_effect(programme)
    assert result.observed == 1 and result.commissions == 1
    client.force_login(coordinator)
    page = client.get(reverse("observers:effect", args=[programme.pk])).content.decode()
    assert "What it cannot prove" in page and "p (permutation test)" in page


def test_count_shift_only_is_not_presence_all_day(programme, observer, station, coordinator):
    services.assignment_create(
        actor=coordinator, volunteer=observer, station=station, day=DAY, shift="count"
    )
    assert services.programme_observer_effect(programme).observed == 0


def test_volunteer_cannot_see_the_effect_page(client, programme, assigned):
    client.force_login(assigned.user)
    assert client.get(reverse("observers:effect", args=[programme.pk])).status_code == 403


def test_shares_and_points_are_written_in_the_readers_language():
    from django.utils import translation

    from horizont.observers.templatetags.observers import percent, points

    assert (percent(0.1812), points(-0.0143), points(0.308)) == ("18.1\xa0%", "-1.4", "+30.8")
    with translation.override("de"):
        assert (percent(0.1812), points(-0.0143), points(0.308)) == ("18,1\xa0%", "-1,4", "+30,8")
