"""Demo content: lists loaded from the shared data, a fictional case with a letter."""

from __future__ import annotations

import pytest

from horizont.sanctions import demo
from horizont.sanctions.models import Case, Letter
from horizont.screening import ListStore
from horizont.testing.personas import make_user

from .conftest import SDN, UNDESIRABLE

pytestmark = pytest.mark.django_db


@pytest.fixture
def small_shared_data(tmp_path, monkeypatch, sdn_subset):
    """A shared-data folder with two of the real lists, the SDN list cut short."""
    from horizont.testing.data import shared_data

    root = tmp_path / "data"
    (root / "sanctions").mkdir(parents=True)
    (root / "registries").mkdir()
    (root / "sanctions" / SDN[1]).symlink_to(sdn_subset)
    (root / "registries" / UNDESIRABLE[1]).symlink_to(shared_data(*UNDESIRABLE))
    monkeypatch.setenv("HORIZONT_DATA", str(root))
    return root


def test_demo_loads_lists_and_a_case_and_is_idempotent(real_lists, small_shared_data):
    make_user(demo.DEMO_ADMIN_EMAIL, superuser=True, mfa=True)
    first = demo.load()
    assert "2 lists" in first
    case = Case.objects.get()
    assert case.subjects.get().caption == "RA-02791"
    assert case.evidence.get().kind == "note"
    assert Letter.objects.get().template == "bafa"
    demo.load()
    assert Case.objects.count() == 1
    assert case.evidence.count() == 1 and case.subjects.count() == 1
    assert Letter.objects.count() == 1
    assert "us-ofac-sdn" in ListStore(real_lists).list_ids()


def test_demo_without_shared_data_says_so(tmp_path, monkeypatch, settings):
    monkeypatch.setenv("HORIZONT_DATA", str(tmp_path / "absent"))
    settings.HORIZONT_LISTS_DIR = tmp_path / "store"
    assert "no lists loaded" in demo.load()


def test_rerun_finds_a_retitled_demo_case_by_its_key(tmp_path, monkeypatch, settings):
    """The case was found again by its title: retitled by a later version, a re-run on
    an older database opened a second case (and the petition linked to neither)."""
    monkeypatch.setenv("HORIZONT_DATA", str(tmp_path / "absent"))
    settings.HORIZONT_LISTS_DIR = tmp_path / "store"
    make_user(demo.DEMO_ADMIN_EMAIL, superuser=True, mfa=True)
    demo.load()
    case = Case.objects.get()
    Case.objects.update(title="Demo: a business jet (an older demo's title)")
    demo.load()
    assert Case.objects.count() == 1 and demo.demo_case() == case
