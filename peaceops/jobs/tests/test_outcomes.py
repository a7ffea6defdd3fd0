"""Jobs that read the database and write a file: no upload, an Outcome, a download kept for its owner only,
removed with the job or after OUTPUT_KEPT_DAYS; "My jobs" lists every kind and filters by one."""

import datetime as dt
import os
import stat

import pytest
from django.urls import reverse
from django.utils import timezone

from peaceops.accounts.access import SYSTEM
from peaceops.core.background import KINDS, STEPS, Outcome, register
from peaceops.core.errors import Denied, DomainError
from peaceops.jobs import files
from peaceops.jobs.models import Job
from peaceops.jobs.services import job_outputs_expire, job_remove, job_start
from peaceops.jobs.worker import run_queued

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def own_home(settings, tmp_path):
    """Each test its own data folder: job ids are reused after a rollback, their folders would be too."""
    settings.HOME = str(tmp_path)


@pytest.fixture(autouse=True)
def listing_kind():
    seen = {}

    @register("list-words", label="Word list", counts=STEPS, result_url=lambda job: "/result/")
    def list_words(job, path, progress):
        seen["owner"], seen["path"] = job.owner, path
        words = job.params["words"]
        if "forbidden" in words:
            return Outcome(ok=False, summary="a forbidden word; nothing written")
        with files.open_output(job.pk) as handle:
            for done, word in enumerate(words, start=1):
                handle.write(f"{word}\n".encode())
                progress(done, len(words))
        return Outcome(ok=True, summary=f"{len(words)} words listed", data={"count": len(words)},
                       file_name="words.txt", classification=1)

    yield seen
    KINDS.pop("list-words")


def start(user, words=("alpha", "beta")):
    return job_start(user, kind="list-words", params={"words": list(words)}, title="two words")


def test_a_job_without_upload_runs_as_its_owner_and_offers_its_file(world, listing_kind, client):
    owner = world.users["unamid"]
    job = start(owner)
    assert job.file_name == "" and not files.job_folder(job.pk).exists()
    assert run_queued() == 1
    job.refresh_from_db()
    assert listing_kind["owner"] == owner and listing_kind["path"] is None
    assert job.status == Job.Status.DONE and job.result == {"outcome": True, "ok": True, "summary": "2 words listed",
                                                             "data": {"count": 2}}
    assert (job.rows_read, job.rows_total, job.output_name, job.output_classification) == (2, 2, "words.txt", 1)
    output = files.output_path(job.pk)
    assert output.read_text() == "alpha\nbeta\n" and stat.S_IMODE(os.stat(output).st_mode) == 0o600
    assert sorted(p.name for p in files.job_folder(job.pk).iterdir()) == ["output"]  # the progress file is gone
    client.force_login(owner)
    page = client.get(reverse("jobs:job", args=[job.pk]))
    text = page.content.decode()
    assert "Word list: two words" in text and "2 words listed" in text and "2 of 2 steps done" in text
    assert "Download words.txt (CONFIDENTIAL)" in text and 'href="/result/"' in text
    assert page["X-Classification"] == "1"  # the page offering a confidential file is marked so
    download = client.get(reverse("jobs:output", args=[job.pk]))
    assert download.status_code == 200 and b"".join(download.streaming_content) == b"alpha\nbeta\n"
    assert 'filename="words.txt"' in download["Content-Disposition"] and download["X-Classification"] == "1"


def test_another_user_gets_404_for_the_page_the_progress_and_the_file(world, client):
    job = start(world.users["unamid"])
    run_queued()
    for name in ("minurcat", "regional", "nobody"):
        client.force_login(world.users[name])
        for route in ("jobs:job", "jobs:progress", "jobs:output"):
            assert client.get(reverse(route, args=[job.pk])).status_code == 404, (name, route)
        assert client.post(reverse("jobs:remove", args=[job.pk])).status_code == 404
        with pytest.raises(Denied):
            job_remove(world.users[name], job)
    assert Job.objects.filter(pk=job.pk).exists() and files.output_path(job.pk).exists()
    client.logout()
    assert client.get(reverse("jobs:output", args=[job.pk])).status_code == 302  # to the login page


def test_a_failed_outcome_keeps_no_file(world, client):
    job = start(world.users["unamid"], words=("alpha", "forbidden"))
    run_queued()
    job.refresh_from_db()
    assert job.status == Job.Status.FAILED and job.message == "a forbidden word; nothing written"
    assert job.output_name == "" and not files.job_folder(job.pk).exists()
    client.force_login(world.users["unamid"])
    assert client.get(reverse("jobs:output", args=[job.pk])).status_code == 404


def test_the_owner_removes_a_finished_job_with_its_file(world, client):
    owner = world.users["unamid"]
    queued = start(owner)
    with pytest.raises(DomainError):
        job_remove(owner, queued)  # not ended: cancel it first
    run_queued()
    client.force_login(owner)
    response = client.post(reverse("jobs:remove", args=[queued.pk]))
    assert response.status_code == 302 and response["Location"] == reverse("jobs:history")
    assert not Job.objects.filter(pk=queued.pk).exists() and not files.job_folder(queued.pk).exists()


def test_a_file_is_kept_for_the_days_it_is_kept_then_removed(world, client):
    owner = world.users["unamid"]
    job = start(owner)
    run_queued()
    client.force_login(owner)
    Job.objects.filter(pk=job.pk).update(finished_at=timezone.now() - files.OUTPUT_KEPT + dt.timedelta(minutes=1))
    assert client.get(reverse("jobs:output", args=[job.pk])).status_code == 200
    Job.objects.filter(pk=job.pk).update(finished_at=timezone.now() - files.OUTPUT_KEPT - dt.timedelta(minutes=1))
    assert client.get(reverse("jobs:output", args=[job.pk])).status_code == 404  # past its days, even on disk
    with pytest.raises(Denied):
        job_outputs_expire(owner)  # the worker's task
    assert job_outputs_expire(SYSTEM) == 1
    job.refresh_from_db()
    assert job.output_name == "" and not files.job_folder(job.pk).exists()
    assert client.get(reverse("jobs:job", args=[job.pk])).status_code == 200  # the job and its summary stay


def test_my_jobs_lists_every_kind_and_filters_by_one(world, client):
    from django.core.files.uploadedfile import SimpleUploadedFile

    @register("import-lines", label="Line count")
    def count_lines(job, path, progress):
        return Outcome(ok=True, summary="counted")

    try:
        owner = world.users["unamid"]
        start(owner)
        job_start(owner, kind="import-lines", upload=SimpleUploadedFile("lines.txt", b"a\n"))
        run_queued()
        client.force_login(owner)
        every = client.get(reverse("jobs:history")).content.decode()
        assert "My jobs" in every and "two words" in every and "lines.txt" in every and "2 words listed" in every
        lines_only = client.get(reverse("jobs:history"), {"kind": "import-lines"}).content.decode()
        assert "lines.txt" in lines_only and "two words" not in lines_only
        assert '<option value="import-lines" selected>' in lines_only
        unknown = client.get(reverse("jobs:history"), {"kind": "no-such-kind"}).content.decode()
        assert "lines.txt" in unknown and "two words" in unknown  # an unknown kind filters nothing
    finally:
        KINDS.pop("import-lines")
