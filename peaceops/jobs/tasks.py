"""The one task the queue knows: run a job. What the job does is its kind's (peaceops.jobs.kinds)."""

from django_tasks import task


@task()
def run_job(job_id: int) -> str:
    from peaceops.accounts.access import SYSTEM
    from peaceops.jobs.services import job_outputs_expire, job_run

    status = job_run(SYSTEM, job_id)
    job_outputs_expire(SYSTEM)  # a worker may run for weeks: old outputs go as jobs come, not only at its start
    return status
