"""The 3W and needs uploads refuse a workbook that would unpack too far, and a file over the upload limit."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from peaceops.coordination.models import Activity, Need
from peaceops.core.tests.zip_bombs import zip_bomb
from peaceops.jobs.testing import post_and_run

pytestmark = pytest.mark.django_db

NEEDS = "Province,Cluster,In need,Start\n#adm1+code,#sector,#inneed,#date+start\nTD19,WASH,100,2025-01-01\n"


def test_a_zip_bomb_3w_workbook_is_refused_with_a_message_and_nothing_written(world, client, tmp_path):
    bomb = zip_bomb(tmp_path / "3w.xlsx", [["ORGANISATION", "CLUSTER"]], inflated_mb=3)
    client.force_login(world.users["admin"])
    response = post_and_run(client, reverse("coordination:upload"), {
        "file": SimpleUploadedFile("ocha_3w.xlsx", bomb.read_bytes()), "format": "ocha-xlsx"})
    assert response.status_code == 200
    page = response.content.decode()
    assert "Import failed: nothing written" in page and "ocha_3w.xlsx" in page
    assert "inflates" in page and "refused without opening it" in page
    assert not Activity.objects.exists()


def test_files_over_the_upload_limit_are_refused_in_the_forms(world, client, settings):
    settings.PEACEOPS_MAX_UPLOAD_MB = 0.001  # 1 KB
    client.force_login(world.users["admin"])
    big = NEEDS + "TD19,WASH,100,2025-01-01\n" * 60
    page = post_and_run(client, reverse("coordination:upload"), {
        "file": SimpleUploadedFile("threew.csv", big.encode()), "format": "hxl"}).content.decode()
    assert "threew.csv is 2 KB; uploads are limited to 1 KB" in page and "Import failed" not in page
    page = client.post(reverse("coordination:needs"), {
        "needs_file": SimpleUploadedFile("needs.csv", big.encode())}).content.decode()
    assert "needs.csv is 2 KB; uploads are limited to 1 KB" in page
    assert not Activity.objects.exists() and not Need.objects.exists()
