"""Writes on jobs: start one (from an upload or not), run it (the worker), remove it, and clean up after a
dead worker and after old outputs.

A job runs the app's own service with the job's owner as the acting user (the service checks the owner's
rights itself, as it would for the page or the command line). An import writes in one transaction: a worker
killed midway leaves the database as it was, and the next worker to start marks the job failed
(:func:`jobs_recover`).
"""

import logging
import os

from django.db import transaction
from django.utils import timezone

from peaceops.accounts.access import SYSTEM
from peaceops.core.background import Outcome, kind_of
from peaceops.core.errors import Denied, DomainError
from peaceops.core.uploads import write_upload
from peaceops.jobs import files
from peaceops.jobs.models import Job
from peaceops.jobs.process import alive, on_this_host, worker_name
from peaceops.jobs.progress import ProgressFile
from peaceops.jobs.selectors import may_see
from peaceops.jobs.tasks import run_job

logger = logging.getLogger(__name__)

INTERRUPTED = "interrupted: the worker stopped during the job; nothing of it was written"


def job_start(actor, *, kind: str, upload=None, params: dict | None = None, title: str = "") -> Job:
    """Queue a job of ``kind`` owned by ``actor``, keeping ``upload`` (if any) in the job's private folder.

    The rights the job needs are checked by the service it runs, with ``actor`` as the acting user;
    the page that starts a job checks them first as well, so that a refusal is shown at once.
    """
    if actor is None or getattr(actor, "pk", None) is None or not actor.is_active:
        raise Denied("A job needs a signed-in user as its owner.")
    if kind_of(kind) is None:
        raise DomainError(f"unknown job kind {kind!r}", field="kind")
    file_name = upload.name[:255] if upload is not None else ""
    job = Job.objects.create(owner=actor, kind=kind, file_name=file_name, title=(title or file_name)[:255],
                             params=params or {})
    if upload is not None:
        files.job_folder(job.pk, create=True)
        write_upload(upload, files.upload_path(job))
    _enqueue(job)
    return job


def _enqueue(job: Job) -> None:
    result = run_job.enqueue(job.pk)
    Job.objects.filter(pk=job.pk).update(task_id=str(result.id))
    job.task_id = str(result.id)


def _require_worker(actor) -> None:
    """Only the installation's own worker runs jobs and closes those of a dead worker; a job then acts as its owner."""
    if actor is not SYSTEM:
        raise Denied("Jobs are run by the installation's worker, not on a user's request.")


def job_run(actor, job_id: int) -> str:
    """Run one queued job to its end (``actor``: the worker, SYSTEM); returns its final status."""
    _require_worker(actor)
    job = Job.objects.select_related("owner").get(pk=job_id)
    if job.status != Job.Status.QUEUED:
        return job.status  # cancelled, or already taken
    kind = kind_of(job.kind)
    job.status, job.started_at, job.worker = Job.Status.RUNNING, timezone.now(), worker_name()
    job.save(update_fields=["status", "started_at", "worker"])
    files.job_folder(job.pk, create=True)  # the progress file's folder, for a job without an upload too
    progress = ProgressFile(files.progress_path(job.pk))
    try:
        if kind is None:
            raise DomainError(f"this installation has no job kind {job.kind!r}")
        returned = kind.run(job, files.upload_path(job) if job.file_name else None, progress)
    except DomainError as error:  # a refusal or a rule the file broke: the owner reads why
        _finish(job, Job.Status.FAILED, message=str(error))
    except Exception as error:
        logger.exception("job %s failed", job.pk)
        _finish(job, Job.Status.FAILED, message=f"internal error ({type(error).__name__}); nothing was written")
    else:
        if isinstance(returned, Outcome):
            _finish_outcome(job, returned, progress.last)
        else:
            _finish_import(job, returned)
    finally:
        files.remove_inputs(job.pk)
        if job.status != Job.Status.DONE or not job.output_name:
            files.remove_job_files(job.pk)  # no half-written file of a failed job stays behind
    return job.status


def _finish_import(job: Job, report) -> None:
    # The report's own attributes (refused: the line numbers), so that an app's report template reads
    # a finished job's result as it reads the report itself.
    result = {**report.as_json(), "refused": report.refused[:1000], "file": job.file_name, "format": report.format,
              "unchanged": report.unchanged, "dry_run": report.dry_run, "rolled_back": report.rolled_back,
              "ok": report.ok}
    _finish(job, Job.Status.DONE if report.ok else Job.Status.FAILED, result=result,
            message="" if report.ok else report.summary().splitlines()[0])


def _finish_outcome(job: Job, outcome: Outcome, counted: dict) -> None:
    job.rows_read, job.errors = counted.get("rows_read", 0), counted.get("errors", 0)
    job.rows_total = max(counted.get("rows_total", 0), job.rows_read)
    if outcome.ok and outcome.file_name and files.output_path(job.pk).is_file():
        job.output_name, job.output_classification = outcome.file_name[:255], outcome.classification
        job.save(update_fields=["output_name", "output_classification"])
    _finish(job, Job.Status.DONE if outcome.ok else Job.Status.FAILED, result=outcome.as_json(),
            message="" if outcome.ok else outcome.summary.splitlines()[0] if outcome.summary else "")


def _finish(job: Job, status: str, *, result: dict | None = None, message: str = "") -> None:
    job.status, job.finished_at, job.message = status, timezone.now(), message[:2000]
    if result is not None:
        job.result = result
    if result is not None and not result.get("outcome"):  # an import's report: its counts are the job's
        job.rows_read, job.errors = result.get("read", 0), len(result.get("errors", []))
        job.rows_total = max(job.rows_total, job.rows_read)
    job.save(update_fields=["status", "finished_at", "message", "result", "rows_read", "rows_total", "errors"])


def _require_owner(actor, job: Job, what: str) -> None:
    if not may_see(actor, job):
        raise Denied(f"Only the job's owner or a system administrator may {what} it.")


def job_cancel(actor, job: Job) -> Job:
    """Cancel a job that has not started; a running import is not cut short (it would only roll back)."""
    _require_owner(actor, job, "cancel")
    with transaction.atomic():
        updated = Job.objects.filter(pk=job.pk, status=Job.Status.QUEUED).update(
            status=Job.Status.CANCELLED, finished_at=timezone.now())
    if updated:
        files.remove_job_files(job.pk)
    job.refresh_from_db()
    return job


def job_remove(actor, job: Job) -> None:
    """Remove a finished job with its report and the file it wrote; a queued or running one is not removed."""
    _require_owner(actor, job, "remove")
    if not job.finished:
        raise DomainError("The job has not ended: cancel it first, or wait for it to end.", field="status")
    files.remove_job_files(job.pk)
    job.delete()


def job_outputs_expire(actor) -> int:
    """Remove the files jobs wrote more than OUTPUT_KEPT_DAYS ago (the worker, at start); returns how many."""
    _require_worker(actor)
    limit = timezone.now() - files.OUTPUT_KEPT
    expired = Job.objects.exclude(output_name="").filter(finished_at__lt=limit)
    removed = 0
    for job_id in expired.values_list("pk", flat=True):
        files.remove_job_files(job_id)
        removed += 1
    expired.update(output_name="")
    return removed


def jobs_recover(actor) -> int:
    """Mark failed the jobs a worker on this machine was running when it died; returns how many.

    Their import's transaction died with the worker, so nothing of them was written. Jobs of a
    worker on another machine are left alone: this one cannot tell whether it still runs.
    """
    _require_worker(actor)
    recovered = 0
    for job in Job.objects.filter(status=Job.Status.RUNNING):
        pid = on_this_host(job.worker)
        if pid is None or (pid != os.getpid() and alive(pid)):
            continue
        _finish(job, Job.Status.FAILED, message=INTERRUPTED)
        _fail_task(job.task_id)
        files.remove_job_files(job.pk)
        recovered += 1
    return recovered


def _fail_task(task_id: str) -> None:
    """The task queue's own record of the job is left "running" by a killed worker: close it too."""
    if not task_id:
        return
    from django_tasks.base import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    DBTaskResult.objects.filter(id=task_id, status=TaskResultStatus.RUNNING).update(
        status=TaskResultStatus.FAILED, finished_at=timezone.now())
