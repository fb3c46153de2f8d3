"""Private files live outside MEDIA_ROOT and reach only those allowed to see them."""

from datetime import timedelta

import pytest
from django.utils import timezone

from horizont.accounts.services import user_delete
from horizont.core.private_files import private_file_response, private_storage
from horizont.jobs.models import Job
from horizont.jobs.services import job_files_dir, jobs_purge
from horizont.lib.images import clean_image
from horizont.lib.tests.test_lib import png_of_size
from horizont.sanctions import services as sanctions
from horizont.sanctions.models import Evidence

pytestmark = pytest.mark.django_db


def _case_with_photo(user):
    case = sanctions.case_create(user=user, title="Aircraft at the airport")
    sanctions.evidence_add(
        case=case,
        user=user,
        fields={"kind": Evidence.Kind.PHOTO, "title": "Hangar"},
        photo=clean_image(png_of_size(40, 30)),
    )
    return case, case.evidence.get()


def _files(root):
    return [p for p in root.rglob("*") if p.is_file()] if root.exists() else []


def test_evidence_photo_is_stored_outside_media_and_served_to_the_team_only(
    client, settings, coordinator, outsider
):
    case, item = _case_with_photo(coordinator)
    assert _files(settings.MEDIA_ROOT) == []
    assert _files(settings.PRIVATE_ROOT) == [settings.PRIVATE_ROOT / item.photo.name]
    url = f"/en/sanctions/cases/{case.pk}/evidence/{item.pk}/photo/"
    client.force_login(outsider)
    assert client.get(url).status_code == 404
    client.force_login(coordinator)
    response = client.get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"\x89PNG")
    assert response["Cache-Control"] == "private, no-store"


@pytest.mark.parametrize(
    ("server", "header"), [("nginx", "X-Accel-Redirect"), ("sendfile", "X-Sendfile")]
)
def test_behind_a_proxy_the_file_is_handed_to_it(client, settings, coordinator, server, header):
    settings.PRIVATE_FILES_SERVER = server
    case, item = _case_with_photo(coordinator)
    client.force_login(coordinator)
    response = client.get(f"/en/sanctions/cases/{case.pk}/evidence/{item.pk}/photo/")
    assert response.status_code == 200
    assert response.content == b""
    if server == "nginx":
        assert response[header] == f"/_private/{item.photo.name}"
    else:
        assert response[header] == str((settings.PRIVATE_ROOT / item.photo.name).resolve())


def test_private_files_have_no_public_address():
    with pytest.raises(ValueError):
        private_storage.url("sanctions/evidence/x.png")


def test_nothing_outside_the_private_folder_is_served(settings, tmp_path):
    outside = tmp_path / "secret.txt"
    outside.write_text("x")
    from django.http import Http404

    with pytest.raises(Http404):
        private_file_response(outside)
    with pytest.raises(Http404):
        private_file_response(settings.PRIVATE_ROOT / ".." / "secret.txt")


def _batch_job(owner, finished_days_ago=0):
    job = Job.objects.create(
        name="horizont.sanctions.services.batch_screen_task",
        owner=owner,
        status=Job.Status.DONE,
        finished_at=timezone.now() - timedelta(days=finished_days_ago),
    )
    path = sanctions.batch_result_path(job.pk)
    path.parent.mkdir(parents=True)
    path.write_text("query,band\nIvan Petrov,strong\n", encoding="utf-8")
    return job, path


def test_batch_result_is_private_and_served_to_its_owner_only(client, settings, member, outsider):
    job, path = _batch_job(member)
    assert settings.PRIVATE_ROOT in path.parents
    assert _files(settings.MEDIA_ROOT) == []
    url = f"/en/sanctions/batch/{job.pk}/?format=csv"
    client.force_login(outsider)
    assert client.get(url).status_code == 404
    client.force_login(member)
    response = client.get(url)
    assert response.status_code == 200
    assert b"Ivan Petrov" in b"".join(response.streaming_content)
    assert response["Content-Disposition"].startswith("attachment")


def test_batch_results_go_with_their_owners_account(member, outsider):
    job, path = _batch_job(member)
    other, other_path = _batch_job(outsider)
    user_delete(user=member)
    assert not path.exists() and not job_files_dir(job.pk).exists()
    assert not Job.objects.filter(pk=job.pk).exists()
    assert other_path.exists()


def test_batch_results_go_after_the_retention_period(settings, member):
    settings.JOBS_RETENTION_DAYS = 30
    old, old_path = _batch_job(member, finished_days_ago=31)
    recent, recent_path = _batch_job(member, finished_days_ago=29)
    assert jobs_purge() == 1
    assert not old_path.exists() and not Job.objects.filter(pk=old.pk).exists()
    assert recent_path.exists() and Job.objects.filter(pk=recent.pk).exists()


def test_purge_command_reports_what_it_deleted(member):
    from io import StringIO

    from django.core.management import call_command

    _batch_job(member, finished_days_ago=400)
    out = StringIO()
    call_command("jobs_purge", stdout=out)
    assert "1 finished job(s) deleted" in out.getvalue()


def test_private_root_is_not_inside_the_public_folders():
    from django.conf import settings as django_settings

    private = django_settings.PRIVATE_ROOT.resolve()
    for public in (django_settings.MEDIA_ROOT, django_settings.STATIC_ROOT):
        assert private != public.resolve() and public.resolve() not in private.parents
