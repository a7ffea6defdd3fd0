"""import-measurements: CSV, XLSX and HXL; errors name file, line and field; nothing stored half-way."""

import datetime as dt
import json

import openpyxl
import pytest
from django.core.management import call_command

from peaceops.accounts.access import SYSTEM
from peaceops.mandates import services
from peaceops.mandates.models import Measurement, PeriodTotal
from peaceops.mandates.testing import make_isf
from peaceops.registry.models import AdminArea

pytestmark = pytest.mark.django_db


@pytest.fixture
def plan(world):
    AdminArea.objects.create(pcode="TD01", name="Ouaddaï", level=1, country=world.chad)
    return make_isf(world.minurcat, world.chad)


def _run(capsys, *args):
    with pytest.raises(SystemExit) if "--expect-fail" in args else _nothing():
        call_command("import_measurements", *[a for a in args if a != "--expect-fail"], "--json")
    return json.loads(capsys.readouterr().out.strip().splitlines()[-1])


class _nothing:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False


def test_csv_with_indicator_option(plan, tmp_path, capsys):
    path = tmp_path / "posts.csv"
    path.write_text("period,area,sex,value,unit\n2010-01,TD01,,10,posts\n2010-01,TD01,f,4,posts\n2010-02-15,,,12,\n")
    report = _run(capsys, str(path), "--indicator", str(plan["indicator"].id))
    assert (report["created"], report["errors"]) == (3, [])
    assert PeriodTotal.objects.get(indicator=plan["indicator"], period=dt.date(2010, 1, 1)).value_sum == 10


def test_hxl_with_an_indicator_column(plan, tmp_path, capsys):
    path = tmp_path / "posts-hxl.csv"
    indicator = plan["indicator"].id
    path.write_text(f"Indicator,Month,P-code,Posts\n#indicator+code,#date,#adm1+code,#indicator+value\n"
                    f"{indicator},2010-03,TD01,20\n{indicator},2010-04,TD01,25\n")
    report = _run(capsys, str(path))
    assert report["created"] == 2
    assert Measurement.objects.filter(indicator_id=indicator, area__pcode="TD01").count() == 2


def test_xlsx(plan, tmp_path, capsys):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["period", "value"])
    sheet.append([dt.datetime(2010, 5, 1), 30])
    path = tmp_path / "posts.xlsx"
    book.save(path)
    assert _run(capsys, str(path), "--indicator", str(plan["indicator"].id))["created"] == 1


def test_bad_lines_name_line_and_field_and_store_nothing(plan, world, tmp_path, capsys):
    services.period_lock(SYSTEM, plan["isf"], dt.date(2010, 1, 1))
    ratio = services.indicator_add(SYSTEM, plan["benchmark"], name="Girls per boy", kind="ratio")
    path = tmp_path / "bad.csv"
    path.write_text(f"indicator,period,area,value,numerator,denominator,unit\n"
                    f"{plan['indicator'].id},2010-02,TD01,5,,,posts\n"
                    f"{plan['indicator'].id},2010-01,TD01,5,,,posts\n"
                    f"{plan['indicator'].id},2010-02,XX99,5,,,posts\n"
                    f"{plan['indicator'].id},2010-03,,5,,,litres\n"
                    f"{ratio.id},2010-03,,,3,0,\n"
                    f"{plan['indicator'].id},March,,5,,,\n")
    report = _run(capsys, str(path), "--expect-fail")
    assert [(e["line"], e["field"]) for e in report["errors"]] == [
        (3, "period"), (4, "area"), (5, "unit"), (6, "denominator"), (7, "period")]
    assert not Measurement.objects.exists()
    text = services.measurements_import(path, user=SYSTEM).summary()
    assert "bad.csv: import FAILED, nothing written" in text and "line 3, field period" in text


def test_a_user_who_does_not_plan_is_refused_per_line(plan, world, tmp_path):
    path = tmp_path / "posts.csv"
    path.write_text("period,value\n2010-01,10\n")
    report = services.measurements_import(path, indicator=plan["indicator"], user=world.users["minurcat"])
    assert report.rolled_back and report.errors[0].field == "indicator"
    assert not Measurement.objects.exists()
