"""Where a job's upload and progress file live: ``PEACEOPS_HOME/jobs/<id>/``, readable by the server's account only."""

import shutil
from pathlib import Path

from django.conf import settings

from peaceops.core.private_files import private_folder


def jobs_root() -> Path:
    return Path(settings.HOME) / "jobs"


def job_folder(job_id: int, create: bool = False) -> Path:
    folder = jobs_root() / str(int(job_id))
    if create:
        private_folder(jobs_root())
        private_folder(folder)
    return folder


def upload_path(job) -> Path:
    """The uploaded file under a fixed name (the user's file name is kept on the job, never used as a path)."""
    suffix = Path(job.file_name).suffix.lower()
    suffix = suffix if suffix[1:].isalnum() and len(suffix) <= 6 else ""
    return job_folder(job.pk) / f"upload{suffix}"


def progress_path(job_id: int) -> Path:
    return job_folder(job_id) / "progress.json"


def remove_job_files(job_id: int) -> None:
    shutil.rmtree(job_folder(job_id), ignore_errors=True)
