"""A measurements file uploaded from an indicator's page is imported by a background job, run as its uploader;
a user who may not plan for the mission queues nothing, and nobody else sees the job."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from peaceops.core.classification import Classification
from peaceops.jobs.models import Job
from peaceops.jobs.testing import post_and_run
from peaceops.mandates.models import Measurement
from peaceops.mandates.testing import make_isf
from peaceops.testing import make_user

pytestmark = pytest.mark.django_db

GOOD = b"period,value,unit\n2010-01,5,posts\n2010-02,6,posts\n"


@pytest.fixture
def indicator(world):
    return make_isf(world.minurcat, world.chad)["indicator"]


def upload(client, indicator, content=GOOD):
    return post_and_run(client, reverse("mandates:measurements", args=[indicator.pk]),
                        {"file": SimpleUploadedFile("posts.csv", content)})


def test_the_upload_is_a_job_that_imports_as_its_owner(world, client, indicator):
    planner = make_user("planner", "planner", mission=world.minurcat, clearance=Classification.CONFIDENTIAL)
    client.force_login(planner)
    answer = client.post(reverse("mandates:measurements", args=[indicator.pk]),
                         {"file": SimpleUploadedFile("posts.csv", GOOD)})
    job = Job.objects.get()
    assert answer.status_code == 302 and answer["Location"] == reverse("jobs:job", args=[job.pk])
    assert job.kind == "import-measurements" and job.owner == planner and not Measurement.objects.exists()
    from peaceops.jobs.worker import run_queued

    run_queued()
    page = client.get(reverse("jobs:job", args=[job.pk])).content.decode()
    job.refresh_from_db()
    assert job.status == Job.Status.DONE and job.rows_read == 2 and job.result["created"] == 2
    assert set(Measurement.objects.values_list("entered_by", flat=True)) == {planner.pk}
    assert "2 measurements stored." in page and "posts.csv: 2 rows read" in page
    assert f'href="{reverse("mandates:measurements", args=[indicator.pk])}" id="job-result"' in page


def test_a_user_who_may_not_plan_queues_nothing(world, client, indicator):
    for user in (world.users["minurcat"], world.users["regional"]):  # an analyst and a viewer
        client.force_login(user)
        assert upload(client, indicator).status_code == 403
    assert not Job.objects.exists() and not Measurement.objects.exists()


def test_another_user_gets_404_for_the_import_job(world, client, indicator):
    client.force_login(make_user("planner", "planner", mission=world.minurcat, clearance=Classification.CONFIDENTIAL))
    upload(client, indicator)
    job = Job.objects.get()
    client.force_login(make_user("other", "planner", mission=world.minurcat, clearance=Classification.CONFIDENTIAL))
    for route in ("jobs:job", "jobs:progress", "jobs:output"):
        assert client.get(reverse(route, args=[job.pk])).status_code == 404, route
