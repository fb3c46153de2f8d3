from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, render

from horizont.jobs.models import Job
from horizont.jobs.services import jobs_sweep


def _get_job_for_viewer(request: HttpRequest, pk: str) -> Job:
    job = get_object_or_404(Job, pk=pk)
    # Not "is_superuser": an administrator reads others' jobs only with two-factor.
    if not request.user.has_perm("jobs.view_job", job):
        raise Http404
    if not job.is_finished and jobs_sweep(job=job):
        # Its worker died: no scheduler needed for the person waiting to see it.
        job.refresh_from_db()
    return job


def detail(request: HttpRequest, pk: str) -> HttpResponse:
    job = _get_job_for_viewer(request, pk)
    return render(request, "jobs/detail.html", {"job": job})


def status(request: HttpRequest, pk: str) -> JsonResponse:
    job = _get_job_for_viewer(request, pk)
    return JsonResponse(
        {
            "status": job.status,
            "status_display": job.get_status_display(),
            "done": job.done,
            "total": job.total,
            "percent": job.percent,
            "message": job.message,
            "error": job.error,
            "finished": job.is_finished,
        }
    )
