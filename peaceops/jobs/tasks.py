"""The one task the queue knows: run a job. What the job does is its kind's (peaceops.jobs.kinds)."""

from django_tasks import task


@task()
def run_job(job_id: int) -> str:
    from peaceops.accounts.access import SYSTEM
    from peaceops.jobs.services import job_run

    return job_run(SYSTEM, job_id)
