"""A file cut short, and a file that is not there: both are refused with a message, never stored half-read."""

import subprocess
import sys

import pytest
from django.core.management import call_command

from peaceops.core.classification import Classification
from peaceops.incidents.imports.services import events_import
from peaceops.incidents.models import Incident
from peaceops.testing import make_user

pytestmark = pytest.mark.django_db

ACLED_NEW_HEADER = ("event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,"
                    "assoc_actor_1,actor2,assoc_actor_2,country,iso3,admin1,admin2,location,latitude,longitude,"
                    "geo_precision,source,notes,fatalities\n")
ACLED_ROW = ("SDN{n},2009-03-04,2009,1,Political violence,Violence against civilians,Sexual violence,"
             "Janjaweed,,Civilians (Sudan),,Sudan,SDN,North Darfur,El Fasher,Tawila,13.5,24.9,1,UN,notes,0\n")


def cut_acled(tmp_path):
    """Two whole rows, then a third cut in its actor2 field (as a download that stopped)."""
    text = ACLED_NEW_HEADER + ACLED_ROW.format(n=1) + ACLED_ROW.format(n=2) + ACLED_ROW.format(n=3)[:110]
    path = tmp_path / "cut.csv"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_short_last_row_is_a_bad_line_and_nothing_is_stored(world, tmp_path):
    report = events_import(cut_acled(tmp_path), "acled", user=world.users["admin"])
    assert not report.ok and report.created == 0 and not Incident.objects.exists()
    (error,) = report.errors
    assert error.line == 4 and error.field == "assoc_actor_2"
    assert "10 of 22 fields" in error.message


def test_with_skip_bad_the_whole_rows_are_stored_and_the_cut_one_reported(world, tmp_path):
    report = events_import(cut_acled(tmp_path), "acled", user=world.users["admin"], skip_bad=True)
    assert report.created == 2 and [e.line for e in report.errors] == [4]
    assert sorted(Incident.objects.values_list("external_id", flat=True)) == ["SDN1", "SDN2"]


def test_the_real_acled_file_cut_mid_row_imports_nothing(db, shared_data, tmp_path):
    data = (shared_data / "acled" / "acled_africa_2016-01-01_2016-05-28.csv").read_bytes()
    end = data.index(b"Civilians (Li") + len(b"Civilians (Li")  # the download stopped inside a row's ACTOR2
    path = tmp_path / "acled_cut.csv"
    path.write_bytes(data[:end])
    importer = make_user("importer", "administrator", clearance=Classification.STRICTLY_CONFIDENTIAL)
    report = events_import(path, "acled", user=importer)
    assert not report.ok and report.created == 0 and not Incident.objects.exists()
    (error,) = report.errors
    assert error.line == data[:end].count(b"\n") + 1 and error.field == "ALLY_ACTOR_2"
    assert "11 of 32 fields" in error.message


@pytest.mark.parametrize("command", [
    ["import-events", "/nonexistent/acled.csv", "--format", "acled"],
    ["import-3w", "/nonexistent/3w.xlsx"],
    ["import-needs", "/nonexistent/needs.csv"],
    ["import-measurements", "/nonexistent/m.csv"],
    ["import-places", "/nonexistent/places.csv", "--format", "gazetteer"],
    ["import-framework", "--fixture", "/nonexistent/framework_library.json"],
])
def test_a_missing_file_is_one_line_of_error_and_a_non_zero_exit(command, tmp_path):
    env = {"PEACEOPS_HOME": str(tmp_path), "PATH": "/usr/bin:/bin"}
    done = subprocess.run([sys.executable, "-m", "peaceops.cli", *command], capture_output=True, text=True, env=env,
                          timeout=120)
    assert done.returncode != 0
    assert "Traceback" not in done.stderr, done.stderr
    message = done.stderr.strip()
    assert len(message.splitlines()) == 1 and "/nonexistent/" in message and "no such file" in message, message


@pytest.mark.parametrize("command, extra", [
    ("import_events", {"format": "acled"}),
    ("import_3w", {}),
    ("import_needs", {}),
    ("import_measurements", {}),
    ("import_places", {"format": "gazetteer"}),
])
def test_a_folder_or_unreadable_file_is_refused_by_every_import_command(world, command, extra, tmp_path):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="is a folder, not a file"):
        call_command(command, str(tmp_path), **extra)
