"""The job machinery with a small job kind of its own: queue, run in this process, progress, owner-only reads,
recovery of a job whose worker died."""

import os
import socket
import subprocess
import sys
from dataclasses import dataclass, field

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from peaceops.accounts.access import SYSTEM
from peaceops.core.background import KINDS, register
from peaceops.core.errors import Denied
from peaceops.jobs import files
from peaceops.jobs.models import Job
from peaceops.jobs.selectors import job_list
from peaceops.jobs.services import INTERRUPTED, job_cancel, job_start, jobs_recover
from peaceops.jobs.worker import run_queued

pytestmark = pytest.mark.django_db


@dataclass
class LineCount:
    """The shape of an import report, as a job's kind returns it."""

    file: str
    format: str = "lines"
    read: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped: int = 0
    errors: list = field(default_factory=list)
    refused: list = field(default_factory=list)
    dry_run: bool = False
    rolled_back: bool = False

    @property
    def ok(self):
        return not self.rolled_back

    def as_json(self):
        return {"read": self.read, "created": self.created, "updated": self.updated, "skipped": self.skipped,
                "errors": self.errors}

    def summary(self):
        return f"{self.file}: {len(self.errors)} error(s)"


@pytest.fixture(autouse=True)
def line_kind():
    seen = {}

    @register("import-lines", label="Line count")
    def count_lines(job, path, progress):
        seen["owner"], seen["path"] = job.owner, path
        report = LineCount(file=job.file_name)
        lines = path.read_text().splitlines()
        for number, line in enumerate(lines, start=1):
            report.read = number
            if line == "bad":
                report.errors.append({"line": number, "field": "text", "message": "a bad line"})
            progress(number, len(lines), len(report.errors))
        report.rolled_back = bool(report.errors)
        report.created = 0 if report.errors else len(lines)
        return report

    yield seen
    KINDS.pop("import-lines")


def start(user, text="a\nb\nc\n", name="lines.txt"):
    return job_start(user, kind="import-lines", upload=SimpleUploadedFile(name, text.encode()))


def test_a_job_is_queued_run_by_the_worker_with_its_owner_and_reports(world, line_kind, client):
    owner = world.users["unamid"]
    job = start(owner)
    assert job.status == Job.Status.QUEUED and files.upload_path(job).read_text() == "a\nb\nc\n"
    client.force_login(owner)
    assert client.get(reverse("jobs:progress", args=[job.pk])).json()["percent"] is None
    assert run_queued() == 1
    job.refresh_from_db()
    assert line_kind["owner"] == owner  # the job ran as its owner
    assert job.status == Job.Status.DONE and job.rows_read == 3 and job.result["created"] == 3
    assert job.started_at and job.finished_at and job.worker
    assert not files.job_folder(job.pk).exists()  # the upload is not kept once imported
    state = client.get(reverse("jobs:progress", args=[job.pk])).json()
    assert state["finished"] and state["percent"] == 100 and state["rows_read"] == 3
    page = client.get(reverse("jobs:job", args=[job.pk])).content.decode()
    assert 'id="job-bar" max="100" value="100"' in page and "No line errors." in page
    assert 'src="/static/jobs/progress.js"' in page and "<script>" not in page  # the CSP allows no inline script
    assert run_queued() == 0  # nothing left


def test_a_failed_job_keeps_its_line_report_in_the_history(world, client):
    owner = world.users["minurcat"]
    job = start(owner, "a\nbad\nc\n", name="odd.txt")
    run_queued()
    job.refresh_from_db()
    assert job.status == Job.Status.FAILED and job.errors == 1 and job.message == "odd.txt: 1 error(s)"
    client.force_login(owner)
    history = client.get(reverse("jobs:history")).content.decode()
    assert "odd.txt" in history and "line 2, text: a bad line" in history
    page = client.get(reverse("jobs:job", args=[job.pk])).content.decode()
    assert "Import failed: nothing written" in page and "<td>2</td><td>text</td><td>a bad line</td>" in page


def test_the_history_sorts_and_pages_through_core_listing(world, client):
    owner = world.users["minurcat"]
    for name in ("b.txt", "a.txt", "c.txt"):
        start(owner, name=name)
    run_queued()
    client.force_login(owner)
    by_file = client.get(reverse("jobs:history"), {"sort": "file"}).content.decode()
    assert by_file.index("a.txt") < by_file.index("b.txt") < by_file.index("c.txt")
    newest_first = client.get(reverse("jobs:history")).content.decode()
    assert newest_first.index("c.txt") < newest_first.index("a.txt") < newest_first.index("b.txt")
    assert client.get(reverse("jobs:history"), {"sort": "zz", "page": "-4", "page_size": "10**9"}).status_code == 200


def test_only_the_owner_and_system_administrators_see_a_job(world, client):
    job = start(world.users["unamid"])
    run_queued()
    for name in ("minurcat", "regional", "nobody"):
        client.force_login(world.users[name])
        for url in (reverse("jobs:job", args=[job.pk]), reverse("jobs:progress", args=[job.pk])):
            assert client.get(url).status_code == 404, (name, url)
        assert "lines.txt" not in client.get(reverse("jobs:history")).content.decode()
    client.force_login(world.users["admin"])
    assert client.get(reverse("jobs:job", args=[job.pk])).status_code == 200
    assert client.get(f"/jobs/{2**70}/progress").status_code == 404  # too large for the database: no job
    client.logout()
    assert client.get(reverse("jobs:progress", args=[job.pk])).status_code == 302  # to the login page
    assert list(job_list(world.users["unamid"])) == [job]


def test_a_job_needs_a_signed_in_owner(world):
    from django.contrib.auth.models import AnonymousUser

    for actor in (None, AnonymousUser(), SYSTEM):
        with pytest.raises(Denied):
            start(actor)
    assert not Job.objects.exists()


def test_a_queued_job_can_be_cancelled_by_its_owner_only(world, client):
    job = start(world.users["unamid"])
    with pytest.raises(Denied):
        job_cancel(world.users["minurcat"], job)
    client.force_login(world.users["unamid"])
    client.post(reverse("jobs:cancel", args=[job.pk]))
    job.refresh_from_db()
    assert job.status == Job.Status.CANCELLED and not files.job_folder(job.pk).exists()
    run_queued()
    job.refresh_from_db()
    assert job.status == Job.Status.CANCELLED and job.started_at is None


def test_the_next_worker_marks_failed_a_job_whose_worker_died(world):
    job = start(world.users["unamid"])
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()  # a process id that no longer runs
    Job.objects.filter(pk=job.pk).update(status=Job.Status.RUNNING, worker=f"{socket.gethostname()}:{dead.pid}")
    alive = start(world.users["unamid"])
    Job.objects.filter(pk=alive.pk).update(status=Job.Status.RUNNING, worker=f"{socket.gethostname()}:{os.getppid()}")
    elsewhere = start(world.users["unamid"])
    Job.objects.filter(pk=elsewhere.pk).update(status=Job.Status.RUNNING, worker="another-host:1")
    with pytest.raises(Denied):
        jobs_recover(world.users["admin"])  # the worker's task, not a user's
    assert jobs_recover(SYSTEM) == 1
    statuses = dict(Job.objects.values_list("pk", "status"))
    assert statuses == {job.pk: "failed", alive.pk: "running", elsewhere.pk: "running"}
    assert Job.objects.get(pk=job.pk).message == INTERRUPTED


def test_the_job_pages_speak_french(world, client):
    job = start(world.users["unamid"])
    run_queued()
    client.force_login(world.users["unamid"])
    page = client.get(reverse("jobs:job", args=[job.pk]), HTTP_ACCEPT_LANGUAGE="fr").content.decode()
    assert "terminé" in page and "3 lignes lues, 0 erreurs" in page and "Mes travaux" in page
    history = client.get(reverse("jobs:history"), HTTP_ACCEPT_LANGUAGE="fr").content.decode()
    assert "<th>Résultat</th>" in history


def test_only_the_worker_runs_a_job(world):
    from peaceops.jobs.services import job_run

    job = start(world.users["admin"])
    with pytest.raises(Denied):
        job_run(world.users["admin"], job.pk)
    job.refresh_from_db()
    assert job.status == Job.Status.QUEUED


def test_a_running_jobs_progress_comes_from_its_progress_file(world, client):
    from peaceops.jobs.progress import ProgressFile

    job = start(world.users["unamid"])
    Job.objects.filter(pk=job.pk).update(status=Job.Status.RUNNING)
    ProgressFile(files.progress_path(job.pk)).write({"rows_read": 250, "rows_total": 1000, "errors": 3})
    client.force_login(world.users["unamid"])
    state = client.get(reverse("jobs:progress", args=[job.pk])).json()
    assert (state["status"], state["rows_read"], state["errors"], state["percent"]) == ("running", 250, 3, 25)
    assert not state["finished"]
