"""The event upload refuses a workbook that would unpack too far, and a file over the upload limit, in the form."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command

from peaceops.core.tests.zip_bombs import zip_bomb
from peaceops.incidents.imports.formats.insecurity_insight import REQUIRED
from peaceops.incidents.models import Incident
from peaceops.jobs.testing import post_and_run

pytestmark = pytest.mark.django_db


def post(client, world, name, content, fmt):
    client.force_login(world.users["admin"])
    return post_and_run(client, "/incidents/import/", {"file": SimpleUploadedFile(name, content), "format": fmt,
                                              "mission": world.unamid.pk, "classification": 0})


def test_a_zip_bomb_workbook_is_refused_with_a_message_and_nothing_written(world, client, tmp_path, settings):
    settings.PEACEOPS_MAX_WORKBOOK_MB = 2
    bomb = zip_bomb(tmp_path / "kika.xlsx", [list(REQUIRED)], inflated_mb=3)
    response = post(client, world, "kika.xlsx", bomb.read_bytes(), "insecurity-insight")
    assert response.status_code == 200
    page = response.content.decode()
    assert "Import failed, nothing written" in page
    assert "kika.xlsx" in page and "more than the 2.0 MB allowed" in page and "refused without opening it" in page
    assert not Incident.objects.exists()


def test_a_file_over_the_upload_limit_is_refused_in_the_form(world, client, settings):
    settings.PEACEOPS_MAX_UPLOAD_MB = 0.01
    response = post(client, world, "ged-big.csv", b"id,year\n" + b"1,2008\n" * 3000, "ucdp-ged")
    assert response.status_code == 200
    page = response.content.decode()
    assert "ged-big.csv is 21 KB; uploads are limited to 10 KB" in page
    assert 'data-key="created"' not in page and not Incident.objects.exists()


def test_the_command_line_import_refuses_the_zip_bomb_too(world, tmp_path, capsys):
    bomb = zip_bomb(tmp_path / "kika.xlsx", [list(REQUIRED)], inflated_mb=3)
    with pytest.raises(SystemExit) as exit:
        call_command("import_events", str(bomb), format="insecurity-insight", user="admin")
    assert exit.value.code == 1
    assert "inflates" in capsys.readouterr().out and not Incident.objects.exists()
