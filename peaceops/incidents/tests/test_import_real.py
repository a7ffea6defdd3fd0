"""Imports of the real files in ../shared/data: counts and death totals equal what the files hold.

Expected figures are computed here from each file with the json/csv/openpyxl modules, not
copied from the importer, so the test checks the importer against the file itself.
"""

import csv
import json

import openpyxl
import pytest
from django.db.models import Count, Sum

from peaceops.accounts.access import SYSTEM
from peaceops.incidents.imports.services import events_import
from peaceops.incidents.models import Incident

pytestmark = pytest.mark.realdata


def totals(dataset):
    return Incident.objects.filter(dataset=dataset).aggregate(
        n=Count("id"), best=Sum("deaths_best"), low=Sum("deaths_low"), high=Sum("deaths_high"),
        a=Sum("deaths_a"), b=Sum("deaths_b"), civ=Sum("deaths_civilians"), unknown=Sum("deaths_unknown"))


def test_ucdp_geojson(db, shared_data):
    path = shared_data / "ucdp" / "ged231_caf.geojson"
    features = [f["properties"] for f in json.loads(path.read_text())["features"]]
    report = events_import(path, "ucdp-ged", user=SYSTEM)
    assert report.as_json() == {"read": len(features), "created": len(features), "updated": 0, "skipped": 0,
                                "errors": []}
    got = totals("ucdp-ged")
    assert got["n"] == len(features) == 1848
    for field, key in [("best", "best"), ("low", "low"), ("high", "high"), ("a", "deaths_a"), ("b", "deaths_b"),
                       ("civ", "deaths_civilians"), ("unknown", "deaths_unknown")]:
        assert got[field] == sum(int(p[key]) for p in features), field
    assert set(Incident.objects.values_list("country__iso3", flat=True)) == {"CAF"}
    admin1 = {p["adm_1"] for p in features}
    assert set(Incident.objects.values_list("admin1", flat=True)) == admin1  # exactly as the file gives them
    again = events_import(path, "ucdp-ged", user=SYSTEM)
    assert (again.created, again.updated) == (0, 0) and Incident.objects.count() == len(features)


def test_acled_old_header(db, shared_data):
    path = shared_data / "acled" / "acled_africa_2016-01-01_2016-05-28.csv"
    with open(path, encoding="latin-1", newline="") as handle:
        rows = list(csv.DictReader(handle))
    dry = events_import(path, "acled", dry_run=True, user=SYSTEM)
    assert dry.created == len(rows) and not Incident.objects.exists()
    report = events_import(path, "acled", user=SYSTEM)
    assert (report.read, report.created, report.errors) == (len(rows), len(rows), [])
    got = totals("acled")
    fatalities = sum(int(r["FATALITIES"]) for r in rows)
    assert (got["n"], got["best"], got["low"], got["high"], got["unknown"]) == \
        (len(rows), fatalities, fatalities, fatalities, fatalities)
    assert Incident.objects.filter(dataset="acled", country__iso3="CIV").count() == \
        sum(r["COUNTRY"] == "Ivory Coast" for r in rows)
    again = events_import(path, "acled", user=SYSTEM)
    assert (again.created, again.updated, again.unchanged) == (0, 0, len(rows))
    assert Incident.objects.count() == len(rows)


def test_hxl_ucdp_bangladesh(db, shared_data):
    path = shared_data / "hxl" / "ucdp_ged_hxl_BGD.csv"
    with open(path, encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    tags, data = rows[1], rows[2:]
    killed = tags.index("#affected+killed")
    report = events_import(path, "hxl", user=SYSTEM)
    assert (report.created, report.errors) == (len(data), [])
    assert totals("hxl")["best"] == sum(int(r[killed]) for r in data)
    assert events_import(path, "hxl", user=SYSTEM).created == 0


def test_insecurity_insight_workbook(db, shared_data):
    path = shared_data / "incidents" / "aid_worker_kika_2020_2025.xlsx"
    sheet = openpyxl.load_workbook(path, read_only=True).worksheets[0]
    header, *rows = list(sheet.iter_rows(values_only=True))
    column = {name: i for i, name in enumerate(header)}
    report = events_import(path, "insecurity-insight", user=SYSTEM)
    assert (report.created, report.errors) == (len(rows), [])
    got = Incident.objects.filter(dataset="insecurity-insight").aggregate(
        killed=Sum("deaths_best"), injured=Sum("injured"), kidnapped=Sum("abducted"))
    assert got == {"killed": sum(r[column["Aid Workers Killed"]] for r in rows),
                   "injured": sum(r[column["Aid Workers Injured"]] for r in rows),
                   "kidnapped": sum(r[column["Aid Workers Kidnapped"]] for r in rows)}
    assert not Incident.objects.filter(dataset="insecurity-insight", reported_on__isnull=True).exists()
    assert events_import(path, "insecurity-insight", user=SYSTEM).created == 0
