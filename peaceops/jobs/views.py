"""A job's page (progress bar, result link, line report), its progress as JSON, and "My imports".

A job is shown to its owner and to system administrators; to anyone else it does not exist (404).
"""

from django.contrib.auth.decorators import login_required
from django.http import Http404, JsonResponse
from django.shortcuts import redirect, render
from django.urls import path
from django.views.decorators.http import require_GET, require_POST

from peaceops.core import listing
from peaceops.jobs import selectors, services
from peaceops.jobs.kinds import kind_of

HISTORY_PAGE_SIZE = 25


def _visible_job(request, job_id: int):
    job = selectors.job_get(request.user, job_id)
    if job is None:
        raise Http404
    return job


def _describe(job) -> dict:
    kind = kind_of(job.kind)
    return {"job": job, "kind_label": kind.label if kind else job.kind,
            "report_template": kind.report_template if kind else "jobs/_report.html",
            "result_url": kind.result_url(job) if kind and kind.result_url and job.status == job.Status.DONE
            and not job.result.get("dry_run") else "",
            "report": job.result or None, "progress": selectors.job_progress(job)}


@login_required
@require_GET
def job_page(request, job_id: int):
    return render(request, "jobs/job.html", _describe(_visible_job(request, job_id)))


@login_required
@require_GET
def job_progress(request, job_id: int):
    response = JsonResponse(selectors.job_progress(_visible_job(request, job_id)))
    response["Cache-Control"] = "no-store"
    return response


@login_required
@require_POST
def job_cancel(request, job_id: int):
    services.job_cancel(request.user, _visible_job(request, job_id))
    return redirect("jobs:job", job_id=job_id)


@login_required
@require_GET
def history(request):
    rows = listing.paginate(request.GET, selectors.job_list(request.user, kind_prefix="import-"), HISTORY_SORTS,
                            "-started", HISTORY_PAGE_SIZE)
    return render(request, "jobs/history.html", {"listing": rows, "jobs": [_describe(job) for job in rows.page]})


# The history's sortable columns (peaceops.core.listing): ?sort= key -> fields.
HISTORY_SORTS = {"started": ("created_at", "id"), "kind": ("kind", "-id"), "file": ("file_name", "-id"),
                 "status": ("status", "-id"), "rows": ("rows_read", "-id"), "errors": ("errors", "-id")}


app_name = "jobs"
urlpatterns = [
    path("", history, name="history"),
    path("<int:job_id>/", job_page, name="job"),
    path("<int:job_id>/progress", job_progress, name="progress"),
    path("<int:job_id>/cancel", job_cancel, name="cancel"),
]
