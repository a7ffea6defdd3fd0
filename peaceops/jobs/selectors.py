"""Reads of jobs: a job is seen by its owner and by system administrators only."""

from pathlib import Path

from django.utils import timezone

from peaceops.accounts.access import can
from peaceops.accounts.roles import Action
from peaceops.core.query import is_id
from peaceops.jobs import files
from peaceops.jobs.models import Job
from peaceops.jobs.progress import ProgressFile


def may_see(user, job: Job) -> bool:
    if user is None or not getattr(user, "is_authenticated", False):
        return False
    return job.owner_id == getattr(user, "pk", None) or can(user, Action.ADMINISTER, None)


def job_get(user, job_id: int) -> Job | None:
    """The job if ``user`` may see it, else None (the view answers 404: its existence is not told)."""
    if not is_id(job_id):  # a number past 64 bits in the URL is no job, not a database error
        return None
    job = Job.objects.select_related("owner").filter(pk=job_id).first()
    return job if job is not None and may_see(user, job) else None


def job_list(user, kind: str = ""):
    """The user's own jobs, newest first, of one kind if given (administrators too see only their own here)."""
    jobs = Job.objects.filter(owner_id=getattr(user, "pk", None))
    return jobs.filter(kind=kind) if kind else jobs


def job_output(user, job_id: int) -> tuple[Job, Path] | None:
    """The job and the file it wrote, if ``user`` may see the job and the file is still kept; else None."""
    job = job_get(user, job_id)
    if job is None or not job.output_name or job.status != Job.Status.DONE or job.finished_at is None:
        return None
    if files.output_expires(job.finished_at) <= timezone.now():
        return None
    path = files.output_path(job.pk)
    return (job, path) if path.is_file() else None


def job_progress(job: Job) -> dict:
    """What the progress bar shows: the running job's progress file, else the job's final counts."""
    values = {"rows_read": job.rows_read, "rows_total": job.rows_total, "errors": job.errors}
    if job.status == Job.Status.RUNNING:
        values.update(ProgressFile(files.progress_path(job.pk)).read())
    total = values["rows_total"]
    if job.finished:
        percent = 100
    elif total:
        percent = min(99, int(100 * values["rows_read"] / total))
    else:
        percent = None  # not known: the bar shows activity, not a share
    return {"id": job.pk, "status": job.status, "status_label": str(job.get_status_display()),
            "finished": job.finished, "percent": percent, "message": job.message, **values}
