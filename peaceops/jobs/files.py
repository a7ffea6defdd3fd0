"""Where a job's files live: ``PEACEOPS_HOME/jobs/<id>/``, readable by the server's account only.

The upload and the progress file are removed when the job ends. A file the job wrote for its owner (an
export) stays under the fixed name ``output`` until the owner removes the job or OUTPUT_KEPT_DAYS pass.
"""

import datetime as dt
import os
import shutil
from pathlib import Path

from django.conf import settings

from peaceops.core.private_files import open_private, private_folder

OUTPUT_KEPT_DAYS = 7  # long enough to come back for an export after a weekend; a file of classified rows no longer
OUTPUT_KEPT = dt.timedelta(days=OUTPUT_KEPT_DAYS)
OUTPUT_NAME = "output"


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


def output_path(job_id: int) -> Path:
    return job_folder(job_id) / OUTPUT_NAME


def open_output(job_id: int):
    """The job's output file, open for writing in binary, 0600 whatever the umask, in a private folder."""
    job_folder(job_id, create=True)
    return os.fdopen(open_private(output_path(job_id)), "wb")


def output_expires(finished_at: dt.datetime) -> dt.datetime:
    return finished_at + OUTPUT_KEPT


def remove_inputs(job_id: int) -> None:
    """Everything of the job but its output; the folder too when nothing is left in it."""
    folder = job_folder(job_id)
    if not folder.is_dir():
        return
    for entry in folder.iterdir():
        if entry.name != OUTPUT_NAME:
            shutil.rmtree(entry) if entry.is_dir() else entry.unlink(missing_ok=True)
    if not any(folder.iterdir()):
        folder.rmdir()


def remove_job_files(job_id: int) -> None:
    shutil.rmtree(job_folder(job_id), ignore_errors=True)
