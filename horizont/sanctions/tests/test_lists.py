"""List versions, their differences, and loading lists (site administrators only)."""

from __future__ import annotations

import shutil

import pytest
from django.urls import reverse
from django.utils import translation

from horizont.audit.models import AuditEntry
from horizont.jobs.models import Job
from horizont.screening import ListStore
from horizont.testing.data import shared_data

from .conftest import UNDESIRABLE

pytestmark = pytest.mark.django_db
LIST = "ru-undesirable-organizations"


def test_versions_page_lists_both_versions_with_a_compare_link(client, two_versions):
    response = client.get(reverse("sanctions:lists"))
    page = response.content.decode()
    assert "2024-01-01" in page and "2024-09-05" in page
    assert (
        reverse("sanctions:list_diff", args=[LIST]) + "?old=2024-01-01&amp;new=2024-09-05" in page
    )
    assert "Load lists from the server" not in page


def test_diff_shows_added_removed_and_changed(client, two_versions):
    response = client.get(
        reverse("sanctions:list_diff", args=[LIST]), {"old": "2024-01-01", "new": "2024-09-05"}
    )
    diff = response.context["diff"]
    assert len(diff.added) == 2
    assert [e.id for e in diff.removed] == [f"{LIST}:99999"]
    assert len(diff.changed) == 1 and "names" in diff.changed[0].fields
    assert "Removed Foundation" in response.content.decode()


def test_diff_of_an_unknown_version_is_404(client, two_versions):
    response = client.get(reverse("sanctions:list_diff", args=[LIST]), {"old": "1999-01-01"})
    assert response.status_code == 404


@pytest.fixture
def import_dir(tmp_path, settings):
    root = tmp_path / "server"
    (root / "registries").mkdir(parents=True)
    shutil.copy(shared_data(*UNDESIRABLE), root / "registries")
    settings.HORIZONT_LISTS_IMPORT_DIR = root
    settings.HORIZONT_LISTS_DIR = tmp_path / "store"
    return root


@pytest.mark.parametrize("who", ["outsider", "moderator", "site_admin_without_mfa"])
def test_only_a_site_admin_with_two_factor_loads_lists(client, import_dir, settings, who, request):
    client.force_login(request.getfixturevalue(who))
    response = client.post(reverse("sanctions:lists_refresh"), {"action": "load"})
    assert response.status_code == 403
    assert not Job.objects.exists()
    assert ListStore(settings.HORIZONT_LISTS_DIR).list_ids() == []


def test_site_admin_loads_lists_from_the_server_and_it_is_audited(
    client, site_admin, import_dir, settings
):
    client.force_login(site_admin)
    response = client.get(reverse("sanctions:lists"))
    assert response.context["can_manage"]
    response = client.post(reverse("sanctions:lists_refresh"), {"action": "load"})
    job = Job.objects.get()
    assert response["Location"] == job.get_absolute_url()
    assert job.status == "done", job.error
    assert job.result["lists"][0]["status"] == "added"
    assert ListStore(settings.HORIZONT_LISTS_DIR).list_ids() == [LIST]
    assert AuditEntry.objects.filter(action="sanctions.lists_load", actor=site_admin).exists()
    assert AuditEntry.objects.filter(action="sanctions.lists_loaded").exists()
    client.post(reverse("sanctions:lists_refresh"), {"action": "load"})
    assert Job.objects.first().result["lists"][0]["status"] == "unchanged"


def test_a_corrupt_file_fails_alone_with_a_message_in_the_users_language(
    client, site_admin, import_dir, settings
):
    (import_dir / "registries" / "ru-minjust-foreign-agents-2025-08-15.xlsx").write_bytes(b"junk")
    client.force_login(site_admin)
    with translation.override("ru"):
        url = reverse("sanctions:lists_refresh")
    client.post(url, {"action": "load"})
    job = Job.objects.get()
    assert job.status == "done", job.error
    by_status = {row["status"]: row for row in job.result["lists"]}
    assert by_status["added"]["list"] == LIST
    failed = by_status["failed"]
    assert failed["message"].startswith("ru-minjust-foreign-agents-2025-08-15.xlsx")
    assert "не удалось прочитать как список" in failed["message"]
    assert "zip" not in failed["message"].split(":")[0]
