"""The measurements upload refuses a workbook that would unpack too far, and a file over the upload limit."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from peaceops.core.classification import Classification
from peaceops.core.tests.zip_bombs import zip_bomb
from peaceops.jobs.models import Job
from peaceops.jobs.testing import post_and_run
from peaceops.mandates.models import Measurement
from peaceops.mandates.testing import make_isf
from peaceops.testing import make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def planning(world, client):
    records = make_isf(world.minurcat, world.chad)
    client.force_login(make_user("planner", "planner", mission=world.minurcat, clearance=Classification.CONFIDENTIAL))
    return f"/mandates/indicator/{records['indicator'].pk}/measurements/"


def test_a_zip_bomb_workbook_is_refused_with_a_message_and_nothing_written(client, planning, tmp_path):
    bomb = zip_bomb(tmp_path / "posts.xlsx", [["period", "value"], ["2010-01", 5]], inflated_mb=3)
    response = post_and_run(client, planning, {"file": SimpleUploadedFile("posts.xlsx", bomb.read_bytes())})
    assert response.status_code == 200 and Job.objects.get().status == Job.Status.FAILED  # the job page
    page = response.content.decode()
    assert "Nothing was stored" in page and "posts.xlsx" in page and "inflates" in page
    assert not Measurement.objects.exists()


def test_a_file_over_the_upload_limit_is_refused_in_the_form(client, planning, settings):
    settings.PEACEOPS_MAX_UPLOAD_MB = 0.001  # 1 KB
    text = "period,value,unit\n" + "2010-01,5,posts\n" * 100
    page = client.post(planning, {"file": SimpleUploadedFile("posts.csv", text.encode())}).content.decode()
    assert "posts.csv is 2 KB; uploads are limited to 1 KB" in page
    assert not Measurement.objects.exists() and not Job.objects.exists()
