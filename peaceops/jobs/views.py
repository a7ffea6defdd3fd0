"""A job's page (progress bar, result link, its report or outcome, the file it wrote), its progress as JSON,
the file's download, and "My jobs".

A job is shown to its owner and to system administrators; to anyone else it does not exist (404): its page,
its progress and its file alike.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, JsonResponse
from django.shortcuts import redirect, render
from django.urls import path
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from peaceops.core import listing, page_marking
from peaceops.core.background import STEPS, kind_choices, kind_of
from peaceops.core.classification import Classification
from peaceops.core.errors import DomainError
from peaceops.jobs import files, selectors, services

HISTORY_PAGE_SIZE = 25


def _visible_job(request, job_id: int):
    job = selectors.job_get(request.user, job_id)
    if job is None:
        raise Http404
    return job


def _default_template(job) -> str:
    return "jobs/_outcome.html" if job.result.get("outcome") else "jobs/_report.html"


def _output(job) -> dict | None:
    """The file the job wrote, as its page offers it, while it is kept."""
    if not job.output_name or job.status != job.Status.DONE or job.finished_at is None:
        return None
    return {"name": job.output_name, "marking": str(Classification(job.output_classification).label).upper(),
            "expires": files.output_expires(job.finished_at)}


def _describe(job) -> dict:
    kind = kind_of(job.kind)
    return {"job": job, "kind_label": kind.label if kind else job.kind,
            "report_template": kind.report_template if kind and kind.report_template else _default_template(job),
            "result_url": kind.result_url(job) if kind and kind.result_url and job.status == job.Status.DONE
            and not job.result.get("dry_run") else "",
            "counts_steps": bool(kind and kind.counts == STEPS), "output": _output(job),
            "report": job.result or None, "progress": selectors.job_progress(job)}


@login_required
@require_GET
def job_page(request, job_id: int):
    job = _visible_job(request, job_id)
    if job.output_name:
        page_marking.notice(job.output_classification)  # the page offers the file: it carries the file's marking
    return render(request, "jobs/job.html", _describe(job))


@login_required
@require_GET
def job_progress(request, job_id: int):
    response = JsonResponse(selectors.job_progress(_visible_job(request, job_id)))
    response["Cache-Control"] = "no-store"
    return response


@login_required
@require_GET
def job_output(request, job_id: int):
    found = selectors.job_output(request.user, job_id)
    if found is None:
        raise Http404
    job, output = found
    response = FileResponse(output.open("rb"), as_attachment=True, filename=job.output_name)
    response["X-Classification"] = str(job.output_classification)
    response["Cache-Control"] = "no-store"
    return response


@login_required
@require_POST
def job_cancel(request, job_id: int):
    services.job_cancel(request.user, _visible_job(request, job_id))
    return redirect("jobs:job", job_id=job_id)


@login_required
@require_POST
def job_remove(request, job_id: int):
    try:
        services.job_remove(request.user, _visible_job(request, job_id))
    except DomainError as error:
        messages.error(request, str(error))
        return redirect("jobs:job", job_id=job_id)
    messages.success(request, _("The job and the file it wrote are removed."))
    return redirect("jobs:history")


@login_required
@require_GET
def history(request):
    kinds = kind_choices()
    kind = request.GET.get("kind", "")
    kind = kind if kind in dict(kinds) else ""
    rows = listing.paginate(request.GET, selectors.job_list(request.user, kind=kind), HISTORY_SORTS,
                            "-started", HISTORY_PAGE_SIZE)
    return render(request, "jobs/history.html", {"listing": rows, "jobs": [_describe(job) for job in rows.page],
                                                 "kinds": kinds, "kind": kind})


# The history's sortable columns (peaceops.core.listing): ?sort= key -> fields.
HISTORY_SORTS = {"started": ("created_at", "id"), "kind": ("kind", "-id"), "file": ("title", "file_name", "-id"),
                 "status": ("status", "-id"), "rows": ("rows_read", "-id"), "errors": ("errors", "-id")}


app_name = "jobs"
urlpatterns = [
    path("", history, name="history"),
    path("<int:job_id>/", job_page, name="job"),
    path("<int:job_id>/progress", job_progress, name="progress"),
    path("<int:job_id>/output", job_output, name="output"),
    path("<int:job_id>/cancel", job_cancel, name="cancel"),
    path("<int:job_id>/remove", job_remove, name="remove"),
]
