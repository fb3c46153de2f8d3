"""Jobs whose worker died end as failed, with their files removed (horizont jobs_sweep)."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from horizont import tasks
from horizont.jobs.models import Job
from horizont.jobs.services import jobs_sweep

pytestmark = pytest.mark.django_db


@tasks.task
def leave_a_file(progress, *, path):
    assert open(path).read() == "upload"
    return {"ok": True}


CALLS = []


@tasks.task
def count_calls(progress):
    CALLS.append(1)
    return len(CALLS)


@tasks.task
def fail_with_a_file(progress, *, path):
    raise ValueError("bad file")


def _running(owner=None, beat_seconds_ago=600, cleanup=()):
    now = timezone.now()
    beat = now - timedelta(seconds=beat_seconds_ago)
    return Job.objects.create(
        name="x", owner=owner, status=Job.Status.RUNNING, started_at=beat, heartbeat_at=beat,
        done=55, total=100, cleanup=[str(p) for p in cleanup],
    )  # fmt: skip


def test_job_without_heartbeat_is_failed_and_its_files_removed(tmp_path, member):
    upload = tmp_path / "upload"
    upload.mkdir()
    (upload / "file.csv").write_text("a,b")
    member.language = "en"
    member.save()
    stale = _running(owner=member, cleanup=[upload])
    alive = _running(beat_seconds_ago=5)
    done = Job.objects.create(name="y", status=Job.Status.DONE, heartbeat_at=stale.heartbeat_at)
    swept = jobs_sweep(stale_after=timedelta(seconds=300))
    assert [job.pk for job in swept] == [stale.pk]
    stale.refresh_from_db()
    assert stale.status == Job.Status.FAILED and stale.finished_at
    assert "start it again" in stale.error
    assert not upload.exists()
    alive.refresh_from_db()
    done.refresh_from_db()
    assert alive.status == Job.Status.RUNNING and done.status == Job.Status.DONE


def test_sweeper_message_is_in_the_owners_language(member):
    member.language = "de"
    member.save()
    job = _running(owner=member)
    jobs_sweep()
    job.refresh_from_db()
    assert "Bitte starten Sie sie erneut" in job.error


def test_job_queued_for_more_than_a_day_is_failed():
    job = Job.objects.create(name="x")
    Job.objects.filter(pk=job.pk).update(created_at=timezone.now() - timedelta(days=2))
    assert jobs_sweep() == [job]


def test_command_reports_what_it_failed():
    job = _running()
    out = StringIO()
    call_command("jobs_sweep", stdout=out)
    assert f"failed {job.pk}" in out.getvalue()
    assert "1 stale job(s) failed" in out.getvalue()


def test_owner_looking_at_a_stale_job_sees_it_failed(client, member):
    member.language = "en"
    member.save()
    job = _running(owner=member)
    client.force_login(member)
    data = client.get(f"/en/jobs/{job.pk}/status.json").json()
    assert data["status"] == "failed" and data["finished"] is True
    assert "start it again" in client.get(f"/en/jobs/{job.pk}/").content.decode()


def test_a_job_runs_once_even_when_delivered_twice():
    CALLS.clear()
    job = tasks.enqueue(count_calls)
    tasks.run_job(job.pk)  # a message delivered again after a lost acknowledgement
    job.refresh_from_db()
    assert job.status == Job.Status.DONE and CALLS == [1]


@pytest.mark.parametrize("task", [leave_a_file, fail_with_a_file])
def test_files_of_a_job_are_removed_however_it_ends(tmp_path, task):
    upload = tmp_path / "upload.csv"
    upload.write_text("upload")
    job = tasks.enqueue(task, path=str(upload), cleanup=[str(upload)])
    assert job.is_finished
    assert not upload.exists()
