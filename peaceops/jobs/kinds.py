"""The kinds of job the domain apps offer, declared by each app in its own ``jobs.py``.

A kind names the function the worker calls with the job, the path of its file and a progress
callback; the function calls the app's own service with ``job.owner`` as the acting user, so a
job can do nothing its owner could not do from the page that started it.
"""

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class JobKind:
    name: str
    label: str
    run: Callable  # run(job, path, progress) -> an import report (as_json, ok, summary)
    result_url: Callable | None = None  # result_url(job) -> where the imported records are shown
    report_template: str = "jobs/_report.html"  # shows the finished job's report (its result) on the job page


KINDS: dict[str, JobKind] = {}


def register(name: str, *, label, result_url: Callable | None = None, report_template: str = ""):
    """Decorator: ``@register("import-3w", label=_("3W import"))`` over the function that runs the job."""

    def decorate(function):
        KINDS[name] = JobKind(name, label, function, result_url, report_template or JobKind.report_template)
        return function

    return decorate


def kind_of(name: str) -> JobKind | None:
    return KINDS.get(name)
