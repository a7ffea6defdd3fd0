"""Background jobs as the apps see them: the kinds they offer, what a job returns, and how a page starts one.

The job machinery (the ``Job`` record, the queue, the worker, the pages) is the ``jobs`` app. The apps do not
import it: each app declares its kinds here, in its own ``jobs.py`` (found at start-up by the jobs app, as
``admin.py`` is), and its pages start a job with :func:`job_start`, which the jobs app plugs in from its
``AppConfig.ready``. So an app of any layer (the reports of the shell, the domain apps) offers jobs without
depending on the jobs app, and the jobs app knows no app by name (docs/architecture.md, docs/jobs.md).

A kind names the function the worker calls as ``run(job, path, progress)``: ``path`` is the job's uploaded
file (None for a job that reads the database), ``progress(done, total, errors)`` the callback the import
services already take. The function calls the app's own service with ``job.owner`` as the acting user, so a
job can do nothing its owner could not do from the page that started it. It returns an import report
(peaceops.core.importing) or an :class:`Outcome`. No Django here.
"""


from collections.abc import Callable
from dataclasses import dataclass, field

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


# --- what a job that is not an import returns -----------------------------------------------------------




@dataclass(frozen=True)
class Outcome:
    ok: bool
    summary: str  # one line, shown on the job's page and in the owner's list of jobs
    data: dict = field(default_factory=dict)  # small JSON values the kind's template and result link read
    file_name: str = ""  # the download name of the file the job wrote (peaceops.jobs.files.output_path); "" if none
    classification: int = 0  # the level of that file's content, marked on the page that offers it

    def as_json(self) -> dict:
        return {"outcome": True, "ok": self.ok, "summary": self.summary, "data": self.data}

# --- starting a job ---------------------------------------------------------------------------------------

_starter: Callable | None = None


def register_starter(function: Callable) -> None:
    """The jobs app hands over the service that keeps the upload and queues the job (jobs.services.job_start)."""
    global _starter
    _starter = function


def job_start(actor, *, kind: str, upload=None, params: dict | None = None, title: str = ""):
    """Queue a job of ``kind`` owned by ``actor`` (see jobs.services.job_start); returns the ``Job``."""
    if _starter is None:
        raise RuntimeError("background jobs need the peaceops.jobs app installed")
    return _starter(actor, kind=kind, upload=upload, params=params, title=title)
