"""The real 3W files import with the counts they hold (counted here from the files), and again with none new."""

import csv
import datetime as dt

import openpyxl
import pytest

from peaceops.accounts.access import SYSTEM
from peaceops.coordination.models import Activity
from peaceops.coordination.services import activities_import
from peaceops.registry.importers import import_places

pytestmark = pytest.mark.django_db


def load_areas(shared_data, *countries):
    for iso3 in countries:
        import_places(shared_data / "boundaries" / "global_pcodes_adm1_adm2.csv", "gazetteer", country=iso3,
                      actor=SYSTEM)


def gazetteer_pcodes(shared_data) -> set[str]:
    with open(shared_data / "boundaries" / "global_pcodes_adm1_adm2.csv", encoding="utf-8-sig") as handle:
        return {row["P-Code"] for row in csv.DictReader(handle)}


def sheet_rows(path, sheet):
    """Non-blank data rows of a sheet, without the header and without an HXL tag row."""
    workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    rows = list(workbook[sheet].iter_rows(values_only=True))
    header, data = rows[0], rows[1:]
    data = [row for row in data if any(v not in (None, "") for v in row)]
    data = [row for row in data if not any(isinstance(v, str) and v.startswith("#") for v in row)]
    return header, data


def assert_reimport_creates_nothing(path, fmt, **options):
    again = activities_import(path, fmt, **{"user": SYSTEM, **options})
    assert (again.created, again.updated) == (0, 0), again.summary()


def test_chad_workbook_both_sheets(shared_data):
    path = shared_data / "threew" / "ocha_3w_chad_2025-04.xlsx"
    load_areas(shared_data, "TCD")
    _, operational = sheet_rows(path, "3W Opérationnelle")
    _, physical = sheet_rows(path, "3W Physique")
    report = activities_import(path, "ocha-xlsx", user=SYSTEM)
    assert report.errors == []
    assert report.created == len(operational) + len(physical) == report.read
    assert Activity.objects.filter(kind="operational_presence").count() == len(operational)
    assert Activity.objects.filter(kind="physical_presence").count() == len(physical)
    # the province P-code in the Title column links every row to its province
    assert Activity.objects.filter(admin_area__pcode__startswith="TD").count() == report.created
    assert_reimport_creates_nothing(path, "ocha-xlsx")


def test_drc_workbook_imports_every_row_but_the_bad_ones_it_names(shared_data):
    path = shared_data / "threew" / "ocha_3w_drc_2025-05.xlsx"
    load_areas(shared_data, "COD")
    header, rows = sheet_rows(path, "Data")
    first = [str(h).split("\n")[0].strip() for h in header]
    start, end, territory = first.index("DATE DEBUT"), first.index("DATE FIN"), first.index("Code Terrtoire")
    known = gazetteer_pcodes(shared_data)
    bad = set()
    for line, row in enumerate(rows, start=2):
        if row[territory] and row[territory] not in known:
            bad.add(line)  # a territory P-code the gazetteer does not hold
        elif isinstance(row[start], dt.time):
            bad.add(line)  # Excel's 0 shown as 00:00:00 instead of a date
        elif isinstance(row[start], dt.datetime) and row[end] < row[start]:
            bad.add(line)
    assert len(rows) == 4343

    strict = activities_import(path, "ocha-xlsx", user=SYSTEM)
    assert strict.rolled_back and Activity.objects.count() == 0

    report = activities_import(path, "ocha-xlsx", skip_bad=True, user=SYSTEM)
    assert {e.line for e in report.errors} == bad
    assert report.created == len(rows) - len(bad) and report.skipped == len(bad)
    kasongo = next(e for e in report.errors if "CD3106" in e.message)
    assert kasongo.field == "Code Terrtoire" and "closest: CD3107 (Kasongo-Lunda)" in kasongo.message
    assert Activity.objects.exclude(budget=None).exclude(currency="USD").count() == 0
    assert_reimport_creates_nothing(path, "ocha-xlsx", skip_bad=True)


def test_hdx_operational_presence(shared_data):
    path = shared_data / "threew" / "hdx_hapi_operational_presence_sample.csv"
    with open(path, encoding="utf-8-sig") as handle:
        rows = list(csv.DictReader(handle))
    load_areas(shared_data, *sorted({row["location_code"] for row in rows}))
    report = activities_import(path, "hdx-presence", user=SYSTEM)
    assert report.errors == [] and report.created == len(rows)
    with_codes = sum(1 for row in rows if row["admin1_code"])
    assert Activity.objects.exclude(admin_area=None).count() == with_codes
    assert_reimport_creates_nothing(path, "hdx-presence")


@pytest.mark.parametrize("name", ["rowca-3w-hxl.csv", "unhcr-3w.csv"])
def test_hxl_3w_files(shared_data, name):
    path = shared_data / "hxl" / name
    with open(path, encoding="utf-8") as handle:
        rows = list(csv.reader(handle))[2:]  # header and HXL tag row
    report = activities_import(path, "hxl", user=SYSTEM)
    assert report.errors == [] and report.created == len(rows)
    assert_reimport_creates_nothing(path, "hxl")
