"""Running queued jobs: django-tasks-db's worker, and the same worker's steps run in this process.

``peaceops worker`` (and the worker ``peaceops serve`` starts) is django-tasks-db's ``db_worker``,
after :func:`~peaceops.jobs.services.jobs_recover` and :func:`~peaceops.jobs.services.job_outputs_expire`.
:func:`run_queued` takes the same steps, claim then run, once for each queued task and without the worker's
signal handling or connection recycling, so the tests and a single-process embedding run exactly the code the
worker runs.
"""

from django.db.utils import OperationalError
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult
from django_tasks_db.utils import exclusive_transaction, is_locked_database_exception

from peaceops.accounts.access import SYSTEM
from peaceops.jobs.process import worker_name
from peaceops.jobs.services import job_outputs_expire, jobs_recover

BACKEND = "default"


def new_worker(*, batch: bool = False, interval: float = 1.0, max_tasks: int | None = None) -> Worker:
    return Worker(queue_names=["*"], excluded_queue_names=[], interval=interval, batch=batch,
                  backend_name=BACKEND, startup_delay=False, max_tasks=max_tasks,
                  worker_id=worker_name()[:64])


def run_queued() -> int:
    """Run every queued job once, in this process; returns how many ran."""
    jobs_recover(SYSTEM)
    job_outputs_expire(SYSTEM)
    worker = new_worker(batch=True)
    ran = 0
    while True:
        tasks = DBTaskResult.objects.ready().filter(backend_name=BACKEND)
        try:
            with exclusive_transaction(tasks.db):
                claimed = tasks.get_locked()
                if claimed is not None:
                    claimed.claim(worker.worker_id)
        except OperationalError as error:
            if not is_locked_database_exception(error):
                raise
            continue
        if claimed is None:
            return ran
        worker.run_task(claimed)
        ran += 1
