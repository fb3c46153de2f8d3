"""The elections demo: a fictional election, imported once whatever it is called later."""

from pathlib import Path

import pytest

from horizont.core.models import DemoKey
from horizont.elections import demo
from horizont.elections.models import Election

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _without_real_results(monkeypatch):
    monkeypatch.setattr(demo, "shared_data_path", lambda *parts: Path("/nonexistent"))


def test_rerun_finds_the_fictional_election_by_its_key_not_by_its_name():
    """The fictional election was found again by its name: a version that renamed it
    would have imported it a second time on a database an older version had filled."""
    demo.load()
    election = Election.objects.get()
    assert election.name == demo.FICTIONAL
    Election.objects.update(name="Fictional assembly (an older demo's name)")
    assert demo.load().startswith("real 2021 results not found")
    assert Election.objects.count() == 1
    # a database filled before keys: found once by its name, then by its key
    DemoKey.objects.all().delete()
    Election.objects.update(name=demo.FICTIONAL)
    demo.load()
    assert Election.objects.count() == 1
    assert demo.fictional_election() == election
