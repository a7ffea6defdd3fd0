"""The kinds of job the apps offer, declared by each app in its own ``jobs.py``.

A kind names the function the worker calls as ``run(job, path, progress)``: ``path`` is the job's uploaded
file (None for a job that reads the database), ``progress(done, total, errors)`` the callback the import
services already take. The function calls the app's own service with ``job.owner`` as the acting user, so a
job can do nothing its owner could not do from the page that started it. It returns an import report
(peaceops.core.importing) or an :class:`~peaceops.jobs.outcome.Outcome`.
"""

from collections.abc import Callable
from dataclasses import dataclass

ROWS, STEPS = "rows", "steps"  # what a kind's progress counts, as the job's page words it


@dataclass(frozen=True)
class JobKind:
    name: str
    label: str
    run: Callable  # run(job, path, progress) -> an import report or an Outcome
    result_url: Callable | None = None  # result_url(job) -> where the job's result is shown
    report_template: str = ""  # shows the finished job's result on its page ("": the default for its shape)
    counts: str = ROWS  # ROWS or STEPS


KINDS: dict[str, JobKind] = {}


def register(name: str, *, label, result_url: Callable | None = None, report_template: str = "",
             counts: str = ROWS):
    """Decorator: ``@register("import-3w", label=_("3W import"))`` over the function that runs the job."""

    def decorate(function):
        KINDS[name] = JobKind(name, label, function, result_url, report_template, counts)
        return function

    return decorate


def kind_of(name: str) -> JobKind | None:
    return KINDS.get(name)


def kind_choices() -> list[tuple[str, str]]:
    """Every kind this installation runs, by label: the filter of the list of jobs."""
    return sorted(((kind.name, str(kind.label)) for kind in KINDS.values()), key=lambda pair: pair[1])
