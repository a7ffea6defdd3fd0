"""The DRC 3W workbook uploaded in a real browser: the job's progress bar fills while a worker imports it, then the
page offers the imported activities and the line report, which names the bad lines; "My imports" keeps it.

Run with ``pytest -m browser peaceops/coordination/tests/test_browser_import_job.py`` (Debian's Chromium and
../shared/data; without the data it skips, except under CI=true where it fails).
"""

import threading
import time

import pytest
from django.db import connection
from django.urls import reverse

from peaceops.coordination.tests.test_import_real import load_areas
from peaceops.jobs.models import Job
from peaceops.jobs.worker import run_queued
from peaceops.registry.services import countries_load
from peaceops.web.tests.test_browser import log_in, shoot

pytestmark = pytest.mark.browser


def worker_thread(failures: list) -> threading.Thread:
    """The worker's own code in a thread of this process, with its own database connection, as a worker has."""

    def work():
        try:
            run_queued()
        except Exception as error:  # shown by the test rather than lost in the thread
            failures.append(error)
        finally:
            connection.close()

    thread = threading.Thread(target=work, daemon=True)
    thread.start()
    return thread


def test_drc_workbook_upload_shows_progress_then_the_line_report(world, shared_data, page):
    workbook = shared_data / "threew" / "ocha_3w_drc_2025-05.xlsx"
    countries_load()  # the test world holds three countries; the gazetteer's DRC areas need DRC
    load_areas(shared_data, "COD")
    log_in(page, "admin")
    page.goto(page.base + reverse("coordination:upload"))
    page.set_input_files("#id_file", str(workbook))
    page.check("#id_skip_bad")
    with page.expect_navigation():
        page.click("#upload-form button[type=submit]")
    job = Job.objects.get()
    assert page.url == page.base + reverse("jobs:job", args=[job.pk])
    assert page.locator("#job-status").inner_text() == "queued"

    failures = []
    worker = worker_thread(failures)
    seen = set()
    deadline = time.monotonic() + 600
    while not page.locator("#job-bar[value='100']").count():  # the page reloads itself when the job ends
        seen.add(page.locator("#job-counts").inner_text())
        page.wait_for_timeout(200)
        assert not failures, failures
        assert time.monotonic() < deadline, f"the bar never reached the end; job: {Job.objects.get().status}"
    worker.join(timeout=60)
    shoot(page, "jobs-drc-3w")
    assert page.locator("#job-status").inner_text() == "done"
    assert page.locator("#job-counts").inner_text().startswith("4343 rows read")
    assert any("rows read" in text for text in seen)
    assert page.locator("#job-result").get_attribute("href") == reverse("coordination:activities")

    page.click("#job-report-link")
    report = page.locator("#import-report")
    assert "4343 rows read" in report.inner_text()
    kasongo = report.locator("tr", has_text="CD3106").first
    assert "closest: CD3107 (Kasongo-Lunda)" in kasongo.inner_text()

    page.goto(page.base + reverse("jobs:history"))
    row = page.locator("#job-history tbody tr").first
    assert "ocha_3w_drc_2025-05.xlsx" in row.inner_text() and "done" in row.inner_text()
