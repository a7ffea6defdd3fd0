"""Drafting from the list page is a background job: queued by the page, drafted with its owner's rights, its page
links the draft; a user without the author's role queues nothing, and nobody else sees the job."""

import pytest
from django.urls import reverse

from peaceops.jobs.models import Job
from peaceops.jobs.testing import post_and_run
from peaceops.jobs.worker import run_queued
from peaceops.reports.models import Report

pytestmark = pytest.mark.django_db

Q1 = {"kind": "threat_assessment", "period_start": "2010-01-01", "period_end": "2010-03-31", "title": ""}


def test_the_page_queues_a_draft_that_runs_as_its_owner(reporting, client):
    analyst = reporting.users["minurcat"]
    client.force_login(analyst)
    answer = client.post(reverse("reports:list"), Q1)
    job = Job.objects.get()
    assert answer.status_code == 302 and answer["Location"] == reverse("jobs:job", args=[job.pk])
    assert job.kind == "draft-report" and job.owner == analyst and job.status == Job.Status.QUEUED
    assert not Report.objects.exists()  # nothing drafted inside the request
    run_queued()
    page = client.get(reverse("jobs:job", args=[job.pk])).content.decode()
    report = Report.objects.get()
    job.refresh_from_db()
    assert report.drafted_by == analyst and report.owning_mission == reporting.minurcat
    assert job.status == Job.Status.DONE and job.result["data"]["report_id"] == report.pk
    assert job.rows_read == job.rows_total > 0  # one step per section provider
    assert f"{report.title}: {report.sections.count()} sections drafted" in page
    assert f'href="{reverse("reports:detail", args=[report.pk])}" id="job-result"' in page


def test_a_kind_the_user_may_not_author_is_refused_and_nothing_is_queued(reporting, client):
    client.force_login(reporting.users["minurcat"])  # a JMAC analyst: the threat assessment, not the SG report
    answer = client.post(reverse("reports:list"), {**Q1, "kind": "sg_report"})
    assert answer.status_code == 200
    assert "You may not draft this kind of report for MINURCAT." in answer.content.decode()
    client.force_login(reporting.users["regional"])  # a viewer: no draft form at all
    client.post(reverse("reports:list"), Q1)
    assert not Job.objects.exists() and not Report.objects.exists()


def test_another_user_gets_404_for_the_draft_job(reporting, client):
    client.force_login(reporting.users["minurcat"])
    post_and_run(client, reverse("reports:list"), Q1)
    job = Job.objects.get()
    client.force_login(reporting.users["planner"])
    for route in ("jobs:job", "jobs:progress", "jobs:output"):
        assert client.get(reverse(route, args=[job.pk])).status_code == 404, route


def test_a_draft_refused_when_it_runs_says_why(reporting, client):
    from peaceops.accounts.models import Grant

    analyst = reporting.users["minurcat"]
    client.force_login(analyst)
    client.post(reverse("reports:list"), Q1)
    Grant.objects.filter(user=analyst).delete()  # the role is gone before the worker takes the job
    run_queued()
    job = Job.objects.get()
    assert job.status == Job.Status.FAILED and "may not draft" in job.message and not Report.objects.exists()
