from __future__ import annotations

import pytest

from horizont.positions import demo
from horizont.positions.models import Decision, OpinionMapResult, Process

pytestmark = pytest.mark.django_db


def test_demo_process_is_complete_and_idempotent():
    # The two network demo initiatives it builds on (the full network demo is slow).
    from horizont.network.models import Initiative
    from horizont.network.tests.factories import make_initiative, make_link

    make_link(make_initiative("Open House Berlin"), make_initiative("Warsaw"))
    Initiative.objects.filter(name="Open House Berlin").update(slug=demo.BERLIN_SLUG)
    Initiative.objects.filter(name="Warsaw").update(slug=demo.WARSAW_SLUG)
    demo.load()
    process = Process.objects.get(slug=demo.PROCESS_SLUG)
    assert process.partners.count() == 2
    assert Decision.objects.get(process=process).tally()["block"] == 1
    stored = OpinionMapResult.objects.get(process=process)
    assert [g["size"] >= 100 for g in stored.data["groups"]] == [True, True]
    assert len(stored.data["participants"]) == 300
    assert len(stored.data["consensus"]) >= 3
    demo.load()
    assert Process.objects.count() == 1
