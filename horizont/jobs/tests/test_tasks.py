import os
import socket

import pytest

from horizont import tasks
from horizont.jobs.models import Job

pytestmark = pytest.mark.django_db(transaction=True)


@tasks.task
def count_to(progress, *, n):
    for i in range(n):
        progress.update(i + 1, n, f"step {i + 1}")
    return {"counted": n}


@tasks.task
def explode(progress):
    raise RuntimeError("the archive is unreadable")


def test_immediate_backend_runs_and_records_result(member):
    job = tasks.enqueue(count_to, owner=member, label="Counting", n=3)
    assert job.status == Job.Status.DONE
    assert job.result == {"counted": 3}
    assert job.done == 3 and job.total == 3
    assert job.percent == 100


def test_failure_is_recorded_with_its_message():
    job = tasks.enqueue(explode)
    assert job.status == Job.Status.FAILED
    assert "unreadable" in job.error


def test_unregistered_function_is_refused():
    with pytest.raises(LookupError):
        tasks.enqueue(lambda progress: None)


def test_thread_backend_runs_after_commit(settings):
    settings.TASKS_BACKEND = "thread"
    job = tasks.enqueue(count_to, n=2)
    import time

    for _ in range(100):
        job.refresh_from_db()
        if job.is_finished:
            break
        time.sleep(0.05)
    assert job.status == Job.Status.DONE


def test_job_page_is_private_to_its_owner(client, member, outsider):
    job = tasks.enqueue(count_to, owner=member, label="Counting", n=1)
    client.force_login(outsider)
    assert client.get(f"/en/jobs/{job.pk}/").status_code == 404
    assert client.get(f"/en/jobs/{job.pk}/status.json").status_code == 404
    client.force_login(member)
    response = client.get(f"/en/jobs/{job.pk}/")
    assert response.status_code == 200
    assert "Counting" in response.content.decode()
    assert client.get(f"/en/jobs/{job.pk}/status.json").json()["finished"] is True


def _redis_reachable() -> bool:
    try:
        socket.create_connection(("127.0.0.1", 6379), timeout=1).close()
        return True
    except OSError:
        return False


def test_celery_backend_runs_through_real_redis(settings):
    if not _redis_reachable():
        if os.environ.get("HORIZONT_REQUIRE_SERVICES"):
            pytest.fail("Redis at 127.0.0.1:6379 is required in CI but unreachable")
        pytest.skip("Redis at 127.0.0.1:6379 is not running")
    from celery.contrib.testing.worker import start_worker

    from horizont.celery import app

    db = 8 + int(os.environ.get("PYTEST_XDIST_WORKER", "gw0").removeprefix("gw") or 0)
    app.conf.broker_url = f"redis://127.0.0.1:6379/{db}"
    settings.TASKS_BACKEND = "celery"
    with start_worker(app, perform_ping_check=False, pool="solo", loglevel="WARNING"):
        job = tasks.enqueue(count_to, n=4)
        import time

        for _ in range(200):
            job.refresh_from_db()
            if job.is_finished:
                break
            time.sleep(0.05)
    assert job.status == Job.Status.DONE
    assert job.result == {"counted": 4}


def test_site_admin_needs_two_factor_to_read_another_users_job(
    client, member, site_admin, site_admin_without_mfa
):
    job = tasks.enqueue(count_to, owner=member, label="Counting", n=1)
    client.force_login(site_admin_without_mfa)
    assert client.get(f"/en/jobs/{job.pk}/").status_code == 404
    assert client.get(f"/en/jobs/{job.pk}/status.json").status_code == 404
    client.force_login(site_admin)
    assert client.get(f"/en/jobs/{job.pk}/").status_code == 200
    assert client.get(f"/en/jobs/{job.pk}/status.json").status_code == 200


def test_anonymous_visitor_cannot_read_a_job(client, member):
    job = tasks.enqueue(count_to, owner=member, label="Counting", n=1)
    assert client.get(f"/en/jobs/{job.pk}/").status_code == 404
    assert client.get(f"/en/jobs/{job.pk}/status.json").status_code == 404


def test_a_job_waits_out_another_writer_holding_the_lock(settings):
    # On SQLite a second writer is refused at once ("table is locked"): the job's
    # claim waits for the lock instead of leaving the job queued for ever.
    import threading
    import time

    from django.db import transaction

    from horizont.tasks import run_job

    settings.TASKS_BACKEND = "thread"
    job = Job.objects.create(name=tasks.task_name(count_to), arguments={"n": 1})
    with transaction.atomic():
        Job.objects.filter(pk=job.pk).update(label="held")  # this thread holds the lock
        worker = threading.Thread(target=run_job, args=(job.pk,))
        worker.start()
        time.sleep(0.3)
    worker.join(timeout=30)
    job.refresh_from_db()
    assert job.status == Job.Status.DONE
    assert job.label == "held"
