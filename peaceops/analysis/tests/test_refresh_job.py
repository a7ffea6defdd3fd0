"""The analysis refresh started from the forecasts page: a background job counted by steps, run as the analyst
who holds edit_analysis system-wide; anyone else sees no button, is refused, queues nothing, and gets 404 for
the job."""

import pytest
from django.urls import reverse

from peaceops.analysis.models import CountryForecast
from peaceops.analysis.tests.test_analysis import _ucdp_history
from peaceops.core.classification import Classification
from peaceops.jobs.models import Job
from peaceops.jobs.worker import run_queued
from peaceops.testing import make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def hq_analyst(analysis_world):
    return make_user("hq_analyst", "analyst", clearance=Classification.CONFIDENTIAL)  # no mission: system-wide


def test_the_forecasts_page_queues_a_refresh_that_runs_as_its_owner(analysis_world, hq_analyst, client):
    _ucdp_history(analysis_world["world"])
    client.force_login(hq_analyst)
    assert 'id="refresh-form"' in client.get(reverse("analysis:forecasts")).content.decode()
    answer = client.post(reverse("analysis:refresh"))
    job = Job.objects.get()
    assert answer.status_code == 302 and answer["Location"] == reverse("jobs:job", args=[job.pk])
    assert job.kind == "analysis-refresh" and job.owner == hq_analyst and not CountryForecast.objects.exists()
    run_queued()
    job.refresh_from_db()
    assert job.status == Job.Status.DONE and (job.rows_read, job.rows_total) == (3, 3)
    assert job.result["data"]["forecasts"] == CountryForecast.objects.count() == 12
    page = client.get(reverse("jobs:job", args=[job.pk])).content.decode()
    assert "3 of 3 steps done" in page and "12 country-month forecasts" in page
    assert f'href="{reverse("analysis:forecasts")}" id="job-result"' in page


def test_a_refresh_without_history_keeps_its_first_steps_and_says_why_no_forecast(analysis_world, hq_analyst,
                                                                                   client):
    client.force_login(hq_analyst)
    client.post(reverse("analysis:refresh"))
    run_queued()
    job = Job.objects.get()
    # links and alerts were done; the forecasts had nothing to start from, and the outcome says so
    assert job.status == Job.Status.DONE and not CountryForecast.objects.exists()
    assert "forecasts not refreshed: no UCDP state-based event" in job.result["summary"]
    page = client.get(reverse("jobs:job", args=[job.pk])).content.decode()
    assert "forecasts not refreshed" in page


def test_a_mission_analyst_or_a_viewer_may_not_refresh(analysis_world, client):
    users = analysis_world["world"].users
    for name in ("minurcat", "regional"):  # edit_analysis for one mission only; a viewer
        client.force_login(users[name])
        assert 'id="refresh-form"' not in client.get(reverse("analysis:forecasts")).content.decode()
        assert client.post(reverse("analysis:refresh")).status_code == 403
    assert not Job.objects.exists()


def test_another_user_gets_404_for_the_refresh_job(analysis_world, hq_analyst, client):
    client.force_login(hq_analyst)
    client.post(reverse("analysis:refresh"))
    job = Job.objects.get()
    client.force_login(analysis_world["world"].users["minurcat"])
    for route in ("jobs:job", "jobs:progress", "jobs:output"):
        assert client.get(reverse(route, args=[job.pk])).status_code == 404, route
