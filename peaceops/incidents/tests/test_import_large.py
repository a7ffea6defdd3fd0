"""What a large import does beyond a small one: SQLite indexes built once, statistics refreshed.

The thresholds are lowered so the real UCDP file (1,848 events) counts as large; the behaviour
under test is unchanged.
"""

import pytest
from django.db import connection

from peaceops.accounts.access import SYSTEM
from peaceops.incidents.imports import services as import_services
from peaceops.incidents.imports.services import events_import
from peaceops.incidents.models import Incident

pytestmark = pytest.mark.realdata


def incident_indexes() -> set[str]:
    with connection.cursor() as cursor:
        constraints = connection.introspection.get_constraints(cursor, Incident._meta.db_table)
        return {name for name, c in constraints.items() if c["index"] or c["unique"]}


@pytest.fixture
def small_thresholds(monkeypatch):
    monkeypatch.setattr(import_services._DeferredIndexes, "MIN_ROWS", 100)
    monkeypatch.setattr(import_services, "STATISTICS_AFTER_ROWS", 100)


def test_large_import_leaves_every_index_and_stays_idempotent(db, shared_data, small_thresholds):
    before = incident_indexes()
    path = shared_data / "ucdp" / "ged231_caf.geojson"
    report = events_import(path, "ucdp-ged", user=SYSTEM)
    assert report.created == 1848 and not report.errors
    assert incident_indexes() == before
    again = events_import(path, "ucdp-ged", user=SYSTEM)
    assert (again.created, again.updated) == (0, 0) and Incident.objects.count() == 1848


def test_failed_large_import_rolls_back_the_index_drop_too(db, shared_data, small_thresholds, tmp_path):
    before = incident_indexes()
    broken = tmp_path / "ged.geojson"
    text = (shared_data / "ucdp" / "ged231_caf.geojson").read_text()
    broken.write_text(text.replace('"deaths_a": 0', '"deaths_a": -4', 1))
    report = events_import(broken, "ucdp-ged", user=SYSTEM)
    assert report.rolled_back and report.errors[0].field == "deaths_a"
    assert Incident.objects.count() == 0
    assert incident_indexes() == before


@pytest.mark.skipif(connection.vendor != "sqlite", reason="sqlite_stat1 is SQLite's statistics table")
def test_large_import_refreshes_the_planner_statistics(db, shared_data, small_thresholds):
    events_import(shared_data / "ucdp" / "ged231_caf.geojson", "ucdp-ged", user=SYSTEM)
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM sqlite_stat1 WHERE tbl = %s", [Incident._meta.db_table])
        assert cursor.fetchone()[0] > 0
