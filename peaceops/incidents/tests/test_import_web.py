"""The upload page: same report as the CLI, and EDIT_INCIDENTS for the owning mission."""

from django.core.files.uploadedfile import SimpleUploadedFile

from peaceops.incidents.models import Incident
from peaceops.incidents.tests.test_import import UCDP_HEADER, ucdp_row
from peaceops.jobs.testing import post_and_run


def upload(name="ged.csv", text=None):
    return SimpleUploadedFile(name, (text or UCDP_HEADER + ucdp_row(1) + ucdp_row(2)).encode())


def test_officer_imports_for_own_mission(world, client):
    client.force_login(world.users["unamid"])
    response = post_and_run(client, "/incidents/import/", {"file": upload(), "format": "ucdp-ged",
                                                  "mission": world.unamid.pk, "classification": 1})
    assert response.status_code == 200
    assert b'data-key="created">2<' in response.content
    assert set(Incident.objects.values_list("owning_mission", "classification")) == {(world.unamid.pk, 1)}


def test_bad_file_shows_line_and_field_and_writes_nothing(world, client):
    client.force_login(world.users["unamid"])
    response = post_and_run(client, "/incidents/import/", {"file": upload(text=UCDP_HEADER + ucdp_row(1, da=-3)),
                                                  "format": "ucdp-ged", "mission": world.unamid.pk,
                                                  "classification": 0})
    assert response.status_code == 200 and b"Import failed, nothing written" in response.content
    assert b"deaths_a" in response.content and b"negative count" in response.content
    assert not Incident.objects.exists()


def test_other_missions_and_reference_data_are_refused(world, client):
    client.force_login(world.users["unamid"])
    response = post_and_run(client, "/incidents/import/", {"file": upload(), "format": "ucdp-ged",
                                                  "mission": world.minurcat.pk, "classification": 0})
    assert b"Select a valid choice" in response.content  # not a permitted choice
    response = post_and_run(client, "/incidents/import/", {"file": upload(), "format": "ucdp-ged", "mission": "",
                                                  "classification": 0})
    assert response.status_code == 403  # reference data needs a system-wide grant
    assert not Incident.objects.exists()


def test_clearance_caps_the_classification(world, client):
    client.force_login(world.users["minurcat"])  # analyst cleared to confidential
    response = post_and_run(client, "/incidents/import/", {"file": upload(), "format": "ucdp-ged",
                                                  "mission": world.minurcat.pk, "classification": 2})
    assert b"above your own clearance" in response.content
    assert not Incident.objects.exists()


def test_users_without_edit_right_get_403(world, client):
    for name in ("regional", "nobody"):
        client.force_login(world.users[name])
        assert client.get("/incidents/import/").status_code == 403
    client.logout()
    assert client.get("/incidents/import/").status_code == 302


def test_admin_loads_reference_data(world, client):
    client.force_login(world.users["admin"])
    assert b"shared reference data" in client.get("/incidents/import/").content
    response = post_and_run(client, "/incidents/import/", {"file": upload(), "format": "ucdp-ged", "mission": "",
                                                  "classification": 0, "dry_run": "on"})
    assert b"Dry run of" in response.content and not Incident.objects.exists()
