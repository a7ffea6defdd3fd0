"""The one task the queue knows: run a job. What the job does is its kind's (peaceops.core.background)."""

from django_tasks import task

from peaceops.accounts.access import SYSTEM


@task()
def run_job(job_id: int) -> str:
    # import here: a cycle inside jobs that moving code cannot break: services enqueues this task, the task runs
    # services, and the task stays in this module because its dotted path is stored with every queued job.
    from peaceops.jobs.services import job_outputs_expire, job_run

    status = job_run(SYSTEM, job_id)
    job_outputs_expire(SYSTEM)  # a worker may run for weeks: old outputs go as jobs come, not only at its start
    return status
